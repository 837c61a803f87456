import { TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core/errors';
import { Network, type NetworkAttributes, type NetworkProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to the GCP Network, one table: each row builds a network with one bad prop and names
 * the ErrorCode and prop it must fail with. No prop can open ingress to the internet: the only
 * allow rule the block makes takes the subnet's own (private) range as its source.
 */

const networkIn = (stack: TerraformStack, props: Partial<NetworkProps> = {}) =>
  new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1', ...props });
const network = (props: Partial<NetworkProps>) => (stack: TerraformStack) => networkIn(stack, props);
const imported = (attrs: Partial<NetworkAttributes>) => (stack: TerraformStack) =>
  Network.fromNetworkAttributes(stack, 'Imported', {
    networkId: 'projects/acme-host/global/networks/shared',
    subnetworkId: 'projects/acme-host/regions/europe-west1/subnetworks/data',
    ...attrs,
  });

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop?: string];

const ROWS: Row[] = [
  ['platformName in uppercase', network({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['platformName too short', network({ platformName: 's' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['networkName in uppercase', network({ networkName: 'Acme-Vpc' }), ErrorCode.INVALID_NAME, 'networkName'],
  [
    'networkName starting with a digit',
    network({ networkName: '1vpc' }),
    ErrorCode.INVALID_NAME,
    'networkName',
  ],
  ['networkName ending with -', network({ networkName: 'vpc-' }), ErrorCode.INVALID_NAME, 'networkName'],
  [
    'networkName over 63 characters',
    network({ networkName: `v${'a'.repeat(63)}` }),
    ErrorCode.INVALID_NAME,
    'networkName',
  ],
  [
    'subnetworkName with _',
    network({ subnetworkName: 'data_subnet' }),
    ErrorCode.INVALID_NAME,
    'subnetworkName',
  ],
  ['project in uppercase', network({ project: 'Acme-Net' }), ErrorCode.INVALID_NAME, 'project'],
  ["a multi-region as region ('EU')", network({ region: 'EU' }), ErrorCode.INVALID_LOCATION, 'region'],
  [
    "a zone as region ('europe-west1-b')",
    network({ region: 'europe-west1-b' }),
    ErrorCode.INVALID_LOCATION,
    'region',
  ],
  ['a cidr without a prefix', network({ cidr: '10.40.0.0' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr with an octet over 255', network({ cidr: '10.300.0.0/16' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr wider than /8', network({ cidr: '10.0.0.0/7' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr narrower than /29', network({ cidr: '10.40.0.0/30' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr with host bits set', network({ cidr: '10.40.0.1/16' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a public cidr', network({ cidr: '8.8.8.0/24' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['the whole internet as cidr', network({ cidr: '0.0.0.0/0' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr straddling 172.16/12', network({ cidr: '172.0.0.0/8' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  [
    'flowLogSampling 0 (flow logs off)',
    network({ flowLogSampling: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'flowLogSampling',
  ],
  ['flowLogSampling above 1', network({ flowLogSampling: 1.5 }), ErrorCode.OUT_OF_RANGE, 'flowLogSampling'],
  ['a label key in uppercase', network({ tags: { Team: 'sales' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a malformed networkId', imported({ networkId: 'shared' }), ErrorCode.INVALID_NAME, 'networkId'],
  [
    'a subnetwork id as networkId',
    imported({ networkId: 'projects/acme-host/regions/europe-west1/subnetworks/data' }),
    ErrorCode.INVALID_NAME,
    'networkId',
  ],
  [
    'a malformed subnetworkId',
    imported({ subnetworkId: 'projects/acme-host/subnetworks/data' }),
    ErrorCode.INVALID_NAME,
    'subnetworkId',
  ],
  [
    'a region other than the subnet id’s',
    imported({ region: 'europe-west4' }),
    ErrorCode.INVALID_LOCATION,
    'region',
  ],
];

describeBadInput('GCP Network bad input', tupleRows(ROWS), {
  newStack: () => newGcpStack(),
  expectError: expectValidationError,
  rowTitle: 'rejects %s',
  distinctTitle: 'every row is a distinct case',
});

const token = (stack: TerraformStack, id: string) =>
  new TerraformVariable(stack, id, { type: 'string' }).stringValue;

describe('GCP Network bad input: deploy-time tokens', () => {
  test.each([
    ['region', (s: TerraformStack) => networkIn(s, { region: token(s, 'Region') })],
    ['cidr', (s: TerraformStack) => networkIn(s, { cidr: token(s, 'Cidr') })],
    ['project', (s: TerraformStack) => networkIn(s, { project: token(s, 'Project') })],
    ['networkName', (s: TerraformStack) => networkIn(s, { networkName: token(s, 'Name') })],
    [
      'flowLogSampling',
      (s: TerraformStack) =>
        networkIn(s, {
          flowLogSampling: new TerraformVariable(s, 'Sampling', { type: 'number' }).numberValue,
        }),
    ],
    [
      'imported ids, with the region given',
      (s: TerraformStack) =>
        imported({ networkId: token(s, 'Net'), subnetworkId: token(s, 'Sub'), region: 'europe-west1' })(s),
    ],
  ] as const)('skips validation of a token %s', (_, build) => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN / THEN
    expect(() => build(stack)).not.toThrow();
    expect(TfTemplate.fromStack(stack)).toBeDefined();
  });

  test('rejects a token subnetworkId without a region (the region cannot be read from it)', () => {
    expectValidationError(
      () => {
        const stack = newGcpStack();
        imported({ subnetworkId: token(stack, 'Sub') })(stack);
      },
      ErrorCode.INVALID_LOCATION,
      'region',
    );
  });
});
