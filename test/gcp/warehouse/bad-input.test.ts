import { TerraformVariable } from 'cdktf';
import { newCatalog } from './warehouse-fixtures';
import type { WarehouseSize } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import {
  EncryptionKey,
  Principal,
  ReservationEdition,
  Warehouse,
  type WarehouseProps,
} from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to the GCP Warehouse, one table: each row builds a warehouse (or a grant on one) with
 * one bad prop and names the ErrorCode and prop it must fail with. No prop exposes data: grants
 * take an intent and a principal, never a role or a public member.
 */

const own = (props: Partial<WarehouseProps>) => (stack: TerraformStack) =>
  new Warehouse(stack, 'Warehouse', { platformName: 'sales', location: 'EU', ...props });
const onCatalog = (props: Partial<WarehouseProps>) => (stack: TerraformStack) =>
  new Warehouse(stack, 'Warehouse', { platformName: 'sales', catalog: newCatalog(stack), ...props });
const grant =
  (member: () => ReturnType<typeof Principal.group>, zone = 'serving') =>
  (stack: TerraformStack) =>
    own({})(stack).grantRead(member(), zone);

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop?: string];

const ROWS: Row[] = [
  ['platformName in uppercase', own({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['project in uppercase', own({ project: 'Acme-Bi' }), ErrorCode.INVALID_NAME, 'project'],
  ['no catalog and no location', own({ location: undefined }), ErrorCode.INVALID_LOCATION, 'location'],
  [
    "location 'ASIA' (no BigQuery multi-region)",
    own({ location: 'ASIA' }),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  [
    'a location other than the catalog’s',
    onCatalog({ location: 'EU' }),
    ErrorCode.INVALID_LOCATION,
    'location',
  ],
  [
    'a brought key in another location',
    (stack) => own({ encryptionKey: new EncryptionKey(stack, 'Key', { location: 'europe-west1' }) })(stack),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'an encryptionKey with a catalog',
    (stack) =>
      onCatalog({ encryptionKey: new EncryptionKey(stack, 'Key', { location: 'europe-west1' }) })(stack),
    ErrorCode.CONFLICTING_PROPS,
    'encryptionKey',
  ],
  [
    'datasetIds with a catalog',
    onCatalog({ datasetIds: { serving: 'x' } }),
    ErrorCode.CONFLICTING_PROPS,
    'datasetIds',
  ],
  [
    'timeTravelHours with a catalog',
    onCatalog({ timeTravelHours: 48 }),
    ErrorCode.CONFLICTING_PROPS,
    'timeTravelHours',
  ],
  [
    'a daily query limit with a reservation',
    own({ reservation: true, dailyQueryLimitGib: 100 }),
    ErrorCode.CONFLICTING_PROPS,
    'dailyQueryLimitGib',
  ],
  [
    'a per-user daily query limit with a reservation',
    own({ reservation: true, dailyQueryLimitPerUserGib: 100 }),
    ErrorCode.CONFLICTING_PROPS,
    'dailyQueryLimitPerUserGib',
  ],
  [
    'an edition without a reservation',
    own({ edition: ReservationEdition.ENTERPRISE_PLUS }),
    ErrorCode.CONFLICTING_PROPS,
    'edition',
  ],
  [
    'a size that is not a WarehouseSize',
    own({ size: 'huge' as WarehouseSize }),
    ErrorCode.OUT_OF_RANGE,
    'size',
  ],
  ['dailyQueryLimitGib 0', own({ dailyQueryLimitGib: 0 }), ErrorCode.OUT_OF_RANGE, 'dailyQueryLimitGib'],
  ['dailyQueryLimitGib 1.5', own({ dailyQueryLimitGib: 1.5 }), ErrorCode.OUT_OF_RANGE, 'dailyQueryLimitGib'],
  [
    'dailyQueryLimitGib over 1 PiB',
    own({ dailyQueryLimitGib: 1_048_577 }),
    ErrorCode.OUT_OF_RANGE,
    'dailyQueryLimitGib',
  ],
  [
    'a per-user limit above the project limit',
    own({ dailyQueryLimitGib: 100, dailyQueryLimitPerUserGib: 200 }),
    ErrorCode.OUT_OF_RANGE,
    'dailyQueryLimitPerUserGib',
  ],
  [
    'a catalog zone that does not exist',
    onCatalog({ servedZones: ['gold'] }),
    ErrorCode.UNKNOWN_ZONE,
    'servedZones[0]',
  ],
  ['no own zones', own({ servedZones: [] }), ErrorCode.NO_ZONES, 'servedZones'],
  ['an own zone in uppercase', own({ servedZones: ['Marts'] }), ErrorCode.INVALID_ZONE, 'servedZones[0]'],
  [
    'an own zone listed twice',
    own({ servedZones: ['marts', 'marts'] }),
    ErrorCode.DUPLICATE_ZONE,
    'servedZones[1]',
  ],
  [
    'a datasetIds key for an unknown zone',
    own({ datasetIds: { gold: 'gold' } }),
    ErrorCode.UNKNOWN_ZONE,
    'datasetIds["gold"]',
  ],
  [
    'a dataset id with a dot',
    own({ datasetIds: { serving: 'sales.serving' } }),
    ErrorCode.INVALID_NAME,
    'datasetIds["serving"]',
  ],
  ['timeTravelHours 0', own({ timeTravelHours: 0 }), ErrorCode.OUT_OF_RANGE, 'timeTravelHours'],
  ['a label key with a space', own({ tags: { 'cost center': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'a grant on a zone not served',
    grant(() => Principal.group('a@acme.com'), 'curated'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
  [
    'a grant to allUsers',
    grant(() => Principal.fromMember('allUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
];

describeBadInput('GCP Warehouse bad input', tupleRows(ROWS), {
  newStack: () => newGcpStack(),
  expectError: expectValidationError,
  rowTitle: 'rejects %s',
  distinctTitle: 'every row is a distinct case',
});

const token = (stack: TerraformStack, id: string) =>
  new TerraformVariable(stack, id, { type: 'string' }).stringValue;
const number = (stack: TerraformStack, id: string) =>
  new TerraformVariable(stack, id, { type: 'number' }).numberValue;

describe('GCP Warehouse bad input: deploy-time tokens', () => {
  test.each([
    ['location', (s: TerraformStack) => own({ location: token(s, 'Location') })(s)],
    ['project', (s: TerraformStack) => own({ project: token(s, 'Project'), reservation: true })(s)],
    ['datasetIds', (s: TerraformStack) => own({ datasetIds: { serving: token(s, 'Id') } })(s)],
    ['timeTravelHours', (s: TerraformStack) => own({ timeTravelHours: number(s, 'Hours') })(s)],
  ] as const)('skips validation of a token %s', (_, build) => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN / THEN
    expect(() => build(stack)).not.toThrow();
    expect(TfTemplate.fromStack(stack).resourceCount()).toBeGreaterThan(0);
  });

  test('rejects a token daily query limit, which is converted to MiB', () => {
    expectValidationError(
      () => {
        const stack = newGcpStack();
        own({ dailyQueryLimitGib: number(stack, 'Gib') })(stack);
      },
      ErrorCode.OUT_OF_RANGE,
      'dailyQueryLimitGib',
    );
  });
});
