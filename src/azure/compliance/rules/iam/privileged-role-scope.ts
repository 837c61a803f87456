import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { isBroadScope, privilegedRole } from '../../private/scopes';

/**
 * No Owner, Contributor, User Access Administrator or RBAC Administrator assignment at
 * subscription or management-group scope.
 * @see https://learn.microsoft.com/azure/role-based-access-control/best-practices
 */
export const DPK_AZURE_PRIVILEGED_ROLE_SCOPE: TerraformRule = {
  id: 'DPK_AZURE_PRIVILEGED_ROLE_SCOPE',
  description:
    'No Owner, Contributor, User Access Administrator or RBAC Administrator assignment at subscription or management-group scope',
  explanation:
    'No Owner, Contributor, User Access Administrator or Role Based Access Control ' +
    'Administrator assignment at subscription, management-group or root scope (by role name ' +
    'or built-in role definition id). Such a role there controls every data store in the ' +
    'subscription; data platforms grant data roles on the resource instead. Not applicable to ' +
    "other roles. The kit's own id: Checkov's CKV_AZURE_39 judges custom role definitions, " +
    'not assignments of built-in roles.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_role_assignment'],
  check: (r) => {
    if (!privilegedRole(r.config.role_definition_name, r.config.role_definition_id)) {
      return RuleResult.NOT_APPLICABLE;
    }
    return compliantIf(!isBroadScope(r.config.scope));
  },
};
