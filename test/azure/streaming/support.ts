import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import type { IPrincipal } from '../../../src/azure/iam/principal';
import { LakeStorage, type ILakeStorage } from '../../../src/azure/storage/lake-storage';
import { StreamIngestion, type StreamIngestionProps } from '../../../src/azure/streaming/stream-ingestion';
import type { ZoneAccess } from '../../../src/core/blocks';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, RG } from '../azure-stack';

export const NAMESPACE = 'azurerm_eventhub_namespace';
export const HUB = 'azurerm_eventhub';
export const CONSUMER_GROUP = 'azurerm_eventhub_consumer_group';
export const CMK = 'azurerm_eventhub_namespace_customer_managed_key';
export const ASSIGNMENT = 'azurerm_role_assignment';
export const ALERT = 'azurerm_monitor_metric_alert';
export const DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting';
export const WORKSPACE = 'azurerm_log_analytics_workspace';
export const ACTION_GROUP = 'azurerm_monitor_action_group';

/** A storage account id that is not the kit's. */
export const FOREIGN_ACCOUNT_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-other/providers/Microsoft.Storage/storageAccounts/otherlake';

/** An `ILakeStorage` that is not a kit `LakeStorage`: no workspace, containers known by id only. */
export class ForeignLake extends Construct implements ILakeStorage {
  public readonly storageAccountId = FOREIGN_ACCOUNT_ID;
  public readonly storageAccountName = 'otherlake';
  public readonly zoneNames = ['raw', 'curated'];

  public containerResourceId(zone: string): string {
    return `${FOREIGN_ACCOUNT_ID}/blobServices/default/containers/landing-${zone}`;
  }

  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment {
    return new RoleAssignment(this, `Grant${access}${zone}`, {
      scope: this.containerResourceId(zone),
      roleDefinitionName: `role-for-${access}`,
      principalId: principal.principalId,
    });
  }

  public grantRead(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, 'read' as ZoneAccess);
  }

  public grantWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, 'write' as ZoneAccess);
  }

  public grantReadWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, 'readWrite' as ZoneAccess);
  }
}

/** A stream named `clicks` on platform `sales`, landing in a default kit lake unless `lake` is given. */
export function newStream(
  props: Partial<StreamIngestionProps> = {},
  stack: TerraformStack = newAzureStack(),
) {
  const lake = props.lake ?? new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  const stream = new StreamIngestion(stack, 'Clicks', {
    platformName: 'sales',
    streamName: 'clicks',
    resourceGroup: RG,
    ...props,
    lake,
  });
  return { stack, lake, stream };
}

/** The same, synthesized. */
export function synthStream(props: Partial<StreamIngestionProps> = {}, stack?: TerraformStack) {
  const made = newStream(props, stack);
  return { ...made, template: TfTemplate.fromStack(made.stack) };
}

/** Matches a reference `${<type>.<name>.<attr>}`. */
export const ref = (type: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.\\w+\\.${attr}\\}$`));

/** Matches a ValidationError with `code` (and `prop`, when given). */
export const failsWith = (code: string, prop?: string) =>
  expect.objectContaining(prop === undefined ? { code } : { code, prop });
