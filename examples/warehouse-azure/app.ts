import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { type App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  Catalog,
  EncryptionKey,
  LakeStorage,
  Network,
  Principal,
  registerKitResourceProviders,
  Warehouse,
} from 'data-platform-kit/azure';

/**
 * App context key: set it to true in `cdktf.json`'s `context` when `terraform apply` runs on a
 * runner inside the network, so the warehouse also creates its data-plane resources.
 */
export const DEPLOYER_REACHES_WORKSPACE_CONTEXT = 'warehouse-azure:deployerReachesWorkspace';

/**
 * Entra groups of the example (object ids). PLACEHOLDERS: replace each with your own group's
 * object id (`az ad group show --group <name> --query id -o tsv`) before `terraform apply`; the
 * all-zero ids exist in no tenant, so role assignments to them fail with PrincipalNotFound.
 */
const GROUPS = {
  sqlAdmins: '00000000-0000-0000-0000-00000000a001',
  analysts: '00000000-0000-0000-0000-00000000a002',
  engineers: '00000000-0000-0000-0000-00000000a003',
} as const;

/** Adds the `warehouse-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'warehouse-azure');
  const provider = new AzurermProvider(stack, 'Azurerm', {
    // The storage account has no public endpoint and no shared keys: Entra ID auth only, and
    // no data-plane reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  // Microsoft.Synapse and Microsoft.Purview are not in azurerm 4.x's default registrations.
  registerKitResourceProviders(provider);
  const runnerEgress = runnerEgressRanges(app);
  const deployerReachesWorkspace = app.node.tryGetContext(DEPLOYER_REACHES_WORKSPACE_CONTEXT) === true;

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', {
    name: 'rg-sales-warehouse',
    location: 'westeurope',
  });

  // One key for the lake and the warehouse. The deployer creates it on the vault's data plane:
  // from its IP range on the first apply, through the network's vault endpoint afterwards.
  const key = new EncryptionKey(stack, 'Key', {
    resourceGroup: rg,
    platformName: 'sales',
    // The runner's public egress range (DPK_RUNNER_EGRESS_CIDR or context), read below.
    allowedIpRanges: runnerEgress,
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: rg,
    encryptionKey: key,
  });

  // A VNet with a private-endpoint subnet (internet inbound denied), endpoints for the lake's
  // blob and dfs and for the vault, and the private DNS zones they register in.
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    resourceGroup: rg,
    lake,
    encryptionKeys: [key],
  });

  // One lake-database location per zone, for Synapse lake databases over the lake.
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', resourceGroup: rg, lake, network });

  // Synapse on the lake's curated filesystem: managed VNet, exfiltration protection, no public
  // access, Entra-only auth, the shared customer-managed key, private endpoints in the network.
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    resourceGroup: rg,
    lake,
    network,
    catalog,
    encryptionKey: key,
    sqlAdministrator: { login: 'sales-sql-admins', principal: Principal.group(GROUPS.sqlAdmins) },
    // Managed private endpoints and Synapse RBAC live on the workspace's data plane: apply once
    // from anywhere, then again from a runner inside the network with this set to true.
    deployerReachesWorkspace,
  });

  // Analysts read serving; engineers read and write curated (storage roles + Synapse RBAC).
  warehouse.grantRead(Principal.group(GROUPS.analysts), 'serving');
  warehouse.grantReadWrite(Principal.group(GROUPS.engineers), 'curated');
  // example:end

  new TerraformOutput(stack, 'ServingDatabaseLocation', { value: catalog.databaseLocation('serving') });
  return [stack];
}

/**
 * App context key: the public egress CIDR of the machine that runs `terraform apply` (also read
 * from the `DPK_RUNNER_EGRESS_CIDR` environment variable). The Key Vault admits only this range;
 * unset, the vault has no public endpoint and a warning says the runner needs a private path.
 * Documentation and private ranges are rejected.
 */
export const RUNNER_EGRESS_CONTEXT = 'azure:runnerEgressCidr';

/** The runner's egress range from context or environment, or none. */
function runnerEgressRanges(app: App): string[] | undefined {
  const cidr = app.node.tryGetContext(RUNNER_EGRESS_CONTEXT) ?? process.env.DPK_RUNNER_EGRESS_CIDR;
  return typeof cidr === 'string' && cidr !== '' ? [cidr] : undefined;
}
