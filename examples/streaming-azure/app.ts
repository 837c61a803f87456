import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { type App, TerraformStack } from 'cdktf';
import { LakeStorage, NotificationTarget, Principal, StreamIngestion } from 'data-platform-kit/azure';

/** Adds the `streaming-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'streaming-azure');
  new AzurermProvider(stack, 'Azurerm', {
    // The lake has no public endpoint and no shared keys: Entra ID auth only, and no data-plane
    // reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-sales-stream', location: 'westeurope' });

  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: rg,
    keyVaultAllowedIpRanges: ['203.0.113.0/24'],
  });

  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    resourceGroup: rg,
    emails: ['data-oncall@example.com'],
  });

  // Event Hubs namespace + hub; Capture lands Avro files in the raw zone.
  const clickstream = new StreamIngestion(stack, 'Clickstream', {
    platformName: 'sales',
    streamName: 'clickstream',
    resourceGroup: rg,
    lake,
    consumerGroups: ['analytics'],
    notificationTarget: alerts,
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
