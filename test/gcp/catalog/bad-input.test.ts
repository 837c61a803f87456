import { TerraformVariable } from 'cdktf';
import { newCatalog, newLake } from './catalog-fixtures';
import { ErrorCode } from '../../../src/core/errors';
import {
  Catalog,
  type CatalogAttributes,
  type CatalogProps,
  EncryptionKey,
  Principal,
  LakeStorageProps,
} from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to the GCP Catalog, one table: each row builds a catalog (or a grant on one) with one
 * bad prop and names the ErrorCode and prop it must fail with. No prop can open a dataset to the
 * public: the catalog writes no access entries, and grants reject public members.
 */

const catalog =
  (props: Partial<CatalogProps>, lakeProps: Partial<LakeStorageProps> = {}) =>
  (stack: TerraformStack) =>
    newCatalog(stack, newLake(stack, lakeProps), props);
const imported = (attrs: Partial<CatalogAttributes>) => (stack: TerraformStack) =>
  Catalog.fromCatalogAttributes(stack, 'Existing', {
    location: 'EU',
    datasetIds: { serving: 'sales_serving' },
    ...attrs,
  });
const grant =
  (member: () => ReturnType<typeof Principal.group>, zone = 'serving') =>
  (stack: TerraformStack) =>
    catalog({})(stack).grantRead(member(), zone);

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop?: string];

