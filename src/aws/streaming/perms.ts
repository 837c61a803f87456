import { Aws } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IEncryptionKey } from '../security/encryption-key';

/** What one stream intent allows on the Kinesis data stream and on its key. */
export interface StreamPermissions {
  /** Actions on the stream ARN. */
  readonly streamActions: readonly string[];
  /** Actions on the stream's KMS key. */
  readonly keyActions: readonly string[];
}

/** The intents a principal can be granted on a stream. */
export type StreamIntent = 'read' | 'write';

/**
 * The one table from intent to least-privilege actions on a stream: never `kinesis:*`, never a
 * `*` resource; every action is scoped to the stream and its key. Producers put records (and
 * list shards to route them); consumers read records and describe the stream. With SSE-KMS a
 * producer needs `kms:GenerateDataKey` and a consumer `kms:Decrypt`, named exactly (no `*`).
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/permissions-user-key-KMS.html
 * @example
 * STREAM_PERMISSIONS.write.streamActions; // ['kinesis:PutRecord', 'kinesis:PutRecords', …]
 */
export const STREAM_PERMISSIONS: Readonly<Record<StreamIntent, StreamPermissions>> = {
  write: {
    streamActions: [
      'kinesis:PutRecord',
      'kinesis:PutRecords',
      'kinesis:ListShards',
      'kinesis:DescribeStreamSummary',
    ],
    keyActions: ['kms:GenerateDataKey'],
  },
  read: {
    streamActions: [
      'kinesis:GetRecords',
      'kinesis:GetShardIterator',
      'kinesis:DescribeStream',
      'kinesis:DescribeStreamSummary',
      'kinesis:ListShards',
    ],
    keyActions: ['kms:Decrypt'],
  },
};

/** What the Firehose delivery role may do: read its one stream, write its prefixes, log its errors. */
export interface DeliveryPermissions {
  /** Actions on the source stream ARN. */
  readonly sourceActions: readonly string[];
  /** Actions on the source stream's key, only through Kinesis for that stream. */
  readonly sourceKeyActions: readonly string[];
  /** Actions on the destination bucket ARN (bucket metadata, never object contents). */
  readonly bucketActions: readonly string[];
  /** Actions on the delivery's own prefixes (`<bucket ARN>/<prefix>*`). */
  readonly objectActions: readonly string[];
  /** Actions on the destination key, only through S3 for that bucket and those prefixes. */
  readonly destinationKeyActions: readonly string[];
  /** Actions on the delivery's one log stream. */
  readonly logActions: readonly string[];
}

/**
 * The Firehose delivery role's table: AWS's documented policy for a Kinesis source and an S3
 * destination, narrowed. `s3:GetObject` is left out (Firehose writes, it never reads objects
 * back) and object actions are limited to the stream's data and error prefixes; KMS use is
 * conditioned on `kms:ViaService` and the encryption context (the stream ARN for Kinesis; the
 * bucket ARN, which S3 Bucket Keys use, or the prefixes for S3).
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-s3
 * @example
 * DELIVERY_PERMISSIONS.objectActions; // ['s3:PutObject', 's3:AbortMultipartUpload']
 */
export const DELIVERY_PERMISSIONS: DeliveryPermissions = {
  sourceActions: [
    'kinesis:DescribeStream',
    'kinesis:GetShardIterator',
    'kinesis:GetRecords',
    'kinesis:ListShards',
  ],
  sourceKeyActions: ['kms:Decrypt'],
  bucketActions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
  objectActions: ['s3:PutObject', 's3:AbortMultipartUpload'],
  destinationKeyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
  logActions: ['logs:PutLogEvents'],
};

/**
 * Grants `grantee` one intent on `stream` (a statement on the stream ARN: the grantee's policy,
 * or the stream's resource policy for another account) and on `key`; returns the combined grant.
 */
export function grantStreamAccess(
  grantee: iam.IGrantable,
  stream: kinesis.IStream,
  key: IEncryptionKey,
  intent: StreamIntent,
): iam.Grant {
  const perms = STREAM_PERMISSIONS[intent];
  const onStream = iam.Grant.addToPrincipalOrResource({
    grantee,
    actions: [...perms.streamActions],
    resourceArns: [stream.streamArn],
    resource: stream,
  });
  return onStream.combine(key.key.grant(grantee, ...perms.keyActions));
}

/** What the delivery role's policy is about. */
export interface DeliveryPolicyTargets {
  readonly stream: kinesis.IStream;
  readonly streamKey: IEncryptionKey;
  readonly bucket: s3.IBucket;
  readonly destinationKey: IEncryptionKey;
  /** The object prefixes the delivery writes to, each ending in '/'. */
  readonly prefixes: readonly string[];
  /** ARN of the one log stream delivery errors go to. */
  readonly logStreamArn: string;
}

/** The delivery role's statements, from {@link DELIVERY_PERMISSIONS}. */
export function deliveryPolicyStatements(targets: DeliveryPolicyTargets): iam.PolicyStatement[] {
  const p = DELIVERY_PERMISSIONS;
  const objectArns = targets.prefixes.map((prefix) => targets.bucket.arnForObjects(`${prefix}*`));
  return [
    new iam.PolicyStatement({ actions: [...p.sourceActions], resources: [targets.stream.streamArn] }),
    new iam.PolicyStatement({
      actions: [...p.sourceKeyActions],
      resources: [targets.streamKey.keyArn],
      conditions: {
        StringEquals: {
          'kms:ViaService': `kinesis.${Aws.REGION}.amazonaws.com`,
          'kms:EncryptionContext:aws:kinesis:arn': targets.stream.streamArn,
        },
      },
    }),
    new iam.PolicyStatement({ actions: [...p.bucketActions], resources: [targets.bucket.bucketArn] }),
    new iam.PolicyStatement({ actions: [...p.objectActions], resources: objectArns }),
    new iam.PolicyStatement({
      actions: [...p.destinationKeyActions],
      resources: [targets.destinationKey.keyArn],
      conditions: {
        StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` },
        StringLike: { 'kms:EncryptionContext:aws:s3:arn': [targets.bucket.bucketArn, ...objectArns] },
      },
    }),
    new iam.PolicyStatement({ actions: [...p.logActions], resources: [targets.logStreamArn] }),
  ];
}
