/**
 * A stream ingestion's props checked and resolved before anything is made: names, zone,
 * capacity, buffering, logs, alarm thresholds and alerts. Internal: not exported from the entry
 * point.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import {
  ErrorCode,
  findZone,
  isUnresolved,
  NameRules,
  physicalName,
  resourceTags,
  TagRules,
  type Tags,
  validateIntegerRange,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
  ValidationError,
} from '../../../core/internal';
import { validateAlertEmailAddresses } from '../../private/emails';
import { validateLogRetentionDays } from '../../private/log-groups';
import { removalPolicyFor } from '../../private/removal';
import { StreamNameRules } from '../../private/stream-names';
import type { IEncryptionKey } from '../../security/encryption-key';
// A value import in a cycle with stream-ingestion.ts: its statics are read at construction, never at load.
import { type DeliveryCompression, StreamIngestion, type StreamIngestionProps } from '../stream-ingestion';

const TIME_PARTITIONS =
  'year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/';
/** The root of every stream's error prefix: no stream may take it as its name. */
const ERROR_ROOT = 'errors';

/** A stream ingestion's props, checked and with every default resolved. */
export interface StreamSettings {
  readonly platform: string;
  /** The stream's component name (`streamName` as given). */
  readonly name: string;
  readonly zone: string;
  readonly encryptionKey: IEncryptionKey;
  readonly shardCount?: number;
  readonly retentionHours: number;
  readonly bufferingIntervalSeconds: number;
  readonly bufferingSizeMiB: number;
  readonly compression: DeliveryCompression;
  readonly logRetentionDays: number;
  readonly iteratorAgeThresholdMilliseconds: number;
  readonly dataFreshnessThresholdSeconds: number;
  /** The Kinesis stream's physical name. */
  readonly streamName: string;
  /** The Firehose stream's physical name. */
  readonly deliveryStreamName: string;
  /** Object prefix of delivered records, with Firehose's time-partition expressions. */
  readonly dataPrefix: string;
  /** Object prefix of records Firehose could not process, by error type and time. */
  readonly errorPrefix: string;
  /** The prefixes Firehose may write under (data and errors of this stream). */
  readonly writablePrefixes: readonly string[];
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
}

/** Checks every prop of a stream ingestion and resolves its defaults; throws before anything is made. */
export function resolveStreamSettings(scope: IConstruct, props: StreamIngestionProps): StreamSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const name = validateStreamName(scope, props.streamName);
  const zone = findZone(scope, props.lake.zones, props.zone ?? StreamIngestion.DEFAULT_ZONE).name;
  const retentionHours = props.retentionHours ?? StreamIngestion.DEFAULT_RETENTION_HOURS;
  const bufferingIntervalSeconds =
    props.bufferingIntervalSeconds ?? StreamIngestion.DEFAULT_BUFFERING_INTERVAL_SECONDS;
  const bufferingSizeMiB = props.bufferingSizeMiB ?? StreamIngestion.DEFAULT_BUFFERING_SIZE_MIB;
  const compression = props.compression ?? StreamIngestion.DEFAULT_COMPRESSION;
  const logRetentionDays = props.logRetentionDays ?? StreamIngestion.DEFAULT_LOG_RETENTION_DAYS;
  const iteratorAgeThresholdMilliseconds =
    props.iteratorAgeThresholdMilliseconds ?? StreamIngestion.DEFAULT_ITERATOR_AGE_THRESHOLD_MILLISECONDS;
  const dataFreshnessThresholdSeconds =
    props.dataFreshnessThresholdSeconds ?? StreamIngestion.DEFAULT_DATA_FRESHNESS_THRESHOLD_SECONDS;

  validateIntegerRange(scope, 'retentionHours', retentionHours, StreamIngestion.RETENTION_HOURS_RANGE);
  validateIntegerRange(scope, 'shardCount', props.shardCount, StreamIngestion.SHARD_COUNT_RANGE);
  validateIntegerRange(
    scope,
    'bufferingIntervalSeconds',
    bufferingIntervalSeconds,
    StreamIngestion.BUFFERING_INTERVAL_SECONDS_RANGE,
  );
  validateIntegerRange(scope, 'bufferingSizeMiB', bufferingSizeMiB, StreamIngestion.BUFFERING_SIZE_MIB_RANGE);
  validateLogRetentionDays(scope, 'logRetentionDays', logRetentionDays);
  validateThresholds(
    scope,
    retentionHours,
    bufferingIntervalSeconds,
    iteratorAgeThresholdMilliseconds,
    dataFreshnessThresholdSeconds,
  );
  validateAlertEmailAddresses(scope, props);
  const tags = resourceTags(scope, TagRules.AWS, platform, props.tags);
  const removalPolicy = removalPolicyFor(scope, props.removalPolicy);

  return {
    platform,
    name,
    zone,
    encryptionKey: props.encryptionKey ?? props.lake.encryptionKey,
    shardCount: props.shardCount,
    retentionHours,
    bufferingIntervalSeconds,
    bufferingSizeMiB,
    compression,
    logRetentionDays,
    iteratorAgeThresholdMilliseconds,
    dataFreshnessThresholdSeconds,
    streamName: physicalName(scope, StreamNameRules.KINESIS_STREAM, { platform, parts: [name] }),
    deliveryStreamName: physicalName(scope, StreamNameRules.FIREHOSE_STREAM, {
      platform,
      parts: [name, zone],
    }),
    dataPrefix: `${name}/${TIME_PARTITIONS}`,
    errorPrefix: `${ERROR_ROOT}/${name}/!{firehose:error-output-type}/${TIME_PARTITIONS}`,
    writablePrefixes: [`${name}/`, `${ERROR_ROOT}/${name}/`],
    removalPolicy,
    tags,
  };
}

/** A literal component name (it becomes part of physical names and object prefixes). */
function validateStreamName(scope: IConstruct, streamName: string): string {
  const name = validateName(
    scope,
    NameRules.COMPONENT,
    'streamName',
    validateLiteralNamePart(scope, 'streamName', streamName),
  );
  if (name === ERROR_ROOT) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: 'streamName',
      received: name,
      allowed: `not '${ERROR_ROOT}' (the root of every stream's error prefix)`,
    });
  }
  return name;
}

/**
 * An iterator-age alarm at or above the retention would fire only once records are already
 * expiring; a freshness alarm at or below the buffering interval would fire on every buffer.
 */
function validateThresholds(
  scope: IConstruct,
  retentionHours: number,
  bufferingIntervalSeconds: number,
  iteratorAgeMs: number,
  freshnessSeconds: number,
): void {
  const retentionMs =
    (isUnresolved(retentionHours) ? StreamIngestion.RETENTION_HOURS_RANGE.max : retentionHours) * 3_600_000;
  validateIntegerRange(scope, 'iteratorAgeThresholdMilliseconds', iteratorAgeMs, 1, retentionMs - 1);
  const freshness = StreamIngestion.DATA_FRESHNESS_THRESHOLD_SECONDS_RANGE;
  const minFreshness = isUnresolved(bufferingIntervalSeconds)
    ? freshness.min
    : Math.max(freshness.min, bufferingIntervalSeconds + 1);
  validateIntegerRange(scope, 'dataFreshnessThresholdSeconds', freshnessSeconds, minFreshness, freshness.max);
}
