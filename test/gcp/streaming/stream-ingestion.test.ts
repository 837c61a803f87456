import { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table';
import { TerraformVariable } from 'cdktf';
import {
  ALERT,
  AGENT_MEMBER,
  BUCKET_IAM,
  byId,
  CHANNEL,
  CONSUMER,
  DAY,
  dependsOf,
  HOUR,
  KEY_IAM,
  newStream,
  PRODUCER,
  refTo,
  SERVICE,
  SUBSCRIPTION,
  SUBSCRIPTION_IAM,
  synthStream,
  TOPIC,
  TOPIC_IAM,
} from './stream-fixtures';
import {
  REMOVE_DATA_ON_DESTROY_CONTEXT,
  REMOVAL_DOWNGRADED_WARNING,
  DataRemovalPolicy,
} from '../../../src/core/removal';
import {
  ALERTS_WITHOUT_CHANNELS_WARNING,
  EncryptionKey,
  LakeStorage,
  NotificationTarget,
  Principal,
  PUBSUB_AGENT_ROLES,
  STREAM_ROLES,
  StreamFileFormat,
  StreamIngestion,
  StreamSchemaEncoding,
  StreamSchemaType,
} from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { TfGraph } from '../../helpers/tf-graph';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

const producer = () => Principal.serviceAccount('web@acme-data.iam.gserviceaccount.com');
const consumer = () => Principal.serviceAccount('fraud@acme-data.iam.gserviceaccount.com');

describe('StreamIngestion defaults', () => {
  test('a topic encrypted with the lake key, stored in the lake region, retained DEFAULT_RETENTION_HOURS (24)', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_RETENTION_HOURS).toBe(24);
    const key = template.resources('google_kms_crypto_key')[0];
    const topic = byId(template, TOPIC, 'Topic');
    expect(topic.config).toMatchObject({
      kms_key_name: refTo(key, 'id'),
      message_retention_duration: `${24 * HOUR}s`,
      message_storage_policy: { allowed_persistence_regions: ['europe-west1'] },
      labels: { 'data-platform': 'sales' },
    });
    expect(topic.config.name).toMatch(/^sales-clickstream-[0-9a-f]{8}$/);
    expect(topic.config.schema_settings).toBeUndefined();
  });

  test('lands in DEFAULT_ZONE (raw): Avro files under clickstream/<date>/ in the raw bucket', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_ZONE).toBe('raw');
    expect(StreamIngestion.DEFAULT_FILE_FORMAT).toBe(StreamFileFormat.AVRO);
    const raw = byId(template, 'google_storage_bucket', 'RawBucket');
    const landing = byId(template, SUBSCRIPTION, 'LandingSubscription');
    expect(landing.config.cloud_storage_config).toEqual({
      bucket: refTo(raw, 'name'),
      filename_prefix: 'clickstream/',
      filename_suffix: '.avro',
      filename_datetime_format: StreamIngestion.FILENAME_DATETIME_FORMAT,
      max_duration: '300s',
      max_bytes: 100 * 1_048_576,
      avro_config: { write_metadata: true, use_topic_schema: false },
    });
    expect(landing.config.name).toMatch(/^sales-clickstream-to-raw-[0-9a-f]{8}$/);
    expect(landing.config.labels).toEqual({ 'data-platform': 'sales', 'data-zone': 'raw' });
  });

  test('files roll every DEFAULT_MAX_FILE_DURATION_MINUTES (5) or DEFAULT_MAX_FILE_SIZE_MIB (100)', () => {
    expect(StreamIngestion.DEFAULT_MAX_FILE_DURATION_MINUTES).toBe(5);
    expect(StreamIngestion.DEFAULT_MAX_FILE_SIZE_MIB).toBe(100);
    expect(StreamIngestion.FILENAME_DATETIME_FORMAT).toBe('YYYY-MM-DD/hh_mm_ssZ');
  });

  test('retries with backoff 10-600 s and dead-letters after DEFAULT_MAX_DELIVERY_ATTEMPTS (10)', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_MAX_DELIVERY_ATTEMPTS).toBe(10);
    expect(StreamIngestion.DEFAULT_RETRY_MINIMUM_BACKOFF_SECONDS).toBe(10);
    expect(StreamIngestion.DEFAULT_RETRY_MAXIMUM_BACKOFF_SECONDS).toBe(600);
    const deadLetterTopic = byId(template, TOPIC, 'DeadLetterTopic');
    expect(byId(template, SUBSCRIPTION, 'LandingSubscription').config).toMatchObject({
      retry_policy: { minimum_backoff: '10s', maximum_backoff: '600s' },
      dead_letter_policy: { dead_letter_topic: refTo(deadLetterTopic, 'id'), max_delivery_attempts: 10 },
    });
  });

  test('a CMEK dead-letter topic and a never-expiring subscription keep dead letters DEFAULT_DEAD_LETTER_RETENTION_DAYS (7)', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_DEAD_LETTER_RETENTION_DAYS).toBe(7);
    const key = template.resources('google_kms_crypto_key')[0];
    const topic = byId(template, TOPIC, 'DeadLetterTopic');
    expect(topic.config).toMatchObject({
      kms_key_name: refTo(key, 'id'),
      message_retention_duration: `${7 * DAY}s`,
      message_storage_policy: { allowed_persistence_regions: ['europe-west1'] },
    });
    const holder = byId(template, SUBSCRIPTION, 'DeadLetterSubscription');
    expect(holder.config).toMatchObject({
      topic: refTo(topic, 'id'),
      message_retention_duration: `${7 * DAY}s`,
      expiration_policy: { ttl: '' },
    });
    expect(holder.config.dead_letter_policy).toBeUndefined();
  });

  test('every subscription never expires and keeps unacknowledged messages SUBSCRIPTION_RETENTION_DAYS (7)', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.SUBSCRIPTION_RETENTION_DAYS).toBe(7);
    template.allResourcesHave(SUBSCRIPTION, {
      expiration_policy: { ttl: '' },
      message_retention_duration: `${7 * DAY}s`,
    });
  });

  test('alerts when a message waits longer than DEFAULT_MESSAGE_AGE_ALERT_MINUTES (15)', () => {
    // GIVEN / WHEN
    const { stream, template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_MESSAGE_AGE_ALERT_MINUTES).toBe(15);
    const alert = byId(template, ALERT, 'MessageAgeAlert');
    const landingName = byId(template, SUBSCRIPTION, 'LandingSubscription').config.name as string;
    expect(alert.config).toMatchObject({
      combiner: 'OR',
      enabled: true,
      severity: 'WARNING',
      conditions: [
        {
          condition_threshold: {
            filter:
              'resource.type = "pubsub_subscription" AND ' +
              'metric.type = "pubsub.googleapis.com/subscription/oldest_unacked_message_age" AND ' +
              `resource.labels.subscription_id = one_of("${landingName}")`,
            comparison: 'COMPARISON_GT',
            threshold_value: 15 * 60,
            aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_MAX' }],
          },
        },
      ],
      documentation: {
        mime_type: 'text/markdown',
        content: expect.stringContaining('storage.legacyBucketReader'),
      },
    });
    expect(stream.messageAgeAlert).toBeDefined();
  });

  test('alerts on any dead-lettered message, at ERROR severity', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    const alert = byId(template, ALERT, 'DeadLetterAlert');
    expect(alert.config).toMatchObject({
      severity: 'ERROR',
      conditions: [
        {
          condition_threshold: {
            filter: expect.stringContaining(
              'metric.type = "pubsub.googleapis.com/subscription/dead_letter_message_count"',
            ),
            comparison: 'COMPARISON_GT',
            threshold_value: 0,
            duration: '0s',
            aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_SUM' }],
          },
        },
      ],
      documentation: { content: expect.stringContaining('dead-letter subscription') },
    });
  });

  test('incidents close by themselves after DEFAULT_ALERT_AUTO_CLOSE_HOURS (24)', () => {
    const { template } = synthStream();
    expect(StreamIngestion.DEFAULT_ALERT_AUTO_CLOSE_HOURS).toBe(24);
    template.allResourcesHave(ALERT, { alert_strategy: { auto_close: `${24 * HOUR}s` } });
  });

  test('without a notification target the alerts notify nobody, and a warning says so', () => {
    // GIVEN / WHEN
    const { stack, template } = synthStream();
    // THEN
    for (const alert of template.resources(ALERT)) expect(alert.config.notification_channels).toBeUndefined();
    expect(warningsOf(stack)).toEqual([expect.stringContaining(ALERTS_WITHOUT_CHANNELS_WARNING)]);
  });

  test('enables the Pub/Sub and Cloud Monitoring APIs (DEFAULT_ENABLE_APIS), never disabling them', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    expect(StreamIngestion.DEFAULT_ENABLE_APIS).toBe(true);
    for (const service of ['pubsub.googleapis.com', 'monitoring.googleapis.com']) {
      template.hasResourceProperties(SERVICE, { service, disable_on_destroy: false });
    }
  });
});

