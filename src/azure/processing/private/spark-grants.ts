/**
 * Synapse RBAC assignments at workspace or Spark pool scope, with stable construct ids. Internal:
 * not exported from the entry point.
 */
import { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import type { Construct } from 'constructs';
import { stableHash } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import type { ITerraformDependable } from '../../../terraform';
import { type IPrincipal, validatePrincipal } from '../../iam/principal';
import { type ScopedSynapseRole, SynapseRoleScope } from '../roles';

/** Where the scoped roles go, and what they wait for. */
export interface SparkRoleTargets {
  readonly workspaceId: string;
  readonly sparkPoolId: string;
  /** Workspace activation, the private development endpoint, the pool. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * Assigns each of `roles` to `principal` as children of `parent`. Ids derive from the role, the
 * scope and the principal's grant key (or literal id), so they never change between syntheses; a
 * principal known only by a token is numbered in creation order. Granting twice returns the first
 * assignments.
 */
export function grantScopedSynapseRoles(
  parent: Construct,
  principal: IPrincipal,
  roles: readonly ScopedSynapseRole[],
  targets: SparkRoleTargets,
  prop = 'principal',
): SynapseRoleAssignment[] {
  validatePrincipal(parent, principal, prop);
  const key =
    principal.grantKey ??
    (isUnresolved(principal.principalId) ? undefined : principal.principalId.toLowerCase());
  return roles.map(({ role, scope }) => {
    const onPool = scope === SynapseRoleScope.SPARK_POOL;
    const prefix = `Run${role.replace(/[^a-zA-Z0-9]/g, '')}${onPool ? 'Pool' : 'Workspace'}`;
    const id = key !== undefined ? `${prefix}${stableHash(key)}` : tokenId(parent, prefix, principal);
    const existing = parent.node.tryFindChild(id);
    if (existing instanceof SynapseRoleAssignment) return existing;
    return new SynapseRoleAssignment(parent, id, {
      roleName: role,
      synapseWorkspaceId: onPool ? undefined : targets.workspaceId,
      synapseSparkPoolId: onPool ? targets.sparkPoolId : undefined,
      principalId: principal.principalId,
      principalType: principal.principalType,
      dependsOn: targets.dependsOn,
    });
  });
}

/** The id of the assignment for a principal known only by a token: the same token's, or the next number. */
function tokenId(parent: Construct, prefix: string, principal: IPrincipal): string {
  const own = `${prefix}Token`;
  const same = parent.node.children.find(
    (c): c is SynapseRoleAssignment =>
      c instanceof SynapseRoleAssignment &&
      c.node.id.startsWith(own) &&
      c.principalIdInput === principal.principalId,
  );
  if (same) return same.node.id;
  let n = 1;
  while (parent.node.tryFindChild(`${own}${n}`)) n++;
  return `${own}${n}`;
}
