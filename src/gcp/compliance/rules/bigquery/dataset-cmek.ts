import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * BigQuery datasets are encrypted with a customer-managed key by default (CMEK).
 * @see https://cloud.google.com/bigquery/docs/customer-managed-encryption
 */
export const CKV_GCP_81: TerraformRule = {
  id: 'CKV_GCP_81',
  description: 'BigQuery datasets are encrypted with a customer-managed key by default (CMEK).',
  explanation: 'BigQuery datasets encrypt new tables with a customer-managed key by default.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_bigquery_dataset'],
  check: (r) => compliantIf(isSet(block(r.config, 'default_encryption_configuration')?.kms_key_name)),
};
