import { PrivateDnsZoneName, PrivateEndpointSubresource } from '../../../src/azure/network/endpoints';
import { Network, type NetworkProps } from '../../../src/azure/network/network';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { CommonDefaults } from '../../../src/core/blocks';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens } from '../azure-stack';

const VNET = 'azurerm_virtual_network';
const SUBNET = 'azurerm_subnet';
const NSG = 'azurerm_network_security_group';
const RULE = 'azurerm_network_security_rule';
const ASSOCIATION = 'azurerm_subnet_network_security_group_association';
const ZONE = 'azurerm_private_dns_zone';
const LINK = 'azurerm_private_dns_zone_virtual_network_link';
const ENDPOINT = 'azurerm_private_endpoint';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const HUB_VNET = `${SUB}/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/spoke-data`;
const HUB_SUBNET = `${HUB_VNET}/subnets/private-endpoints`;
const zoneId = (zone: string) =>
  `${SUB}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone}`;

function newNetwork(props: Partial<NetworkProps> = {}, stack: TerraformStack = newAzureStack()) {
  const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG, ...props });
  return { stack, network };
}

function synthNetwork(props: Partial<NetworkProps> = {}, stack?: TerraformStack) {
  const { network, stack: s } = newNetwork(props, stack);
  return { network, stack: s, template: TfTemplate.fromStack(s) };
}