describe('StreamIngestion options', () => {
  test('retentionHours sets the topic retention (up to RETENTION_HOURS_RANGE.max, 31 days)', () => {
    const { template } = synthStream({ retentionHours: StreamIngestion.RETENTION_HOURS_RANGE.max });
    expect(byId(template, TOPIC, 'Topic').config.message_retention_duration).toBe(`${31 * DAY}s`);
  });

  test('zone lands in another zone of the lake', () => {
    const { stream, template } = synthStream({ zone: 'curated' });
    const curated = byId(template, 'google_storage_bucket', 'CuratedBucket');
    expect(byId(template, SUBSCRIPTION, 'LandingSubscription').config).toMatchObject({
      name: expect.stringMatching(/^sales-clickstream-to-curated-/),
      cloud_storage_config: { bucket: refTo(curated, 'name') },
    });
    expect(stream.zone).toBe('curated');
  });

  test('region stores messages in a region covered by a multi-region lake key', () => {
    // GIVEN a lake in EU (key in 'europe')
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'EU' });
    // WHEN
    const stream = newStream(stack, { region: 'europe-west4' }, lake);
    // THEN
    expect(stream.region).toBe('europe-west4');
    TfTemplate.fromStack(stack).allResourcesHave(TOPIC, {
      message_storage_policy: { allowed_persistence_regions: ['europe-west4'] },
    });
  });

  test('encryptionKey encrypts both topics with another key, granted to the Pub/Sub agent', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'StreamKey', {
      platformName: 'sales',
      purpose: 'stream',
      location: 'europe-west1',
    });
    // WHEN
    newStream(stack, { encryptionKey: key });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const cryptoKey = byId(template, 'google_kms_crypto_key', 'StreamKey_CryptoKey');
    expect(cryptoKey.config.name).toMatch(/^sales-stream-key-/);
    template.allResourcesHave(TOPIC, { kms_key_name: refTo(cryptoKey, 'id') });
    template.hasResourceProperties(KEY_IAM, {
      crypto_key_id: refTo(cryptoKey, 'id'),
      member: expect.stringMatching(AGENT_MEMBER),
    });
  });

  test('topicName names the topic', () => {
    const { template } = synthStream({ topicName: 'clicks.v1' });
    expect(byId(template, TOPIC, 'Topic').config.name).toBe('clicks.v1');
  });

  test('schema validates messages (DEFAULT_SCHEMA_ENCODING JSON) and shapes the Avro files', () => {
    // GIVEN / WHEN
    const definition = '{"type":"record","name":"Click","fields":[{"name":"url","type":"string"}]}';
    const { template } = synthStream({ schema: { type: StreamSchemaType.AVRO, definition } });
    // THEN
    expect(StreamIngestion.DEFAULT_SCHEMA_ENCODING).toBe(StreamSchemaEncoding.JSON);
    const schema = template.hasResourceProperties('google_pubsub_schema', { type: 'AVRO', definition });
    expect(schema.config.name).toMatch(/^sales-clickstream-[0-9a-f]{8}$/);
    expect(byId(template, TOPIC, 'Topic').config.schema_settings).toEqual({
      schema: refTo(schema, 'id'),
      encoding: 'JSON',
    });
    expect(byId(template, SUBSCRIPTION, 'LandingSubscription').config).toMatchObject({
      cloud_storage_config: { avro_config: { use_topic_schema: true, write_metadata: true } },
    });
  });

  test('schema takes Protocol Buffers and a BINARY encoding', () => {
    const { template } = synthStream({
      schema: {
        type: StreamSchemaType.PROTOCOL_BUFFER,
        definition: 'syntax = "proto3";\nmessage Click { string url = 1; }',
        encoding: StreamSchemaEncoding.BINARY,
      },
    });
    template.hasResourceProperties('google_pubsub_schema', { type: 'PROTOCOL_BUFFER' });
    expect(byId(template, TOPIC, 'Topic').config.schema_settings).toMatchObject({ encoding: 'BINARY' });
  });

  test('fileFormat TEXT writes the raw payloads as .txt, without Avro settings', () => {
    const { template } = synthStream({ fileFormat: StreamFileFormat.TEXT });
    const config = byId(template, SUBSCRIPTION, 'LandingSubscription').config.cloud_storage_config as Record<
      string,
      unknown
    >;
    expect(config.filename_suffix).toBe('.txt');
    expect(config.avro_config).toBeUndefined();
  });

  test('filenameSuffix, maxFileDurationMinutes and maxFileSizeMiB shape the files', () => {
    const { template } = synthStream({
      filenameSuffix: '.events.avro',
      maxFileDurationMinutes: 10,
      maxFileSizeMiB: 1024,
    });
    expect(byId(template, SUBSCRIPTION, 'LandingSubscription').config.cloud_storage_config).toMatchObject({
      filename_suffix: '.events.avro',
      max_duration: '600s',
      max_bytes: 1024 * 1_048_576,
    });
  });

  test('maxDeliveryAttempts and the retry backoffs apply to every subscription that dead-letters', () => {
    // GIVEN
    const stack = newGcpStack();
    const stream = newStream(stack, {
      maxDeliveryAttempts: 5,
      retryMinimumBackoffSeconds: 0,
      retryMaximumBackoffSeconds: 60,
    });
    // WHEN
    stream.grantRead(consumer());
    // THEN
    const template = TfTemplate.fromStack(stack);
    const dealing = template.resources(SUBSCRIPTION).filter((s) => s.config.dead_letter_policy !== undefined);
    expect(dealing).toHaveLength(2);
    for (const s of dealing) {
      expect(s.config).toMatchObject({
        dead_letter_policy: { max_delivery_attempts: 5 },
        retry_policy: { minimum_backoff: '0s', maximum_backoff: '60s' },
      });
    }
  });

  test('deadLetterRetentionDays keeps dead letters up to 31 days', () => {
    const { template } = synthStream({ deadLetterRetentionDays: 31 });
    expect(byId(template, TOPIC, 'DeadLetterTopic').config.message_retention_duration).toBe(`${31 * DAY}s`);
    expect(byId(template, SUBSCRIPTION, 'DeadLetterSubscription').config.message_retention_duration).toBe(
      `${31 * DAY}s`,
    );
  });

  test('bigQueryTable adds a BigQuery subscription, after granting the agent dataEditor on the table', () => {
    // GIVEN a raw dataset and table in the stack
    const stack = newGcpStack();
    const dataset = new BigqueryDataset(stack, 'Raw', { datasetId: 'sales_raw', location: 'europe-west1' });
    const table = new BigqueryTable(stack, 'Clicks', { datasetId: dataset.datasetId, tableId: 'clicks' });
    // WHEN
    const stream = newStream(stack, { bigQueryTable: table });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const grant = byId(template, 'google_bigquery_table_iam_member', 'AgentBigQueryWriter');
    expect(grant.config).toMatchObject({
      role: 'roles/bigquery.dataEditor',
      member: expect.stringMatching(AGENT_MEMBER),
      table_id: expect.stringContaining('google_bigquery_table.'),
    });
    const subscription = byId(template, SUBSCRIPTION, 'BigQuerySubscription');
    expect(subscription.config).toMatchObject({
      bigquery_config: {
        table: expect.stringMatching(/^\$\{google_bigquery_table\..+\.project\}\.\$\{.+\}\.\$\{.+\}$/),
        use_topic_schema: false,
        write_metadata: true,
      },
      dead_letter_policy: { max_delivery_attempts: 10 },
      expiration_policy: { ttl: '' },
    });
    expect(dependsOf(subscription)).toContain(grant.address);
    expect(StreamIngestion.DEFAULT_BIGQUERY_WRITE_METADATA).toBe(true);
    expect(stream.bigQuerySubscription).toBeDefined();
    // and the BigQuery subscription is watched too
    expect(byId(template, ALERT, 'DeadLetterAlert').config.conditions).toEqual([
      expect.objectContaining({
        condition_threshold: expect.objectContaining({
          filter: expect.stringContaining(`"${subscription.config.name}"`),
        }),
      }),
    ]);
  });

  test('bigQueryWriteMetadata false writes the payload only; a schema makes the columns follow it', () => {
    const { template } = synthStream({
      bigQueryTable: { project: 'acme-data', datasetId: 'raw', tableId: 'clicks' },
      bigQueryWriteMetadata: false,
      schema: { type: StreamSchemaType.AVRO, definition: '{"type":"record","name":"C","fields":[]}' },
    });
    expect(byId(template, SUBSCRIPTION, 'BigQuerySubscription').config.bigquery_config).toEqual({
      table: 'acme-data.raw.clicks',
      use_topic_schema: true,
      write_metadata: false,
    });
  });

  test('notificationTarget: both alerts notify the kit-made email channels, without a warning', () => {
    // GIVEN
    const stack = newGcpStack();
    const target = new NotificationTarget(stack, 'Alerts', {
      platformName: 'sales',
      emailAddresses: ['oncall@acme.com'],
    });
    // WHEN
    newStream(stack, { notificationTarget: target });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const channel = template.resources(CHANNEL)[0];
    template.allResourcesHave(ALERT, { notification_channels: [refTo(channel, 'name')] });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('notificationTarget: existing channels by id', () => {
    const id = 'projects/acme-data/notificationChannels/1234567890';
    const stack = newGcpStack();
    const notificationTarget = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
      notificationChannelIds: [id],
    });
    newStream(stack, { notificationTarget });
    TfTemplate.fromStack(stack).allResourcesHave(ALERT, { notification_channels: [id] });
  });

  test('messageAgeAlertMinutes and alertAutoCloseHours tune the alerts', () => {
    const { template } = synthStream({ messageAgeAlertMinutes: 60, alertAutoCloseHours: 1 });
    expect(byId(template, ALERT, 'MessageAgeAlert').config).toMatchObject({
      conditions: [{ condition_threshold: { threshold_value: 3_600 } }],
      alert_strategy: { auto_close: '3600s' },
    });
  });

  test('enableApis false enables no API and waits for none', () => {
    const { template } = synthStream({ enableApis: false }, {});
    const services = template.resources(SERVICE).map((s) => s.config.service);
    expect(services).not.toContain('pubsub.googleapis.com');
    expect(services).not.toContain('monitoring.googleapis.com');
    for (const type of [TOPIC, SUBSCRIPTION, ALERT]) {
      for (const r of template.resources(type)) {
        expect(dependsOf(r).filter((d) => d.startsWith('google_project_service.'))).toEqual([]);
      }
    }
  });

  test('project puts the stream, its alerts and the agent in that project', () => {
    const { template } = synthStream({ project: 'acme-stream' });
    for (const type of [TOPIC, SUBSCRIPTION, ALERT, TOPIC_IAM, SUBSCRIPTION_IAM]) {
      template.allResourcesHave(type, { project: 'acme-stream' });
    }
    template.allResourcesHave('google_project_service_identity', { project: 'acme-stream' });
  });

  test('tags become labels on topics, subscriptions and alert policies', () => {
    const { template } = synthStream({ tags: { team: 'web' } });
    for (const type of [TOPIC, SUBSCRIPTION]) template.allResourcesHave(type, { labels: { team: 'web' } });
    template.allResourcesHave(ALERT, { user_labels: { team: 'web', 'data-platform': 'sales' } });
  });
});

