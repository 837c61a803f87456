import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { blocks, stringList } from '../../private/config';
import { isBroadScope } from '../../private/scopes';

/**
 * No custom role definition with '*' actions is assignable at subscription or management-group
 * scope.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/CustomRoleDefinitionSubscriptionOwner.py
 */
export const CKV_AZURE_39: TerraformRule = {
  id: 'CKV_AZURE_39',
  description:
    "No custom role definition with '*' actions is assignable at subscription or management-group scope",
  explanation:
    'No custom role definition allows every action (`"*"` in `permissions.actions`) while ' +
    'being assignable at subscription, management-group or root scope (`assignable_scopes`, ' +
    "which defaults to the definition's `scope`): that is a custom subscription owner.",
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_role_definition'],
  check: (r) => {
    const wildcard = blocks(r.config, 'permissions').some((p) => stringList(p.actions).includes('*'));
    const assignable = stringList(r.config.assignable_scopes);
    const scopes = assignable.length > 0 ? assignable : [r.config.scope];
    return compliantIf(!(wildcard && scopes.some(isBroadScope)));
  },
};
