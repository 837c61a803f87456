import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';

/**
 * Pub/Sub topics are encrypted with a customer-managed key (CMEK).
 * @see https://cloud.google.com/pubsub/docs/encryption
 */
export const CKV_GCP_83: TerraformRule = {
  id: 'CKV_GCP_83',
  description: 'Pub/Sub topics are encrypted with a customer-managed key (CMEK).',
  explanation: 'Pub/Sub topics encrypt stored messages with a customer-managed key.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_pubsub_topic'],
  check: (r) => compliantIf(isSet(r.config.kms_key_name)),
};
