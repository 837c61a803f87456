import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { type App, TerraformStack } from 'cdktf';
import {
  LakeStorage,
  Network,
  NotificationTarget,
  Principal,
  registerKitResourceProviders,
  StreamIngestion,
} from 'data-platform-kit/azure';

/** Adds the `streaming-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'streaming-azure');
  const provider = new AzurermProvider(stack, 'Azurerm', {
    // The lake has no public endpoint and no shared keys: Entra ID auth only, and no data-plane
    // reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  // Microsoft.Synapse and Microsoft.Purview are not in azurerm 4.x's default registrations.
  registerKitResourceProviders(provider);
  const runnerEgress = runnerEgressRanges(app);

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-sales-stream', location: 'westeurope' });

  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: rg,
    // The runner's public egress range (DPK_RUNNER_EGRESS_CIDR or context), read below.
    keyVaultAllowedIpRanges: runnerEgress,
  });

  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    resourceGroup: rg,
    emailAddresses: ['data-oncall@example.com'],
  });

  // Producers and consumers reach the namespace through a private endpoint in this network.
  const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: rg, lake });

  // Event Hubs namespace + hub; Capture lands Avro files in the raw zone.
  const clickstream = new StreamIngestion(stack, 'Clickstream', {
    platformName: 'sales',
    streamName: 'clickstream',
    resourceGroup: rg,
    lake,
    consumerGroups: ['analytics'],
    notificationTarget: alerts,
    network,
  });

  const identity = (id: string, name: string) =>
    new UserAssignedIdentity(stack, id, { name, location: rg.location, resourceGroupName: rg.name });
  clickstream.grantWrite(Principal.fromUserAssignedIdentity(identity('Producer', 'id-sales-web')));
  clickstream.grantRead(
    Principal.fromUserAssignedIdentity(identity('Consumer', 'id-sales-analytics')),
    'analytics',
  );
  // example:end

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
