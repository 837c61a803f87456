import { Annotations, Aws, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { IEncryptionKey } from '../../security/encryption-key';
import { ACCESS_LOGS_POLICY_NOT_ADDED_WARNING } from '../../storage/lake-storage';

/** What a kit-hardened bucket is made of. */
export interface KitBucketOptions {
  readonly bucketName: string;
  readonly key: IEncryptionKey;
  readonly removalPolicy: RemovalPolicy;
  /** SSE-S3 bucket that receives the server access logs, under `logPrefix`. */
  readonly accessLogsBucket: s3.IBucket;
  readonly logPrefix: string;
  /** Days before current objects expire. */
  readonly expirationDays: number;
  /** Days noncurrent versions are kept. */
  readonly noncurrentVersionExpirationDays: number;
  readonly abortIncompleteMultipartUploadDays: number;
}

/**
 * A bucket with the lake's guarantees (SSE-KMS with the kit's key and Bucket Keys, TLS 1.2+
 * only, Block Public Access, ACLs disabled, versioning, server access logs, a lifecycle) for data
 * the platform derives, such as query results. Access logs are allowed by a bucket-policy
 * statement on the log bucket (`aws:SourceArn` built from the name, so the bucket can depend on
 * it), never ACLs; for an imported log bucket the kit warns with the statement to add.
 */
export function kitBucket(scope: Construct, id: string, options: KitBucketOptions): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    bucketName: options.bucketName,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: options.key.key,
    bucketKeyEnabled: true,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: options.removalPolicy,
    lifecycleRules: [
      {
        id: 'Retention',
        expiration: Duration.days(options.expirationDays),
        noncurrentVersionExpiration: Duration.days(options.noncurrentVersionExpirationDays),
        abortIncompleteMultipartUploadAfter: Duration.days(options.abortIncompleteMultipartUploadDays),
      },
    ],
  });
  const stack = Stack.of(scope);
  const cfnBucket = bucket.node.defaultChild as s3.CfnBucket;
  cfnBucket.loggingConfiguration = {
    destinationBucketName: options.accessLogsBucket.bucketName,
    logFilePrefix: options.logPrefix,
  };
  const statement = new iam.PolicyStatement({
    effect: iam.Effect.ALLOW,
    principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
    actions: ['s3:PutObject'],
    resources: [options.accessLogsBucket.arnForObjects(`${options.logPrefix}*`)],
    conditions: {
      ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:s3:::${options.bucketName}` },
      StringEquals: { 'aws:SourceAccount': stack.account },
    },
  });
  const result = options.accessLogsBucket.addToResourcePolicy(statement);
  if (result.statementAdded && result.policyDependable) {
    cfnBucket.node.addDependency(result.policyDependable);
  } else {
    Annotations.of(scope).addWarningV2(
      ACCESS_LOGS_POLICY_NOT_ADDED_WARNING,
      `Cannot add the log-delivery statement to the imported accessLogsBucket. Allow it yourself: ` +
        JSON.stringify(stack.resolve(statement.toStatementJson())),
    );
  }
  return bucket;
}
