import { DataGoogleStorageProjectServiceAccount } from '@cdktf/provider-google/lib/data-google-storage-project-service-account';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { StorageBucket, type StorageBucketConfig } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import type { Construct, IConstruct } from 'constructs';
import { LakeStorageBase } from './lake-storage-base';
import { LOG_WRITER_ROLE, STORAGE_ANALYTICS_MEMBER } from './roles';
import { CommonDefaults, type LakeStorageCommonProps, type ZoneAccess } from '../../core/blocks';
import type { DataRemovalPolicy } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom, findZone, type ResolvedZone, ZoneDefaults, type ZoneRef } from '../../core/zones';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import { type IPrincipal, Principal } from '../iam/principal';
import { hardenedBucketConfig } from '../private/buckets';
import { grantOnZoneBucket, ImportedLakeStorage } from './private/lake-import';
import { type LakeSettings, resolveLakeSettings } from './private/lake-settings';
import { enableApis, GoogleApi, ProjectServices } from '../private/project-services';
import { retainData } from '../private/removal';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/** A zone's bucket as a lake's consumers see it: its name. */
export interface ZoneBucketRef {
  /** The bucket's name. */
  readonly name: string;
}

/**
 * A lake on Cloud Storage, as the kit's blocks use it: one bucket per zone, granted by intent.
 * Made by {@link LakeStorage} or imported with {@link LakeStorage.fromLakeStorageAttributes}.
 */
export interface ILakeStorage extends IConstruct {
  /** The zones, in order (a `LakeStorage` gives them with their lifecycle resolved). */
  readonly zones: readonly ZoneRef[];
  /** The zone names, in declaration order. */
  readonly zoneNames: readonly string[];
  /** The key every bucket is encrypted with. */
  readonly encryptionKey: IEncryptionKey;
  /** The bucket of `zone`; throws `DPK_UNKNOWN_ZONE` for a zone the lake does not have. */
  bucketFor(zone: string): ZoneBucketRef;
  /** Lets `principal` list and read objects in `zone`. */
  grantRead(principal: IPrincipal, zone: string): StorageBucketIamMember;
  /** Lets `principal` create objects in `zone` (create-only on GCP). */
  grantWrite(principal: IPrincipal, zone: string): StorageBucketIamMember;
  /** Lets `principal` read, create, overwrite and delete objects in `zone`. */
  grantReadWrite(principal: IPrincipal, zone: string): StorageBucketIamMember;
  /** Grants `access` on `zone`'s bucket (see `ZONE_ROLES`). */
  grant(principal: IPrincipal, zone: string, access: ZoneAccess): StorageBucketIamMember;
}

/** One zone of a lake made elsewhere. */
export interface LakeZoneAttributes {
  /** The zone's name (as the owning stack declared it). */
  readonly name: string;
  /** Name of the zone's bucket. */
  readonly bucketName: string;
}

/** What identifies a lake made in another stack or project: each zone's bucket, and the key. */
export interface LakeStorageAttributes {
  /** The zones, in order: at least one, each name once, each in its own bucket. */
  readonly zones: readonly LakeZoneAttributes[];
  /** The key the buckets are encrypted with (e.g. `EncryptionKey.fromCryptoKeyId`). */
  readonly encryptionKey: IEncryptionKey;
  /**
   * The buckets' project; a `Catalog` on the lake defaults its project to it.
   * @default - unknown (a catalog then uses its own project or the provider's)
   */
  readonly project?: string;
  /**
   * The buckets' location (`europe-west1`, `EU`, …), checked against the key's; a `Catalog` on
   * the lake defaults its location to it.
   * @default - unknown (a catalog then needs its own `location`)
   */
  readonly location?: string;
}

/** Props of {@link LakeStorage}. */
export interface LakeStorageProps extends LakeStorageCommonProps {
  /**
   * Project that owns the buckets (and the kit-made key).
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Bucket location: a region like `europe-west1`, or one of the multi-regions `EU`, `US`,
   * `ASIA`. The key must be in the matching Cloud KMS location (`europe`, `us`, `asia`).
   */
  readonly location: string;
  /**
   * Key for every bucket (CMEK). Its location must match `location`.
   * @default - a new `EncryptionKey` (purpose `lake`) in the matching location
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Days deleted and overwritten objects stay restorable (soft delete), 7-90.
   * @default 7
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Physical name of the access-log bucket.
   * @default - `<platformName>-logs-<hash of the construct path>`
   */
  readonly logBucketName?: string;
  /**
   * Enable the Cloud Storage (and, for a kit-made key, Cloud KMS) APIs on the project.
   * @default true
   */
  readonly enableApis?: boolean;
  /**
   * Cloud Storage usage logs: a log bucket that every zone bucket logs to. Cloud Storage writes
   * them as `group:cloud-storage-analytics@google.com`, which the log bucket must grant; an
   * organization policy `iam.allowedPolicyMemberDomains` rejects that grant.
   * @default false
   */
  readonly usageLogs?: boolean;
  /**
   * Cloud Audit Logs data-access logs (DATA_READ, DATA_WRITE) for Cloud Storage on the project
   * (`google_project_iam_audit_config`): who read and wrote which object. Project-wide and
   * authoritative for the storage service's audit config; turn it off when the project's audit
   * config is managed elsewhere.
   * @default true
   */
  readonly dataAccessLogs?: boolean;
}

