import type { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import type { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import type { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct, type IConstruct } from 'constructs';
import { LakeStorageBase } from './lake-storage-base';
import { CommonDefaults, type LakeStorageCommonProps, ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { ComplianceIntent, type IntentStatement } from '../../core/internal';
import { NameRules, physicalName, stableHash, validatePlatformName } from '../../core/naming';
import { validateIntegerRange, validateIpRanges } from '../../core/ranges';
import { decideRemoval } from '../../core/removal';
import { resourceTags, TagRules } from '../../core/tags';
import { findZone, type ResolvedZone, resolveZones } from '../../core/zones';
import { stateIntent } from '../compliance/intents';
import { Principal, type IPrincipal } from '../iam/principal';
import { azureDeploymentScope, customRoleName, resourceGroupId } from '../private/deployment-scope';
import { grantZoneRole, ImportedLakeStorage } from './private/lake-import';
import {
  createAccessLogs,
  createAccessLogWorkspace,
  createLakeAccount,
  createLakeIdentity,
  createLifecycle,
  createZoneContainers,
  type LakeSettings,
} from './private/lake-resources';
import { retainData } from '../private/removal';
import type { ResourceGroupRef } from '../resource-group';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/** Storage account redundancy (`account_replication_type`). */
export enum StorageReplication {
  /** Three copies in one datacenter. */
  LRS = 'LRS',
  /** Three copies across availability zones of one region. Not offered in every region. */
  ZRS = 'ZRS',
  /** LRS plus an asynchronous copy in the paired region. */
  GRS = 'GRS',
  /** GRS with read access to the secondary. */
  RAGRS = 'RAGRS',
  /** ZRS plus an asynchronous copy in the paired region. */
  GZRS = 'GZRS',
  /** GZRS with read access to the secondary. */
  RAGZRS = 'RAGZRS',
}

/**
 * An ADLS Gen2 lake, as the kit's blocks use it: one storage account, one container (filesystem)
 * per zone. Made by {@link LakeStorage} or imported with {@link LakeStorage.fromLakeStorageAttributes}.
 */
export interface ILakeStorage extends IConstruct {
  /** Resource Manager id of the storage account. */
  readonly storageAccountId: string;
  /** Name of the storage account. */
  readonly storageAccountName: string;
  /** The zones' names, in declaration order. */
  readonly zoneNames: readonly string[];
  /** Resource Manager id of a zone's container; throws `DPK_UNKNOWN_ZONE`. */
  containerResourceId(zone: string): string;
  /** Grants `principal` `access` to one zone's container; returns the role assignment. */
  grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment;
  /** List and read the zone's data. */
  grantRead(principal: IPrincipal, zone: string): RoleAssignment;
  /** Create and overwrite the zone's data, without reading it. */
  grantWrite(principal: IPrincipal, zone: string): RoleAssignment;
  /** Read, write and delete the zone's data. */
  grantReadWrite(principal: IPrincipal, zone: string): RoleAssignment;
  /**
   * Admits one Azure resource (e.g. an Event Hubs namespace whose Capture writes here) through the
   * account's firewall by a resource-instance rule: Capture-like services cannot use private
   * endpoints. The firewall stays default Deny with no IP rules. Optional for lakes the kit does
   * not manage: a stream into such a lake warns that its firewall must admit the namespace.
   */
  admitResourceInstance?(resourceId: string): void;
}

/** One zone of a lake made elsewhere. */
export interface LakeZoneAttributes {
  /** The zone's name (as the owning stack declared it). */
  readonly name: string;
  /** Name of the zone's container (filesystem) in the account. */
  readonly containerName: string;
}

/** What identifies a lake made in another stack or subscription: the account, and each zone's container. */
export interface LakeStorageAttributes {
  /**
   * Resource Manager id of the storage account:
   * `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>`.
   */
  readonly storageAccountId: string;
  /** The zones, in order: at least one, each name once, each in its own container. */
  readonly zones: readonly LakeZoneAttributes[];
}

/** Props of {@link LakeStorage}. */
export interface LakeStorageProps extends LakeStorageCommonProps {
  /** Resource group for the account and everything the lake makes. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the lake.
   * @default - the resource group's location
   */
  readonly location?: string;
  /**
   * The key that encrypts the account (customer-managed key).
   * @default - a new `EncryptionKey` (purpose `lake`) in the same resource group
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * The deployer's IPv4 ranges allowed through the firewall of the Key Vault the lake creates
   * (see `EncryptionKeyProps.allowedIpRanges`). The storage account itself never gets a public
   * endpoint. Not allowed together with `encryptionKey`.
   * @default - the vault has no public endpoint (a warning explains the deployer's reach)
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Storage account name (globally unique, 3-24 lowercase letters and digits).
   * @default - `<platform>lake<hash of the construct path>`
   */
  readonly storageAccountName?: string;
  /**
   * Account redundancy. The default keeps three copies across the region's availability zones
   * and a copy in the paired region, so neither a zone nor a region outage loses the lake.
   * Regions without availability zones or without a paired region do not offer GZRS: choose
   * `GRS` there, or `ZRS` / `LRS` and acknowledge the pack's CKV_AZURE_206 with your reason.
   * @default StorageReplication.GZRS
   */
  readonly replication?: StorageReplication;
  /**
   * Days deleted blobs, directories and containers stay recoverable (1-365). On a
   * hierarchical-namespace account this soft delete is the recovery mechanism: blob versioning
   * is not available there.
   * @default 14
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Existing Log Analytics workspace for the blob access logs. Not allowed together with
   * `accessLogRetentionDays`, which only sizes a workspace the kit creates.
   * @default - a new workspace keeping logs `accessLogRetentionDays` days (30-730)
   */
  readonly logAnalyticsWorkspaceId?: string;
}

/**
 * Azure lake storage: one ADLS Gen2 account (hierarchical namespace) with a container
 * (filesystem) per zone, encrypted with a customer-managed key.
 *
 * Secure defaults: HTTPS only, TLS 1.2, no public network access (firewall Deny, trusted Azure
 * services bypass), no shared keys (Entra ID only, OAuth by default in the portal), no local
 * users or SFTP, no public containers, no cross-tenant replication, infrastructure (double)
 * encryption, customer-managed key through a user-assigned identity, blob and container soft
 * delete (14 days), geo-zone-redundant replication (GZRS), per-zone lifecycle, blob
 * read/write/delete logs to Log Analytics, retained on destroy. `checkCompliance` from
 * `data-platform-kit/azure/compliance` reports no finding on it.
 *
 * Recovery: Azure does not allow blob versioning on hierarchical-namespace accounts (azurerm
 * 4.55 rejects `versioning_enabled` with `is_hns_enabled`), so soft delete is the recovery
 * mechanism, and `noncurrentVersionExpirationDays` expires blob snapshots.
 *
 * Deployability: containers, lifecycle and diagnostics are management-plane resources
 * (`azurerm_storage_container` with `storage_account_id`), so nothing needs the account's
 * (disabled) public endpoint. The azurerm provider still reads queue properties from the data
 * plane unless told not to: configure it with `storage_use_azuread = true` and
 * `features { storage { data_plane_available = false } }`. The account depends on its
 * identity's "Key Vault Crypto Service Encryption User" assignment on the key (role assignments
 * take minutes to propagate: a first apply that fails on key access succeeds when re-run). The
 * Key Vault the lake creates needs the deployer's network reach (`keyVaultAllowedIpRanges` or a
 * private endpoint), see `EncryptionKey`. Grants need the
 * deployer to hold `roleAssignments/write`; the first `grantWrite` also needs
 * `roleDefinitions/write` (see `ZONE_ROLES`).
 *
 * Grants assign data roles on the zone's container only. No key grant is needed: the account
 * encrypts through its managed identity.
 *
 * @see https://learn.microsoft.com/azure/storage/blobs/data-lake-storage-introduction
 * @example
 * const lake = new LakeStorage(stack, 'Lake', {
 *   platformName: 'sales',
 *   resourceGroup: rg,
 *   keyVaultAllowedIpRanges: ['20.61.10.0/24'], // the runner's public egress range
 * });
 * lake.grantRead(Principal.fromUserAssignedIdentity(analysts), 'serving');
 */
export class LakeStorage extends LakeStorageBase implements ILakeStorage {
  /**
   * Redundancy when `replication` is unset: zone-redundant in the region plus a copy in the
   * paired region. It costs more per GB than ZRS; the lake is the system of record.
   */
  public static readonly DEFAULT_REPLICATION = StorageReplication.GZRS;
  /**
   * What the account states once `admitResourceInstance` turns its public endpoint on: an
   * allow-listed public endpoint. The compliance report lists the finding it answers (Azure
   * pack: public network access on a storage account) under `acknowledged`, with this reason.
   */
  public static readonly RESOURCE_INSTANCE_ACKNOWLEDGEMENT: IntentStatement = {
    intent: ComplianceIntent.ALLOW_LISTED_PUBLIC_ENDPOINT,
    reason:
      'Public endpoint on only for resource-instance rules (Event Hubs Capture cannot use private endpoints): ' +
      'firewall default Deny, no IP rules, trusted Azure services bypass, Entra ID auth only (no shared keys).',
  };
  /** Blob and container soft-delete days when `softDeleteRetentionDays` is unset. */
  public static readonly DEFAULT_SOFT_DELETE_RETENTION_DAYS = 14;
  /** Blob and container soft-delete retention Azure allows, in days: 1 to 365. */
  public static readonly SOFT_DELETE_RETENTION_DAYS_RANGE = { min: 1, max: 365 } as const;
  /** Access-log retention when `accessLogRetentionDays` is unset. */
  public static readonly DEFAULT_ACCESS_LOG_RETENTION_DAYS = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Access-log retention Log Analytics allows (interactive retention), in days: 30 to 730. */
  public static readonly ACCESS_LOG_RETENTION_DAYS_RANGE = { min: 30, max: 730 } as const;
  /** Blob-service log categories sent to Log Analytics. */
  public static readonly ACCESS_LOG_CATEGORIES: readonly string[] = [
    'StorageRead',
    'StorageWrite',
    'StorageDelete',
  ];

  /**
   * Imports a lake made in another stack or subscription, so warehouses, jobs, streams and
   * catalogs can use it and grant on it. Nothing is created for it: its account's firewall,
   * lifecycle, logging and key stay their owner's; a write grant defines the kit's write-only
   * role in the account's resource group. Throws `DPK_INVALID_NAME` (a malformed account id or
   * container name, or a container shared by two zones), `DPK_NO_ZONES`, `DPK_INVALID_ZONE` or
   * `DPK_DUPLICATE_ZONE`; tokens pass.
   *
   * @example
   * const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
   *   storageAccountId: salesAccountId,
   *   zones: [{ name: 'raw', containerName: 'sales-raw' }, { name: 'curated', containerName: 'sales-curated' }],
   * });
   */
  public static fromLakeStorageAttributes(
    scope: Construct,
    id: string,
    attrs: LakeStorageAttributes,
  ): ILakeStorage {
    return new ImportedLakeStorage(scope, id, attrs);
  }

  /** The key encrypting the account. */
  public readonly encryptionKey: IEncryptionKey;
  /** The identity the account uses to reach its key. */
  public readonly identity: UserAssignedIdentity;
  /** The identity's "Key Vault Crypto Service Encryption User" assignment on the key. */
  public readonly identityKeyAccess: RoleAssignment;
  /** The ADLS Gen2 storage account. */
  public readonly storageAccount: StorageAccount;
  /** One container (filesystem) per zone, by zone name. */
  public readonly containers: Readonly<Record<string, StorageContainer>>;
  /** Per-zone lifecycle rules. */
  public readonly managementPolicy: StorageManagementPolicy;
  /** The access-log workspace, unless `logAnalyticsWorkspaceId` was given. */
  public readonly logWorkspace?: LogAnalyticsWorkspace;
  /** Blob access logs (read, write, delete) to Log Analytics. */
  public readonly accessLogs: MonitorDiagnosticSetting;
  public readonly zones: ResolvedZone[];
  public readonly zoneNames: readonly string[];
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  private readonly platform: string;
  private writerRole?: RoleDefinition;
  private readonly admittedResources: string[] = [];
  private readonly resourceGroup: ResourceGroupRef;
  /** Resource Manager id of the resource group: the custom role's scope. */
  private readonly resourceGroupId: string;

  constructor(scope: Construct, id: string, props: LakeStorageProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.zones = s.zones;
    this.zoneNames = s.zones.map((z) => z.name);
    this.platform = s.platform;
    this.resourceGroup = props.resourceGroup;
    this.resourceGroupId = resourceGroupId(this, props.resourceGroup);

    this.encryptionKey = props.encryptionKey ?? this.createEncryptionKey(s, props);
    this.identity = createLakeIdentity(this, s);
    this.identityKeyAccess = this.encryptionKey.grantEncryptDecrypt(
      Principal.fromUserAssignedIdentity(this.identity),
    );
    this.storageAccount = createLakeAccount(this, s, {
      key: this.encryptionKey,
      identity: this.identity,
      keyAccess: this.identityKeyAccess,
    });
    this.storageAccountId = this.storageAccount.id;
    this.storageAccountName = this.storageAccount.name;
    this.containers = createZoneContainers(this, s, this.storageAccount);
    this.managementPolicy = createLifecycle(this, s, this.storageAccount);
    this.logWorkspace =
      props.logAnalyticsWorkspaceId === undefined ? createAccessLogWorkspace(this, s) : undefined;
    this.accessLogs = createAccessLogs(this, this.storageAccount, {
      workspaceId: props.logAnalyticsWorkspaceId ?? this.logWorkspace?.id,
      categories: LakeStorage.ACCESS_LOG_CATEGORIES,
    });

    retainData(this, s.removal, [
      this.storageAccount,
      ...Object.values(this.containers),
      ...(this.logWorkspace ? [this.logWorkspace] : []),
    ]);
  }

  /** The custom write-only role, once a `grantWrite` has created it. */
  public get blobWriterRole(): RoleDefinition | undefined {
    return this.writerRole;
  }

  /** The container of `zone`; throws `DPK_UNKNOWN_ZONE`. */
  public containerFor(zone: string): StorageContainer {
    return this.containers[findZone(this, this.zones, zone).name];
  }

  public containerResourceId(zone: string): string {
    const container = this.containerFor(zone);
    return `${this.storageAccount.id}/blobServices/default/containers/${container.name}`;
  }

  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment {
    const name = findZone(this, this.zones, zone).name;
    return grantZoneRole(this, name, this.containerResourceId(name), access, principal, (actions) =>
      this.ensureWriterRole(actions),
    );
  }

  public admitResourceInstance(resourceId: string): void {
    if (this.admittedResources.includes(resourceId)) return;
    this.admittedResources.push(resourceId);
    // Resource-instance rules and the trusted-services bypass apply only while the public
    // endpoint is on; with default Deny and no IP rules, nothing else gets through it.
    this.storageAccount.publicNetworkAccessEnabled = true;
    this.storageAccount.putNetworkRules({
      defaultAction: 'Deny',
      bypass: ['AzureServices'],
      privateLinkAccess: this.admittedResources.map((endpointResourceId) => ({ endpointResourceId })),
    });
    if (this.admittedResources.length === 1) {
      stateIntent(this.storageAccount, LakeStorage.RESOURCE_INSTANCE_ACKNOWLEDGEMENT);
    }
  }

  private ensureWriterRole(dataActions: readonly string[]): RoleDefinition {
    this.writerRole ??= new RoleDefinition(this, 'BlobWriterRole', {
      // Role definition names are tenant-wide: construct path, subscription and group keep them apart.
      // Assignable in the resource group (the zone containers are below it).
      name: customRoleName(this, `${this.platform}-lake-blob-writer`, this.resourceGroup),
      scope: this.resourceGroupId,
      assignableScopes: [this.resourceGroupId],
      description: 'data-platform-kit: create and overwrite blobs, without reading, listing or deleting.',
      permissions: [{ actions: [], dataActions: [...dataActions] }],
    });
    return this.writerRole;
  }

  /** Validates the props and resolves their defaults and names, before any resource exists. */
  private resolveSettings(props: LakeStorageProps): LakeSettings {
    const platform = validatePlatformName(this, props.platformName);
    const softDeleteDays = props.softDeleteRetentionDays ?? LakeStorage.DEFAULT_SOFT_DELETE_RETENTION_DAYS;
    const logDays = props.accessLogRetentionDays ?? LakeStorage.DEFAULT_ACCESS_LOG_RETENTION_DAYS;
    this.checkConflicts(props);
    validateIntegerRange(
      this,
      'softDeleteRetentionDays',
      softDeleteDays,
      LakeStorage.SOFT_DELETE_RETENTION_DAYS_RANGE,
    );
    validateIntegerRange(
      this,
      'accessLogRetentionDays',
      logDays,
      LakeStorage.ACCESS_LOG_RETENTION_DAYS_RANGE,
    );
    validateIpRanges(this, 'keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges);
    const zones = resolveZones(this, props.zones);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const accountName = physicalName(this, NameRules.AZURE_STORAGE_ACCOUNT, {
      platform,
      parts: ['lake'],
      override: props.storageAccountName,
      overrideProp: 'storageAccountName',
      // Account names are global: subscription and resource group join the hash.
      deploymentScope: azureDeploymentScope(this, props.resourceGroup),
    });
    const containerNames = zones.map((zone, i) =>
      physicalName(this, NameRules.AZURE_CONTAINER, {
        platform,
        parts: [zone.name],
        override: zone.storageName,
        overrideProp: `zones[${i}].storageName`,
      }),
    );
    return {
      platform,
      location: props.location ?? props.resourceGroup.location,
      resourceGroupName: props.resourceGroup.name,
      replication: props.replication ?? LakeStorage.DEFAULT_REPLICATION,
      softDeleteDays,
      logDays,
      zones,
      tags,
      accountName,
      containerNames,
      hash: stableHash(this.node.path),
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The lake's own key (purpose `lake`), when none is given. */
  private createEncryptionKey(s: LakeSettings, props: LakeStorageProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      resourceGroup: props.resourceGroup,
      location: s.location,
      platformName: s.platform,
      purpose: 'lake',
      removalPolicy: props.removalPolicy,
      tags: props.tags,
      allowedIpRanges: props.keyVaultAllowedIpRanges,
    });
  }

  private checkConflicts(props: LakeStorageProps): void {
    const conflict = (prop: string, received: unknown, other: string) => {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop,
        received,
        allowed: `unset when '${other}' is given`,
      });
    };
    if (props.encryptionKey && props.keyVaultAllowedIpRanges !== undefined) {
      conflict('keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges, 'encryptionKey');
    }
    if (props.logAnalyticsWorkspaceId !== undefined && props.accessLogRetentionDays !== undefined) {
      conflict('accessLogRetentionDays', props.accessLogRetentionDays, 'logAnalyticsWorkspaceId');
    }
  }
}
