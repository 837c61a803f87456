import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block } from '../../private/config';

/**
 * Pub/Sub subscriptions never expire (expiration_policy.ttl is "").
 * @see https://cloud.google.com/pubsub/docs/subscription-properties#expiration_period
 */
export const DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY: TerraformRule = {
  id: 'DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY',
  description: 'Pub/Sub subscriptions never expire (expiration_policy.ttl is "").',
  explanation:
    'Pub/Sub subscriptions never expire (`expiration_policy.ttl = ""`). Without it a ' +
    'subscription that sees no activity for 31 days is deleted with its backlog, and an ' +
    'ingestion path that was quiet for a month silently stops landing data. Kit rule (no ' +
    'public id): the public packs do not check subscription expiry. A hardening ' +
    'recommendation (level WARNING).',
  level: RuleLevel.WARNING,
  resourceTypes: ['google_pubsub_subscription'],
  check: (r) => compliantIf(block(r.config, 'expiration_policy')?.ttl === ''),
};
