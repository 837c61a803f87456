import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';
import {
  constructIdFrom,
  ErrorCode,
  findZone,
  isUnresolved,
  validateImportedZones,
  ValidationError,
  ZoneAccess,
  type ZoneRef,
} from '../../../core/internal';
import type { IPrincipal } from '../../iam/principal';
import { kmsLocationFor, validateLocation } from '../../private/location';
import { grantSuffix } from '../../private/members';
import { validateProject } from '../../private/project';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ILakeStorage, LakeStorageAttributes, ZoneBucketRef } from '../lake-storage';
import { LakeStorageBase } from '../lake-storage-base';
import { ZONE_ROLES } from '../roles';

/**
 * A GCS bucket name an existing bucket may have: 3-63 of a-z, 0-9, '_', '-' and '.', starting
 * and ending with a letter or digit (dotted names up to 222 are not accepted here).
 */
const GCS_BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

/**
 * Grants `access` on `zone`'s bucket as the predefined role in `ZONE_ROLES`, a child of `scope`;
 * granting the same principal the same access twice returns the first resource. Shared by the
 * kit's lake and an imported one, so both make the same `google_storage_bucket_iam_member`.
 */
export function grantOnZoneBucket(
  scope: Construct,
  bucketName: string,
  zone: string,
  access: ZoneAccess,
  principal: IPrincipal,
): StorageBucketIamMember {
  const id = `${constructIdFrom(access)}${constructIdFrom(zone)}${grantSuffix(scope, principal)}`;
  return (
    (scope.node.tryFindChild(id) as StorageBucketIamMember | undefined) ??
    new StorageBucketIamMember(scope, id, {
      bucket: bucketName,
      role: ZONE_ROLES[access],
      member: principal.iamMember,
    })
  );
}

/**
 * A lake made in another stack or project: its zone buckets by name and its key. Grants add
 * bucket IAM members; nothing is created for the lake itself (no bucket, lifecycle, logging or
 * key grant for the storage agent).
 */
export class ImportedLakeStorage extends LakeStorageBase implements ILakeStorage {
  public readonly zones: readonly ZoneRef[];
  public readonly zoneNames: readonly string[];
  public readonly encryptionKey: IEncryptionKey;
  /** The buckets' project, when given. */
  public readonly project?: string;
  /** The buckets' location, when given. */
  public readonly location?: string;
  private readonly bucketNames: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, attrs: LakeStorageAttributes) {
    super(scope, id);
    this.zones = validateImportedZones(this, attrs.zones, 'bucketName', (prop, name) =>
      typeof name === 'string' && GCS_BUCKET_NAME.test(name)
        ? undefined
        : {
            prop,
            received: name,
            allowed:
              "a Cloud Storage bucket name: 3-63 of a-z, 0-9, '_', '-' and '.', starting and ending with a letter or digit",
          },
    );
    this.zoneNames = this.zones.map((z) => z.name);
    this.encryptionKey = attrs.encryptionKey;
    this.project = validateProject(this, attrs.project);
    this.location = attrs.location === undefined ? undefined : validateLocation(this, attrs.location);
    this.checkKeyLocation();
    this.bucketNames = Object.fromEntries(attrs.zones.map((z) => [z.name, z.bucketName]));
  }

  public bucketFor(zone: string): ZoneBucketRef {
    return { name: this.bucketNames[findZone(this, this.zones, zone).name] };
  }

  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): StorageBucketIamMember {
    const name = findZone(this, this.zones, zone).name;
    return grantOnZoneBucket(this, this.bucketNames[name], name, access, principal);
  }

  /** The key must be in the Cloud KMS location of the buckets, when both are known. */
  private checkKeyLocation(): void {
    if (this.location === undefined) return;
    const expected = kmsLocationFor(this.location);
    const actual = this.encryptionKey.location;
    if (isUnresolved(expected) || isUnresolved(actual) || actual === expected) return;
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
      prop: 'encryptionKey',
      received: actual,
      allowed: `a key in Cloud KMS location ${JSON.stringify(expected)}, matching the bucket location ${JSON.stringify(this.location)}`,
    });
  }
}
