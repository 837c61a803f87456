/**
 * The wait between a batch of Azure role assignments and the first resource whose creation
 * checks them. Internal: not exported from the entry point.
 */
import type { Construct } from 'constructs';
import { type ITerraformDependable, propagationWait } from '../../terraform';

/**
 * Seconds a batch of role assignments is given to reach the service that checks it. Azure RBAC
 * changes usually apply within a minute or two (up to ten for cached managed-identity tokens), and
 * `azurerm_role_assignment` retries only PrincipalNotFound, so a consumer created at once fails with
 * 403 on a fresh subscription.
 * @see https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---role-assignment-changes-are-not-being-detected
 */
export const ROLE_PROPAGATION_SECONDS = 120;

/**
 * One `time_sleep` after `grants` (the `undefined`s dropped), named `id` under `scope`; consumers
 * depend on it instead of on the grants.
 */
export function afterRolePropagation(
  scope: Construct,
  id: string,
  grants: readonly (ITerraformDependable | undefined)[],
): ITerraformDependable {
  return propagationWait(
    scope,
    id,
    grants.filter((g): g is ITerraformDependable => g !== undefined),
    ROLE_PROPAGATION_SECONDS,
  );
}
