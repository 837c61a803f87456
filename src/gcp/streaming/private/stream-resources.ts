import { BigqueryTableIamMember } from '@cdktf/provider-google/lib/bigquery-table-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { PubsubSchema } from '@cdktf/provider-google/lib/pubsub-schema';
import { PubsubSubscription } from '@cdktf/provider-google/lib/pubsub-subscription';
import { PubsubTopic, type PubsubTopicConfig } from '@cdktf/provider-google/lib/pubsub-topic';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import type { Construct } from 'constructs';
import type { StreamConfig } from './stream-config';
import { dependsOnAll } from '../../private/project-services';
import { duration } from '../../private/pubsub';
import { PUBSUB_AGENT_ROLES } from '../roles';
import type { BigQueryTableRef, StreamSchema } from '../stream-ingestion-types';

/** What a stream's topics wait for: the service agent's key grant (and its propagation) and the API. */
export interface TopicDependencies {
  readonly keyGrantWait: Sleep;
  readonly apis: readonly ProjectService[];
}

/** The topic's schema, after the Pub/Sub API. */
export function createSchema(
  scope: Construct,
  config: StreamConfig,
  schema: StreamSchema,
  apis: readonly ProjectService[],
): PubsubSchema {
  return new PubsubSchema(scope, 'Schema', {
    project: config.project,
    name: config.names.schema,
    type: schema.type,
    definition: schema.definition,
    dependsOn: dependsOnAll(apis),
  });
}

/** What both topics share: the project, CMEK, the message storage region, labels, the key grant. */
function topicBase(
  config: StreamConfig,
  deps: TopicDependencies,
): Pick<PubsubTopicConfig, 'project' | 'kmsKeyName' | 'messageStoragePolicy' | 'labels' | 'dependsOn'> {
  return {
    project: config.project,
    kmsKeyName: config.encryptionKey.cryptoKeyId,
    messageStoragePolicy: { allowedPersistenceRegions: [config.settings.region] },
    labels: config.labels,
    dependsOn: [deps.keyGrantWait, ...deps.apis],
  };
}

/** The topic producers publish to, keeping messages `retentionHours`, with `schema` when there is one. */
export function createTopic(
  scope: Construct,
  config: StreamConfig,
  deps: TopicDependencies,
  schema: PubsubSchema | undefined,
): PubsubTopic {
  return new PubsubTopic(scope, 'Topic', {
    ...topicBase(config, deps),
    name: config.names.topic,
    messageRetentionDuration: duration(config.settings.retentionSeconds),
    schemaSettings: schema && { schema: schema.id, encoding: config.schemaEncoding },
  });
}

/** The topic undeliverable messages are forwarded to. */
export function createDeadLetterTopic(
  scope: Construct,
  config: StreamConfig,
  deps: TopicDependencies,
): PubsubTopic {
  return new PubsubTopic(scope, 'DeadLetterTopic', {
    ...topicBase(config, deps),
    name: config.names.deadLetterTopic,
    messageRetentionDuration: duration(config.settings.deadLetterRetentionSeconds),
  });
}

/** Dead letters wait here, never expiring: a topic without subscriptions would drop them. */
export function createDeadLetterSubscription(
  scope: Construct,
  config: StreamConfig,
  deps: TopicDependencies,
  deadLetterTopic: PubsubTopic,
): PubsubSubscription {
  return new PubsubSubscription(scope, 'DeadLetterSubscription', {
    project: config.project,
    topic: deadLetterTopic.id,
    name: config.names.deadLetterSubscription,
    messageRetentionDuration: duration(config.settings.deadLetterRetentionSeconds),
    expirationPolicy: { ttl: '' },
    labels: config.labels,
    dependsOn: dependsOnAll(deps.apis),
  });
}

/** `member` (the Pub/Sub service agent) as `roles/bigquery.dataEditor` on `table` (checked at subscription creation). */
export function createBigQueryWriterGrant(
  scope: Construct,
  table: BigQueryTableRef,
  member: string,
): BigqueryTableIamMember {
  return new BigqueryTableIamMember(scope, 'AgentBigQueryWriter', {
    project: table.project,
    datasetId: table.datasetId,
    tableId: table.tableId,
    role: PUBSUB_AGENT_ROLES.bigQueryWriter,
    member,
  });
}
