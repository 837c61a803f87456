import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * Synapse workspaces are encrypted with a customer-managed key.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/SynapseWorkspaceCMKEncryption.py
 */
export const CKV_AZURE_240: TerraformRule = {
  id: 'CKV_AZURE_240',
  description: 'Synapse workspaces are encrypted with a customer-managed key',
  explanation:
    'Synapse workspaces encrypt with a customer-managed key (`customer_managed_key` with a ' +
    "`key_versionless_id`, the azurerm 4.x attribute; Checkov reads the block's `key_name`).",
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_synapse_workspace'],
  check: (r) => compliantIf(isSet(block(r.config, 'customer_managed_key')?.key_versionless_id)),
};
