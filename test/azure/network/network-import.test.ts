import { Network, PrivateDnsZoneName, PrivateEndpointSubresource } from '../../../src/azure';
import { ErrorCode } from '../../../src/core';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, RG } from '../azure-stack';

const HUB =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-hub/providers/Microsoft.Network';
const VNET = `${HUB}/virtualNetworks/hub`;
const SUBNET = `${VNET}/subnets/endpoints`;
const BLOB_ZONE = `${HUB}/privateDnsZones/privatelink.blob.core.windows.net`;
const ACCOUNT =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-sales/providers/Microsoft.Storage/storageAccounts/saleslake1a2b3c';

describe('Network.fromNetworkAttributes', () => {
  test('creates no network; endpoints blocks add go in the given subnet and DNS zones', () => {
    const stack = newAzureStack();
    const network = Network.fromNetworkAttributes(stack, 'LandingZone', {
      platformName: 'sales',
      resourceGroup: RG,
      virtualNetworkId: VNET,
      privateEndpointSubnetId: SUBNET,
      privateDnsZoneIds: { [PrivateDnsZoneName.BLOB]: BLOB_ZONE },
    });
    expect([network.virtualNetworkId, network.privateEndpointSubnetId]).toEqual([VNET, SUBNET]);
    network.addPrivateEndpoint('LakeBlob', {
      resourceId: ACCOUNT,
      subresource: PrivateEndpointSubresource.BLOB,
    });
    const template = TfTemplate.fromStack(stack);
    for (const type of [
      'azurerm_virtual_network',
      'azurerm_subnet',
      'azurerm_network_security_group',
      'azurerm_private_dns_zone',
    ]) {
      template.resourceCountIs(type, 0);
    }
    template.hasResourceProperties('azurerm_private_endpoint', {
      subnet_id: SUBNET,
      private_dns_zone_group: { private_dns_zone_ids: [BLOB_ZONE] },
    });
  });

  test('a malformed subnet id throws DPK_INVALID_NAME', () => {
    expect(() =>
      Network.fromNetworkAttributes(newAzureStack(), 'LandingZone', {
        platformName: 'sales',
        resourceGroup: RG,
        virtualNetworkId: VNET,
        privateEndpointSubnetId: 'endpoints',
      }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME }));
  });
});
