import { Annotations, Aws, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { LakeStorageBase } from './lake-storage-base';
import { grantZoneAccess } from './perms';
import {
  CommonDefaults,
  constructIdFrom,
  ErrorCode,
  findZone,
  resourceTags,
  type LakeStorageCommonProps,
  nameViolation,
  NameRules,
  physicalName,
  type ResolvedZone,
  resolveZones,
  TagRules,
  type Tags as KitTags,
  validateIntegerRange,
  validatePlatformName,
  ValidationError,
  ZoneAccess,
  ZoneDefaults,
  validateResourceTags,
  type ZoneRef,
} from '../../core/internal';
import { awsDeploymentScope } from '../private/deployment-scope';
import { ImportedLakeStorage } from './private/lake-import';
import { assertNotPublic } from '../private/principals';
import { removalPolicyFor } from '../private/removal';
import { applyTags } from '../private/tags';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/** Props of the AWS {@link LakeStorage}. */
export interface LakeStorageProps extends LakeStorageCommonProps {
  /**
   * The key every zone bucket is encrypted with (SSE-KMS with S3 Bucket Keys).
   * @default - a new {@link EncryptionKey} (purpose `lake`) owned by this construct
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Bucket that receives the zones' server access logs, under `<zone>/`. It must use SSE-S3
   * (S3 cannot deliver access logs to an SSE-KMS bucket). When it is a `Bucket` of this app,
   * the kit adds the log-delivery statement to its policy; for an imported bucket the kit
   * warns and you add the statement yourself. `accessLogRetentionDays` cannot be combined
   * with it: the bucket's lifecycle is yours.
   * @default - a dedicated, retained access-log bucket owned by this construct
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * A lake on Amazon S3, as the kit's blocks use it: one bucket per zone and the KMS key they are
 * encrypted with. Made by {@link LakeStorage} or imported with {@link LakeStorage.fromLakeStorageAttributes}.
 */
export interface ILakeStorage extends IConstruct {
  /** The zones, in declaration order (a `LakeStorage` gives them with their lifecycle resolved). */
  readonly zones: readonly ZoneRef[];
  /** The zone names, in declaration order. */
  readonly zoneNames: readonly string[];
  /** The key the zones are encrypted with. */
  readonly encryptionKey: IEncryptionKey;
  /** The bucket of `zone`; throws `DPK_UNKNOWN_ZONE` for a zone the storage does not have. */
  bucketFor(zone: string): s3.IBucket;
  /** Lets `principal` list and read objects in `zone`, and decrypt them. */
  grantRead(principal: iam.IGrantable, zone: string): iam.Grant;
  /** Lets `principal` write (not read or delete) objects in `zone`, encrypting them with the key. */
  grantWrite(principal: iam.IGrantable, zone: string): iam.Grant;
  /** Lets `principal` read, write and delete objects in `zone`. */
  grantReadWrite(principal: iam.IGrantable, zone: string): iam.Grant;
  /** Grants one {@link ZoneAccess} intent on `zone` (the bucket, its objects and the key). */
  grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): iam.Grant;
}

/** One zone of a lake made elsewhere. */
export interface LakeZoneAttributes {
  /** The zone's name (as the owning stack declared it). */
  readonly name: string;
  /** Name of the zone's bucket. */
  readonly bucketName: string;
}

/** What identifies a lake made in another stack or app: each zone's bucket, and the key. */
export interface LakeStorageAttributes {
  /** The zones, in order: at least one, each name once, each in its own bucket. */
  readonly zones: readonly LakeZoneAttributes[];
  /** The key the zone buckets are encrypted with (e.g. `EncryptionKey.fromKeyArn`). */
  readonly encryptionKey: IEncryptionKey;
}

/** A {@link LakeStorage}'s props, checked and with every default resolved. */
interface LakeSettings {
  readonly platform: string;
  readonly zones: readonly ResolvedZone[];
  readonly accessLogRetentionDays: number;
  readonly removalPolicy: RemovalPolicy;
  readonly userTags?: KitTags;
}

/** Warning id: the access-log bucket's policy could not be changed (an imported bucket). */
export const ACCESS_LOGS_POLICY_NOT_ADDED_WARNING = 'data-platform-kit:accessLogsPolicyNotAdded';
/** Warning id: the access-log bucket uses SSE-KMS, to which S3 cannot deliver access logs. */
export const ACCESS_LOGS_BUCKET_KMS_WARNING = 'data-platform-kit:accessLogsBucketKmsEncrypted';

/**
 * A data lake's storage on Amazon S3: one bucket per zone plus a dedicated access-log bucket.
 *
 * Secure defaults, per zone bucket: SSE-KMS with the kit's {@link EncryptionKey} and S3 Bucket
 * Keys, TLS-only with TLS 1.2 minimum, Block Public Access on, ACLs disabled
 * (`BucketOwnerEnforced`), versioning, server access logs to the log bucket under `<zone>/`,
 * a lifecycle (Standard-IA after `coolAfterDays`, noncurrent versions expire, incomplete
 * multipart uploads are aborted after 7 days), and `DeletionPolicy: RetainExceptOnCreate`. Buckets are
 * never force-emptied. The access-log bucket has the same guarantees except that it uses
 * SSE-S3: S3 server access logging does not deliver to SSE-KMS buckets. Log delivery is
 * allowed by a bucket-policy statement per zone for `logging.s3.amazonaws.com`, conditioned
 * on `aws:SourceAccount` and `aws:SourceArn`, never by ACLs, whatever the app's feature flags.
 *
 * On AWS a zone's `coolAfterDays` is 0 (never) or in {@link LakeStorage.COOL_AFTER_DAYS_RANGE}
 * (30 to 36500): S3 does not move objects to Standard-IA sooner. With DESTROY in effect CloudFormation
 * deletes only empty buckets; the kit never empties one.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
 * lake.grantRead(analystRole, 'serving');
 */
export class LakeStorage extends LakeStorageBase implements ILakeStorage {
  /** Days access logs are kept when `accessLogRetentionDays` is not given. */
  public static readonly DEFAULT_ACCESS_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /**
   * Days to Standard-IA a zone's `coolAfterDays` may give besides 0 (never): 30 (the fewest S3
   * allows) to `ZoneDefaults.COOL_AFTER_DAYS_RANGE.max` (kit policy).
   */
  public static readonly COOL_AFTER_DAYS_RANGE = {
    min: 30,
    max: ZoneDefaults.COOL_AFTER_DAYS_RANGE.max,
  } as const;
  /** Days access logs may be kept (`accessLogRetentionDays`): `ZoneDefaults.LIFECYCLE_DAYS_RANGE`. */
  public static readonly ACCESS_LOG_RETENTION_DAYS_RANGE = ZoneDefaults.LIFECYCLE_DAYS_RANGE;
  /** Days after which incomplete multipart uploads are aborted, in every bucket. */
  public static readonly ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS = 7;
  /** Days noncurrent (expired or deleted) access-log versions are kept. */
  public static readonly ACCESS_LOG_NONCURRENT_VERSION_EXPIRATION_DAYS: number =
    ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS;
  /** Lowest TLS version the buckets accept. */
  public static readonly MINIMUM_TLS_VERSION = 1.2;
  /** Purpose of the key the storage creates (part of its alias). */
  public static readonly KEY_PURPOSE = 'lake';

  /**
   * Imports a lake made in another stack or app, so pipelines, jobs, streams and catalogs can
   * use it and grant on it. Nothing is created for it: its buckets' lifecycle, logging and
   * policies stay their owner's. Throws `DPK_NO_ZONES`, `DPK_INVALID_ZONE`,
   * `DPK_DUPLICATE_ZONE` or `DPK_INVALID_NAME` (a malformed or shared bucket name).
   *
   * @example
   * const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
   *   zones: [{ name: 'raw', bucketName: rawBucketOutput }, { name: 'curated', bucketName: curatedBucketOutput }],
   *   encryptionKey: EncryptionKey.fromKeyArn(stack, 'SalesKey', keyArnOutput),
   * });
   */
  public static fromLakeStorageAttributes(
    scope: Construct,
    id: string,
    attrs: LakeStorageAttributes,
  ): ILakeStorage {
    return new ImportedLakeStorage(scope, id, attrs);
  }

  /** The zones, with every default resolved, in declaration order. */
  public readonly zones: readonly ResolvedZone[];
  /** The zone names, in declaration order. */
  public readonly zoneNames: readonly string[];
  /** The key the zone buckets are encrypted with (created or brought). */
  public readonly encryptionKey: IEncryptionKey;
  /** The bucket receiving server access logs (created or brought). */
  public readonly accessLogsBucket: s3.IBucket;
  /** Each zone's bucket, by zone name (escape hatch). */
  public readonly buckets: Readonly<Record<string, s3.Bucket>>;

  constructor(scope: Construct, id: string, props: LakeStorageProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.zones = settings.zones;
    this.zoneNames = this.zones.map((z) => z.name);
    this.encryptionKey = props.encryptionKey ?? this.createKey(props, settings);
    this.accessLogsBucket = props.accessLogsBucket ?? this.createAccessLogsBucket(settings);
    if (props.accessLogsBucket?.encryptionKey) {
      Annotations.of(this).addWarningV2(
        ACCESS_LOGS_BUCKET_KMS_WARNING,
        'accessLogsBucket is encrypted with a KMS key; S3 server access logging only delivers to ' +
          'buckets with SSE-S3 default encryption, so no access logs will arrive.',
      );
    }
    this.buckets = this.createZoneBuckets(settings);
  }

  /** The bucket of `zone`; throws `DPK_UNKNOWN_ZONE` for a zone the storage does not have. */
  public bucketFor(zone: string): s3.Bucket {
    return this.buckets[findZone(this, this.zones, zone).name];
  }

  /**
   * Grants one intent on `zone`: the actions of `ZONE_PERMISSIONS[access]` on that zone's
   * bucket ARN, its objects (`<ARN>/*`) and the key. Returns the combined grant.
   * Throws `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions: that grant would land
   * in the bucket and key policies and expose the zone publicly.
   */
  public grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): iam.Grant {
    const bucket = this.bucketFor(zone);
    assertNotPublic(this, principal);
    return grantZoneAccess(principal, bucket, this.encryptionKey, access);
  }

  /** Every prop checked and every default resolved, before anything is made. */
  private resolveSettings(props: LakeStorageProps): LakeSettings {
    const platform = validatePlatformName(this, props.platformName);
    const accessLogRetentionDays =
      props.accessLogRetentionDays ?? LakeStorage.DEFAULT_ACCESS_LOG_RETENTION_DAYS;

    const zones = resolveZones(this, props.zones);
    this.validateZones(zones);
    if (props.accessLogsBucket && props.accessLogRetentionDays !== undefined) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'accessLogRetentionDays',
        received: props.accessLogRetentionDays,
        allowed: "unset when 'accessLogsBucket' is given (the brought bucket's lifecycle is its owner's)",
      });
    }
    validateIntegerRange(
      this,
      'accessLogRetentionDays',
      accessLogRetentionDays,
      LakeStorage.ACCESS_LOG_RETENTION_DAYS_RANGE,
    );
    validateResourceTags(this, TagRules.AWS, platform, props.tags);
    const removalPolicy = removalPolicyFor(this, props.removalPolicy);
    return { platform, zones, accessLogRetentionDays, removalPolicy, userTags: props.tags };
  }

  /**
   * Checks what core cannot: S3 needs 30 days before Standard-IA, and every bucket name
   * override is valid (all reported at once).
   */
  private validateZones(zones: readonly ResolvedZone[]): void {
    zones.forEach((zone, i) =>
      validateIntegerRange(
        this,
        `zones[${i}].coolAfterDays`,
        zone.coolAfterDays,
        LakeStorage.COOL_AFTER_DAYS_RANGE,
      ),
    );
    ValidationError.throwIfAny(
      ErrorCode.INVALID_NAME,
      this,
      zones.flatMap((zone, i) =>
        zone.storageName === undefined
          ? []
          : (nameViolation(NameRules.S3_BUCKET, `zones[${i}].storageName`, zone.storageName) ?? []),
      ),
    );
  }

  /** The key of the zone buckets, when none is brought. */
  private createKey(props: LakeStorageProps, settings: LakeSettings): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: settings.platform,
      purpose: LakeStorage.KEY_PURPOSE,
      removalPolicy: props.removalPolicy,
      tags: props.tags,
    });
  }

  /** The SSE-S3 bucket the zones' server access logs go to, when none is brought. */
  private createAccessLogsBucket(settings: LakeSettings): s3.Bucket {
    const { platform, removalPolicy, userTags } = settings;
    const retentionDays = settings.accessLogRetentionDays;
    const bucket = new s3.Bucket(this, 'AccessLogsBucket', {
      bucketName: physicalName(this, NameRules.S3_BUCKET, {
        platform,
        parts: ['logs'],
        // Bucket names are global: the account and region join the name (at deploy time if tokens).
        deploymentScope: awsDeploymentScope(this),
      }),
      // Deliberate exception to "every bucket uses the kit's key": S3 server access logging
      // only delivers to SSE-S3 buckets (see docs/deployability.md).
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: LakeStorage.MINIMUM_TLS_VERSION,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      lifecycleRules: [
        {
          id: 'AccessLogRetention',
          expiration: Duration.days(retentionDays),
          noncurrentVersionExpiration: Duration.days(
            LakeStorage.ACCESS_LOG_NONCURRENT_VERSION_EXPIRATION_DAYS,
          ),
          abortIncompleteMultipartUploadAfter: Duration.days(
            LakeStorage.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS,
          ),
        },
      ],
    });
    applyTags(bucket, resourceTags(this, TagRules.AWS, platform, userTags));
    return bucket;
  }

  /** One bucket per zone, in declaration order, by zone name. */
  private createZoneBuckets(settings: LakeSettings): Record<string, s3.Bucket> {
    const buckets: Record<string, s3.Bucket> = {};
    settings.zones.forEach((zone, i) => {
      buckets[zone.name] = this.createZoneBucket(zone, i, settings);
    });
    return buckets;
  }

  private createZoneBucket(zone: ResolvedZone, index: number, settings: LakeSettings): s3.Bucket {
    const { platform, removalPolicy, userTags } = settings;
    const bucketName = physicalName(this, NameRules.S3_BUCKET, {
      platform,
      parts: [zone.name],
      override: zone.storageName,
      overrideProp: `zones[${index}].storageName`,
      // Bucket names are global: the account and region join the name (at deploy time if tokens).
      deploymentScope: awsDeploymentScope(this),
    });
    const bucket = new s3.Bucket(this, `${constructIdFrom(zone.name)}Bucket`, {
      bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.encryptionKey.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: LakeStorage.MINIMUM_TLS_VERSION,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy,
      lifecycleRules: [
        {
          id: 'ZoneLifecycle',
          transitions:
            zone.coolAfterDays === undefined
              ? undefined
              : [
                  {
                    storageClass: s3.StorageClass.INFREQUENT_ACCESS,
                    transitionAfter: Duration.days(zone.coolAfterDays),
                  },
                ],
          noncurrentVersionExpiration: Duration.days(zone.noncurrentVersionExpirationDays),
          abortIncompleteMultipartUploadAfter: Duration.days(
            LakeStorage.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS,
          ),
        },
      ],
    });
    this.enableAccessLogs(bucket, bucketName, `${zone.name}/`);
    applyTags(bucket, resourceTags(this, TagRules.AWS, platform, userTags, zone.name));
    return bucket;
  }

  /**
   * Server access logs from `bucket` to the log bucket under `prefix`. Done here rather than
   * with the `serverAccessLogsBucket` prop: without the `@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy`
   * flag aws-cdk-lib grants the log delivery group an ACL, which `BucketOwnerEnforced` forbids.
   * The statement's `aws:SourceArn` is built from the bucket name (not a reference to it), so
   * the zone bucket can depend on the policy: delivery is allowed before logging starts.
   */
  private enableAccessLogs(bucket: s3.Bucket, bucketName: string, prefix: string): void {
    const stack = Stack.of(this);
    const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
    cfnBucket.loggingConfiguration = {
      destinationBucketName: this.accessLogsBucket.bucketName,
      logFilePrefix: prefix,
    };
    const statement = new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      actions: ['s3:PutObject'],
      resources: [this.accessLogsBucket.arnForObjects(`${prefix}*`)],
      conditions: {
        // Aws.PARTITION, not stack.partition: the latter is a literal only under some flags.
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:s3:::${bucketName}` },
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    });
    const result = this.accessLogsBucket.addToResourcePolicy(statement);
    if (result.statementAdded && result.policyDependable) {
      cfnBucket.node.addDependency(result.policyDependable);
    } else {
      Annotations.of(this).addWarningV2(
        ACCESS_LOGS_POLICY_NOT_ADDED_WARNING,
        `Cannot add the log-delivery statement to the imported accessLogsBucket. Allow it yourself: ` +
          `${JSON.stringify(stack.resolve(statement.toStatementJson()))}`,
      );
    }
  }
}
