import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isReference } from '../../private/config';

/** Key types whose private key never leaves a FIPS 140 Level 3 HSM. */
const HSM_KEY_TYPES = ['RSA-HSM', 'EC-HSM'];

/**
 * Key Vault keys are HSM-backed (RSA-HSM or EC-HSM).
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/resource/azure/KeyBackedByHSM.py
 */
export const CKV_AZURE_112: TerraformRule = {
  id: 'CKV_AZURE_112',
  description: 'Key Vault keys are HSM-backed (RSA-HSM or EC-HSM)',
  explanation:
    'Key Vault keys are HSM-backed (`key_type` RSA-HSM or EC-HSM, which needs a premium ' +
    'vault). Keys in a managed HSM (`azurerm_key_vault_managed_hardware_security_module_key`) ' +
    'always are.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_key_vault_key'],
  check: (r) =>
    compliantIf(isReference(r.config.key_type) || HSM_KEY_TYPES.includes(String(r.config.key_type))),
};