/**
 * Lake storage on Cloud Storage: one bucket per zone plus an access-log bucket, all encrypted
 * with a customer-managed Cloud KMS key.
 *
 * Secure defaults on every bucket: uniform bucket-level access, public access prevention
 * `enforced`, versioning, soft delete (7 days), CMEK, `force_destroy = false`, labels, and
 * `prevent_destroy` unless DESTROY is both requested and allowed by the
 * `data-platform-kit:removeDataOnDestroy` flag (even then, non-empty buckets are never emptied;
 * such buckets state that choice, and `checkCompliance` lists their prevent-destroy finding as
 * acknowledged with that reason).
 * Zone buckets log usage to the log bucket under the zone's prefix and move STANDARD objects to
 * NEARLINE after `coolAfterDays`; noncurrent versions expire after
 * `noncurrentVersionExpirationDays`. Log objects expire after `accessLogRetentionDays`.
 *
 * Deployable as is: the project's Cloud Storage service agent is granted
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key and every bucket depends on that
 * grant; `cloud-storage-analytics@google.com` may write to the log bucket; the Storage API is
 * enabled first. Deployer prerequisite: `roles/storage.admin`, `roles/cloudkms.admin` (to set
 * the key's IAM policy) and, while `enableApis` is on, `roles/serviceusage.serviceUsageAdmin`.
 *
 * Escape hatches (supported, see docs/escape-hatches.md): `buckets`, `logBucket`,
 * `logWriterGrant`, `dataAccessAuditConfig`, `keyGrantWait`, `serviceAgent`,
 * `serviceAgentKeyGrant` and `apiServices` are the Terraform resources behind the guarantees
 * above, exposed so another block or an app can depend on them (`dependsOn`) or override an
 * argument the kit does not model. Changing them can break a guarantee; the kit's packs still
 * check the result.
 *
 * @see https://cloud.google.com/storage/docs/encryption/customer-managed-keys
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
 * lake.grantRead(Principal.group('analysts@acme.com'), 'serving');
 */
export class LakeStorage extends LakeStorageBase implements ILakeStorage {
  /** Days soft-deleted objects stay restorable. */
  public static readonly DEFAULT_SOFT_DELETE_RETENTION_DAYS = 7;
  /** Soft delete retention Cloud Storage allows, in days: 7 to 90. */
  public static readonly SOFT_DELETE_RETENTION_DAYS_RANGE = { min: 7, max: 90 } as const;
  /** Days access logs are kept. */
  public static readonly DEFAULT_ACCESS_LOG_RETENTION_DAYS = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Days access logs may be kept (`accessLogRetentionDays`): `ZoneDefaults.LIFECYCLE_DAYS_RANGE`. */
  public static readonly ACCESS_LOG_RETENTION_DAYS_RANGE = ZoneDefaults.LIFECYCLE_DAYS_RANGE;
  /** Days overwritten log objects are kept (log objects are never rewritten in normal use). */
  public static readonly LOG_NONCURRENT_VERSION_EXPIRATION_DAYS =
    ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS_RANGE.min;
  /** Whether the kit enables the APIs it needs. */
  public static readonly DEFAULT_ENABLE_APIS = true;
  /** Whether Cloud Storage usage logs go to a log bucket. */
  public static readonly DEFAULT_USAGE_LOGS = false;
  /** Whether Cloud Audit Logs data-access logs are on for Cloud Storage. */
  public static readonly DEFAULT_DATA_ACCESS_LOGS = true;
  /** Seconds a fresh key grant is given to propagate before the first bucket uses the key. */
  public static readonly KEY_GRANT_PROPAGATION_SECONDS = 60;
  /** Storage class of new objects. */
  public static readonly STORAGE_CLASS = 'STANDARD';
  /** Storage class objects move to after `coolAfterDays`. */
  public static readonly COOL_STORAGE_CLASS = 'NEARLINE';

