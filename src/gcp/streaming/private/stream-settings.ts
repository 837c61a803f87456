import type { Construct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { type IntegerRange, validateIntegerRange } from '../../../core/ranges';
import { isUnresolved } from '../../../core/tokens';
import { kmsLocationFor, validateLocation } from '../../private/location';
import { keyLocationFits, literalNumber, validateOrdered } from '../../private/pubsub';
import { SECONDS_PER_DAY } from '../../private/units';
import type { IEncryptionKey } from '../../security/encryption-key';
import { StreamFileFormat, type StreamIngestionProps } from '../stream-ingestion-types';

/** The construct's `DEFAULT_*` constants (the class itself is passed), so docs, code and tests share them. */
export interface StreamDefaults {
  readonly DEFAULT_RETENTION_HOURS: number;
  readonly RETENTION_HOURS_RANGE: IntegerRange;
  readonly DEFAULT_FILE_FORMAT: StreamFileFormat;
  readonly DEFAULT_FILENAME_SUFFIX: Readonly<Record<StreamFileFormat, string>>;
  readonly DEFAULT_MAX_FILE_DURATION_MINUTES: number;
  readonly DEFAULT_MAX_FILE_SIZE_MIB: number;
  readonly DEFAULT_MAX_DELIVERY_ATTEMPTS: number;
  readonly DEFAULT_RETRY_MINIMUM_BACKOFF_SECONDS: number;
  readonly DEFAULT_RETRY_MAXIMUM_BACKOFF_SECONDS: number;
  readonly DEFAULT_DEAD_LETTER_RETENTION_DAYS: number;
  readonly DEFAULT_MESSAGE_AGE_ALERT_MINUTES: number;
  readonly DEFAULT_ALERT_AUTO_CLOSE_HOURS: number;
  readonly DEFAULT_ENABLE_APIS: boolean;
}

/** A stream's props with defaults resolved, validated, and converted to the units Pub/Sub takes. */
export interface StreamSettings {
  readonly region: string;
  readonly retentionSeconds: number;
  readonly fileFormat: StreamFileFormat;
  readonly filenameSuffix: string;
  readonly maxFileDurationSeconds: number;
  readonly maxFileBytes: number;
  readonly maxDeliveryAttempts: number;
  readonly retryMinimumBackoffSeconds: number;
  readonly retryMaximumBackoffSeconds: number;
  readonly deadLetterRetentionSeconds: number;
  readonly messageAgeAlertSeconds: number;
  readonly alertAutoCloseSeconds: number;
  readonly enableApis: boolean;
}

/** Hours in seconds. */
const HOUR = 3_600;
/** One MiB in bytes. */
const MIB = 1_048_576;

/** Validates `value` in `min..max` and returns it times `factor` (a literal is required). */
function scaled(
  scope: Construct,
  prop: string,
  value: number,
  min: number,
  max: number,
  factor: number,
): number {
  validateIntegerRange(scope, prop, value, min, max);
  return literalNumber(scope, prop, value) * factor;
}

/**
 * The message storage region: `region`, or the key's location when that is a region. Throws
 * `DPK_INVALID_LOCATION` for a multi-region, for a multi-region key without `region`, and for a
 * key whose location does not cover the region.
 */
function resolveRegion(scope: Construct, region: string | undefined, key: IEncryptionKey): string {
  const isRegion = (l: string) => kmsLocationFor(l) === l && /^[a-z]+-[a-z]+[0-9]{1,2}$/.test(l);
  if (region !== undefined) {
    validateLocation(scope, region, 'region');
    if (!isUnresolved(region) && !isRegion(region)) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
        prop: 'region',
        received: region,
        allowed: "one GCP region like 'europe-west1' (a topic's messages are stored in one region)",
      });
    }
  } else if (!isUnresolved(key.location) && !isRegion(key.location)) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop: 'region',
      received: region,
      allowed: `a region covered by the key's location ${JSON.stringify(key.location)}: required when the key is not regional`,
    });
  }
  const resolved = region ?? key.location;
  if (!isUnresolved(resolved) && !isUnresolved(key.location) && !keyLocationFits(resolved, key.location)) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop: 'encryptionKey',
      received: key.location,
      allowed: `a key in ${JSON.stringify(resolved)}, in the multi-region covering it, or 'global' (the topics store messages in ${JSON.stringify(resolved)})`,
    });
  }
  return resolved;
}

