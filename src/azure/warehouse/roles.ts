import { WarehouseSize, ZoneAccess } from '../../core/blocks';

/**
 * Synapse RBAC roles (workspace data plane), by their built-in names.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-synapse-rbac-roles
 * @example
 * warehouse.grantSynapseRole(Principal.group(adminsGroupId), SynapseRole.SQL_ADMINISTRATOR);
 */
export enum SynapseRole {
  /** Full control of the workspace, including granting roles. */
  ADMINISTRATOR = 'Synapse Administrator',
  /** Full control of the serverless and dedicated SQL pools. */
  SQL_ADMINISTRATOR = 'Synapse SQL Administrator',
  /** Full control of Apache Spark pools. */
  SPARK_ADMINISTRATOR = 'Apache Spark Administrator',
  /** Author, publish and run code (pipelines, notebooks, SQL scripts); no credentials. */
  CONTRIBUTOR = 'Synapse Contributor',
  /** Create, update and delete published code artifacts. */
  ARTIFACT_PUBLISHER = 'Synapse Artifact Publisher',
  /** Read published code; author one's own unpublished scripts and notebooks. */
  ARTIFACT_USER = 'Synapse Artifact User',
  /** Run and cancel pipelines and Spark jobs; no code changes. */
  COMPUTE_OPERATOR = 'Synapse Compute Operator',
  /** Monitor runs and pools. */
  MONITORING_OPERATOR = 'Synapse Monitoring Operator',
  /** Use the workspace identity's credential in pipelines. */
  CREDENTIAL_USER = 'Synapse Credential User',
  /** Create managed private endpoints, linked services and credentials. */
  LINKED_DATA_MANAGER = 'Synapse Linked Data Manager',
  /** List and view workspace items; no changes. */
  USER = 'Synapse User',
}

/**
 * Zone access → Synapse RBAC role at workspace scope: the warehouse's permission table. The data
 * itself is guarded by the lake's role on the zone's container (`ZONE_ROLES`), which serverless
 * SQL checks under the caller's own Entra identity; the Synapse role decides what the principal
 * may do in the workspace.
 *
 * - READ (analysts): "Synapse Artifact User": read published code, write one's own SQL scripts.
 * - WRITE (loaders): "Synapse Compute Operator": run the pipelines and jobs that land data.
 * - READ_WRITE (engineers): "Synapse Contributor": author, publish and run pipelines and notebooks.
 *
 * SQL-level access (a login or database user for a non-administrator, `db_datareader` on a lake
 * database) is granted with T-SQL by the SQL Entra administrator; azurerm has no resource for it.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-understand-what-role-you-need
 * @example
 * const role = WAREHOUSE_ZONE_ROLES[ZoneAccess.READ]; // SynapseRole.ARTIFACT_USER
 */
export const WAREHOUSE_ZONE_ROLES: Readonly<Record<ZoneAccess, SynapseRole>> = {
  [ZoneAccess.READ]: SynapseRole.ARTIFACT_USER,
  [ZoneAccess.WRITE]: SynapseRole.COMPUTE_OPERATOR,
  [ZoneAccess.READ_WRITE]: SynapseRole.CONTRIBUTOR,
};

/**
 * Warehouse size → dedicated SQL pool performance level (data warehouse units, Gen2). Used only
 * when the warehouse has a dedicated pool; serverless SQL bills per TB scanned instead.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/sql-data-warehouse/what-is-a-data-warehouse-unit-dwu-cdwu
 * @example
 * const sku = DEDICATED_POOL_SKUS[WarehouseSize.MEDIUM]; // 'DW500c'
 */
export const DEDICATED_POOL_SKUS: Readonly<Record<WarehouseSize, string>> = {
  [WarehouseSize.SMALL]: 'DW100c',
  [WarehouseSize.MEDIUM]: 'DW500c',
  [WarehouseSize.LARGE]: 'DW1000c',
};
