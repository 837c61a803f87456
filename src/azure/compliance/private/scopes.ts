/**
 * Azure RBAC scopes and roles as the role rules judge them.
 */
import { isReference } from './config';

const SUBSCRIPTION = /^\/subscriptions\/[^/]+\/?$/i;
const MANAGEMENT_GROUP = /^\/providers\/microsoft\.management\/managementgroups\/[^/]+\/?$/i;
/** References whose value is a subscription or management-group id. */
const BROAD_REFERENCE = /^\$\{(?:data\.)?azurerm_(?:subscription|management_group)\.[^.}]+\.id\}$/;

/**
 * True when `scope` is the tenant root (`/`), a management group or a whole subscription,
 * written literally (`/subscriptions/<id>`, where `<id>` may be an expression) or as a reference
 * to a subscription or management group's `id`.
 */
export function isBroadScope(scope: unknown): boolean {
  if (typeof scope !== 'string') return false;
  const s = scope.trim();
  if (s === '/') return true;
  if (SUBSCRIPTION.test(s) || MANAGEMENT_GROUP.test(s)) return true;
  return isReference(s) && BROAD_REFERENCE.test(s);
}

/**
 * Built-in roles that can take over what they are assigned on (all actions, or granting
 * access), by name and role definition GUID.
 * @see https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 */
export const PRIVILEGED_ROLES: Readonly<Record<string, string>> = {
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
};

const PRIVILEGED_NAMES = Object.keys(PRIVILEGED_ROLES).map((n) => n.toLowerCase());
const PRIVILEGED_IDS = Object.values(PRIVILEGED_ROLES);

/** The privileged built-in role named by `roleDefinitionName` or `roleDefinitionId`, if any. */
export function privilegedRole(roleDefinitionName: unknown, roleDefinitionId: unknown): string | undefined {
  if (typeof roleDefinitionName === 'string') {
    const i = PRIVILEGED_NAMES.indexOf(roleDefinitionName.trim().toLowerCase());
    if (i >= 0) return Object.keys(PRIVILEGED_ROLES)[i];
  }
  if (typeof roleDefinitionId === 'string') {
    const guid = roleDefinitionId.trim().toLowerCase().split('/').pop();
    const i = PRIVILEGED_IDS.indexOf(guid ?? '');
    if (i >= 0) return Object.keys(PRIVILEGED_ROLES)[i];
  }
  return undefined;
}
