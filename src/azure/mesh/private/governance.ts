/**
 * The data management zone: its resource group, the hub network, one private DNS zone per
 * privatelink service the domains use (linked to the hub), the contract registry (a private
 * storage account with one blob per product contract) and, when asked, a Purview account.
 * Internal: not exported from the entry point.
 */
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import { contractBlobName, idPart } from './mesh-names';
import type { AzureMeshSettings } from './mesh-settings';
import { meshProvider } from './providers';
import type { TerraformStack } from '../../../terraform';
import { Catalog } from '../../catalog/catalog';
import type { PrivateDnsZoneName } from '../../network/endpoints';
import { Network } from '../../network/network';
import { stackClientConfig } from '../../private/deployment-scope';
import { afterRolePropagation } from '../../private/propagation';
import { EncryptionKey } from '../../security/encryption-key';
import { LakeStorage } from '../../storage/lake-storage';

/** The zone of the contracts container in the governance storage account. */
export const CONTRACTS_ZONE = 'contracts';
/** The role the deployer gets on the contracts container, to write the contract blobs (data plane). */
export const CONTRACT_WRITER_ROLE = 'Storage Blob Data Contributor';

/** What the governance stack holds. */
export interface GovernanceParts {
  readonly resourceGroup: ResourceGroup;
  readonly hub: Network;
  readonly dnsZones: Readonly<Partial<Record<PrivateDnsZoneName, PrivateDnsZone>>>;
  readonly contractStore: LakeStorage;
  /** Each product's contract blob, by product id. */
  readonly contracts: Readonly<Record<string, StorageBlob>>;
  readonly catalog?: Catalog;
}

/** Fills the governance stack. */
export function createGovernance(stack: TerraformStack, s: AzureMeshSettings): GovernanceParts {
  meshProvider(stack, s.governanceSubscriptionId);
  const platformName = s.plan.name;
  const tags = s.plan.tags;
  const resourceGroup = new ResourceGroup(stack, 'ResourceGroup', {
    name: s.governanceResourceGroupName,
    location: s.location,
    tags: { ...tags },
  });
  // The group itself, not its name: everything in it waits for it.
  const rg = resourceGroup;
  const hub = new Network(stack, 'Hub', { platformName, resourceGroup: rg, cidr: s.hubAddressSpace, tags });
  // Every zone a domain's endpoints register in, made once here and linked to the hub; each
  // domain's identity stack links it to the domain's network.
  for (const zone of s.dnsZones) hub.privateDnsZoneId(zone);

  const key = new EncryptionKey(stack, 'ContractKey', {
    platformName,
    purpose: 'contracts',
    resourceGroup: rg,
    allowedIpRanges: s.props.keyVaultAllowedIpRanges,
    deployerInsideNetwork: s.props.deployerInsideNetwork,
  });
  const contractStore = new LakeStorage(stack, 'Contracts', {
    platformName,
    resourceGroup: rg,
    zones: [CONTRACTS_ZONE],
    encryptionKey: key,
    tags,
  });
  hub.addKeyVaultEndpoint(key);
  const [blobEndpoint] = hub.addLakeEndpoints(contractStore);
  const writer = new RoleAssignment(stack, 'DeployerContractWriter', {
    scope: contractStore.containerResourceId(CONTRACTS_ZONE),
    roleDefinitionName: CONTRACT_WRITER_ROLE,
    // The deployer may be a user or a service principal: Azure resolves the type.
    principalId: stackClientConfig(stack).objectId,
    description: 'Lets the deployer write the data mesh contracts (Open Data Contract Standard JSON).',
  });
  const wait = afterRolePropagation(stack, 'ContractWriterPropagation', [writer]);
  const contracts: Record<string, StorageBlob> = {};
  s.plan.products.forEach((product, i) => {
    contracts[product.id] = new StorageBlob(
      stack,
      `Contract${idPart(product.domain)}${idPart(product.name)}`,
      {
        name: contractBlobName(product),
        storageAccountName: contractStore.storageAccountName,
        storageContainerName: contractStore.containerFor(CONTRACTS_ZONE).name,
        type: 'Block',
        contentType: 'application/json',
        sourceContent: `${JSON.stringify(s.plan.contracts[i], undefined, 2)}\n`,
        // Written on the data plane: after the deployer's role and the private blob endpoint.
        dependsOn: [wait, blobEndpoint],
      },
    );
  });
  const catalog = s.purview
    ? new Catalog(stack, 'Catalog', {
        platformName,
        resourceGroup: rg,
        lake: contractStore,
        purview: true,
        network: hub,
        tags,
      })
    : undefined;
  return { resourceGroup, hub, dnsZones: hub.privateDnsZones, contractStore, contracts, catalog };
}