describe('StreamIngestion grants', () => {
  test('grantWrite: publisher on the topic only, once per principal', () => {
    // GIVEN
    const stack = newGcpStack();
    const stream = newStream(stack);
    // WHEN
    const first = stream.grantWrite(producer());
    const again = stream.grantWrite(producer());
    // THEN
    expect(again).toBe(first);
    const template = TfTemplate.fromStack(stack);
    const topic = byId(template, TOPIC, 'Topic');
    const grants = template.resources(TOPIC_IAM, { member: PRODUCER });
    expect(grants.map((g) => g.config)).toEqual([
      { topic: refTo(topic, 'name'), role: STREAM_ROLES.write, member: PRODUCER },
    ]);
    expect(STREAM_ROLES.write).toBe('roles/pubsub.publisher');
  });

  test('grantRead: its own watched pull subscription and subscriber on it only', () => {
    // GIVEN
    const stack = newGcpStack();
    const stream = newStream(stack);
    // WHEN
    const read = stream.grantRead(consumer());
    // THEN
    expect(stream.grantRead(consumer()).subscription).toBe(read.subscription);
    expect(stream.consumerSubscriptions).toEqual([read.subscription]);
    const template = TfTemplate.fromStack(stack);
    const subs = template.resources(SUBSCRIPTION).filter((s) => /_Read[0-9a-f]{8}_/.test(s.name));
    expect(subs).toHaveLength(1);
    const sub = subs[0];
    expect(sub.config).toMatchObject({
      name: expect.stringMatching(/^sales-clickstream-read-[0-9a-f]{8}-[0-9a-f]{8}$/),
      dead_letter_policy: { max_delivery_attempts: 10 },
      expiration_policy: { ttl: '' },
    });
    expect(sub.config.cloud_storage_config).toBeUndefined();
    expect(template.resources(SUBSCRIPTION_IAM, { member: CONSUMER }).map((g) => g.config)).toEqual([
      { subscription: refTo(sub, 'name'), role: STREAM_ROLES.read, member: CONSUMER },
    ]);
    expect(template.resources(TOPIC_IAM, { member: CONSUMER })).toEqual([]);
    // the service agent may acknowledge what it dead-letters from it
    template.hasResourceProperties(SUBSCRIPTION_IAM, {
      subscription: refTo(sub, 'name'),
      role: PUBSUB_AGENT_ROLES.deadLetterSubscriber,
      member: expect.stringMatching(AGENT_MEMBER),
    });
    // and the backlog alert watches it
    expect(JSON.stringify(byId(template, ALERT, 'MessageAgeAlert').config)).toContain(
      sub.config.name as string,
    );
  });

  test('grantRead: two consumers get two subscriptions', () => {
    const stack = newGcpStack();
    const stream = newStream(stack);
    stream.grantRead(consumer());
    stream.grantRead(Principal.group('analysts@acme.com'));
    expect(stream.consumerSubscriptions).toHaveLength(2);
    TfTemplate.fromStack(stack).resourceCountIs(SUBSCRIPTION, 4);
  });

  test('grantReadDeadLetters: subscriber on the dead-letter subscription only', () => {
    const stack = newGcpStack();
    const stream = newStream(stack);
    const grant = stream.grantReadDeadLetters(Principal.group('data-oncall@acme.com'));
    expect(stream.grantReadDeadLetters(Principal.group('data-oncall@acme.com'))).toBe(grant);
    const template = TfTemplate.fromStack(stack);
    const holder = byId(template, SUBSCRIPTION, 'DeadLetterSubscription');
    expect(
      template.resources(SUBSCRIPTION_IAM, { member: 'group:data-oncall@acme.com' }).map((g) => g.config),
    ).toEqual([
      {
        subscription: refTo(holder, 'name'),
        role: 'roles/pubsub.subscriber',
        member: 'group:data-oncall@acme.com',
      },
    ]);
  });
});

