/**
 * A warehouse's props checked and resolved before anything is made: capacity, admin user, log
 * and result retention, scan limit, read zones, subnets and names. Internal: not exported from
 * the entry point.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as s3 from 'aws-cdk-lib/aws-s3';
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
  validateName,
  validatePlatformName,
  ValidationError,
  WarehouseSize,
  ZoneDefaults,
} from '../../../core/internal';
import { awsDeploymentScope } from '../../private/deployment-scope';
import { validateLogRetentionDays } from '../../private/log-groups';
import { validateDataSubnets } from '../../private/network-import';
import { removalPolicyFor } from '../../private/removal';
import { AwsNameRules } from '../../private/service-names';
import type { IEncryptionKey } from '../../security/encryption-key';
import { LakeStorage } from '../../storage/lake-storage';
// A value import in a cycle with warehouse.ts: its statics are read at construction, never at load.
import { Warehouse, type WarehouseProps } from '../warehouse';

/** A warehouse's props, checked and with every default resolved. */
export interface WarehouseSettings {
  readonly platform: string;
  readonly readZones: readonly string[];
  readonly adminUsername: string;
  readonly auditLogRetentionDays: number;
  readonly scanLimitGib: number;
  readonly queryResultsRetentionDays: number;
  readonly baseCapacityRpus: number;
  readonly maxCapacityRpus: number;
  /** The network's data subnets, checked to span enough Availability Zones. */
  readonly subnets: ec2.SelectedSubnets;
  /** Where the query-results bucket's access logs go. */
  readonly accessLogsBucket: s3.IBucket;
  readonly encryptionKey: IEncryptionKey;
  /** The Redshift Serverless namespace name, which the workgroup shares. */
  readonly namespaceName: string;
  readonly athenaWorkGroupName: string;
  readonly queryResultsBucketName: string;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
}

/** Checks every prop of a warehouse and resolves its defaults; throws before anything is made. */
export function resolveWarehouseSettings(scope: IConstruct, props: WarehouseProps): WarehouseSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const size = props.size ?? Warehouse.DEFAULT_SIZE;
  const readZones = props.readZones ?? Warehouse.DEFAULT_READ_ZONES;
  const adminUsername = props.adminUsername ?? Warehouse.DEFAULT_ADMIN_USERNAME;
  const auditLogRetentionDays = props.auditLogRetentionDays ?? Warehouse.DEFAULT_AUDIT_LOG_RETENTION_DAYS;
  const scanLimitGib = props.athenaScanLimitPerQueryGib ?? Warehouse.DEFAULT_ATHENA_SCAN_LIMIT_PER_QUERY_GIB;
  const queryResultsRetentionDays =
    props.queryResultsRetentionDays ?? Warehouse.DEFAULT_QUERY_RESULTS_RETENTION_DAYS;
  const baseCapacityRpus = Warehouse.BASE_CAPACITY_RPUS[size];
  if (baseCapacityRpus === undefined) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'size',
      received: size,
      allowed: `one of ${Object.values(WarehouseSize).join(', ')}`,
    });
  }
  const maxCapacityRpus = props.maxCapacityRpus ?? baseCapacityRpus * Warehouse.DEFAULT_MAX_CAPACITY_FACTOR;

  validateMaxCapacity(scope, baseCapacityRpus, maxCapacityRpus);
  validateName(scope, AwsNameRules.REDSHIFT_USER, 'adminUsername', adminUsername);
  validateLogRetentionDays(scope, 'auditLogRetentionDays', auditLogRetentionDays);
  validateLiteral(scope, 'athenaScanLimitPerQueryGib', scanLimitGib);
  validateIntegerRange(
    scope,
    'athenaScanLimitPerQueryGib',
    scanLimitGib,
    Warehouse.ATHENA_SCAN_LIMIT_PER_QUERY_GIB_RANGE,
  );
  validateIntegerRange(
    scope,
    'queryResultsRetentionDays',
    queryResultsRetentionDays,
    ZoneDefaults.LIFECYCLE_DAYS_RANGE,
  );
  readZones.forEach((zone, i) => findZone(scope, props.catalog.lake.zones, zone, `readZones[${i}]`));
  const subnets = props.network.selectDataSubnets();
  validateDataSubnets(scope, subnets, 'network');
  const accessLogsBucket = resolveAccessLogsBucket(scope, props);
  const tags = resourceTags(scope, TagRules.AWS, platform, props.tags);
  const removalPolicy = removalPolicyFor(scope, props.removalPolicy);

  return {
    platform,
    readZones,
    adminUsername,
    auditLogRetentionDays,
    scanLimitGib,
    queryResultsRetentionDays,
    baseCapacityRpus,
    maxCapacityRpus,
    subnets,
    accessLogsBucket,
    encryptionKey: props.encryptionKey ?? props.catalog.encryptionKey,
    namespaceName: physicalName(scope, AwsNameRules.REDSHIFT_SERVERLESS, { platform, parts: ['warehouse'] }),
    athenaWorkGroupName: physicalName(scope, AwsNameRules.ATHENA_WORKGROUP, { platform, parts: ['athena'] }),
    queryResultsBucketName: physicalName(scope, NameRules.S3_BUCKET, {
      platform,
      parts: ['athena-results'],
      // Bucket names are global: the account and region join the name (at deploy time if tokens).
      deploymentScope: awsDeploymentScope(scope),
    }),
    removalPolicy,
    tags,
  };
}

function validateMaxCapacity(scope: IConstruct, base: number, max: number): void {
  if (isUnresolved(max)) return;
  const range = Warehouse.MAX_CAPACITY_RPUS_RANGE;
  const min = Math.max(base, range.min);
  if (!Number.isInteger(max) || max % 8 !== 0 || max < min || max > range.max) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'maxCapacityRpus',
      received: max,
      allowed: `a multiple of 8 from ${min} (${range.min}, and at least the base capacity ${base}) to ${range.max}`,
    });
  }
}

/** Rejects a token where the kit must compute with the value (Athena counts bytes, not GiB). */
function validateLiteral(scope: IConstruct, prop: string, value: number): void {
  if (!isUnresolved(value)) return;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop,
    received: value,
    allowed: 'a literal number known at synth time (the kit converts it to bytes)',
  });
}

function resolveAccessLogsBucket(scope: IConstruct, props: WarehouseProps): s3.IBucket {
  if (props.accessLogsBucket) return props.accessLogsBucket;
  if (props.catalog.lake instanceof LakeStorage) return props.catalog.lake.accessLogsBucket;
  throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
    prop: 'accessLogsBucket',
    received: undefined,
    allowed:
      "an SSE-S3 bucket, required when the catalog's lake is not a LakeStorage (its log bucket is the default)",
  });
}
