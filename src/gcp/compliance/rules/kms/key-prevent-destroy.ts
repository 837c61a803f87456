import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { preventsDestroy } from '../../private/config';

/**
 * Cloud KMS crypto keys are protected from deletion (lifecycle.prevent_destroy).
 * @see https://cloud.google.com/kms/docs/destroy-restore
 */
export const CKV_GCP_82: TerraformRule = {
  id: 'CKV_GCP_82',
  description: 'Cloud KMS crypto keys are protected from deletion (lifecycle.prevent_destroy).',
  explanation:
    'Cloud KMS crypto keys are `lifecycle.prevent_destroy`: destroying a key schedules every ' +
    'version for destruction, and the data encrypted with them becomes unreadable for good.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_kms_crypto_key'],
  check: (r) => compliantIf(preventsDestroy(r.config)),
};