describe('StreamIngestion deployability', () => {
  test('the Pub/Sub service agent is created (google_project_service_identity, google-beta) after the Pub/Sub API', () => {
    const { template } = synthStream();
    expect(template.doc.data?.google_project).toBeUndefined();
    const api = template.resources(SERVICE, { service: 'pubsub.googleapis.com' })[0];
    template.hasResourceProperties('google_project_service_identity', {
      service: 'pubsub.googleapis.com',
      depends_on: [api.address],
    });
    expect(Object.keys(template.doc.provider as object)).toContain('google-beta');
  });

  test('the agent is granted the key BEFORE either topic exists', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    const grant = template.resources(KEY_IAM, { member: expect.stringMatching(AGENT_MEMBER) });
    expect(grant).toHaveLength(1);
    expect(grant[0].config.role).toBe(PUBSUB_AGENT_ROLES.key);
    const graph = new TfGraph(template.doc);
    for (const topic of template.resources(TOPIC)) {
      expect(graph.dependsOnOnlyThrough(topic.address, grant[0].address, 'time_sleep')).toBe(true);
    }
  });

  test('the agent may create objects in and read the raw bucket, and the landing subscription waits for both', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    const raw = byId(template, 'google_storage_bucket', 'RawBucket');
    const grants = template.resources(BUCKET_IAM, { member: expect.stringMatching(AGENT_MEMBER) });
    expect(grants.map((g) => g.config.role).sort()).toEqual([
      'roles/storage.legacyBucketReader',
      'roles/storage.objectCreator',
    ]);
    for (const g of grants) expect(g.config.bucket).toBe(refTo(raw, 'name'));
    const landing = byId(template, SUBSCRIPTION, 'LandingSubscription');
    const graph = new TfGraph(template.doc);
    for (const g of grants) {
      expect(graph.dependsOnOnlyThrough(landing.address, g.address, 'time_sleep')).toBe(true);
    }
  });

  test('the agent may publish dead letters before any subscription dead-letters, and acknowledge them after', () => {
    // GIVEN / WHEN
    const { template } = synthStream();
    // THEN
    const publisher = byId(template, TOPIC_IAM, 'AgentDeadLetterPublisher');
    expect(publisher.config).toMatchObject({
      topic: refTo(byId(template, TOPIC, 'DeadLetterTopic'), 'name'),
      role: 'roles/pubsub.publisher',
      member: expect.stringMatching(AGENT_MEMBER),
    });
    const landing = byId(template, SUBSCRIPTION, 'LandingSubscription');
    expect(dependsOf(landing)).toContain(publisher.address);
    template.hasResourceProperties(SUBSCRIPTION_IAM, {
      subscription: refTo(landing, 'name'),
      role: 'roles/pubsub.subscriber',
      member: expect.stringMatching(AGENT_MEMBER),
    });
  });

  test('topics and subscriptions wait for the Pub/Sub API; alert policies for the Monitoring API', () => {
    const { template } = synthStream();
    const pubsub = template.resources(SERVICE, { service: 'pubsub.googleapis.com' })[0].address;
    const monitoring = template.resources(SERVICE, { service: 'monitoring.googleapis.com' })[0].address;
    for (const type of [TOPIC, SUBSCRIPTION]) {
      for (const r of template.resources(type)) expect(dependsOf(r)).toContain(pubsub);
    }
    for (const r of template.resources(ALERT)) expect(dependsOf(r)).toEqual([monitoring]);
  });

  test('two streams into one lake share the agent key grant and bucket grants', () => {
    // GIVEN
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    // WHEN
    const a = new StreamIngestion(stack, 'A', { platformName: 'sales', streamName: 'clicks', lake });
    const b = new StreamIngestion(stack, 'B', { platformName: 'sales', streamName: 'orders', lake });
    // THEN
    expect(b.serviceAgentKeyGrant).toBe(a.serviceAgentKeyGrant);
    expect(b.bucketWriterGrant).toBe(a.bucketWriterGrant);
    expect(b.bucketReaderGrant).toBe(a.bucketReaderGrant);
    const template = TfTemplate.fromStack(stack);
    expect(template.resources(BUCKET_IAM, { member: expect.stringMatching(AGENT_MEMBER) })).toHaveLength(2);
  });
});

