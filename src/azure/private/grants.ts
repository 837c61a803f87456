import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { Construct } from 'constructs';
import { stableHash } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';
import { type IPrincipal, validatePrincipal } from '../iam/principal';

/** What to assign: a scope (an ARM id) and a role, by built-in name or by definition id. */
export interface RoleGrant {
  /** Resource Manager id the assignment is scoped to. */
  readonly scope: string;
  /** Built-in role name, e.g. `Storage Blob Data Reader`. */
  readonly roleDefinitionName?: string;
  /** Full resource id of a (custom) role definition. */
  readonly roleDefinitionId?: string;
  /** Shown in the portal next to the assignment. */
  readonly description?: string;
}

/**
 * Assigns a role to `principal` as a child of `parent`, with a construct id made of `prefix`
 * and a stable suffix for the principal (a hash of its grant key or literal id). Granting the
 * same principal twice under the same prefix returns the first assignment.
 */
export function grantRole(
  parent: Construct,
  prefix: string,
  principal: IPrincipal,
  grant: RoleGrant,
  prop = 'principal',
): RoleAssignment {
  validatePrincipal(parent, principal, prop);
  const key =
    principal.grantKey ??
    (isUnresolved(principal.principalId) ? undefined : principal.principalId.toLowerCase());
  if (key === undefined) return grantUnkeyed(parent, prefix, principal, grant);
  const id = `${prefix}${stableHash(key)}`;
  const existing = parent.node.tryFindChild(id);
  if (existing instanceof RoleAssignment) return existing;
  return newAssignment(parent, id, principal, grant);
}

/** A principal known only by a token: reuse an assignment of the same token, else number it. */
function grantUnkeyed(
  parent: Construct,
  prefix: string,
  principal: IPrincipal,
  grant: RoleGrant,
): RoleAssignment {
  const ownPrefix = `${prefix}Token`;
  const same = parent.node.children.find(
    (c): c is RoleAssignment =>
      c instanceof RoleAssignment &&
      c.node.id.startsWith(ownPrefix) &&
      c.principalIdInput === principal.principalId,
  );
  if (same) return same;
  let n = 1;
  while (parent.node.tryFindChild(`${ownPrefix}${n}`)) n++;
  return newAssignment(parent, `${ownPrefix}${n}`, principal, grant);
}

function newAssignment(
  parent: Construct,
  id: string,
  principal: IPrincipal,
  grant: RoleGrant,
): RoleAssignment {
  return new RoleAssignment(parent, id, {
    scope: grant.scope,
    roleDefinitionName: grant.roleDefinitionName,
    roleDefinitionId: grant.roleDefinitionId,
    principalId: principal.principalId,
    principalType: principal.principalType,
    description: grant.description,
  });
}
