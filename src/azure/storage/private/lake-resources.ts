/**
 * The resources a `LakeStorage` makes: the key identity, the ADLS Gen2 account, a container per
 * zone, the zones' lifecycle rules and the access logs. Internal: not exported from the entry point.
 */
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { Construct } from 'constructs';
import { lifecycleRules } from './lifecycle';
import type { RemovalDecision } from '../../../core/removal';
import type { Tags } from '../../../core/tags';
import { constructIdFrom, type ResolvedZone } from '../../../core/zones';
import { afterRolePropagation } from '../../private/propagation';
import type { IEncryptionKey } from '../../security/encryption-key';

/** A lake's props, validated, with defaults resolved and names derived. */
export interface LakeSettings {
  readonly platform: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly replication: string;
  readonly softDeleteDays: number;
  readonly logDays: number;
  readonly zones: ResolvedZone[];
  readonly tags: Tags;
  readonly accountName: string;
  /** The containers' names, in zone order. */
  readonly containerNames: string[];
  /** Hash of the construct path, for names unique in the resource group. */
  readonly hash: string;
  readonly removal: RemovalDecision;
}

/** How the account reaches its customer-managed key. */
export interface LakeAccountKey {
  readonly key: IEncryptionKey;
  readonly identity: UserAssignedIdentity;
  /** The identity's role on the key: the account waits for it to propagate. */
  readonly keyAccess: RoleAssignment;
}

/** The user-assigned identity (`Identity`) the account reaches its key through. */
export function createLakeIdentity(lake: Construct, s: LakeSettings): UserAssignedIdentity {
  return new UserAssignedIdentity(lake, 'Identity', {
    name: `${s.platform}-lake-cmk-${s.hash}`,
    location: s.location,
    resourceGroupName: s.resourceGroupName,
    tags: s.tags,
  });
}

/**
 * The hierarchical-namespace account (`Account`), closed to the public network and to shared
 * keys, encrypted with the key through `cmk.identity`, with blob and container soft delete.
 */
export function createLakeAccount(lake: Construct, s: LakeSettings, cmk: LakeAccountKey): StorageAccount {
  return new StorageAccount(lake, 'Account', {
    name: s.accountName,
    location: s.location,
    resourceGroupName: s.resourceGroupName,
    accountKind: 'StorageV2',
    accountTier: 'Standard',
    accountReplicationType: s.replication,
    accessTier: 'Hot',
    isHnsEnabled: true,
    httpsTrafficOnlyEnabled: true,
    minTlsVersion: 'TLS1_2',
    publicNetworkAccessEnabled: false,
    sharedAccessKeyEnabled: false,
    defaultToOauthAuthentication: true,
    // No identities outside Entra ID: SFTP needs local users, so both stay off.
    localUserEnabled: false,
    sftpEnabled: false,
    allowNestedItemsToBePublic: false,
    crossTenantReplicationEnabled: false,
    infrastructureEncryptionEnabled: true,
    networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'] },
    identity: { type: 'UserAssigned', identityIds: [cmk.identity.id] },
    customerManagedKey: {
      keyVaultKeyId: cmk.key.keyId,
      userAssignedIdentityId: cmk.identity.id,
    },
    // No versioning_enabled: not allowed with is_hns_enabled. Soft delete is the recovery path.
    blobProperties: {
      deleteRetentionPolicy: { days: s.softDeleteDays },
      containerDeleteRetentionPolicy: { days: s.softDeleteDays },
    },
    tags: s.tags,
    // The identity's key role must have propagated before the account first uses the key.
    dependsOn: [afterRolePropagation(lake, 'KeyRolePropagation', [cmk.keyAccess])],
  });
}

/** One private container (`<Zone>Container`) per zone, by zone name. */
export function createZoneContainers(
  lake: Construct,
  s: LakeSettings,
  account: StorageAccount,
): Record<string, StorageContainer> {
  const containers: Record<string, StorageContainer> = {};
  s.zones.forEach((zone, i) => {
    containers[zone.name] = new StorageContainer(lake, `${constructIdFrom(zone.name)}Container`, {
      name: s.containerNames[i],
      storageAccountId: account.id,
      containerAccessType: 'private',
    });
  });
  return containers;
}

/** The account's management policy (`Lifecycle`): one rule per zone (see `lifecycleRules`). */
export function createLifecycle(
  lake: Construct,
  s: LakeSettings,
  account: StorageAccount,
): StorageManagementPolicy {
  return new StorageManagementPolicy(lake, 'Lifecycle', {
    storageAccountId: account.id,
    rule: lifecycleRules(s.zones.map((zone, i) => ({ zone, containerName: s.containerNames[i] }))),
  });
}

/** The access-log workspace (`AccessLogWorkspace`), when the lake is given none. */
export function createAccessLogWorkspace(lake: Construct, s: LakeSettings): LogAnalyticsWorkspace {
  return new LogAnalyticsWorkspace(lake, 'AccessLogWorkspace', {
    name: `${s.platform}-lake-logs-${s.hash}`,
    location: s.location,
    resourceGroupName: s.resourceGroupName,
    sku: 'PerGB2018',
    retentionInDays: s.logDays,
    localAuthenticationEnabled: false,
    tags: s.tags,
  });
}

/** The blob service's logs (`AccessLogs`) of `categories` to a Log Analytics workspace. */
export function createAccessLogs(
  lake: Construct,
  account: StorageAccount,
  logs: { readonly workspaceId?: string; readonly categories: readonly string[] },
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(lake, 'AccessLogs', {
    name: 'blob-access-logs',
    targetResourceId: `${account.id}/blobServices/default`,
    logAnalyticsWorkspaceId: logs.workspaceId,
    enabledLog: logs.categories.map((category) => ({ category })),
  });
}
