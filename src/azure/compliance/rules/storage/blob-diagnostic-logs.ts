import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { blocks, isReference, refersTo } from '../../private/config';
import { hasBlobService } from '../../private/storage';

/** Blob-service log categories that together audit every data access. */
const AUDIT_CATEGORIES = ['StorageRead', 'StorageWrite', 'StorageDelete'];
/** Category groups that include the three. */
const AUDIT_GROUPS = ['allLogs', 'audit'];

/**
 * Storage accounts log blob reads, writes and deletes through a diagnostic setting.
 * @see https://learn.microsoft.com/azure/storage/blobs/monitor-blob-storage
 */
export const DPK_AZURE_STORAGE_BLOB_LOGS: TerraformRule = {
  id: 'DPK_AZURE_STORAGE_BLOB_LOGS',
  description: 'Storage accounts log blob reads, writes and deletes through a diagnostic setting',
  explanation:
    'Storage accounts send blob read, write and delete logs somewhere (an ' +
    '`azurerm_monitor_diagnostic_setting` on `<account id>/blobServices/default` with the ' +
    'StorageRead, StorageWrite and StorageDelete categories, or the allLogs / audit group). ' +
    "The kit's own id: Checkov's CKV2_AZURE_21 checks the classic Storage Analytics logging, " +
    'which hierarchical-namespace accounts replace with diagnostic settings.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_storage_account'],
  check: (r, doc) => {
    if (!hasBlobService(r.config)) return RuleResult.NOT_APPLICABLE;
    const settings = doc.resources('azurerm_monitor_diagnostic_setting').filter((s) => {
      const target = s.config.target_resource_id;
      return refersTo(target, r) && typeof target === 'string' && /\/blobServices\/default\/?$/.test(target);
    });
    return compliantIf(
      settings.some((s) => {
        const logs = blocks(s.config, 'enabled_log');
        if (logs.some((l) => isReference(l.category) || AUDIT_GROUPS.includes(String(l.category_group)))) {
          return true;
        }
        const categories = logs.map((l) => String(l.category));
        return AUDIT_CATEGORIES.every((c) => categories.includes(c));
      }),
    );
  },
};
