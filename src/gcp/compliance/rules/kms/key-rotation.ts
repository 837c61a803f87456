import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { durationSeconds, isReference } from '../../private/config';
import { MAX_ROTATION_SECONDS } from '../../private/types';

/**
 * Cloud KMS keys rotate automatically within 90 days.
 * @see https://cloud.google.com/kms/docs/key-rotation
 */
export const CKV_GCP_43: TerraformRule = {
  id: 'CKV_GCP_43',
  description: 'Cloud KMS keys rotate automatically within 90 days.',
  explanation:
    'Cloud KMS symmetric keys rotate automatically at least every 90 days. Not applicable to ' +
    'asymmetric and MAC keys, which Cloud KMS cannot rotate automatically. A reference counts ' +
    'as set.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_kms_crypto_key'],
  check: (r) => {
    const purpose = r.config.purpose;
    if (typeof purpose === 'string' && !isReference(purpose) && purpose !== 'ENCRYPT_DECRYPT') {
      return RuleResult.NOT_APPLICABLE;
    }
    if (isReference(r.config.rotation_period)) return RuleResult.COMPLIANT;
    const seconds = durationSeconds(r.config.rotation_period);
    return compliantIf(seconds !== undefined && seconds > 0 && seconds <= MAX_ROTATION_SECONDS);
  },
};
