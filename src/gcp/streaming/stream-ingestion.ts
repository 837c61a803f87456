import { BigqueryTableIamMember } from '@cdktf/provider-google/lib/bigquery-table-iam-member';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { PubsubSchema } from '@cdktf/provider-google/lib/pubsub-schema';
import {
  PubsubSubscription,
  type PubsubSubscriptionConfig,
} from '@cdktf/provider-google/lib/pubsub-subscription';
import type { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import type { PubsubTopic } from '@cdktf/provider-google/lib/pubsub-topic';
import type { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import { PUBSUB_AGENT_ROLES, STREAM_ROLES } from './roles';
import {
  ALERTS_WITHOUT_CHANNELS_WARNING,
  type BigQueryTableRef,
  type IStreamIngestion,
  StreamFileFormat,
  type StreamReadGrant,
  type StreamIngestionProps,
  StreamSchemaEncoding,
} from './stream-ingestion-types';
import { CommonDefaults } from '../../core/blocks';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom } from '../../core/zones';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import { type IPrincipal, Principal } from '../iam/principal';
import type { INotificationTarget } from '../monitoring/notification-target';
import { grantSuffix } from '../private/members';
import { enableApis, GoogleApi, ProjectServices } from '../private/project-services';
import { duration } from '../private/pubsub';
import { bucketMember, subscriptionMember, topicMember } from './private/pubsub-iam';
import { retainData } from '../private/removal';
import { type StreamAlerts, streamAlerts } from './private/stream-alerts';
import { pubsubName, resolveStreamConfig, type StreamConfig } from './private/stream-config';
import {
  createBigQueryWriterGrant,
  createDeadLetterSubscription,
  createDeadLetterTopic,
  createSchema,
  createTopic,
} from './private/stream-resources';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage, ZoneBucketRef } from '../storage/lake-storage';

/**
 * Streaming ingestion into the lake on Pub/Sub: a CMEK-encrypted topic that keeps messages for
 * `retentionHours`, a Cloud Storage subscription that lands them in the lake zone's bucket under
 * `<streamName>/<date>/`, a dead-letter topic and subscription that keep what could not be
 * delivered, and alert policies on backlog age and dead-lettered messages.
 *
 * Secure defaults: CMEK on both topics (the lake's key unless another is given), messages stored
 * only in `region` (message storage policy), Avro files with message metadata, a retry policy with
 * exponential backoff (10 s to 600 s) and at most 10 delivery attempts before dead-lettering,
 * subscriptions that never expire, labels, no public access (grants take a principal, never
 * `allUsers`), and `prevent_destroy` on topics and subscriptions unless DESTROY is both requested
 * and allowed by the `data-platform-kit:removeDataOnDestroy` flag.
 *
 * Deployable as is: the project's Pub/Sub service agent
 * (`service-<project number>@gcp-sa-pubsub.iam.gserviceaccount.com`, the number read with
 * `data.google_project`) is granted `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key before
 * either topic exists; `roles/storage.objectCreator` and `roles/storage.legacyBucketReader` on the
 * zone bucket and `roles/pubsub.publisher` on the dead-letter topic before any subscription exists;
 * `roles/pubsub.subscriber` on each subscription that dead-letters (necessarily after it exists);
 * and, with `bigQueryTable`, `roles/bigquery.dataEditor` on that table before the BigQuery
 * subscription exists (BigQuery checks it at creation). The Pub/Sub and Cloud Monitoring APIs are
 * enabled first. Deployer prerequisite: `roles/pubsub.admin`, `roles/monitoring.alertPolicyEditor`,
 * the IAM admin roles of the key, bucket and table (e.g. `roles/cloudkms.admin`,
 * `roles/storage.admin`, `roles/bigquery.dataOwner`) and, while `enableApis` is on,
 * `roles/serviceusage.serviceUsageAdmin`.
 *
 * @see https://cloud.google.com/pubsub/docs/cloudstorage
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
 * const stream = new StreamIngestion(stack, 'Clickstream', { platformName: 'sales', streamName: 'clickstream', lake });
 * stream.grantWrite(Principal.serviceAccount('web@acme-data.iam.gserviceaccount.com'));
 * stream.grantRead(Principal.serviceAccount('fraud@acme-data.iam.gserviceaccount.com'));
 */
