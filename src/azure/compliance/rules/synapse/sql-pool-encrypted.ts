import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Synapse SQL pools are encrypted (transparent data encryption).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/SynapseSQLPoolDataEncryption.py
 */
export const CKV_AZURE_241: TerraformRule = {
  id: 'CKV_AZURE_241',
  description: 'Synapse SQL pools are encrypted (transparent data encryption)',
  explanation:
    'Synapse dedicated SQL pools use transparent data encryption (`data_encrypted = true`; ' +
    "azurerm 4.x leaves it off when unset). With a customer-managed workspace key, the pool's " +
    'TDE uses it.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_sql_pool'],
  check: (r) => compliantIf(flagIs(r.config.data_encrypted, true, false)),
};
