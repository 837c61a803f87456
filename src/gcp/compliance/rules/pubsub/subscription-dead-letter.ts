import {
  compliantIf,
  RuleLevel,
  RuleResult,
  type TerraformRule,
  type TfDocumentView,
  type TfResource,
} from '../../../../core/internal';
import { block, blocks, isSet } from '../../private/config';
import { topicKey } from '../../private/pubsub';

const SUBSCRIPTION = 'google_pubsub_subscription';

/** True when another subscription of the document dead-letters into the topic `subscription` reads. */
function readsDeadLetters(subscription: TfResource, doc: TfDocumentView): boolean {
  const topic = topicKey(subscription.config.topic);
  if (topic === undefined) return false;
  return doc
    .resources(SUBSCRIPTION)
    .some(
      (other) =>
        other.address !== subscription.address &&
        blocks(other.config, 'dead_letter_policy').some((p) => topicKey(p.dead_letter_topic) === topic),
    );
}

/**
 * Pub/Sub subscriptions dead-letter undeliverable messages (dead-letter subscriptions excepted).
 * @see https://cloud.google.com/pubsub/docs/handling-failures#dead_letter_topic
 */
export const DPK_GCP_PUBSUB_DEAD_LETTER: TerraformRule = {
  id: 'DPK_GCP_PUBSUB_DEAD_LETTER',
  description:
    'Pub/Sub subscriptions dead-letter undeliverable messages (dead-letter subscriptions excepted).',
  explanation:
    'Pub/Sub subscriptions forward messages that fail every delivery attempt to a dead-letter ' +
    'topic (`dead_letter_policy.dead_letter_topic`), so a poison message is kept for ' +
    'inspection instead of being redelivered until the retention window drops it. A ' +
    'subscription that itself reads a dead-letter topic of the document is not checked: dead ' +
    'letters of dead letters would only move the question. Kit rule (no public id): Checkov ' +
    'and Trivy check Pub/Sub encryption and IAM, not failure capture. A hardening ' +
    'recommendation (level WARNING).',
  level: RuleLevel.WARNING,
  resourceTypes: [SUBSCRIPTION],
  check: (r, doc) =>
    readsDeadLetters(r, doc)
      ? RuleResult.NOT_APPLICABLE
      : compliantIf(isSet(block(r.config, 'dead_letter_policy')?.dead_letter_topic)),
};
