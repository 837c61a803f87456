import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { nested } from '../../private/config';
import { hasBlobService } from '../../private/storage';

/**
 * Storage accounts soft-delete containers (container_delete_retention_policy).
 * @see https://learn.microsoft.com/azure/storage/blobs/soft-delete-container-overview
 */
export const DPK_AZURE_CONTAINER_SOFT_DELETE: TerraformRule = {
  id: 'DPK_AZURE_CONTAINER_SOFT_DELETE',
  description: 'Storage accounts soft-delete containers (container_delete_retention_policy)',
  explanation:
    'Storage accounts keep deleted containers (ADLS Gen2 filesystems) recoverable: ' +
    '`blob_properties.container_delete_retention_policy` is set. On a hierarchical-namespace ' +
    "account a deleted filesystem takes every zone's data with it, and blob soft delete alone " +
    "cannot bring it back. The kit's own id: Checkov's CKV2_AZURE_38 looks at blob soft " +
    'delete only; the intent is CIS Microsoft Azure Foundations\' "Ensure Soft Delete is ' +
    'Enabled for Azure Containers and Blob Storage", whose number changes between benchmark ' +
    'versions.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => {
    if (!hasBlobService(r.config)) return RuleResult.NOT_APPLICABLE;
    const policy = nested(r.config, 'blob_properties', 'container_delete_retention_policy');
    const days = policy?.days;
    return compliantIf(policy !== undefined && (typeof days !== 'number' || days >= 1));
  },
};
