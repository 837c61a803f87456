import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { NameRules, physicalName, validatePlatformName } from '../../../core/naming';
import { type IntegerRange, validateIntegerRange } from '../../../core/ranges';
import { decideRemoval, type RemovalDecision } from '../../../core/removal';
import { type Tags, TagRules, validateResourceTags } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { type ResolvedZone, resolveZones } from '../../../core/zones';
import { kmsLocationFor, validateLocation } from '../../private/location';
import { validateProject } from '../../private/project';
import { gcpDeploymentScope } from '../../private/providers';
import { daysToSeconds } from '../../private/units';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { LakeStorageProps } from '../lake-storage';

/** The construct's `DEFAULT_*` constants and ranges (the class itself is passed). */
export interface LakeDefaults {
  readonly DEFAULT_SOFT_DELETE_RETENTION_DAYS: number;
  readonly SOFT_DELETE_RETENTION_DAYS_RANGE: IntegerRange;
  readonly DEFAULT_ACCESS_LOG_RETENTION_DAYS: number;
  readonly ACCESS_LOG_RETENTION_DAYS_RANGE: IntegerRange;
  readonly DEFAULT_ENABLE_APIS: boolean;
  readonly DEFAULT_USAGE_LOGS: boolean;
  readonly DEFAULT_DATA_ACCESS_LOGS: boolean;
}

/** A lake's props, validated, with defaults resolved and bucket names derived. */
export interface LakeSettings {
  readonly platform: string;
  readonly project?: string;
  readonly location: string;
  readonly zones: readonly ResolvedZone[];
  readonly softDeleteSeconds: number;
  readonly logRetentionDays: number;
  readonly enableApis: boolean;
  readonly dataAccessLogs: boolean;
  readonly tags?: Tags;
  /** The access-log bucket's name, with usage logs only. */
  readonly logBucketName?: string;
  /** Each zone's bucket name, by zone name. */
  readonly bucketNames: Readonly<Record<string, string>>;
  readonly removal: RemovalDecision;
}

/** Throws `DPK_INVALID_LOCATION` unless a given `key` is in the Cloud KMS location of `location`. */
function checkKeyLocation(scope: IConstruct, key: IEncryptionKey | undefined, location: string): void {
  const expected = kmsLocationFor(location);
  const actual = key?.location;
  if (actual === undefined || isUnresolved(expected) || isUnresolved(actual) || actual === expected) return;
  throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
    prop: 'encryptionKey',
    received: actual,
    allowed: `a key in Cloud KMS location ${JSON.stringify(expected)}, matching the bucket location ${JSON.stringify(location)}`,
  });
}

/**
 * Resolves and validates a lake's props, every `DPK_*` error of the block (a kit-made key is
 * always in the right location), and derives the bucket names.
 */
export function resolveLakeSettings(
  scope: IConstruct,
  props: LakeStorageProps,
  d: LakeDefaults,
): LakeSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const softDeleteDays = props.softDeleteRetentionDays ?? d.DEFAULT_SOFT_DELETE_RETENTION_DAYS;
  const logRetentionDays = props.accessLogRetentionDays ?? d.DEFAULT_ACCESS_LOG_RETENTION_DAYS;
  const usageLogs = props.usageLogs ?? d.DEFAULT_USAGE_LOGS;
  const project = validateProject(scope, props.project);
  const location = validateLocation(scope, props.location);
  const zones = resolveZones(scope, props.zones);
  validateIntegerRange(scope, 'softDeleteRetentionDays', softDeleteDays, d.SOFT_DELETE_RETENTION_DAYS_RANGE);
  validateIntegerRange(scope, 'accessLogRetentionDays', logRetentionDays, d.ACCESS_LOG_RETENTION_DAYS_RANGE);
  validateResourceTags(scope, TagRules.GCP, platform, props.tags);
  checkKeyLocation(scope, props.encryptionKey, location);
  if (!usageLogs && props.logBucketName !== undefined) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'logBucketName',
      received: props.logBucketName,
      allowed: "unset unless 'usageLogs' is true (there is no log bucket without usage logs)",
    });
  }
  // Bucket names are global: the project (the provider's when unset) joins the name.
  const deploymentScope = gcpDeploymentScope(scope, project);
  const bucketName = (parts: string[], override: string | undefined, overrideProp: string) =>
    physicalName(scope, NameRules.GCS_BUCKET, { platform, parts, override, overrideProp, deploymentScope });
  return {
    platform,
    project,
    location,
    zones,
    softDeleteSeconds: daysToSeconds(scope, 'softDeleteRetentionDays', softDeleteDays),
    logRetentionDays,
    enableApis: props.enableApis ?? d.DEFAULT_ENABLE_APIS,
    dataAccessLogs: props.dataAccessLogs ?? d.DEFAULT_DATA_ACCESS_LOGS,
    tags: props.tags,
    logBucketName: usageLogs ? bucketName(['logs'], props.logBucketName, 'logBucketName') : undefined,
    bucketNames: Object.fromEntries(
      zones.map((zone, i) => [
        zone.name,
        bucketName([zone.name], zone.storageName, `zones[${i}].storageName`),
      ]),
    ),
    removal: decideRemoval(scope, props.removalPolicy),
  };
}
