import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, flagIs } from '../../private/config';

/**
 * Key Vault firewalls deny by default (network_acls default_action Deny).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyVaultEnablesFirewallRulesSettings.py
 */
export const CKV_AZURE_109: TerraformRule = {
  id: 'CKV_AZURE_109',
  description: 'Key Vault firewalls deny by default (network_acls default_action Deny)',
  explanation:
    'Key Vault firewalls deny by default (`network_acls.default_action = "Deny"`), or the ' +
    'vault has no public endpoint at all (`public_network_access_enabled = false`).',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_key_vault'],
  check: (r) =>
    compliantIf(
      flagIs(r.config.public_network_access_enabled, false, true) ||
        block(r.config, 'network_acls')?.default_action === 'Deny',
    ),
};
