import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * Cloud Storage buckets are encrypted with a customer-managed key (CMEK).
 * @see https://cloud.google.com/storage/docs/encryption/customer-managed-keys
 */
export const AVD_GCP_0066: TerraformRule = {
  id: 'AVD-GCP-0066',
  description: 'Cloud Storage buckets are encrypted with a customer-managed key (CMEK).',
  explanation:
    'Cloud Storage buckets encrypt new objects with a customer-managed Cloud KMS key by ' +
    'default (Trivy `google-storage-bucket-encryption-customer-key`; Checkov has no such ' +
    'check).',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(isSet(block(r.config, 'encryption')?.default_kms_key_name)),
};
