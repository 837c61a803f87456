import * as os from 'node:os';
import { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { build } from '../../../examples/streaming-gcp/app';
import { RuleLevel } from '../../../src/core/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import {
  EncryptionKey,
  LakeStorage,
  NotificationTarget,
  Principal,
  StreamFileFormat,
  StreamIngestion,
  StreamSchemaEncoding,
  StreamSchemaType,
} from '../../../src/gcp';
import {
  checkCompliance,
  DATA_PLATFORM_RULES,
  DPK_GCP_PUBSUB_DEAD_LETTER,
  DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY,
} from '../../../src/gcp/compliance';
import { App, type TerraformStack } from '../../../src/terraform';
import { DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean, terraformAcknowledgements } from '../../helpers/compliance';
import { newGcpStack } from '../support';

/**
 * The GCP rule pack over the streaming blocks (StreamIngestion, NotificationTarget) and the
 * streaming-gcp example: zero unacknowledged findings, bought with no suppression, and a weakened
 * resource is reported.
 */

const expectCompliant = (stack: TerraformStack): ComplianceReport => expectClean(checkCompliance(stack));

const acknowledgements = terraformAcknowledgements;

/** A stream in its maximal configuration: every prop set, every grant, a BigQuery subscription. */
function maximalStack(context: Record<string, unknown> = {}): {
  stack: TerraformStack;
  stream: StreamIngestion;
} {
  const stack = newGcpStack(context);
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    project: 'acme-data-prod',
    location: 'EU',
    zones: ['landing', 'raw', 'curated'],
  });
  const key = new EncryptionKey(stack, 'StreamKey', {
    platformName: 'sales',
    purpose: 'stream',
    project: 'acme-data-prod',
    location: 'europe-west4',
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    project: 'acme-data-prod',
    emailAddresses: ['data-oncall@acme.com', 'sales-lead@acme.com'],
    tags: { team: 'sales' },
  });
  const stream = new StreamIngestion(stack, 'Orders', {
    platformName: 'sales',
    streamName: 'orders',
    lake,
    zone: 'landing',
    project: 'acme-data-prod',
    region: 'europe-west4',
    encryptionKey: key,
    retentionHours: 744,
    topicName: 'sales-orders-v1',
    schema: {
      type: StreamSchemaType.PROTOCOL_BUFFER,
      definition: 'syntax = "proto3";\nmessage Order { string id = 1; }',
      encoding: StreamSchemaEncoding.BINARY,
    },
    fileFormat: StreamFileFormat.TEXT,
    filenameSuffix: '.jsonl',
    maxFileDurationMinutes: 10,
    maxFileSizeMiB: 10_240,
    maxDeliveryAttempts: 100,
    retryMinimumBackoffSeconds: 0,
    retryMaximumBackoffSeconds: 600,
    deadLetterRetentionDays: 31,
    bigQueryTable: { project: 'acme-data-prod', datasetId: 'sales_raw', tableId: 'orders' },
    bigQueryWriteMetadata: false,
    notificationTarget: alerts,
    messageAgeAlertMinutes: 10_080,
    alertAutoCloseHours: 168,
    tags: { team: 'sales' },
  });
  const checkout = new ServiceAccount(stack, 'Checkout', { accountId: 'sales-checkout' });
  stream.grantWrite(Principal.fromServiceAccount(checkout));
  stream.grantRead(Principal.serviceAccount('fraud@acme-data-prod.iam.gserviceaccount.com'));
  stream.grantRead(Principal.group('analysts@acme.com'));
  stream.grantReadDeadLetters(Principal.group('data-oncall@acme.com'));
  return { stack, stream };
}

