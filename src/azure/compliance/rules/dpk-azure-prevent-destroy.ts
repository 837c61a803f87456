import { compliantIf, RuleLevel, type TerraformRule } from '../../../core/compliance';
import { preventsDestroy } from '../private/config';

/**
 * Resources that hold data, or the keys and logs that data depends on. Destroying one loses
 * data (a container takes its blobs, a key makes its ciphertext unreadable).
 */
export const STATEFUL_AZURE_TYPES: readonly string[] = [
  'azurerm_storage_account',
  'azurerm_storage_container',
  'azurerm_storage_data_lake_gen2_filesystem',
  'azurerm_key_vault',
  'azurerm_key_vault_key',
  'azurerm_key_vault_managed_hardware_security_module',
  'azurerm_log_analytics_workspace',
  'azurerm_eventhub_namespace',
  'azurerm_synapse_workspace',
  'azurerm_synapse_sql_pool',
];

/**
 * Stateful resources are retained when they leave the configuration
 * (`lifecycle.prevent_destroy = true`). The kit renders its removal guard this way; the only
 * way out is `removalPolicy: DESTROY` together with the `removeDataOnDestroy` context flag, and
 * a stack that takes it should acknowledge this rule with its reason. The kit's own id: no
 * Checkov or Trivy check reads Terraform lifecycle settings.
 * @see https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle#prevent_destroy
 */
export const DPK_AZURE_PREVENT_DESTROY: TerraformRule = {
  id: 'DPK_AZURE_PREVENT_DESTROY',
  description:
    'Stateful resources (storage, containers, key vaults, keys, logs, warehouses) set lifecycle.prevent_destroy',
  level: RuleLevel.ERROR,
  resourceTypes: STATEFUL_AZURE_TYPES,
  check: (r) => compliantIf(preventsDestroy(r.config)),
};