/** Resolves, validates and converts a stream's props (every `DPK_*` error of the block but names). */
export function resolveStreamSettings(
  scope: Construct,
  props: StreamIngestionProps,
  key: IEncryptionKey,
  d: StreamDefaults,
): StreamSettings {
  const fileFormat = props.fileFormat ?? d.DEFAULT_FILE_FORMAT;
  const filenameSuffix = props.filenameSuffix ?? d.DEFAULT_FILENAME_SUFFIX[fileFormat];
  if (!isUnresolved(filenameSuffix) && (filenameSuffix === '' || filenameSuffix.endsWith('/'))) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: 'filenameSuffix',
      received: filenameSuffix,
      allowed: "a non-empty object name suffix not ending with '/'",
    });
  }
  const minBackoff = props.retryMinimumBackoffSeconds ?? d.DEFAULT_RETRY_MINIMUM_BACKOFF_SECONDS;
  const maxBackoff = props.retryMaximumBackoffSeconds ?? d.DEFAULT_RETRY_MAXIMUM_BACKOFF_SECONDS;
  const maxDeliveryAttempts = props.maxDeliveryAttempts ?? d.DEFAULT_MAX_DELIVERY_ATTEMPTS;
  validateIntegerRange(scope, 'maxDeliveryAttempts', maxDeliveryAttempts, 5, 100);
  const settings: StreamSettings = {
    region: resolveRegion(scope, props.region, key),
    retentionSeconds: scaled(
      scope,
      'retentionHours',
      props.retentionHours ?? d.DEFAULT_RETENTION_HOURS,
      d.RETENTION_HOURS_RANGE.min,
      d.RETENTION_HOURS_RANGE.max,
      HOUR,
    ),
    fileFormat,
    filenameSuffix,
    maxFileDurationSeconds: scaled(
      scope,
      'maxFileDurationMinutes',
      props.maxFileDurationMinutes ?? d.DEFAULT_MAX_FILE_DURATION_MINUTES,
      1,
      10,
      60,
    ),
    maxFileBytes: scaled(
      scope,
      'maxFileSizeMiB',
      props.maxFileSizeMiB ?? d.DEFAULT_MAX_FILE_SIZE_MIB,
      1,
      10_240,
      MIB,
    ),
    maxDeliveryAttempts,
    retryMinimumBackoffSeconds: scaled(scope, 'retryMinimumBackoffSeconds', minBackoff, 0, 600, 1),
    retryMaximumBackoffSeconds: scaled(scope, 'retryMaximumBackoffSeconds', maxBackoff, 0, 600, 1),
    deadLetterRetentionSeconds: scaled(
      scope,
      'deadLetterRetentionDays',
      props.deadLetterRetentionDays ?? d.DEFAULT_DEAD_LETTER_RETENTION_DAYS,
      1,
      31,
      SECONDS_PER_DAY,
    ),
    messageAgeAlertSeconds: scaled(
      scope,
      'messageAgeAlertMinutes',
      props.messageAgeAlertMinutes ?? d.DEFAULT_MESSAGE_AGE_ALERT_MINUTES,
      1,
      10_080,
      60,
    ),
    alertAutoCloseSeconds: scaled(
      scope,
      'alertAutoCloseHours',
      props.alertAutoCloseHours ?? d.DEFAULT_ALERT_AUTO_CLOSE_HOURS,
      1,
      168,
      HOUR,
    ),
    enableApis: props.enableApis ?? d.DEFAULT_ENABLE_APIS,
  };
  validateOrdered(scope, 'retryMinimumBackoffSeconds', minBackoff, 'retryMaximumBackoffSeconds', maxBackoff);
  // A landing subscription holds messages up to a file's duration by design: alerting below it would never stop.
  if (settings.messageAgeAlertSeconds <= settings.maxFileDurationSeconds) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'messageAgeAlertMinutes',
      received: settings.messageAgeAlertSeconds / 60,
      allowed: `more than 'maxFileDurationMinutes' (${settings.maxFileDurationSeconds / 60}): messages wait that long for their file by design`,
    });
  }
  return settings;
}
