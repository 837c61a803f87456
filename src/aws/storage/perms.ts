import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { ZoneAccess } from '../../core/internal';
import type { IEncryptionKey } from '../security/encryption-key';

/** What one {@link ZoneAccess} allows on a zone's bucket, its objects and its key. */
export interface ZonePermissions {
  /** Actions on the bucket ARN itself. */
  readonly bucketActions: readonly string[];
  /** Actions on the bucket's objects (`<bucket ARN>/*`). */
  readonly objectActions: readonly string[];
  /** Actions on the zone's KMS key. */
  readonly keyActions: readonly string[];
}

const READ: ZonePermissions = {
  bucketActions: ['s3:ListBucket'],
  objectActions: ['s3:GetObject'],
  keyActions: ['kms:Decrypt'],
};

const WRITE: ZonePermissions = {
  bucketActions: ['s3:ListBucketMultipartUploads'],
  objectActions: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
  // SSE-KMS: a single PUT needs only kms:GenerateDataKey, but a multipart upload also needs
  // kms:Decrypt: S3 must decrypt and read the encrypted parts before it completes the upload.
  // GenerateDataKey is named exactly (no `*`): S3 calls no other GenerateDataKey* variant.
  // @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html#mpuAndPermissions
  keyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
};

const union = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())];

/**
 * The one table from intent to least-privilege actions on a zone. Never `s3:*`, never a
 * `*` resource: every action is scoped to one bucket, its objects and its key.
 * READ_WRITE adds `s3:DeleteObject` (a delete marker in a versioned bucket); no intent may
 * delete object versions, so the noncurrent-version window stays a recovery window.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * @example
 * ZONE_PERMISSIONS[ZoneAccess.READ].objectActions; // ['s3:GetObject']
 */
export const ZONE_PERMISSIONS: Readonly<Record<ZoneAccess, ZonePermissions>> = {
  [ZoneAccess.READ]: READ,
  [ZoneAccess.WRITE]: WRITE,
  [ZoneAccess.READ_WRITE]: {
    bucketActions: union(READ.bucketActions, WRITE.bucketActions),
    objectActions: union(READ.objectActions, WRITE.objectActions, ['s3:DeleteObject']),
    keyActions: union(READ.keyActions, WRITE.keyActions),
  },
};

/**
 * Grants `grantee` one intent on `bucket` (the bucket ARN and `<ARN>/*`, two statements) and
 * on `key`; returns the combined grant.
 */
export function grantZoneAccess(
  grantee: iam.IGrantable,
  bucket: s3.IBucket,
  key: IEncryptionKey,
  access: ZoneAccess,
): iam.Grant {
  const perms = ZONE_PERMISSIONS[access];
  const onBucket = iam.Grant.addToPrincipalOrResource({
    grantee,
    actions: [...perms.bucketActions],
    resourceArns: [bucket.bucketArn],
    resource: bucket,
  });
  const onObjects = iam.Grant.addToPrincipalOrResource({
    grantee,
    actions: [...perms.objectActions],
    resourceArns: [bucket.arnForObjects('*')],
    resource: bucket,
  });
  const onKey = key.key.grant(grantee, ...perms.keyActions);
  return onBucket.combine(onObjects).combine(onKey);
}