describe('GCP rule pack over the streaming constructs', () => {
  test('StreamIngestion with defaults', () => {
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    new StreamIngestion(stack, 'Clickstream', { platformName: 'sales', streamName: 'clickstream', lake });
    expectCompliant(stack);
  });

  test('StreamIngestion in its maximal configuration, with every grant', () => {
    expectCompliant(maximalStack().stack);
  });

  test('two streams into one lake, alerting existing channels', () => {
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    const notificationTarget = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
      notificationChannelIds: ['projects/acme-data/notificationChannels/1'],
    });
    for (const streamName of ['clicks', 'orders']) {
      new StreamIngestion(stack, streamName, { platformName: 'sales', streamName, lake, notificationTarget });
    }
    expectCompliant(stack);
  });

  test('the streaming-gcp example, per stack and as a whole app', () => {
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const stacks = build(app);
    expect(stacks.map((s) => s.node.id)).toEqual(['streaming-gcp']);
    for (const stack of stacks) expectCompliant(stack);
    expect(checkCompliance(app).findings).toEqual([]);
  });

  test('the blocks acknowledge nothing by default, nor for DESTROY without the flag', () => {
    expect(acknowledgements(maximalStack().stack)).toEqual([]);
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    new StreamIngestion(stack, 'S', {
      platformName: 'sales',
      streamName: 'clicks',
      lake,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    expect(acknowledgements(stack)).toEqual([]);
  });

  test('a flag-guarded DESTROY acknowledges only the prevent_destroy rule, with the reason', () => {
    // GIVEN
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    const stream = new StreamIngestion(stack, 'S', {
      platformName: 'sales',
      streamName: 'clicks',
      lake,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    // WHEN
    const report = checkCompliance(stack);
    // THEN zero findings; the two topics are acknowledged findings, with the reason
    expect(report.findings).toEqual([]);
    const onStream = report.acknowledged.filter((f) => f.path?.startsWith(stream.node.path));
    expect(onStream.map((f) => [f.ruleId, f.path])).toEqual([
      ['DPK_GCP_PREVENT_DESTROY', 'Test/S/Topic'],
      ['DPK_GCP_PREVENT_DESTROY', 'Test/S/DeadLetterTopic'],
      ['DPK_GCP_PREVENT_DESTROY', 'Test/S/DeadLetterSubscription'],
      ['DPK_GCP_PREVENT_DESTROY', 'Test/S/LandingSubscription'],
    ]);
    for (const f of onStream) expect(f.reason).toBe(DESTROY_ACKNOWLEDGEMENT_REASON);
  });
});

describe('the pack can fail on a stream', () => {
  test("weakening the stream's own resources through the escape hatch is reported", () => {
    // GIVEN a stream whose topic loses its key and retention, whose landing subscription loses its
    // dead-letter policy and may expire, and whose dead-letter topic may be destroyed
    const { stack, stream } = maximalStack();
    stream.topic.addOverride('kms_key_name', null);
    stream.topic.addOverride('message_retention_duration', null);
    stream.landingSubscription.addOverride('dead_letter_policy', null);
    stream.landingSubscription.addOverride('expiration_policy', null);
    stream.deadLetterTopic.addOverride('lifecycle.prevent_destroy', false);
    // WHEN
    const report = checkCompliance(stack);
    // THEN exactly those are reported, at the stream's construct paths
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['CKV_GCP_83', 'Test/Orders/Topic'],
      ['DPK_GCP_PUBSUB_TOPIC_RETENTION', 'Test/Orders/Topic'],
      ['DPK_GCP_PUBSUB_DEAD_LETTER', 'Test/Orders/LandingSubscription'],
      ['DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY', 'Test/Orders/LandingSubscription'],
      ['DPK_GCP_PREVENT_DESTROY', 'Test/Orders/DeadLetterTopic'],
    ]);
  });

  test('a public grant on a stream subscription is reported', () => {
    // GIVEN a subscriber grant to allUsers added beside the block (the kit's grants refuse it)
    const { stack, stream } = maximalStack();
    new PubsubSubscriptionIamMember(stack, 'Public', {
      subscription: stream.landingSubscription.name,
      role: 'roles/pubsub.subscriber',
      member: 'allUsers',
    });
    // WHEN / THEN
    expect(checkCompliance(stack).findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['DPK_GCP_IAM_PUBLIC_MEMBER', 'Test/Public'],
    ]);
  });

  test('the streaming rules are in the pack, as hardening warnings', () => {
    for (const rule of [DPK_GCP_PUBSUB_DEAD_LETTER, DPK_GCP_PUBSUB_SUBSCRIPTION_EXPIRY]) {
      expect(DATA_PLATFORM_RULES).toContain(rule);
      expect(rule.level).toBe(RuleLevel.WARNING);
    }
  });
});
