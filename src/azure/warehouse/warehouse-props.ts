import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import type { WarehouseCommonProps } from '../../core/blocks';
import type { ICatalog } from '../catalog/catalog';
import type { IPrincipal } from '../iam/principal';
import type { INetwork } from '../network/network';
import type { ResourceGroupRef } from '../resource-group';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** The workspace's Microsoft Entra SQL administrator. */
export interface SqlAdministrator {
  /** The login name SQL shows for the administrator (e.g. the group's display name), 1-128 characters. */
  readonly login: string;
  /** The Entra group (recommended), user or service principal. */
  readonly principal: IPrincipal;
}

/** Props of `Warehouse`. */
export interface WarehouseProps extends WarehouseCommonProps {
  /** Resource group of the workspace. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the workspace (the lake should be in the same region).
   * @default - the resource group's location
   */
  readonly location?: string;
  /** The lake the warehouse queries and whose `workspaceZone` is the workspace's primary filesystem. */
  readonly lake: ILakeStorage;
  /** The Entra administrator of the SQL endpoints (the only SQL logins are Entra identities). */
  readonly sqlAdministrator: SqlAdministrator;
  /**
   * The key that encrypts the workspace (customer-managed key, workspace double encryption).
   * @default - a new `EncryptionKey` (purpose `warehouse`) in the same resource group
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * The deployer's IPv4 ranges allowed through the firewall of the Key Vault the warehouse creates
   * (see `EncryptionKeyProps.allowedIpRanges`). Not allowed together with `encryptionKey`.
   * @default - the vault has no public endpoint (a warning explains the deployer's reach)
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Where the workspace's inbound private endpoints go (`Sql`, `SqlOnDemand`, `Dev`). The workspace
   * has no public endpoint, so without a network no one reaches it and a warning says so.
   * @default - no private endpoints
   */
  readonly network?: INetwork;
  /**
   * The lake's catalog: its Purview account, if any, is connected to the workspace (lineage).
   * @default - no Purview connection
   */
  readonly catalog?: ICatalog;
  /**
   * The zone whose filesystem is the workspace's primary storage: lake databases, Spark tables
   * and workspace files go there, so the workspace identity may read and write it.
   * @default 'curated'
   */
  readonly workspaceZone?: string;
  /**
   * Zones the workspace identity may read (pipelines, `WITH IDENTITY = 'Managed Identity'`
   * credentials). Serverless SQL reads as the caller, who needs their own grant.
   * @default ['serving']
   */
  readonly readZones?: string[];
  /**
   * Add a dedicated SQL pool sized by `size` (DW100c / DW500c / DW1000c). It bills per hour while
   * running; pause it when idle. Serverless SQL is always there. Without a dedicated pool `size`
   * has nothing to size, and a warning says so.
   * @default false
   */
  readonly dedicatedSqlPool?: boolean;
  /**
   * Workspace name (globally unique, 1-50 of a-z, 0-9 and '-').
   * @default - `<platform>-syn-<hash of the construct path>`
   */
  readonly workspaceName?: string;
  /**
   * Whether the machine running `terraform apply` reaches the workspace's development endpoint
   * (`<workspace>.dev.azuresynapse.net`) privately: it runs inside `network` or a network peered
   * with it that resolves `privatelink.dev.azuresynapse.net`. Only then does the warehouse create
   * its data-plane resources: the managed private endpoints to the lake and Synapse RBAC
   * assignments. Otherwise they are left out, grants assign storage roles only, and a warning lists
   * what is missing. The deployer is the workspace's creator and so its Synapse Administrator.
   * @default false
   */
  readonly deployerReachesWorkspace?: boolean;
  /**
   * Log Analytics workspace for the workspace's logs (RBAC operations, SQL requests, pipelines).
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
}

/** What a warehouse grant created. */
export interface WarehouseGrant {
  /** The lake data role on the zone's container. */
  readonly storage: RoleAssignment;
  /** The Synapse RBAC role, when the deployer reaches the workspace. */
  readonly synapse?: SynapseRoleAssignment;
}
