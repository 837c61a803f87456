/**
 * Synapse RBAC role assignments with stable construct ids. Internal: not exported from the entry
 * point.
 */
import { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import type { Construct } from 'constructs';
import { stableHash } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import type { ITerraformDependable } from '../../../terraform';
import { type IPrincipal, validatePrincipal } from '../../iam/principal';

/** Where and what to assign. */
export interface SynapseRoleGrant {
  /** Resource Manager id of the workspace. */
  readonly workspaceId: string;
  /** The Synapse RBAC role's name. */
  readonly roleName: string;
  /** What the assignment waits for (workspace activation, the private development endpoint). */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * Assigns `grant.roleName` to `principal` as a child of `parent`. Ids derive from the role and the
 * principal's grant key (or literal id), so they never change between syntheses; a principal known
 * only by a token is numbered in creation order. Granting the same role twice returns the first
 * assignment.
 */
export function grantSynapseRole(
  parent: Construct,
  principal: IPrincipal,
  grant: SynapseRoleGrant,
  prop = 'principal',
): SynapseRoleAssignment {
  validatePrincipal(parent, principal, prop);
  const prefix = `Synapse${grant.roleName.replace(/[^a-zA-Z0-9]/g, '')}`;
  const key =
    principal.grantKey ??
    (isUnresolved(principal.principalId) ? undefined : principal.principalId.toLowerCase());
  let id: string;
  if (key !== undefined) {
    id = `${prefix}${stableHash(key)}`;
    const existing = parent.node.tryFindChild(id);
    if (existing instanceof SynapseRoleAssignment) return existing;
  } else {
    const same = parent.node.children.find(
      (c): c is SynapseRoleAssignment =>
        c instanceof SynapseRoleAssignment &&
        c.node.id.startsWith(`${prefix}Token`) &&
        c.principalIdInput === principal.principalId,
    );
    if (same) return same;
    let n = 1;
    while (parent.node.tryFindChild(`${prefix}Token${n}`)) n++;
    id = `${prefix}Token${n}`;
  }
  return new SynapseRoleAssignment(parent, id, {
    synapseWorkspaceId: grant.workspaceId,
    roleName: grant.roleName,
    principalId: principal.principalId,
    principalType: principal.principalType,
    dependsOn: grant.dependsOn,
  });
}
