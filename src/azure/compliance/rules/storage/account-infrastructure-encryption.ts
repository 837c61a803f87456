import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { flagIs } from '../../private/config';

/**
 * Storage accounts enable infrastructure (double) encryption.
 * @see https://github.com/aquasecurity/trivy-checks/blob/main/checks/cloud/azure/storage/infrastructure_encryption_enabled.rego
 */
export const AVD_AZU_0061: TerraformRule = {
  id: 'AVD-AZU-0061',
  description: 'Storage accounts enable infrastructure (double) encryption',
  explanation:
    'Storage accounts enable infrastructure (double) encryption ' +
    '(`infrastructure_encryption_enabled`, azurerm 4.x default `false`; it can only be set ' +
    "when the account is created). Trivy's id: no Checkov check covers it.",
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_storage_account'],
  check: (r) => compliantIf(flagIs(r.config.infrastructure_encryption_enabled, true, false)),
};
