import { ZoneAccess } from '../../core/blocks';
import { SynapseRole } from '../warehouse/roles';

/**
 * What a Spark step needs on its zones, by role: the processing block's lake permission table.
 * Granted to the Synapse workspace identity (the identity every Spark pool of the workspace runs
 * as) through the lake's own grants (`ZONE_ROLES`), scoped to each zone's container.
 *
 * - SOURCE: READ ("Storage Blob Data Reader").
 * - TARGET: READ_WRITE ("Storage Blob Data Contributor"): Spark's output committer lists, renames
 *   and deletes what it writes, so the write-only role is not enough.
 *
 * A zone that one step writes and another reads gets READ_WRITE only.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/how-to-grant-workspace-managed-identity-permissions
 * @example
 * const access = SPARK_STEP_ZONE_ACCESS.TARGET; // ZoneAccess.READ_WRITE
 */
export const SPARK_STEP_ZONE_ACCESS = {
  SOURCE: ZoneAccess.READ,
  TARGET: ZoneAccess.READ_WRITE,
} as const satisfies Record<string, ZoneAccess>;

/** Where a Synapse RBAC role is assigned. */
export enum SynapseRoleScope {
  /** The whole workspace. */
  WORKSPACE = 'workspace',
  /** One Apache Spark pool. */
  SPARK_POOL = 'sparkPool',
}

/** One Synapse RBAC role and the narrowest scope it works at. */
export interface ScopedSynapseRole {
  readonly role: SynapseRole;
  readonly scope: SynapseRoleScope;
}

/**
 * What a principal needs to run a job's published notebooks and Spark job definitions on its pool
 * (e.g. a data factory's identity): Synapse RBAC roles (workspace data plane), each at the
 * narrowest scope Synapse allows.
 *
 * - "Synapse Artifact User" on the workspace: list and open published notebooks and job
 *   definitions (`artifacts/read`; the role is only assignable at workspace scope).
 * - "Synapse Compute Operator" on the job's Spark pool: run notebooks and submit Spark jobs there
 *   (`bigDataPools/useCompute`), nowhere else.
 *
 * Not granted: publishing code, credentials (Synapse Credential User), linked services, or any
 * lake access: the Spark session reads and writes as the workspace identity.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-understand-what-role-you-need
 * @example
 * const roles = SPARK_RUN_ROLES.map((r) => r.role); // Synapse Artifact User, Synapse Compute Operator
 */
export const SPARK_RUN_ROLES: readonly ScopedSynapseRole[] = [
  { role: SynapseRole.ARTIFACT_USER, scope: SynapseRoleScope.WORKSPACE },
  { role: SynapseRole.COMPUTE_OPERATOR, scope: SynapseRoleScope.SPARK_POOL },
];
