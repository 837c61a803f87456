import type { PubsubSubscription } from '@cdktf/provider-google/lib/pubsub-subscription';
import type { PubsubSubscriptionIamMember } from '@cdktf/provider-google/lib/pubsub-subscription-iam-member';
import type { PubsubTopicIamMember } from '@cdktf/provider-google/lib/pubsub-topic-iam-member';
import type { IConstruct } from 'constructs';
import type { StreamIngestionCommonProps } from '../../core/blocks';
import type { IPrincipal } from '../iam/principal';
import type { INotificationTarget } from '../monitoring/notification-target';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** Warning id emitted when a stream's alert policies have no notification target. */
export const ALERTS_WITHOUT_CHANNELS_WARNING = 'data-platform-kit:alertsWithoutChannels';

/** How a Cloud Storage subscription writes messages into the lake. */
export enum StreamFileFormat {
  /**
   * Avro container files, one record per message with its metadata (subscription, message id,
   * publish time, attributes); with a topic schema, records follow the schema.
   */
  AVRO = 'avro',
  /** The message data as is, one message per line; attributes and metadata are dropped. */
  TEXT = 'text',
}

/** The kind of a topic schema. */
export enum StreamSchemaType {
  /** An Apache Avro schema (JSON). */
  AVRO = 'AVRO',
  /** A Protocol Buffers message definition (proto2 or proto3, one top-level message). */
  PROTOCOL_BUFFER = 'PROTOCOL_BUFFER',
}

/** How published messages are encoded against the schema. */
export enum StreamSchemaEncoding {
  JSON = 'JSON',
  BINARY = 'BINARY',
}

/** A schema every published message must match (`google_pubsub_schema`). */
export interface StreamSchema {
  /** Avro or Protocol Buffers. */
  readonly type: StreamSchemaType;
  /** The schema text: an Avro JSON schema, or a `.proto` message definition. */
  readonly definition: string;
  /**
   * Encoding publishers use.
   * @default StreamSchemaEncoding.JSON
   */
  readonly encoding?: StreamSchemaEncoding;
}

/**
 * A BigQuery table to stream into: a `google_bigquery_table` of the stack (the provider class
 * fits as is) or the ids of an existing one.
 */
export interface BigQueryTableRef {
  /** The project holding the dataset. */
  readonly project: string;
  /** The dataset id (e.g. the raw dataset of the catalog). */
  readonly datasetId: string;
  /** The table id. */
  readonly tableId: string;
}

/** What {@link IStreamIngestion.grantRead} made for one consumer. */
export interface StreamReadGrant {
  /** The consumer's own pull subscription (`google_pubsub_subscription`). */
  readonly subscription: PubsubSubscription;
  /** The consumer's `roles/pubsub.subscriber` on that subscription. */
  readonly grant: PubsubSubscriptionIamMember;
  /** The Pub/Sub service agent's `roles/pubsub.subscriber` on it, for dead-lettering. */
  readonly serviceAgentGrant: PubsubSubscriptionIamMember;
}

/** A stream that lands in the lake and is granted by intent. */
export interface IStreamIngestion extends IConstruct {
  /** The topic's id: `projects/{project}/topics/{name}`. */
  readonly topicId: string;
  /** The topic's name. */
  readonly topicName: string;
  /** Lets `principal` publish to the stream (`roles/pubsub.publisher` on the topic). */
  grantWrite(principal: IPrincipal): PubsubTopicIamMember;
  /** Gives `principal` its own pull subscription to the stream, as subscriber. */
  grantRead(principal: IPrincipal): StreamReadGrant;
}

/** Props of {@link StreamIngestion}. */
export interface StreamIngestionProps extends StreamIngestionCommonProps {
  /** The lake the stream lands in; `zone` must be one of its zones. */
  readonly lake: ILakeStorage;
  /**
   * Project that owns the topics, subscriptions and alert policies; its Pub/Sub service agent
   * writes into the lake.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * The one region messages are stored and processed in (the topics' message storage policy).
   * The key's Cloud KMS location must be this region, the multi-region covering it, or `global`.
   * @default - the key's location, when it is a region (required for a multi-region key)
   */
  readonly region?: string;
  /**
   * Key for both topics (CMEK).
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Hours the topic keeps every published message, acknowledged or not (the replay window), 1-744.
   * @default 24
   */
  readonly retentionHours?: number;
  /**
   * Topic name.
   * @default - `<platformName>-<streamName>-<hash of the construct path>`
   */
  readonly topicName?: string;
  /**
   * A schema every published message must match; Avro files and BigQuery rows then follow it.
   * @default - no schema: any payload is accepted
   */
  readonly schema?: StreamSchema;
  /**
   * Format of the landed objects.
   * @default StreamFileFormat.AVRO
   */
  readonly fileFormat?: StreamFileFormat;
  /**
   * Object name suffix (after the date-time and a unique id); must not end with '/'.
   * @default - '.avro' for AVRO, '.txt' for TEXT
   */
  readonly filenameSuffix?: string;
  /**
   * Minutes before a new object is started, 1-10.
   * @default 5
   */
  readonly maxFileDurationMinutes?: number;
  /**
   * MiB before a new object is started, 1-10240.
   * @default 100
   */
  readonly maxFileSizeMiB?: number;
  /**
   * Delivery attempts before a message is forwarded to the dead-letter topic, 5-100.
   * @default 10
   */
  readonly maxDeliveryAttempts?: number;
  /**
   * Shortest wait before redelivering a failed message, 0-600 seconds.
   * @default 10
   */
  readonly retryMinimumBackoffSeconds?: number;
  /**
   * Longest wait before redelivering a failed message, 0-600 seconds, at least the minimum.
   * @default 600
   */
  readonly retryMaximumBackoffSeconds?: number;
  /**
   * Days the dead-letter topic and subscription keep messages, 1-31.
   * @default 7
   */
  readonly deadLetterRetentionDays?: number;
  /**
   * Also stream into this BigQuery table (e.g. in the raw dataset) through a BigQuery
   * subscription. The Pub/Sub service agent is granted `roles/bigquery.dataEditor` on the table
   * (it must write rows and read the table's metadata, and BigQuery checks it when the
   * subscription is created). With a schema, columns follow the topic schema; otherwise the table
   * needs a `data` column.
   * @default - no BigQuery subscription
   */
  readonly bigQueryTable?: BigQueryTableRef;
  /**
   * Whether the BigQuery subscription writes `subscription_name`, `message_id`, `publish_time`
   * and `attributes` columns (the table must have them).
   * @default true
   */
  readonly bigQueryWriteMetadata?: boolean;
  /**
   * Where the alert policies notify.
   * @default - incidents open in Cloud Monitoring but notify nobody (a warning says so)
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * Minutes the oldest unacknowledged message of any subscription may wait before the backlog
   * alert fires, 1-10080 and more than `maxFileDurationMinutes` (messages wait for their file).
   * @default 15
   */
  readonly messageAgeAlertMinutes?: number;
  /**
   * Hours after which an open incident whose metric stopped reporting closes, 1-168.
   * @default 24
   */
  readonly alertAutoCloseHours?: number;
  /**
   * Enable the Pub/Sub and Cloud Monitoring APIs on the project.
   * @default true
   */
  readonly enableApis?: boolean;
}