export class StreamIngestion extends Construct implements IStreamIngestion {
  /** Hours the topic keeps messages (the replay window). */
  public static readonly DEFAULT_RETENTION_HOURS = CommonDefaults.STREAM_RETENTION_HOURS;
  /** Topic retention, in hours: 1 (kit policy; Pub/Sub takes 10 minutes) to 744 (31 days, Pub/Sub's most). */
  public static readonly RETENTION_HOURS_RANGE = { min: 1, max: 744 } as const;
  /** Zone the stream lands in. */
  public static readonly DEFAULT_ZONE = CommonDefaults.STREAM_ZONE;
  /** File format of the landed objects. */
  public static readonly DEFAULT_FILE_FORMAT = StreamFileFormat.AVRO;
  /** Object name suffix per file format. */
  public static readonly DEFAULT_FILENAME_SUFFIX: Readonly<Record<StreamFileFormat, string>> = {
    [StreamFileFormat.AVRO]: '.avro',
    [StreamFileFormat.TEXT]: '.txt',
  };
  /** Date-time part of object names, after `<streamName>/`: one folder per UTC day. */
  public static readonly FILENAME_DATETIME_FORMAT = 'YYYY-MM-DD/hh_mm_ssZ';
  /** Minutes before a new file is started (1-10). */
  public static readonly DEFAULT_MAX_FILE_DURATION_MINUTES = 5;
  /** MiB before a new file is started (1-10240). */
  public static readonly DEFAULT_MAX_FILE_SIZE_MIB = 100;
  /** Delivery attempts before a message is dead-lettered (5-100). */
  public static readonly DEFAULT_MAX_DELIVERY_ATTEMPTS = 10;
  /** Retry backoff bounds in seconds (0-600 each). */
  public static readonly DEFAULT_RETRY_MINIMUM_BACKOFF_SECONDS = 10;
  public static readonly DEFAULT_RETRY_MAXIMUM_BACKOFF_SECONDS = 600;
  /** Days the dead-letter topic and subscription keep messages (1-31). */
  public static readonly DEFAULT_DEAD_LETTER_RETENTION_DAYS = 7;
  /** Days every subscription keeps unacknowledged messages (Pub/Sub's default, set explicitly). */
  public static readonly SUBSCRIPTION_RETENTION_DAYS = 7;
  /** Whether a BigQuery subscription writes message metadata columns. */
  public static readonly DEFAULT_BIGQUERY_WRITE_METADATA = true;
  /** Schema encoding publishers use. */
  public static readonly DEFAULT_SCHEMA_ENCODING = StreamSchemaEncoding.JSON;
  /** Minutes the oldest unacknowledged message may wait before the backlog alert fires. */
  public static readonly DEFAULT_MESSAGE_AGE_ALERT_MINUTES = 15;
  /** Hours after which an incident whose condition stopped reporting closes by itself. */
  public static readonly DEFAULT_ALERT_AUTO_CLOSE_HOURS = 24;
  /** Whether the kit enables the Pub/Sub and Cloud Monitoring APIs. */
  public static readonly DEFAULT_ENABLE_APIS = true;
  /** Seconds fresh grants to the Pub/Sub agent are given to propagate before Pub/Sub checks them. */
  public static readonly GRANT_PROPAGATION_SECONDS = 60;

