import type * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  constructIdFrom,
  findZone,
  validateImportedZones,
  ZoneAccess,
  type ZoneRef,
} from '../../../core/internal';
import { assertNotPublic } from '../../private/principals';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ILakeStorage, LakeStorageAttributes } from '../lake-storage';
import { LakeStorageBase } from '../lake-storage-base';
import { grantZoneAccess } from '../perms';

/**
 * An S3 bucket name an existing bucket may have: 3-63 of a-z, 0-9, '.' and '-', starting and
 * ending with a letter or digit, no '..', not an IP address.
 */
const S3_BUCKET_NAME = /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * A lake made in another stack or app: its zone buckets and key, imported by name. Grants go to
 * the grantee's IAM policy (the buckets' and key's own policies are their owner's); nothing is
 * created for the lake itself.
 */
export class ImportedLakeStorage extends LakeStorageBase implements ILakeStorage {
  public readonly zones: readonly ZoneRef[];
  public readonly zoneNames: readonly string[];
  public readonly encryptionKey: IEncryptionKey;
  private readonly buckets: Readonly<Record<string, s3.IBucket>>;

  constructor(scope: Construct, id: string, attrs: LakeStorageAttributes) {
    super(scope, id);
    this.zones = validateImportedZones(this, attrs.zones, 'bucketName', (prop, name) =>
      typeof name === 'string' && S3_BUCKET_NAME.test(name)
        ? undefined
        : {
            prop,
            received: name,
            allowed:
              "an S3 bucket name: 3-63 of a-z, 0-9, '.' and '-', starting and ending with a letter or digit",
          },
    );
    this.zoneNames = this.zones.map((z) => z.name);
    this.encryptionKey = attrs.encryptionKey;
    this.buckets = Object.fromEntries(
      attrs.zones.map((zone) => [
        zone.name,
        s3.Bucket.fromBucketAttributes(this, `${constructIdFrom(zone.name)}Bucket`, {
          bucketName: zone.bucketName,
          encryptionKey: attrs.encryptionKey.key,
        }),
      ]),
    );
  }

  public bucketFor(zone: string): s3.IBucket {
    return this.buckets[findZone(this, this.zones, zone).name];
  }

  public grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): iam.Grant {
    const bucket = this.bucketFor(zone);
    assertNotPublic(this, principal);
    return grantZoneAccess(principal, bucket, this.encryptionKey, access);
  }
}
