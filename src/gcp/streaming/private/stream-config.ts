import type { IConstruct } from 'constructs';
import { resolveStreamSettings, type StreamDefaults, type StreamSettings } from './stream-settings';
import {
  NameRules,
  type NameParts,
  physicalName,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
} from '../../../core/naming';
import { decideRemoval, type RemovalDecision } from '../../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../../core/tags';
import { findZone } from '../../../core/zones';
import { validateProject } from '../../private/project';
import { PUBSUB_NAME_RULE } from '../../private/pubsub';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ZoneBucketRef } from '../../storage/lake-storage';
import type { StreamIngestionProps, StreamSchemaEncoding } from '../stream-ingestion-types';

/** The names of a stream's Pub/Sub resources, derived (or validated) before any exists. */
export interface StreamNames {
  readonly schema: string;
  readonly topic: string;
  readonly deadLetterTopic: string;
  readonly deadLetterSubscription: string;
  readonly landingSubscription: string;
  readonly bigQuerySubscription: string;
}

/** Everything a stream is made from: its identity, where it lands, its settings and its names. */
export interface StreamConfig {
  readonly platform: string;
  readonly streamName: string;
  readonly project?: string;
  /** The zone the stream lands in, and its bucket. */
  readonly zone: string;
  readonly bucket: ZoneBucketRef;
  readonly encryptionKey: IEncryptionKey;
  readonly settings: StreamSettings;
  /** How publishers encode messages, with a schema. */
  readonly schemaEncoding: StreamSchemaEncoding;
  /** The labels of the topics, subscriptions and alerts, and those of the landing subscription. */
  readonly labels: Tags;
  readonly zoneLabels: Tags;
  readonly removal: RemovalDecision;
  readonly names: StreamNames;
}

/** A derived Pub/Sub name of `platform`'s stream (or the validated override). */
export function pubsubName(
  scope: IConstruct,
  platform: string,
  prop: string,
  parts: string[],
  override?: string,
): string {
  const spec: NameParts = { platform, parts, override, overrideProp: prop };
  return physicalName(scope, PUBSUB_NAME_RULE, spec);
}

/** Resolves and validates a stream's props (every `DPK_*` error of the block) and derives its names. */
export function resolveStreamConfig(
  scope: IConstruct,
  props: StreamIngestionProps,
  d: StreamDefaults & {
    readonly DEFAULT_ZONE: string;
    readonly DEFAULT_SCHEMA_ENCODING: StreamSchemaEncoding;
  },
): StreamConfig {
  const platform = validatePlatformName(scope, props.platformName);
  const streamName = validateName(
    scope,
    NameRules.COMPONENT,
    'streamName',
    validateLiteralNamePart(scope, 'streamName', props.streamName),
  );
  const project = validateProject(scope, props.project);
  const zone = findZone(scope, props.lake.zones, props.zone ?? d.DEFAULT_ZONE, 'zone').name;
  const bucket = props.lake.bucketFor(zone);
  const encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
  const settings = resolveStreamSettings(scope, props, encryptionKey, d);
  const labels = resourceTags(scope, TagRules.GCP, platform, props.tags);
  const removal = decideRemoval(scope, props.removalPolicy);
  const name = (prop: string, parts: string[], override?: string) =>
    pubsubName(scope, platform, prop, parts, override);
  return {
    platform,
    streamName,
    project,
    zone,
    bucket,
    encryptionKey,
    settings,
    schemaEncoding: props.schema?.encoding ?? d.DEFAULT_SCHEMA_ENCODING,
    labels,
    zoneLabels: resourceTags(scope, TagRules.GCP, platform, props.tags, zone),
    removal,
    names: {
      schema: name('schemaName', [streamName]),
      topic: name('topicName', [streamName], props.topicName),
      deadLetterTopic: name('deadLetterTopicName', [streamName, 'dead-letter']),
      deadLetterSubscription: name('deadLetterSubscriptionName', [streamName, 'dead-letters']),
      landingSubscription: name('LandingSubscription name', [streamName, 'to', zone]),
      bigQuerySubscription: name('BigQuerySubscription name', [streamName, 'to-bigquery']),
    },
  };
}