describe('StreamIngestion removal', () => {
  test('topics and subscriptions are prevent_destroy by default', () => {
    const { template } = synthStream();
    for (const type of [TOPIC, SUBSCRIPTION]) {
      template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
    }
  });

  test('DESTROY without the context flag still retains, with one warning', () => {
    // GIVEN
    const stack = newGcpStack();
    const stream = newStream(stack, { removalPolicy: DataRemovalPolicy.DESTROY });
    // WHEN a consumer subscription is added later
    stream.grantRead(consumer());
    // THEN
    const template = TfTemplate.fromStack(stack);
    for (const type of [TOPIC, SUBSCRIPTION]) {
      template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
    }
    expect(warningsOf(stream).filter((w) => w.includes(REMOVAL_DOWNGRADED_WARNING))).toHaveLength(1);
  });

  test('DESTROY with the context flag lifts prevent_destroy and acknowledges the retention rule', () => {
    // GIVEN
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const stream = newStream(stack, { removalPolicy: DataRemovalPolicy.DESTROY });
    stream.grantRead(consumer());
    // WHEN
    const template = TfTemplate.fromStack(stack);
    // THEN
    for (const type of [TOPIC, SUBSCRIPTION]) {
      template.allResourcesHave(type, { lifecycle: { prevent_destroy: false } });
    }
    const acknowledged = checkCompliance(stack).acknowledged.filter((f) => f.address.startsWith(TOPIC));
    expect(acknowledged.map((f) => f.ruleId)).toEqual(['DPK_GCP_PREVENT_DESTROY', 'DPK_GCP_PREVENT_DESTROY']);
  });
});

describe('StreamIngestion tokens', () => {
  test('deploy-time region, suffix, delivery attempts and project pass validation', () => {
    // GIVEN
    const stack = newGcpStack();
    const str = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
    const num = (id: string) => new TerraformVariable(stack, id, { type: 'number' }).numberValue;
    // WHEN / THEN
    expect(() =>
      newStream(stack, {
        region: str('Region'),
        filenameSuffix: str('Suffix'),
        maxDeliveryAttempts: num('Attempts'),
        project: str('Project'),
      }),
    ).not.toThrow();
    expect(() => TfTemplate.fromStack(stack)).not.toThrow();
  });

  test('a deploy-time retentionHours is rejected: it is converted to seconds at synth', () => {
    const stack = newGcpStack();
    const hours = new TerraformVariable(stack, 'Hours', { type: 'number' }).numberValue;
    expect(() => newStream(stack, { retentionHours: hours })).toThrow(
      expect.objectContaining({ code: 'DPK_OUT_OF_RANGE', prop: 'retentionHours' }),
    );
  });
});
