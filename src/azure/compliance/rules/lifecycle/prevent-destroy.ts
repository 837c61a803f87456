import {
  compliantIf,
  RuleLevel,
  STATEFUL_RESOURCE_TYPES,
  type TerraformRule,
} from '../../../../core/internal';
import { preventsDestroy } from '../../private/config';

/**
 * Stateful resources (storage, containers, key vaults, keys, logs, warehouses) set
 * lifecycle.prevent_destroy.
 * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy
 */
export const DPK_AZURE_PREVENT_DESTROY: TerraformRule = {
  id: 'DPK_AZURE_PREVENT_DESTROY',
  description:
    'Stateful resources (storage, containers, key vaults, keys, logs, warehouses) set lifecycle.prevent_destroy',
  explanation:
    'Stateful resources are retained when they leave the configuration ' +
    '(`lifecycle.prevent_destroy = true`). The kit renders its removal guard this way; the ' +
    'only way out is `removalPolicy: DESTROY` together with the `removeDataOnDestroy` context ' +
    'flag, and then the block acknowledges this rule on the resource with that reason. The ' +
    "kit's own id: no Checkov or Trivy check reads Terraform lifecycle settings.",
  level: RuleLevel.ERROR,
  resourceTypes: STATEFUL_RESOURCE_TYPES.azure,
  check: (r) => compliantIf(preventsDestroy(r.config)),
};
