import {
  MonitoringAlertPolicy,
  type MonitoringAlertPolicyConditionsConditionThreshold,
} from '@cdktf/provider-google/lib/monitoring-alert-policy';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { Construct } from 'constructs';
import type { Tags } from '../../../core/tags';
import { Token, warn } from '../../../terraform';
import type { INotificationTarget } from '../../monitoring/notification-target';
import { duration } from '../../private/pubsub';

/** The Cloud Monitoring metrics a stream is watched on. */
export const STREAM_METRICS = {
  /** Age in seconds of the oldest message a subscription has not acknowledged (GAUGE). */
  oldestUnackedAge: 'pubsub.googleapis.com/subscription/oldest_unacked_message_age',
  /** Messages a subscription forwarded to its dead-letter topic (DELTA). */
  deadLettered: 'pubsub.googleapis.com/subscription/dead_letter_message_count',
} as const;

/** Seconds the metrics are aligned over. */
const ALIGNMENT_SECONDS = 60;
/** Seconds the oldest-unacked age must stay over the threshold before an incident opens. */
const AGE_BREACH_SECONDS = 120;

/** What the stream's alert policies watch and whom they notify. */
export interface StreamAlertsSpec {
  /** Warning id for alerts without a notification target. */
  readonly warningId: string;
  readonly project?: string;
  readonly platform: string;
  readonly stream: string;
  /** Where the landed objects go, for the policies' documentation. */
  readonly destination: string;
  /** The watched subscriptions' names, read at synth (grants may add subscriptions later). */
  readonly subscriptionNames: () => readonly string[];
  readonly target?: INotificationTarget;
  readonly messageAgeSeconds: number;
  readonly autoCloseSeconds: number;
  readonly labels: Tags;
  readonly apiServices: readonly ProjectService[];
}

/** The two alert policies of a stream. */
export interface StreamAlerts {
  readonly messageAge: MonitoringAlertPolicy;
  readonly deadLetters: MonitoringAlertPolicy;
}

/**
 * A metric filter over the subscriptions `names()` returns, resolved at synth so subscriptions
 * added by `grantRead` after construction are watched too.
 */
function subscriptionFilter(metric: string, names: () => readonly string[]): string {
  return Token.asString({
    creationStack: [],
    resolve: () =>
      `resource.type = "pubsub_subscription" AND metric.type = "${metric}" AND ` +
      `resource.labels.subscription_id = one_of(${names()
        .map((n) => JSON.stringify(n))
        .join(', ')})`,
    toString: () => `StreamAlertFilter(${metric})`,
  });
}

/**
 * Alert policies on the signals that mean a stream's data is not arriving or piles up: the oldest
 * unacknowledged message of any watched subscription is older than the threshold (the lake is not
 * being written, or a consumer stalls), and any message was dead-lettered (it failed every
 * delivery attempt and now waits in the dead-letter subscription).
 */
export function streamAlerts(scope: Construct, spec: StreamAlertsSpec): StreamAlerts {
  if (!spec.target) {
    warn(
      scope,
      spec.warningId,
      'No notificationTarget was given: the alert policies open incidents in Cloud Monitoring but notify nobody.',
    );
  }
  const common = {
    project: spec.project,
    combiner: 'OR',
    enabled: true,
    notificationChannels: spec.target ? [...spec.target.notificationChannelIds] : undefined,
    alertStrategy: { autoClose: duration(spec.autoCloseSeconds) },
    userLabels: spec.labels,
    dependsOn: spec.apiServices.length > 0 ? [...spec.apiServices] : undefined,
  };
  const threshold = (
    metric: string,
    aligner: string,
    value: number,
    breachSeconds: number,
  ): MonitoringAlertPolicyConditionsConditionThreshold => ({
    filter: subscriptionFilter(metric, spec.subscriptionNames),
    comparison: 'COMPARISON_GT',
    thresholdValue: value,
    duration: duration(breachSeconds),
    aggregations: [{ alignmentPeriod: duration(ALIGNMENT_SECONDS), perSeriesAligner: aligner }],
    trigger: { count: 1 },
  });
  const name = `${spec.platform}/${spec.stream}`;
  const minutes = Math.round(spec.messageAgeSeconds / 60);

  const messageAge = new MonitoringAlertPolicy(scope, 'MessageAgeAlert', {
    ...common,
    displayName: `${name}: messages wait longer than ${minutes} min`,
    severity: 'WARNING',
    conditions: [
      {
        displayName: `Oldest unacknowledged message older than ${minutes} min`,
        conditionThreshold: threshold(
          STREAM_METRICS.oldestUnackedAge,
          'ALIGN_MAX',
          spec.messageAgeSeconds,
          AGE_BREACH_SECONDS,
        ),
      },
    ],
    documentation: {
      mimeType: 'text/markdown',
      subject: `[${name}] stream backlog older than ${minutes} min`,
      content:
        `Messages of stream **${spec.stream}** (platform ${spec.platform}) have waited more than ${minutes} minutes ` +
        'in one of its subscriptions. Events are piling up instead of arriving.\n\n' +
        `* Landing subscription (into ${spec.destination}): check that the Pub/Sub service agent still holds ` +
        '`roles/storage.objectCreator` and `roles/storage.legacyBucketReader` on the bucket, that the bucket ' +
        'exists, and the subscription state in the Pub/Sub console.\n' +
        '* Consumer subscription: the consumer is down or slower than the producers.\n\n' +
        'Unacknowledged messages are kept for 7 days; after the delivery attempts run out they are dead-lettered.',
    },
  });

  const deadLetters = new MonitoringAlertPolicy(scope, 'DeadLetterAlert', {
    ...common,
    displayName: `${name}: messages dead-lettered`,
    severity: 'ERROR',
    conditions: [
      {
        displayName: 'Messages forwarded to the dead-letter topic',
        conditionThreshold: threshold(STREAM_METRICS.deadLettered, 'ALIGN_SUM', 0, 0),
      },
    ],
    documentation: {
      mimeType: 'text/markdown',
      subject: `[${name}] messages dead-lettered`,
      content:
        `Messages of stream **${spec.stream}** (platform ${spec.platform}) failed every delivery attempt and were ` +
        "forwarded to the stream's dead-letter topic. They are kept in its dead-letter subscription.\n\n" +
        'Pull a few to see why (a schema mismatch, a missing permission, a BigQuery table that rejects rows), ' +
        'fix the cause, then republish them to the topic.',
    },
  });
  return { messageAge, deadLetters };
}
