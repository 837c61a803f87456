import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isReference } from '../../private/config';

/** Redundancy types that keep a copy in the paired region. */
const GEO_REDUNDANT = ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

/**
 * Storage accounts use geo-redundant replication (GRS, RAGRS, GZRS or RAGZRS).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/StorageAccountsUseReplication.py
 */
export const CKV_AZURE_206: TerraformRule = {
  id: 'CKV_AZURE_206',
  description: 'Storage accounts use geo-redundant replication (GRS, RAGRS, GZRS or RAGZRS)',
  explanation:
    'Storage accounts replicate to the paired region (GRS, RA-GRS, GZRS or RA-GZRS), so a ' +
    'regional disaster does not lose the data.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => {
    const type = r.config.account_replication_type;
    return compliantIf(isReference(type) || GEO_REDUNDANT.includes(String(type)));
  },
};