  /** The `google_pubsub_topic` producers publish to. */
  public readonly topic: PubsubTopic;
  /** The `google_pubsub_topic` undeliverable messages are forwarded to. */
  public readonly deadLetterTopic: PubsubTopic;
  /** The `google_pubsub_subscription` that keeps dead-lettered messages for inspection and replay. */
  public readonly deadLetterSubscription: PubsubSubscription;
  /** The Cloud Storage `google_pubsub_subscription` landing messages in the zone bucket. */
  public readonly landingSubscription: PubsubSubscription;
  /** The BigQuery `google_pubsub_subscription`, with `bigQueryTable`. */
  public readonly bigQuerySubscription?: PubsubSubscription;
  /** The `google_pubsub_schema`, with `schema`. */
  public readonly schema?: PubsubSchema;
  public readonly topicId: string;
  public readonly topicName: string;
  /** The key both topics are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The region messages are stored in. */
  public readonly region: string;
  /** The zone the stream lands in, and its bucket. */
  public readonly zone: string;
  public readonly bucket: ZoneBucketRef;
  /**
   * The Pub/Sub service agent, created with `google_project_service_identity` (google-beta):
   * enabling the API does not always create it, and a grant to a missing agent fails.
   */
  public readonly serviceIdentity: GoogleProjectServiceIdentity;
  /** The wait between the agent's key grant and the topics (IAM propagation). */
  public readonly keyGrantWait: Sleep;
  /** The wait between the agent's bucket grants and the Cloud Storage subscription. */
  public readonly bucketGrantWait: Sleep;
  /** The Pub/Sub service agent as a principal. */
  public readonly serviceAgent: IPrincipal;
  /** The service agent's key grant; both topics depend on it. */
  public readonly serviceAgentKeyGrant: KmsCryptoKeyIamMember;
  /** The service agent's `roles/storage.objectCreator` on the zone bucket (made by the lake). */
  public readonly bucketWriterGrant: StorageBucketIamMember;
  /** The service agent's `roles/storage.legacyBucketReader` on the zone bucket. */
  public readonly bucketReaderGrant: StorageBucketIamMember;
  /** The service agent's `roles/pubsub.publisher` on the dead-letter topic. */
  public readonly deadLetterPublisherGrant: PubsubTopicIamMember;
  /** The service agent's `roles/bigquery.dataEditor` on the table, with `bigQueryTable`. */
  public readonly bigQueryWriterGrant?: BigqueryTableIamMember;
  /** The backlog-age and dead-letter `google_monitoring_alert_policy`s. */
  public readonly messageAgeAlert: MonitoringAlertPolicy;
  public readonly deadLetterAlert: MonitoringAlertPolicy;
  /** The `google_project_service` resources the stream waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  /** The stream's identity, settings and names, resolved before any resource. */
  private readonly config: StreamConfig;
  /** Every subscription to the topic, with its literal name, for the alerts and `consumerSubscriptions`. */
  private readonly watched: { readonly subscription: PubsubSubscription; readonly name: string }[] = [];
  private readonly pubsubApis: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: StreamIngestionProps) {
    super(scope, id);
    const config = resolveStreamConfig(this, props, StreamIngestion);
    this.config = config;
    this.zone = config.zone;
    this.bucket = config.bucket;
    this.encryptionKey = config.encryptionKey;
    this.region = config.settings.region;
    this.pubsubApis = this.createApis(GoogleApi.PUBSUB);
    const monitoringApis = this.createApis(GoogleApi.MONITORING);
    this.apiServices = [...this.pubsubApis, ...monitoringApis];
    this.serviceIdentity = this.createServiceIdentity();
    this.serviceAgent = this.agentPrincipal();
    this.serviceAgentKeyGrant = this.encryptionKey.grantEncryptDecrypt(this.serviceAgent);
    this.keyGrantWait = this.createGrantWait('KeyGrantWait', [this.serviceAgentKeyGrant]);
    this.schema = props.schema ? createSchema(this, config, props.schema, this.pubsubApis) : undefined;
    const topicDeps = { keyGrantWait: this.keyGrantWait, apis: this.pubsubApis };
    this.topic = createTopic(this, config, topicDeps, this.schema);
    this.topicId = this.topic.id;
    this.topicName = this.topic.name;
    this.deadLetterTopic = createDeadLetterTopic(this, config, topicDeps);
    this.deadLetterPublisherGrant = this.createDeadLetterPublisherGrant();
    this.deadLetterSubscription = createDeadLetterSubscription(this, config, topicDeps, this.deadLetterTopic);
    // Landing: the zone bucket, written by the Pub/Sub service agent.
    this.bucketWriterGrant = props.lake.grantWrite(this.serviceAgent, this.zone);
    this.bucketReaderGrant = this.createBucketReaderGrant(props.lake);
    // Pub/Sub checks the bucket grants when the Cloud Storage subscription is created.
    const bucketGrants = [this.bucketWriterGrant, this.bucketReaderGrant];
    this.bucketGrantWait = this.createGrantWait('BucketGrantWait', bucketGrants);
    this.landingSubscription = this.createLandingSubscription();
    const table = props.bigQueryTable;
    if (table) {
      this.bigQueryWriterGrant = createBigQueryWriterGrant(this, table, this.serviceAgent.iamMember);
      this.bigQuerySubscription = this.createBigQuerySubscription(props, table, this.bigQueryWriterGrant);
    }
    const alerts = this.createAlerts(props.notificationTarget, monitoringApis);
    this.messageAgeAlert = alerts.messageAge;
    this.deadLetterAlert = alerts.deadLetters;
    retainData(this, config.removal, [this.topic, this.deadLetterTopic, this.deadLetterSubscription]);
  }

  /** The consumer subscriptions `grantRead` made, in the order granted. */
  public get consumerSubscriptions(): readonly PubsubSubscription[] {
    return this.watched
      .map((w) => w.subscription)
      .filter((s) => s !== this.landingSubscription && s !== this.bigQuerySubscription);
  }

  /**
   * Lets `principal` publish to the topic (`roles/pubsub.publisher` on the topic only); granting
   * the same principal twice returns the first resource. No key grant is needed.
   */
  public grantWrite(principal: IPrincipal): PubsubTopicIamMember {
    return topicMember(this, `Write${grantSuffix(this, principal)}`, this.topic.name, {
      project: this.config.project,
      role: STREAM_ROLES.write,
      member: principal.iamMember,
    });
  }

  /**
   * Gives `principal` its own pull subscription (same retention, retry and dead-letter policy as
   * the landing one, watched by the same alerts) and `roles/pubsub.subscriber` on it only, so
   * consumers never take each other's messages nor the lake's. Granting the same principal twice
   * returns the first grant.
   */
  public grantRead(principal: IPrincipal): StreamReadGrant {
    const suffix = grantSuffix(this, principal);
    const id = `Read${suffix}`;
    const subscription =
      (this.node.tryFindChild(id) as PubsubSubscription | undefined) ??
      this.subscription(id, this.name(`${id} name`, [this.config.streamName, 'read', suffix]), {
        dependsOn: [],
      });
    const grant = subscriptionMember(this, `${id}Grant`, subscription.name, {
      project: this.config.project,
      role: STREAM_ROLES.read,
      member: principal.iamMember,
    });
    return { subscription, grant, serviceAgentGrant: this.agentSubscriber(id, subscription) };
  }

  /**
   * Lets `principal` pull (and so inspect, acknowledge or replay) the dead-lettered messages:
   * `roles/pubsub.subscriber` on the dead-letter subscription only.
   */
  public grantReadDeadLetters(principal: IPrincipal): PubsubSubscriptionIamMember {
    const id = `ReadDeadLetters${grantSuffix(this, principal)}`;
    return subscriptionMember(this, id, this.deadLetterSubscription.name, {
      project: this.config.project,
      role: STREAM_ROLES.read,
      member: principal.iamMember,
    });
  }

  /** The `api` (Pub/Sub or Cloud Monitoring) on the project (shared in the stack). */
  private createApis(api: GoogleApi): ProjectService[] {
    return enableApis(this, this.config.settings.enableApis, this.config.project, api);
  }

  /**
   * The Pub/Sub service agent, created after the API so every grant to it has a member that
   * exists; one agent per project.
   */
  private createServiceIdentity(): GoogleProjectServiceIdentity {
    const { project, settings } = this.config;
    return ProjectServices.of(this).identity(this, project, GoogleApi.PUBSUB, settings.enableApis);
  }

  /** The service agent as a principal: one key grant per project on a shared key. */
  private agentPrincipal(): IPrincipal {
    const agentKey = this.config.project === undefined ? '<provider project>' : this.config.project;
    return Principal.fromMember(
      this.serviceIdentity.member,
      `pubsub-service-agent:${isUnresolved(agentKey) ? this.node.path : agentKey}`,
    );
  }

  /** A wait after `grants` (IAM propagation) before their first consumer. */
  private createGrantWait(id: string, grants: ITerraformDependable[]): Sleep {
    return propagationWait(this, id, grants, StreamIngestion.GRANT_PROPAGATION_SECONDS);
  }

  /** The service agent's publisher role on the dead-letter topic. */
  private createDeadLetterPublisherGrant(): PubsubTopicIamMember {
    return topicMember(this, 'AgentDeadLetterPublisher', this.deadLetterTopic.name, {
      project: this.config.project,
      role: PUBSUB_AGENT_ROLES.deadLetterPublisher,
      member: this.serviceAgent.iamMember,
    });
  }

  /** The service agent's `roles/storage.legacyBucketReader` on the zone bucket. */
  private createBucketReaderGrant(lake: ILakeStorage): StorageBucketIamMember {
    return bucketMember(
      lake,
      this,
      `PubSubAgentBucketReader${constructIdFrom(this.zone)}${grantSuffix(this, this.serviceAgent)}`,
      this.bucket.name,
      { role: PUBSUB_AGENT_ROLES.bucketReader, member: this.serviceAgent.iamMember },
    );
  }

  /** The Cloud Storage subscription landing messages in the zone bucket under `<streamName>/`. */
  private createLandingSubscription(): PubsubSubscription {
    const { names, settings, streamName } = this.config;
    return this.subscription('LandingSubscription', names.landingSubscription, {
      labels: this.config.zoneLabels,
      cloudStorageConfig: {
        bucket: this.bucket.name,
        filenamePrefix: `${streamName}/`,
        filenameSuffix: settings.filenameSuffix,
        filenameDatetimeFormat: StreamIngestion.FILENAME_DATETIME_FORMAT,
        maxDuration: duration(settings.maxFileDurationSeconds),
        maxBytes: settings.maxFileBytes,
        avroConfig:
          settings.fileFormat === StreamFileFormat.AVRO
            ? { writeMetadata: true, useTopicSchema: this.schema !== undefined }
            : undefined,
      },
      dependsOn: [this.bucketGrantWait],
    });
  }

  /** The BigQuery subscription writing into `table`, after the writer grant. */
  private createBigQuerySubscription(
    props: StreamIngestionProps,
    table: BigQueryTableRef,
    writerGrant: BigqueryTableIamMember,
  ): PubsubSubscription {
    return this.subscription('BigQuerySubscription', this.config.names.bigQuerySubscription, {
      bigqueryConfig: {
        table: `${table.project}.${table.datasetId}.${table.tableId}`,
        useTopicSchema: this.schema !== undefined,
        writeMetadata: props.bigQueryWriteMetadata ?? StreamIngestion.DEFAULT_BIGQUERY_WRITE_METADATA,
      },
      dependsOn: [writerGrant],
    });
  }

  /** The backlog-age and dead-letter alert policies, over every subscription to the topic. */
  private createAlerts(
    target: INotificationTarget | undefined,
    apiServices: readonly ProjectService[],
  ): StreamAlerts {
    const { project, platform, streamName, settings, labels } = this.config;
    return streamAlerts(this, {
      warningId: ALERTS_WITHOUT_CHANNELS_WARNING,
      project,
      platform,
      stream: streamName,
      destination: `the ${this.zone} zone bucket under ${streamName}/`,
      subscriptionNames: () => this.watched.map((w) => w.name),
      target,
      messageAgeSeconds: settings.messageAgeAlertSeconds,
      autoCloseSeconds: settings.alertAutoCloseSeconds,
      labels,
      apiServices,
    });
  }

  /** A derived Pub/Sub name of this stream. */
  private name(prop: string, parts: string[]): string {
    return pubsubName(this, this.config.platform, prop, parts);
  }

  /**
   * A subscription to the topic with the stream's retention, retry and dead-letter policy, never
   * expiring, watched by the alerts, retained like the topic, and the service agent's subscriber
   * grant it needs to dead-letter.
   */
  private subscription(
    id: string,
    name: string,
    config: Partial<PubsubSubscriptionConfig> & { dependsOn: PubsubSubscriptionConfig['dependsOn'] },
  ): PubsubSubscription {
    const s = this.config.settings;
    const subscription = new PubsubSubscription(this, id, {
      project: this.config.project,
      topic: this.topic.id,
      name,
      labels: this.config.labels,
      messageRetentionDuration: duration(StreamIngestion.SUBSCRIPTION_RETENTION_DAYS * 86_400),
      expirationPolicy: { ttl: '' },
      retryPolicy: {
        minimumBackoff: duration(s.retryMinimumBackoffSeconds),
        maximumBackoff: duration(s.retryMaximumBackoffSeconds),
      },
      deadLetterPolicy: {
        deadLetterTopic: this.deadLetterTopic.id,
        maxDeliveryAttempts: s.maxDeliveryAttempts,
      },
      ...config,
      dependsOn: [...(config.dependsOn ?? []), this.deadLetterPublisherGrant, ...this.pubsubApis],
    });
    this.agentSubscriber(id, subscription);
    this.watched.push({ subscription, name });
    // The warning (if any) was emitted once for the topic; later subscriptions only follow the decision.
    retainData(this, { policy: this.config.removal.policy }, [subscription]);
    return subscription;
  }

  /** The service agent's subscriber role on a subscription, so it can acknowledge what it dead-letters. */
  private agentSubscriber(id: string, subscription: PubsubSubscription): PubsubSubscriptionIamMember {
    return subscriptionMember(this, `${id}AgentSubscriber`, subscription.name, {
      project: this.config.project,
      role: PUBSUB_AGENT_ROLES.deadLetterSubscriber,
      member: this.serviceAgent.iamMember,
    });
  }
}
