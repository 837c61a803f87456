import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isReference } from '../../private/config';

/** TLS versions at or above 1.2; azurerm 4.x defaults `min_tls_version` to `TLS1_2`. */
const SECURE_TLS = ['TLS1_2', 'TLS1_3'];

/**
 * Storage accounts use TLS 1.2 or newer (min_tls_version).
 * @see https://www.checkov.io/5.Policy%20Index/terraform.html
 */
export const CKV_AZURE_44: TerraformRule = {
  id: 'CKV_AZURE_44',
  description: 'Storage accounts use TLS 1.2 or newer (min_tls_version)',
  explanation: 'Storage accounts accept TLS 1.2 or newer only (`min_tls_version`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => {
    const tls = r.config.min_tls_version ?? 'TLS1_2';
    return compliantIf(isReference(tls) || SECURE_TLS.includes(String(tls)));
  },
};