const ref = (type: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.\\w+\\.${attr}\\}$`));

describe('Network defaults', () => {
  test('a virtual network on 10.40.0.0/16 in the resource group, tagged with the platform', () => {
    // GIVEN / WHEN defaults / THEN DEFAULT_CIDR, shared with the other clouds
    const { template } = synthNetwork();
    expect(Network.DEFAULT_CIDR).toBe(CommonDefaults.NETWORK_CIDR);
    template.resourceCountIs(VNET, 1);
    template.hasResourceProperties(VNET, {
      name: expect.stringMatching(/^sales-vnet-[0-9a-f]{8}$/),
      address_space: ['10.40.0.0/16'],
      location: RG.location,
      resource_group_name: RG.name,
      tags: { 'data-platform': 'sales' },
    });
  });

  test('the private-endpoint subnet is the first /24, without default outbound access, with endpoint policies on', () => {
    // GIVEN / WHEN defaults
    const { template } = synthNetwork();
    // THEN one subnet; NSGs apply to the endpoints; no implicit internet egress
    expect(Network.PRIVATE_ENDPOINT_SUBNET_PREFIX).toBe(24);
    template.resourceCountIs(SUBNET, 1);
    template.hasResourceProperties(SUBNET, {
      name: Network.PRIVATE_ENDPOINT_SUBNET_NAME,
      virtual_network_name: ref(VNET, 'name'),
      address_prefixes: ['10.40.0.0/24'],
      private_endpoint_network_policies: 'Enabled',
      default_outbound_access_enabled: false,
    });
  });

  test('a security group denies inbound internet traffic at the highest priority and guards the subnet', () => {
    // GIVEN / WHEN defaults
    const { template } = synthNetwork();
    // THEN one NSG, one deny rule (priority 100), associated with the endpoint subnet
    expect(Network.DENY_INTERNET_PRIORITY).toBe(100);
    template.resourceCountIs(NSG, 1);
    template.hasResourceProperties(RULE, {
      name: Network.DENY_INTERNET_RULE_NAME,
      network_security_group_name: ref(NSG, 'name'),
      priority: 100,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      source_address_prefix: 'Internet',
      destination_address_prefix: '*',
      destination_port_range: '*',
    });
    template.hasResourceProperties(ASSOCIATION, {
      subnet_id: ref(SUBNET, 'id'),
      network_security_group_id: ref(NSG, 'id'),
    });
  });

  test('no DNS zone or endpoint exists until something needs it', () => {
    // GIVEN / WHEN defaults / THEN nothing but the network itself
    const { template, network } = synthNetwork();
    template.resourceCountIs(ZONE, 0);
    template.resourceCountIs(ENDPOINT, 0);
    expect(network.privateEndpoints).toEqual({});
    expect(template.resourceCount()).toBe(5);
  });
});

describe('Network options', () => {
  test('cidr sets the address space; the endpoint subnet is its first /24', () => {
    // GIVEN / WHEN a /20 in 172.16/12
    const { template } = synthNetwork({ cidr: '172.20.16.0/20' });
    // THEN
    template.hasResourceProperties(VNET, { address_space: ['172.20.16.0/20'] });
    template.hasResourceProperties(SUBNET, { address_prefixes: ['172.20.16.0/24'] });
  });

  test('a /24 is used whole for the endpoints', () => {
    const { template } = synthNetwork({ cidr: '192.168.7.0/24' });
    template.hasResourceProperties(SUBNET, { address_prefixes: ['192.168.7.0/24'] });
  });

  test('location overrides the resource group location; tags are added', () => {
    // GIVEN / WHEN / THEN
    const { template } = synthNetwork({ location: 'northeurope', tags: { owner: 'data-team' } });
    template.allResourcesHave(VNET, {
      location: 'northeurope',
      tags: { owner: 'data-team', 'data-platform': 'sales' },
    });
  });

  test('an existing network: no VNet, subnet or NSG; endpoints go in its subnet, new zones link to it', () => {
    // GIVEN a landing zone's network
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    // WHEN the network uses it
    const { template, network } = synthNetwork(
      { existingNetwork: { virtualNetworkId: HUB_VNET, privateEndpointSubnetId: HUB_SUBNET }, lake },
      stack,
    );
    // THEN nothing network-level is created
    expect(network.virtualNetwork).toBeUndefined();
    expect(network.networkSecurityGroup).toBeUndefined();
    template.resourceCountIs(VNET, 0);
    template.resourceCountIs(SUBNET, 0);
    template.resourceCountIs(NSG, 0);
    template.allResourcesHave(ENDPOINT, { subnet_id: HUB_SUBNET });
    template.allResourcesHave(LINK, { virtual_network_id: HUB_VNET });
  });

  test('existing DNS zones are used as given: neither created nor linked', () => {
    // GIVEN the landing zone's blob and dfs zones
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const ids = {
      [PrivateDnsZoneName.BLOB]: zoneId(PrivateDnsZoneName.BLOB),
      [PrivateDnsZoneName.DFS]: zoneId(PrivateDnsZoneName.DFS),
    };
    // WHEN the lake's endpoints are added
    const { template, network } = synthNetwork({ privateDnsZoneIds: ids, lake }, stack);
    // THEN the endpoints register there and no zone or link is made
    template.resourceCountIs(ZONE, 0);
    template.resourceCountIs(LINK, 0);
    template.hasResourceProperties(ENDPOINT, {
      private_dns_zone_group: { private_dns_zone_ids: [zoneId(PrivateDnsZoneName.DFS)] },
    });
    expect(network.privateDnsZoneId(PrivateDnsZoneName.BLOB)).toBe(ids[PrivateDnsZoneName.BLOB]);
  });

  test('tokens are accepted for existing ids and zone ids', () => {
    // GIVEN unresolved ids / WHEN / THEN no validation error
    expect(() =>
      newNetwork({
        existingNetwork: { virtualNetworkId: tokens.string(), privateEndpointSubnetId: tokens.string() },
        privateDnsZoneIds: { [PrivateDnsZoneName.BLOB]: tokens.string() },
        tags: { owner: tokens.string() },
      }),
    ).not.toThrow();
  });
});

describe('Network private endpoints', () => {
  test('the lake gets blob and dfs endpoints, each in its own linked zone', () => {
    // GIVEN a lake
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    // WHEN the network connects it
    const { template, network } = synthNetwork({ lake }, stack);
    // THEN two endpoints to the account, automatic approval, registered in their zones
    template.resourceCountIs(ENDPOINT, 2);
    for (const sub of ['blob', 'dfs']) {
      template.hasResourceProperties(ENDPOINT, {
        name: expect.stringMatching(new RegExp(`^sales-pe-lake${sub}-[0-9a-f]{8}$`)),
        subnet_id: ref(SUBNET, 'id'),
        private_service_connection: {
          private_connection_resource_id: ref('azurerm_storage_account', 'id'),
          subresource_names: [sub],
          is_manual_connection: false,
        },
        private_dns_zone_group: { name: 'default', private_dns_zone_ids: [ref(ZONE, 'id')] },
      });
      template.hasResourceProperties(ZONE, { name: `privatelink.${sub}.core.windows.net` });
    }
    template.resourceCountIs(LINK, 2);
    template.allResourcesHave(LINK, { virtual_network_id: ref(VNET, 'id'), registration_enabled: false });
    expect(Object.keys(network.privateEndpoints)).toEqual(['LakeBlob', 'LakeDfs']);
    expect(Object.keys(network.privateDnsZones)).toEqual([PrivateDnsZoneName.BLOB, PrivateDnsZoneName.DFS]);
  });

  test('a key vault endpoint in privatelink.vaultcore.azure.net; the kit key is created after it', () => {
    // GIVEN a kit key
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, platformName: 'sales' });
    // WHEN the network connects the vault
    const { template } = synthNetwork({ encryptionKeys: [key] }, stack);
    // THEN the endpoint targets the vault and the key depends on it (deployer inside the network)
    const endpoint = template.hasResourceProperties(ENDPOINT, {
      private_service_connection: {
        private_connection_resource_id: ref('azurerm_key_vault', 'id'),
        subresource_names: ['vault'],
      },
    });
    template.hasResourceProperties(ZONE, { name: PrivateDnsZoneName.KEY_VAULT });
    const keyResource = template.resources('azurerm_key_vault_key')[0];
    expect(keyResource.config.depends_on).toEqual([expect.stringMatching(/^time_sleep\./), endpoint.address]);
  });

  test('an imported key gets an endpoint and is left alone', () => {
    // GIVEN an existing key
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId: `${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared`,
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/cmk',
    });
    // WHEN / THEN
    const { template } = synthNetwork({ encryptionKeys: [key] }, stack);
    template.hasResourceProperties(ENDPOINT, {
      private_service_connection: { private_connection_resource_id: key.keyVaultId },
    });
  });

  test('addPrivateEndpoint: Synapse SQL endpoints share one zone; the same id returns the same endpoint', () => {
    // GIVEN a network
    const { network, stack } = newNetwork();
    const target = { resourceId: `${SUB}/resourceGroups/rg/providers/Microsoft.Synapse/workspaces/ws` };
    // WHEN endpoints are added, one twice
    const sql = network.addPrivateEndpoint('Sql', {
      ...target,
      subresource: PrivateEndpointSubresource.SYNAPSE_SQL,
    });
    network.addPrivateEndpoint('Serverless', {
      ...target,
      subresource: PrivateEndpointSubresource.SYNAPSE_SQL_ON_DEMAND,
    });
    const again = network.addPrivateEndpoint('Sql', {
      ...target,
      subresource: PrivateEndpointSubresource.SYNAPSE_SQL,
    });
    // THEN two endpoints, one zone
    expect(again).toBe(sql);
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(ENDPOINT, 2);
    template.resourceCountIs(ZONE, 1);
    template.hasResourceProperties(ZONE, { name: PrivateDnsZoneName.SYNAPSE_SQL });
  });
});
