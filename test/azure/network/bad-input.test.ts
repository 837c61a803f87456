import { PrivateDnsZoneName, PrivateEndpointSubresource } from '../../../src/azure/network/endpoints';
import { Network, type NetworkProps } from '../../../src/azure/network/network';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';
import { newAzureStack, RG, tokens } from '../azure-stack';

/**
 * Bad input to `Network`, table-driven: each row builds one network with one bad prop and names
 * the code and the prop the ValidationError must carry.
 */
const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const VNET = `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-a`;
const OTHER_VNET = `${SUB}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-b`;

function network(props: Partial<NetworkProps> = {}): Network {
  return new Network(newAzureStack(), 'Network', { platformName: 'sales', resourceGroup: RG, ...props });
}

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  [
    'a platform name with capitals',
    () => network({ platformName: 'Sales' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  ['a malformed cidr', () => network({ cidr: '10.40.0/16' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a cidr with host bits', () => network({ cidr: '10.40.1.0/16' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a public range', () => network({ cidr: '203.0.113.0/24' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['the whole internet', () => network({ cidr: '0.0.0.0/0' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a prefix wider than /8', () => network({ cidr: '10.0.0.0/7' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  ['a range smaller than /24', () => network({ cidr: '10.40.0.0/25' }), ErrorCode.INVALID_IP_RANGE, 'cidr'],
  [
    '172.32/16, just outside 172.16/12',
    () => network({ cidr: '172.32.0.0/16' }),
    ErrorCode.INVALID_IP_RANGE,
    'cidr',
  ],
  [
    'a token cidr (the subnet derives from it)',
    () => network({ cidr: tokens.string() }),
    ErrorCode.INVALID_IP_RANGE,
    'cidr',
  ],
  [
    'an existing network with a cidr',
    () =>
      network({
        cidr: '10.0.0.0/16',
        existingNetwork: { virtualNetworkId: VNET, privateEndpointSubnetId: `${VNET}/subnets/pe` },
      }),
    ErrorCode.CONFLICTING_PROPS,
    'cidr',
  ],
  [
    'a virtual network id that is a name',
    () =>
      network({
        existingNetwork: { virtualNetworkId: 'vnet-a', privateEndpointSubnetId: `${VNET}/subnets/pe` },
      }),
    ErrorCode.INVALID_NAME,
    'existingNetwork.virtualNetworkId',
  ],
  [
    'a subnet id without a virtual network',
    () => network({ existingNetwork: { virtualNetworkId: VNET, privateEndpointSubnetId: 'pe' } }),
    ErrorCode.INVALID_NAME,
    'existingNetwork.privateEndpointSubnetId',
  ],
  [
    'a subnet of another virtual network',
    () =>
      network({
        existingNetwork: { virtualNetworkId: VNET, privateEndpointSubnetId: `${OTHER_VNET}/subnets/pe` },
      }),
    ErrorCode.CONFLICTING_PROPS,
    'existingNetwork.privateEndpointSubnetId',
  ],
  [
    'a zone id for another zone',
    () =>
      network({
        privateDnsZoneIds: {
          [PrivateDnsZoneName.BLOB]: `${SUB}/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.dfs.core.windows.net`,
        },
      }),
    ErrorCode.INVALID_NAME,
    'privateDnsZoneIds["privatelink.blob.core.windows.net"]',
  ],
  [
    'a zone the kit does not know',
    () =>
      network({
        privateDnsZoneIds: { 'privatelink.example.com': 'x' } as Partial<Record<PrivateDnsZoneName, string>>,
      }),
    ErrorCode.INVALID_NAME,
    'privateDnsZoneIds["privatelink.example.com"]',
  ],
  ['a tag name with /', () => network({ tags: { 'team/owner': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'an endpoint id reused for another resource',
    () => {
      const n = network();
      n.addPrivateEndpoint('Lake', { resourceId: `${SUB}/a`, subresource: PrivateEndpointSubresource.DFS });
      n.addPrivateEndpoint('Lake', { resourceId: `${SUB}/b`, subresource: PrivateEndpointSubresource.DFS });
    },
    ErrorCode.CONFLICTING_PROPS,
    'id',
  ],
];

describeBadInput(
  'Network bad input',
  tupleRows(ROWS),
  {
    newStack: () => undefined,
    expectError: expectThrownInstance(ValidationError),
  },
  () => {
    test('every valid RFC 1918 range from /8 to /24 is accepted', () => {
      for (const cidr of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '172.31.255.0/24']) {
        expect(() => network({ cidr })).not.toThrow();
      }
    });
  },
);
