import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts forbid public (anonymous) containers and blobs.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageBlobRestrictPublicAccess.py
 */
export const CKV_AZURE_190: TerraformRule = {
  id: 'CKV_AZURE_190',
  description: 'Storage accounts forbid public (anonymous) containers and blobs',
  explanation:
    'Storage accounts forbid anonymous access to containers and blobs ' +
    '(`allow_nested_items_to_be_public = false`; azurerm 4.x defaults to `true`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => compliantIf(flagIs(r.config.allow_nested_items_to_be_public, false, true)),
};
