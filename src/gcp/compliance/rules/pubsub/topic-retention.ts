import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';

/**
 * Pub/Sub topics retain published messages (message_retention_duration is set).
 * @see https://cloud.google.com/pubsub/docs/replay-overview#topic_message_retention
 */
export const DPK_GCP_PUBSUB_TOPIC_RETENTION: TerraformRule = {
  id: 'DPK_GCP_PUBSUB_TOPIC_RETENTION',
  description: 'Pub/Sub topics retain published messages (message_retention_duration is set).',
  explanation:
    'Pub/Sub topics retain published messages (`message_retention_duration`), so a ' +
    'subscription created or re-seeked later can replay them after a consumer bug or data ' +
    'loss downstream. Kit rule (no public id): recoverability of streaming ingestion, which ' +
    'the public packs do not cover. A hardening recommendation (level WARNING).',
  level: RuleLevel.WARNING,
  resourceTypes: ['google_pubsub_topic'],
  check: (r) => compliantIf(isSet(r.config.message_retention_duration)),
};
