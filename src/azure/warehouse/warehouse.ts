import type { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { SynapseManagedPrivateEndpoint } from '@cdktf/provider-azurerm/lib/synapse-managed-private-endpoint';
import type { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import { SynapseSqlPool } from '@cdktf/provider-azurerm/lib/synapse-sql-pool';
import { SynapseWorkspace } from '@cdktf/provider-azurerm/lib/synapse-workspace';
import { SynapseWorkspaceAadAdmin } from '@cdktf/provider-azurerm/lib/synapse-workspace-aad-admin';
import { SynapseWorkspaceKey } from '@cdktf/provider-azurerm/lib/synapse-workspace-key';
import { Construct } from 'constructs';
import { DEDICATED_POOL_SKUS, type SynapseRole, WAREHOUSE_ZONE_ROLES } from './roles';
import type { SqlAdministrator, WarehouseGrant, WarehouseProps } from './warehouse-props';
import { CommonDefaults, type WarehouseSize, ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName, validatePlatformName } from '../../core/naming';
import { validateIpRanges } from '../../core/ranges';
import { decideRemoval, type RemovalDecision } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { findZone } from '../../core/zones';
import { type ITerraformDependable, warn } from '../../terraform';
import { type IPrincipal, PrincipalType, validatePrincipal } from '../iam/principal';
import { azureDeploymentScope, stackClientConfig } from '../private/deployment-scope';
import { lakeFilesystem } from '../private/lake-filesystems';
import { afterRolePropagation } from '../private/propagation';
import { retainData } from '../private/removal';
import { createInboundEndpoints, createLakeManagedEndpoints } from './private/synapse-endpoints';
import { grantSynapseRole } from './private/synapse-grants';
import { SQL_ADMIN_LOGIN, WarehouseNameRules } from '../private/warehouse-names';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** A warehouse's props, validated, with defaults resolved and names derived. */
interface WarehouseSettings {
  readonly platform: string;
  readonly location: string;
  readonly resourceGroupName: string;
  readonly size: WarehouseSize;
  readonly dedicatedPool: boolean;
  /** Whether the deployer reaches the workspace's data plane. */
  readonly dataPlane: boolean;
  readonly workspaceZone: string;
  readonly readZones: readonly string[];
  readonly tags: Tags;
  readonly workspaceName: string;
  readonly removal: RemovalDecision;
}

/**
 * Azure warehouse: a Synapse workspace on the lake, with serverless SQL and an optional dedicated
 * SQL pool.
 *
 * Secure defaults: the lake's `workspaceZone` filesystem as primary storage; managed virtual
 * network with data exfiltration protection (outbound only through approved managed private
 * endpoints); public network access off; Microsoft Entra authentication only (no SQL password in
 * configuration or state) with an Entra SQL administrator; customer-managed key; a dedicated pool
 * (when asked for) with transparent data encryption and geo-redundant backups (GRS, geo-backup on);
 * the workspace identity limited to "Storage Blob Data Contributor" on its zone and "Storage Blob
 * Data Reader" on `readZones`; retained on destroy (`prevent_destroy`) unless the removal guard
 * allows it. `checkCompliance` reports no finding on it.
 *
 * Customer-managed key, in order: the workspace is created with its system-assigned identity and
 * the key, pending activation; the identity is granted "Key Vault Crypto Service Encryption User"
 * on the key; `azurerm_synapse_workspace_key` (active) depends on that grant and activates the
 * workspace; the Entra administrator, the dedicated pool and every data-plane resource depend on
 * the activation (Synapse refuses them before). Role assignments take minutes to propagate: an
 * activation that fails with a key-access error succeeds when re-run.
 *
 * Deployability: the workspace, its key, administrator, pool, storage roles and inbound private
 * endpoints are management-plane resources; the role assignments need the deployer to hold
 * `Microsoft.Authorization/roleAssignments/write` on the resource group (e.g. "Role Based Access
 * Control Administrator"), and the creator of the workspace becomes its Synapse Administrator. The managed private endpoints and Synapse RBAC are
 * workspace data plane, created only with `deployerReachesWorkspace` (see there) and after the
 * workspace's `Dev` private endpoint. Managed private endpoints to the lake start "Pending":
 * approve them on the lake account (Networking → Private endpoint connections, or
 * `az network private-endpoint-connection approve`); azurerm has no resource that approves them.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-managed-vnet
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/workspaces-encryption
 * @example
 * const warehouse = new Warehouse(stack, 'Warehouse', {
 *   platformName: 'sales',
 *   resourceGroup: rg,
 *   lake,
 *   network,
 *   catalog,
 *   encryptionKey: key,
 *   sqlAdministrator: { login: 'sales-sql-admins', principal: Principal.group(adminsGroupId) },
 * });
 * warehouse.grantRead(Principal.group(analystsGroupId), 'serving');
 */
export class Warehouse extends Construct {
  /** Zone whose filesystem is the primary storage when `workspaceZone` is unset. */
  public static readonly DEFAULT_WORKSPACE_ZONE = 'curated';
  /** Zones the workspace identity may read when `readZones` is unset. */
  public static readonly DEFAULT_READ_ZONES: readonly string[] = ['serving'];
  /** Whether a dedicated SQL pool is made when `dedicatedSqlPool` is unset. */
  public static readonly DEFAULT_DEDICATED_SQL_POOL = false;
  /** Capacity class when `size` is unset. */
  public static readonly DEFAULT_SIZE = CommonDefaults.WAREHOUSE_SIZE;
  /** Whether data-plane resources are made when `deployerReachesWorkspace` is unset. */
  public static readonly DEFAULT_DEPLOYER_REACHES_WORKSPACE = false;
  /** Name of the workspace's customer-managed key entry (the provider's default). */
  public static readonly CUSTOMER_MANAGED_KEY_NAME = 'cmk';
  /** Backup redundancy of a dedicated pool: geo-redundant, with geo-backups on. */
  public static readonly SQL_POOL_BACKUP_STORAGE = 'GRS';
  /** Workspace log categories sent to `logAnalyticsWorkspaceId`. */
  public static readonly DIAGNOSTIC_LOG_CATEGORIES: readonly string[] = [
    'SynapseRbacOperations',
    'GatewayApiRequests',
    'BuiltinSqlReqsEnded',
    'IntegrationPipelineRuns',
    'IntegrationActivityRuns',
    'IntegrationTriggerRuns',
  ];
  /** Warning id: data-plane resources (managed private endpoints, Synapse RBAC) were left out. */
  public static readonly DATA_PLANE_SKIPPED_WARNING = 'data-platform-kit:synapseDataPlaneSkipped';
  /** Warning id: no network, so the workspace (no public access) is reachable by no one. */
  public static readonly UNREACHABLE_WARNING = 'data-platform-kit:synapseUnreachable';
  /** Warning id: `size` was given without a dedicated SQL pool, the only thing it sizes. */
  public static readonly SIZE_UNUSED_WARNING = 'data-platform-kit:warehouseSizeUnused';
  /** Warning id: managed private endpoints wait for approval on the lake account. */
  public static readonly ENDPOINT_APPROVAL_WARNING = 'data-platform-kit:synapseManagedEndpointApproval';

  /** The deploying identity's tenant, for the Entra administrator. */
  public readonly clientConfig: DataAzurermClientConfig;
  /** The key encrypting the workspace. */
  public readonly encryptionKey: IEncryptionKey;
  /** The Synapse workspace. */
  public readonly workspace: SynapseWorkspace;
  /** The workspace identity's "Key Vault Crypto Service Encryption User" assignment on the key. */
  public readonly workspaceKeyAccess: RoleAssignment;
  /** The active workspace key: activates customer-managed-key encryption. */
  public readonly workspaceKey: SynapseWorkspaceKey;
  /** The Entra SQL administrator. */
  public readonly sqlAdministrator: SynapseWorkspaceAadAdmin;
  /** The workspace identity's data roles on the lake: contributor on its zone, reader on `readZones`. */
  public readonly workspaceLakeAccess: RoleAssignment[];
  /** The dedicated SQL pool, when `dedicatedSqlPool`. */
  public readonly sqlPool?: SynapseSqlPool;
  /** Inbound private endpoints (`Sql`, `SqlOnDemand`, `Dev`), when `network` is given. */
  public readonly privateEndpoints: PrivateEndpoint[];
  /** Managed private endpoints to the lake (`dfs`, `blob`), when `deployerReachesWorkspace`. */
  public readonly managedPrivateEndpoints: SynapseManagedPrivateEndpoint[];
  /** The workspace's diagnostic setting, when `logAnalyticsWorkspaceId` is given. */
  public readonly diagnostics?: MonitorDiagnosticSetting;
  /** Resource Manager id of the workspace. */
  public readonly workspaceId: string;
  /** Object id of the workspace's system-assigned identity. */
  public readonly workspacePrincipalId: string;
  /** Zone of the workspace's primary storage. */
  public readonly workspaceZone: string;
  private readonly lake: ILakeStorage;
  private readonly dataPlane: boolean;
  /** What data-plane resources wait for: activation, and the private development endpoint. */
  private readonly dataPlaneDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: WarehouseProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.dataPlane = s.dataPlane;
    this.lake = props.lake;
    this.workspaceZone = s.workspaceZone;

    this.clientConfig = stackClientConfig(this);
    this.encryptionKey = props.encryptionKey ?? this.createEncryptionKey(s, props);
    this.workspace = this.createWorkspace(s, props.catalog);
    this.workspaceId = this.workspace.id;
    this.workspacePrincipalId = this.workspace.identity.principalId;
    const workspacePrincipal: IPrincipal = {
      principalId: this.workspacePrincipalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      grantKey: this.workspace.node.path,
    };
    // Customer-managed key: grant the workspace identity, then activate, then everything else.
    this.workspaceKeyAccess = this.encryptionKey.grantEncryptDecrypt(workspacePrincipal);
    this.workspaceKey = this.createWorkspaceKey();
    this.sqlAdministrator = this.createSqlAdministrator(props.sqlAdministrator);
    this.workspaceLakeAccess = this.createLakeAccess(workspacePrincipal, s.readZones);
    this.sqlPool = s.dedicatedPool ? this.createSqlPool(s) : undefined;
    retainData(this, s.removal, [this.workspace, ...(this.sqlPool ? [this.sqlPool] : [])]);

    const inbound = props.network
      ? createInboundEndpoints(this, props.network, this.workspace, this.workspaceKey)
      : undefined;
    this.privateEndpoints = inbound ? [inbound.sql, inbound.sqlOnDemand, inbound.dev] : [];
    this.dataPlaneDependencies = [this.workspaceKey, ...(inbound ? [inbound.dev] : [])];
    this.managedPrivateEndpoints = this.dataPlane
      ? createLakeManagedEndpoints(this, s.platform, {
          workspace: this.workspace,
          lake: this.lake,
          dependsOn: this.dataPlaneDependencies,
        })
      : [];
    this.diagnostics =
      props.logAnalyticsWorkspaceId === undefined
        ? undefined
        : this.createDiagnostics(props.logAnalyticsWorkspaceId);
    this.warnAboutReach(props.network !== undefined);
  }

  /**
   * Grants `principal` `access` to one zone through the warehouse: the lake's data role on the
   * zone's container (`ZONE_ROLES`, what serverless SQL checks under the caller's identity) and,
   * when the deployer reaches the workspace, the Synapse role of `WAREHOUSE_ZONE_ROLES`.
   * Throws `DPK_UNKNOWN_ZONE` or `DPK_INVALID_PRINCIPAL`.
   */
  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): WarehouseGrant {
    const storage = this.lake.grant(principal, zone, access);
    const role = WAREHOUSE_ZONE_ROLES[access];
    if (!this.dataPlane) {
      warn(
        this,
        Warehouse.DATA_PLANE_SKIPPED_WARNING,
        `Synapse role '${role}' for the ${access} grant on zone '${zone}' was not assigned: the deployer does not ` +
          "reach the workspace (deployerReachesWorkspace is false). Assign it in Synapse Studio, or deploy from the network with 'deployerReachesWorkspace: true'.",
      );
      return { storage };
    }
    return { storage, synapse: this.grantSynapseRole(principal, role) };
  }

  /** Analysts: read the zone (storage reader) and read and run workspace code (Synapse Artifact User). */
  public grantRead(principal: IPrincipal, zone: string): WarehouseGrant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Loaders: write the zone without reading it, and run pipelines (Synapse Compute Operator). */
  public grantWrite(principal: IPrincipal, zone: string): WarehouseGrant {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  /** Engineers: read and write the zone, author and publish workspace code (Synapse Contributor). */
  public grantReadWrite(principal: IPrincipal, zone: string): WarehouseGrant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }

  /**
   * Assigns a Synapse RBAC role at workspace scope (workspace data plane). Needs
   * `deployerReachesWorkspace`; throws `DPK_CONFLICTING_PROPS` otherwise, or
   * `DPK_INVALID_PRINCIPAL` for a malformed principal. Returns the assignment.
   */
  public grantSynapseRole(principal: IPrincipal, role: SynapseRole): SynapseRoleAssignment {
    if (!this.dataPlane) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'deployerReachesWorkspace',
        received: false,
        allowed: 'true to assign Synapse RBAC roles (they are created on the workspace data plane)',
      });
    }
    return grantSynapseRole(this, principal, {
      workspaceId: this.workspace.id,
      roleName: role,
      dependsOn: this.dataPlaneDependencies,
    });
  }

  /**
   * Validates the props and resolves their defaults, zones and names, before any resource exists;
   * warns when `size` has no dedicated pool to size.
   */
  private resolveSettings(props: WarehouseProps): WarehouseSettings {
    const platform = validatePlatformName(this, props.platformName);
    if (props.encryptionKey && props.keyVaultAllowedIpRanges !== undefined) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'keyVaultAllowedIpRanges',
        received: props.keyVaultAllowedIpRanges,
        allowed: "unset when 'encryptionKey' is given",
      });
    }
    validateIpRanges(this, 'keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges);
    const zones = props.lake.zoneNames.map((name) => ({ name }));
    const workspaceZone = findZone(
      this,
      zones,
      props.workspaceZone ?? Warehouse.DEFAULT_WORKSPACE_ZONE,
      'workspaceZone',
    ).name;
    const readZones = (props.readZones ?? Warehouse.DEFAULT_READ_ZONES).map(
      (zone, i) => findZone(this, zones, zone, `readZones[${i}]`).name,
    );
    this.validateAdministrator(props.sqlAdministrator);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const workspaceName = physicalName(this, WarehouseNameRules.SYNAPSE_WORKSPACE, {
      platform,
      parts: ['syn'],
      override: props.workspaceName,
      overrideProp: 'workspaceName',
      // Workspace names are global: subscription and resource group join the hash.
      deploymentScope: azureDeploymentScope(this, props.resourceGroup),
    });
    const dedicatedPool = props.dedicatedSqlPool ?? Warehouse.DEFAULT_DEDICATED_SQL_POOL;
    if (props.size !== undefined && !dedicatedPool) {
      warn(
        this,
        Warehouse.SIZE_UNUSED_WARNING,
        `'size' (${props.size}) sizes only a dedicated SQL pool, and 'dedicatedSqlPool' is false: serverless SQL ` +
          'has no size and bills per TB scanned.',
      );
    }
    return {
      platform,
      location: props.location ?? props.resourceGroup.location,
      resourceGroupName: props.resourceGroup.name,
      size: props.size ?? Warehouse.DEFAULT_SIZE,
      dedicatedPool,
      dataPlane: props.deployerReachesWorkspace ?? Warehouse.DEFAULT_DEPLOYER_REACHES_WORKSPACE,
      workspaceZone,
      readZones,
      tags,
      workspaceName,
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The warehouse's own key (purpose `warehouse`), when none is given. */
  private createEncryptionKey(s: WarehouseSettings, props: WarehouseProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      resourceGroup: props.resourceGroup,
      location: s.location,
      platformName: s.platform,
      purpose: 'warehouse',
      removalPolicy: props.removalPolicy,
      tags: props.tags,
      allowedIpRanges: props.keyVaultAllowedIpRanges,
    });
  }

  /**
   * The workspace on the lake's `workspaceZone` filesystem: managed virtual network with
   * exfiltration protection, no public access, Entra-only SQL, the key pending activation.
   */
  private createWorkspace(s: WarehouseSettings, catalog: WarehouseProps['catalog']): SynapseWorkspace {
    return new SynapseWorkspace(this, 'Workspace', {
      name: s.workspaceName,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      storageDataLakeGen2FilesystemId: lakeFilesystem(this.lake, s.workspaceZone).url,
      managedVirtualNetworkEnabled: true,
      dataExfiltrationProtectionEnabled: true,
      publicNetworkAccessEnabled: false,
      azureadAuthenticationOnly: true,
      identity: { type: 'SystemAssigned' },
      customerManagedKey: {
        keyVersionlessId: this.encryptionKey.keyId,
        keyName: Warehouse.CUSTOMER_MANAGED_KEY_NAME,
      },
      purviewId: catalog?.purviewAccountId,
      tags: s.tags,
    });
  }

  /** The active workspace key, once the identity's key role has propagated: activates the workspace. */
  private createWorkspaceKey(): SynapseWorkspaceKey {
    return new SynapseWorkspaceKey(this, 'WorkspaceKey', {
      synapseWorkspaceId: this.workspace.id,
      customerManagedKeyName: Warehouse.CUSTOMER_MANAGED_KEY_NAME,
      customerManagedKeyVersionlessId: this.encryptionKey.keyId,
      active: true,
      // Activation unwraps with the key: the identity's key role must have propagated.
      dependsOn: [afterRolePropagation(this, 'KeyRolePropagation', [this.workspaceKeyAccess])],
    });
  }

  /** The Entra SQL administrator, after activation. */
  private createSqlAdministrator(admin: SqlAdministrator): SynapseWorkspaceAadAdmin {
    return new SynapseWorkspaceAadAdmin(this, 'SqlAdministrator', {
      synapseWorkspaceId: this.workspace.id,
      login: admin.login,
      objectId: admin.principal.principalId,
      tenantId: this.clientConfig.tenantId,
      dependsOn: [this.workspaceKey],
    });
  }

  /** The workspace identity's lake roles: contributor on its zone, reader on the other `readZones`. */
  private createLakeAccess(workspace: IPrincipal, readZones: readonly string[]): RoleAssignment[] {
    return [
      this.lake.grantReadWrite(workspace, this.workspaceZone),
      ...readZones
        .filter((zone, i) => zone !== this.workspaceZone && readZones.indexOf(zone) === i)
        .map((zone) => this.lake.grantRead(workspace, zone)),
    ];
  }

  /** The dedicated SQL pool: encrypted, geo-redundant backups, after activation. */
  private createSqlPool(s: WarehouseSettings): SynapseSqlPool {
    return new SynapseSqlPool(this, 'SqlPool', {
      name: physicalName(this, WarehouseNameRules.SYNAPSE_SQL_POOL, { platform: s.platform, parts: ['dw'] }),
      synapseWorkspaceId: this.workspace.id,
      skuName: DEDICATED_POOL_SKUS[s.size],
      createMode: 'Default',
      dataEncrypted: true,
      storageAccountType: Warehouse.SQL_POOL_BACKUP_STORAGE,
      geoBackupPolicyEnabled: true,
      tags: s.tags,
      dependsOn: [this.workspaceKey],
    });
  }

  /** The workspace's logs to `workspaceId`. */
  private createDiagnostics(workspaceId: string): MonitorDiagnosticSetting {
    return new MonitorDiagnosticSetting(this, 'Diagnostics', {
      name: 'synapse-workspace-logs',
      targetResourceId: this.workspace.id,
      logAnalyticsWorkspaceId: workspaceId,
      enabledLog: Warehouse.DIAGNOSTIC_LOG_CATEGORIES.map((category) => ({ category })),
    });
  }

  private warnAboutReach(hasNetwork: boolean): void {
    if (!hasNetwork) {
      warn(
        this,
        Warehouse.UNREACHABLE_WARNING,
        "The workspace has public network access disabled and no private endpoints (no 'network'): no user, " +
          "tool or deployer can reach its SQL or development endpoints. Pass 'network'.",
      );
    }
    if (this.dataPlane) {
      warn(
        this,
        Warehouse.ENDPOINT_APPROVAL_WARNING,
        'The workspace reaches the lake through managed private endpoints (dfs, blob) that start Pending: approve ' +
          "them on the lake's storage account (Networking > Private endpoint connections, or `az network " +
          'private-endpoint-connection approve`). Until then the workspace cannot read the lake.',
      );
    } else {
      warn(
        this,
        Warehouse.DATA_PLANE_SKIPPED_WARNING,
        'The deployer does not reach the workspace (deployerReachesWorkspace is false), so no managed private ' +
          'endpoints to the lake were created: the workspace cannot read the lake (public access off) until ' +
          "dfs and blob managed private endpoints exist and are approved. Deploy from inside the network with 'deployerReachesWorkspace: true'.",
      );
    }
  }

  private validateAdministrator(admin: SqlAdministrator): void {
    validatePrincipal(this, admin.principal, 'sqlAdministrator.principal');
    if (!isUnresolved(admin.login) && !SQL_ADMIN_LOGIN.test(admin.login)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'sqlAdministrator.login',
        received: admin.login,
        allowed: '1-128 characters without control characters',
      });
    }
  }
}