const ROWS: Row[] = [
  ['platformName in uppercase', catalog({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['project in uppercase', catalog({ project: 'Acme-Data' }), ErrorCode.INVALID_NAME, 'project'],
  [
    'an ASIA lake without a BigQuery location',
    catalog({}, { location: 'ASIA' }),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  ["a malformed location ('eu')", catalog({ location: 'eu' }), ErrorCode.INVALID_LOCATION, 'location'],
  [
    "a location the lake's key does not fit",
    catalog({ location: 'US' }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a brought key in another region',
    (stack) =>
      newCatalog(stack, newLake(stack), {
        encryptionKey: new EncryptionKey(stack, 'Other', { location: 'europe-west4' }),
      }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  ['no zones', catalog({ zones: [] }), ErrorCode.NO_ZONES, 'zones'],
  ['a zone the lake does not have', catalog({ zones: ['gold'] }), ErrorCode.UNKNOWN_ZONE, 'zones[0]'],
  ['a zone listed twice', catalog({ zones: ['raw', 'raw'] }), ErrorCode.DUPLICATE_ZONE, 'zones[1]'],
  [
    'a datasetIds key for an unknown zone',
    catalog({ datasetIds: { gold: 'gold' } }),
    ErrorCode.UNKNOWN_ZONE,
    'datasetIds["gold"]',
  ],
  [
    'a dataset id with -',
    catalog({ datasetIds: { raw: 'sales-raw' } }),
    ErrorCode.INVALID_NAME,
    'datasetIds["raw"]',
  ],
  ['an empty dataset id', catalog({ datasetIds: { raw: '' } }), ErrorCode.INVALID_NAME, 'datasetIds["raw"]'],
  [
    'a rawZones entry for an unknown zone',
    catalog({ rawZones: ['landing'] }),
    ErrorCode.UNKNOWN_ZONE,
    'rawZones["landing"]',
  ],
  ['timeTravelHours under 48', catalog({ timeTravelHours: 24 }), ErrorCode.OUT_OF_RANGE, 'timeTravelHours'],
  ['timeTravelHours over 168', catalog({ timeTravelHours: 192 }), ErrorCode.OUT_OF_RANGE, 'timeTravelHours'],
  [
    'timeTravelHours not a multiple of 24',
    catalog({ timeTravelHours: 50 }),
    ErrorCode.OUT_OF_RANGE,
    'timeTravelHours',
  ],
  ['a connectionId with -', catalog({ connectionId: 'sales-lake' }), ErrorCode.INVALID_NAME, 'connectionId'],
  [
    'a multi-region lake without a dataplexRegion',
    catalog({}, { location: 'EU' }),
    ErrorCode.INVALID_LOCATION,
    'dataplexRegion',
  ],
  [
    'a dataplexRegion outside the lake multi-region',
    catalog({ dataplexRegion: 'us-central1' }, { location: 'EU' }),
    ErrorCode.INVALID_LOCATION,
    'dataplexRegion',
  ],
  [
    'a dataplexRegion other than the lake region',
    catalog({ dataplexRegion: 'europe-west4' }),
    ErrorCode.INVALID_LOCATION,
    'dataplexRegion',
  ],
  [
    "a multi-region dataplexRegion ('EU')",
    catalog({ dataplexRegion: 'EU' }, { location: 'EU' }),
    ErrorCode.INVALID_LOCATION,
    'dataplexRegion',
  ],
  [
    'a label value in uppercase',
    catalog({ tags: { team: 'Sales' } }),
    ErrorCode.INVALID_TAGS,
    'tags["team"]',
  ],
  [
    'a grant on a zone without a dataset',
    grant(() => Principal.group('a@acme.com'), 'gold'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
  [
    'a grant to allUsers',
    grant(() => Principal.fromMember('allUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'a grant to allAuthenticatedUsers',
    grant(() => Principal.fromMember('allAuthenticatedUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  ['an imported catalog without datasets', imported({ datasetIds: {} }), ErrorCode.NO_ZONES, 'datasetIds'],
  [
    'an imported zone name in uppercase',
    imported({ datasetIds: { Serving: 'x' } }),
    ErrorCode.INVALID_ZONE,
    'datasetIds["Serving"]',
  ],
  [
    'an imported dataset id with -',
    imported({ datasetIds: { serving: 'sales-serving' } }),
    ErrorCode.INVALID_NAME,
    'datasetIds["serving"]',
  ],
  ["an imported location 'ASIA'", imported({ location: 'ASIA' }), ErrorCode.INVALID_LOCATION, 'location'],
];

describeBadInput('GCP Catalog bad input', tupleRows(ROWS), {
  newStack: () => newGcpStack(),
  expectError: expectValidationError,
  rowTitle: 'rejects %s',
  distinctTitle: 'every row is a distinct case',
});

const token = (stack: TerraformStack, id: string) =>
  new TerraformVariable(stack, id, { type: 'string' }).stringValue;
const withLake = (props: (s: TerraformStack) => Partial<CatalogProps>) => (s: TerraformStack) =>
  newCatalog(s, newLake(s), props(s));

describe('GCP Catalog bad input: deploy-time tokens', () => {
  test.each([
    ['location', withLake((s) => ({ location: token(s, 'Location') }))],
    ['project', withLake((s) => ({ project: token(s, 'Project') }))],
    ['datasetIds', withLake((s) => ({ datasetIds: { raw: token(s, 'Id') } }))],
    ['connectionId', withLake((s) => ({ connectionId: token(s, 'Id') }))],
    ['dataplexRegion', withLake((s) => ({ dataplexRegion: token(s, 'Region') }))],
    [
      'timeTravelHours',
      withLake((s) => ({
        timeTravelHours: new TerraformVariable(s, 'Hours', { type: 'number' }).numberValue,
      })),
    ],
    [
      'imported dataset ids and location',
      (s: TerraformStack) =>
        Catalog.fromCatalogAttributes(s, 'Existing', {
          location: token(s, 'Loc'),
          datasetIds: { serving: token(s, 'Id') },
        }).grantRead(Principal.group('a@acme.com'), 'serving'),
    ],
    [
      'a member with a grantKey',
      (s: TerraformStack) =>
        withLake(() => ({}))(s).grantRead(Principal.fromMember(token(s, 'M'), 'bi'), 'serving'),
    ],
  ] as const)('skips validation of a token %s', (_, build) => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN / THEN
    expect(() => build(stack)).not.toThrow();
    expect(TfTemplate.fromStack(stack).resourceCount()).toBeGreaterThan(0);
  });

  test('rejects a token member without a grantKey, which names IAM resources', () => {
    expectValidationError(
      () => {
        const stack = newGcpStack();
        withLake(() => ({}))(stack).grantRead(Principal.fromMember(token(stack, 'M')), 'serving');
      },
      ErrorCode.INVALID_PRINCIPAL,
      'principal.grantKey',
    );
  });
});