  /**
   * Imports a lake made in another stack or project, so pipelines, jobs, streams and catalogs
   * can use it and grant on it. Nothing is created for it: its buckets' lifecycle, logging and
   * IAM beyond the grants stay their owner's. Throws `DPK_NO_ZONES`, `DPK_INVALID_ZONE`,
   * `DPK_DUPLICATE_ZONE`, `DPK_INVALID_NAME` (a malformed or shared bucket name) or
   * `DPK_INVALID_LOCATION` (a key outside the buckets' location).
   *
   * @example
   * const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
   *   zones: [{ name: 'raw', bucketName: 'sales-raw-1a2b3c4d' }, { name: 'curated', bucketName: 'sales-curated-1a2b3c4d' }],
   *   encryptionKey: EncryptionKey.fromCryptoKeyId(stack, 'SalesKey', salesKeyId),
   *   project: 'acme-sales',
   *   location: 'europe-west1',
   * });
   */
  public static fromLakeStorageAttributes(
    scope: Construct,
    id: string,
    attrs: LakeStorageAttributes,
  ): ILakeStorage {
    return new ImportedLakeStorage(scope, id, attrs);
  }

  public readonly zones: readonly ResolvedZone[];
  public readonly zoneNames: readonly string[];
  public readonly encryptionKey: IEncryptionKey;
  /** The project, or undefined for the provider's project. */
  public readonly project?: string;
  /** The bucket location. */
  public readonly location: string;
  /** The `google_storage_bucket` of each zone, by zone name. */
  public readonly buckets: Readonly<Record<string, StorageBucket>>;
  /** The access-log `google_storage_bucket`, with `usageLogs`. */
  public readonly logBucket?: StorageBucket;
  /** `cloud-storage-analytics@google.com` as object creator on the log bucket, with `usageLogs`. */
  public readonly logWriterGrant?: StorageBucketIamMember;
  /** The project's data-access audit config for Cloud Storage, with `dataAccessLogs`. */
  public readonly dataAccessAuditConfig?: ProjectIamAuditConfig;
  /** The wait between the storage agent's key grant and the first bucket (IAM propagation). */
  public readonly keyGrantWait: Sleep;
  /** The `google_storage_project_service_account` lookup (the Cloud Storage service agent). */
  public readonly serviceAgent: DataGoogleStorageProjectServiceAccount;
  /** The service agent's `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key; buckets depend on it. */
  public readonly serviceAgentKeyGrant: KmsCryptoKeyIamMember;
  /** The `google_project_service` resources the buckets wait for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: LakeStorageProps) {
    super(scope, id);
    const settings = resolveLakeSettings(this, props, LakeStorage);
    this.project = settings.project;
    this.location = settings.location;
    this.zones = settings.zones;
    this.zoneNames = this.zones.map((z) => z.name);
    this.encryptionKey = props.encryptionKey ?? this.createKey(settings, props.removalPolicy);
    this.apiServices = enableApis(this, settings.enableApis, this.project, GoogleApi.STORAGE);
    this.serviceAgent = this.createServiceAgent();
    this.serviceAgentKeyGrant = this.createServiceAgentKeyGrant();
    this.keyGrantWait = propagationWait(
      this,
      'KeyGrantWait',
      [this.serviceAgentKeyGrant],
      LakeStorage.KEY_GRANT_PROPAGATION_SECONDS,
    );
    if (settings.logBucketName !== undefined) {
      this.logBucket = this.createLogBucket(settings, settings.logBucketName);
      this.logWriterGrant = this.createLogWriterGrant(this.logBucket);
    }
    this.dataAccessAuditConfig = settings.dataAccessLogs ? this.createDataAccessLogs() : undefined;
    this.buckets = Object.fromEntries(
      this.zones.map((zone) => [zone.name, this.createZoneBucket(settings, zone)]),
    );
    retainData(this, settings.removal, [
      ...(this.logBucket ? [this.logBucket] : []),
      ...Object.values(this.buckets),
    ]);
  }

  public bucketFor(zone: string): StorageBucket {
    return this.buckets[findZone(this, this.zones, zone).name];
  }

  /**
   * Grants `access` on `zone`'s bucket only, as the predefined role in `ZONE_ROLES`; granting the
   * same principal the same access twice returns the first resource. No key grant is needed.
   */
  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): StorageBucketIamMember {
    const name = findZone(this, this.zones, zone).name;
    return grantOnZoneBucket(this, this.bucketFor(name).name, name, access, principal);
  }

  /** The lake's own key (purpose `lake`) in the matching Cloud KMS location, when none is given. */
  private createKey(s: LakeSettings, removalPolicy: DataRemovalPolicy | undefined): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: s.platform,
      purpose: 'lake',
      project: s.project,
      location: s.location,
      removalPolicy,
      enableApis: s.enableApis,
      tags: s.tags,
    });
  }

  /**
   * The Cloud Storage service agent lookup. No depends_on: its email feeds the key grant's
   * member, which must stay known at plan (storage.googleapis.com is on in every new project;
   * see docs/deploying-gcp.md).
   */
  private createServiceAgent(): DataGoogleStorageProjectServiceAccount {
    return new DataGoogleStorageProjectServiceAccount(this, 'StorageServiceAgent', { project: this.project });
  }

  /** The service agent's grant on the key: one per project on a shared key, however many lakes use it. */
  private createServiceAgentKeyGrant(): KmsCryptoKeyIamMember {
    const agentKey = isUnresolved(this.project ?? '')
      ? this.node.path
      : (this.project ?? '<provider project>');
    return this.encryptionKey.grantEncryptDecrypt(
      Principal.fromMember(
        `serviceAccount:${this.serviceAgent.emailAddress}`,
        `storage-service-agent:${agentKey}`,
      ),
    );
  }

  /** A bucket config with the kit's hardening, after the key grant, `deps` and the APIs. */
  private hardened(
    s: LakeSettings,
    name: string,
    labels: Tags,
    deps: ITerraformDependable[],
  ): StorageBucketConfig {
    return hardenedBucketConfig({
      project: this.project,
      location: this.location,
      name,
      kmsKeyName: this.encryptionKey.cryptoKeyId,
      softDeleteSeconds: s.softDeleteSeconds,
      labels,
      dependsOn: [this.keyGrantWait, ...deps, ...this.apiServices],
    });
  }

  /** The access-log bucket (`usageLogs`): log objects expire after `accessLogRetentionDays`. */
  private createLogBucket(s: LakeSettings, name: string): StorageBucket {
    return new StorageBucket(this, 'LogBucket', {
      ...this.hardened(s, name, resourceTags(this, TagRules.GCP, s.platform, s.tags), []),
      lifecycleRule: [
        { action: { type: 'Delete' }, condition: { age: s.logRetentionDays } },
        {
          action: { type: 'Delete' },
          condition: {
            daysSinceNoncurrentTime: LakeStorage.LOG_NONCURRENT_VERSION_EXPIRATION_DAYS,
            withState: 'ARCHIVED',
          },
        },
      ],
    });
  }

  /** `cloud-storage-analytics@google.com` as object creator on the log bucket. */
  private createLogWriterGrant(logBucket: StorageBucket): StorageBucketIamMember {
    return new StorageBucketIamMember(this, 'LogWriter', {
      bucket: logBucket.name,
      role: LOG_WRITER_ROLE,
      member: STORAGE_ANALYTICS_MEMBER,
    });
  }

  /** The project's data-access audit config for Cloud Storage (shared in the stack). */
  private createDataAccessLogs(): ProjectIamAuditConfig {
    return ProjectServices.of(this).dataAccessLogs(this, this.project, GoogleApi.STORAGE);
  }

  /** `zone`'s bucket: usage logs under the zone's prefix, cooling and noncurrent-version expiry. */
  private createZoneBucket(s: LakeSettings, zone: ResolvedZone): StorageBucket {
    return new StorageBucket(this, `${constructIdFrom(zone.name)}Bucket`, {
      ...this.hardened(
        s,
        s.bucketNames[zone.name],
        resourceTags(this, TagRules.GCP, s.platform, s.tags, zone.name),
        this.logWriterGrant ? [this.logWriterGrant] : [],
      ),
      logging: this.logBucket ? { logBucket: this.logBucket.name, logObjectPrefix: zone.name } : undefined,
      lifecycleRule: [
        ...(zone.coolAfterDays === undefined
          ? []
          : [
              {
                action: { type: 'SetStorageClass', storageClass: LakeStorage.COOL_STORAGE_CLASS },
                condition: { age: zone.coolAfterDays, matchesStorageClass: [LakeStorage.STORAGE_CLASS] },
              },
            ]),
        {
          action: { type: 'Delete' },
          condition: { daysSinceNoncurrentTime: zone.noncurrentVersionExpirationDays, withState: 'ARCHIVED' },
        },
      ],
    });
  }
}
