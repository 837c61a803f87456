import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { flagIs, nested } from '../../private/config';
import { hasBlobService } from '../../private/storage';

/**
 * Storage accounts soft-delete blobs (delete_retention_policy, no permanent delete).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/azure/AzureStorageAccountEnableSoftDelete.yaml
 */
export const CKV2_AZURE_38: TerraformRule = {
  id: 'CKV2_AZURE_38',
  description: 'Storage accounts soft-delete blobs (delete_retention_policy, no permanent delete)',
  explanation:
    'Storage accounts keep deleted blobs recoverable: ' +
    '`blob_properties.delete_retention_policy` is set (azurerm defaults its `days` to 7) and ' +
    'its `permanent_delete_enabled` does not let soft-deleted blobs be purged early. Not ' +
    'applicable to accounts without a blob service (FileStorage).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => {
    if (!hasBlobService(r.config)) return RuleResult.NOT_APPLICABLE;
    const policy = nested(r.config, 'blob_properties', 'delete_retention_policy');
    if (policy === undefined) return RuleResult.NON_COMPLIANT;
    const days = policy.days;
    const kept = typeof days !== 'number' || days >= 1;
    return compliantIf(kept && flagIs(policy.permanent_delete_enabled, false, false));
  },
};
