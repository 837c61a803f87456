import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { kitBucket } from './kit-bucket';
import type { IEncryptionKey } from '../../security/encryption-key';
import { LakeStorage } from '../../storage/lake-storage';

/** What the warehouse's Athena side is made of. */
export interface AthenaWorkGroupOptions {
  readonly platform: string;
  readonly workGroupName: string;
  /** The results bucket's name (global: derived with the account and region). */
  readonly resultsBucketName: string;
  readonly key: IEncryptionKey;
  readonly removalPolicy: RemovalPolicy;
  /** SSE-S3 bucket receiving the results bucket's access logs under `athena-results/`. */
  readonly accessLogsBucket: s3.IBucket;
  readonly resultsRetentionDays: number;
  readonly resultsNoncurrentVersionExpirationDays: number;
  readonly bytesScannedCutoffPerQuery: number;
}

/**
 * A kit-hardened results bucket (retained, results expire) and an Athena workgroup that enforces
 * its configuration: SSE_KMS results with the kit's key in that bucket (owner checked), a scan
 * limit per query, CloudWatch metrics, engine version 3, and no recursive delete of saved queries.
 */
export function athenaWorkGroup(
  scope: Construct,
  options: AthenaWorkGroupOptions,
): { readonly resultsBucket: s3.Bucket; readonly workGroup: athena.CfnWorkGroup } {
  const stack = Stack.of(scope);
  const resultsBucket = kitBucket(scope, 'QueryResultsBucket', {
    bucketName: options.resultsBucketName,
    key: options.key,
    removalPolicy: options.removalPolicy,
    accessLogsBucket: options.accessLogsBucket,
    logPrefix: 'athena-results/',
    expirationDays: options.resultsRetentionDays,
    noncurrentVersionExpirationDays: options.resultsNoncurrentVersionExpirationDays,
    abortIncompleteMultipartUploadDays: LakeStorage.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS,
  });
  const workGroup = new athena.CfnWorkGroup(scope, 'AthenaWorkGroup', {
    name: options.workGroupName,
    description: `Queries over the ${options.platform} lake`,
    state: 'ENABLED',
    recursiveDeleteOption: false,
    workGroupConfiguration: {
      enforceWorkGroupConfiguration: true,
      publishCloudWatchMetricsEnabled: true,
      requesterPaysEnabled: false,
      bytesScannedCutoffPerQuery: options.bytesScannedCutoffPerQuery,
      engineVersion: { selectedEngineVersion: 'Athena engine version 3' },
      resultConfiguration: {
        outputLocation: `s3://${resultsBucket.bucketName}/`,
        expectedBucketOwner: stack.account,
        encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKey: options.key.keyArn },
      },
    },
  });
  workGroup.applyRemovalPolicy(options.removalPolicy);
  return { resultsBucket, workGroup };
}
