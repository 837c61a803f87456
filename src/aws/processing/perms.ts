import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import type { IEncryptionKey } from '../security/encryption-key';

/**
 * What a Spark job's role may do besides the lake's zone grants (read on the source zone,
 * read-write on the target zone, from `ZONE_PERMISSIONS`).
 */
export interface SparkJobPermissions {
  /** Actions on the one script object. */
  readonly scriptActions: readonly string[];
  /** Actions on the source and target zone bucket ARNs (bucket metadata Spark's S3 client reads). */
  readonly bucketActions: readonly string[];
  /** Actions on the job's own log groups and their streams (SSE-KMS logging by Glue). */
  readonly logActions: readonly string[];
  /** Actions on the job's key: job bookmarks are client-side encrypted (CSE-KMS) as the role. */
  readonly keyActions: readonly string[];
  /** Actions on the job's network connection (and the catalog that holds it), in a network only. */
  readonly connectionActions: readonly string[];
  /** EC2 describe calls Glue makes before it places a run in the subnet (no resource-level permissions). */
  readonly networkDescribeActions: readonly string[];
  /** Creating the run's network interfaces: on new interfaces, the connection subnet and security group. */
  readonly networkInterfaceCreateActions: readonly string[];
  /** Deleting the run's network interfaces when it ends. */
  readonly networkInterfaceDeleteActions: readonly string[];
  /** Tagging the interfaces Glue creates, with its `aws-glue-service-resource` tag key only. */
  readonly networkTagActions: readonly string[];
}

/**
 * The one table of a Spark job's role, beyond the zone grants: AWS Glue's documented job policy
 * (`AWSGlueServiceRole`) narrowed to one job. No `glue:*`, no `s3:*`; every S3 action names the
 * script object or the job's two buckets, every log action the job's own log groups, every KMS
 * action the job's key (named exactly, no `*`). Scripts that use the Data Catalog need catalog
 * grants on `SparkJob.role` (`Catalog.grantRead` / `grantReadWrite`).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/create-service-policy.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/set-up-encryption.html
 * @example
 * SPARK_JOB_PERMISSIONS.keyActions; // ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']
 */
export const SPARK_JOB_PERMISSIONS: SparkJobPermissions = {
  scriptActions: ['s3:GetObject'],
  bucketActions: ['s3:GetBucketLocation'],
  logActions: ['logs:CreateLogGroup', 'logs:AssociateKmsKey', 'logs:CreateLogStream', 'logs:PutLogEvents'],
  keyActions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
  connectionActions: ['glue:GetConnection'],
  networkDescribeActions: [
    'ec2:DescribeVpcEndpoints',
    'ec2:DescribeRouteTables',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeSecurityGroups',
    'ec2:DescribeSubnets',
    'ec2:DescribeVpcAttribute',
  ],
  networkInterfaceCreateActions: ['ec2:CreateNetworkInterface'],
  networkInterfaceDeleteActions: ['ec2:DeleteNetworkInterface'],
  networkTagActions: ['ec2:CreateTags', 'ec2:DeleteTags'],
};

/**
 * What a principal may do to run a Spark job ({@link SparkJob.grantRun}): start runs, watch them
 * and stop them, on that one job. This is what a pipeline's `.sync` task needs.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/glue-iam.html
 * @example
 * SPARK_JOB_RUN_PERMISSIONS; // ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun']
 */
export const SPARK_JOB_RUN_PERMISSIONS: readonly string[] = [
  'glue:StartJobRun',
  'glue:GetJobRun',
  'glue:GetJobRuns',
  'glue:BatchStopJobRun',
];

/** The tag key Glue puts on the network interfaces it creates. */
export const GLUE_INTERFACE_TAG_KEY = 'aws-glue-service-resource';

/** What the job role's own statements are about. */
export interface SparkJobPolicyTargets {
  readonly scriptBucket: s3.IBucket;
  readonly scriptObjectKey: string;
  readonly buckets: readonly s3.IBucket[];
  /** ARNs of the job's log groups (`…:log-group:<name>`). */
  readonly logGroupArns: readonly string[];
  readonly key: IEncryptionKey;
  /** The network connection's name and the subnet and security group ids, in a network only. */
  readonly network?: {
    readonly connectionName: string;
    readonly subnetId: string;
    readonly securityGroupId: string;
  };
}

/** The job role's statements, and the wildcard resources among them (by what they are for). */
export interface SparkJobPolicy {
  readonly statements: iam.PolicyStatement[];
  /** `<log group ARN>:*`: the streams Glue names per run. */
  readonly logStreamWildcards: string[];
  /** `*` and `network-interface/*`, in a network only. */
  readonly networkWildcards: string[];
}

/** The job role's statements from {@link SPARK_JOB_PERMISSIONS}. */
export function sparkJobPolicy(scope: IConstruct, t: SparkJobPolicyTargets): SparkJobPolicy {
  const p = SPARK_JOB_PERMISSIONS;
  const stack = Stack.of(scope);
  const logStreamWildcards = t.logGroupArns.map((arn) => `${arn}:*`);
  const statements = [
    new iam.PolicyStatement({
      actions: [...p.scriptActions],
      resources: [t.scriptBucket.arnForObjects(t.scriptObjectKey)],
    }),
    new iam.PolicyStatement({ actions: [...p.bucketActions], resources: t.buckets.map((b) => b.bucketArn) }),
    new iam.PolicyStatement({
      actions: [...p.logActions],
      resources: [...t.logGroupArns, ...logStreamWildcards],
    }),
    new iam.PolicyStatement({ actions: [...p.keyActions], resources: [t.key.keyArn] }),
  ];
  if (t.scriptBucket.encryptionKey) {
    statements.push(
      new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [t.scriptBucket.encryptionKey.keyArn] }),
    );
  }
  const networkWildcards: string[] = [];
  if (t.network) {
    const ec2Arn = (resource: string, resourceName: string) =>
      stack.formatArn({ service: 'ec2', resource, resourceName });
    const interfaces = ec2Arn('network-interface', '*');
    networkWildcards.push('*', interfaces);
    statements.push(
      new iam.PolicyStatement({
        actions: [...p.connectionActions],
        resources: [
          stack.formatArn({ service: 'glue', resource: 'catalog' }),
          stack.formatArn({
            service: 'glue',
            resource: 'connection',
            resourceName: t.network.connectionName,
          }),
        ],
      }),
      new iam.PolicyStatement({ actions: [...p.networkDescribeActions], resources: ['*'] }),
      new iam.PolicyStatement({
        actions: [...p.networkInterfaceCreateActions],
        resources: [
          interfaces,
          ec2Arn('subnet', t.network.subnetId),
          ec2Arn('security-group', t.network.securityGroupId),
        ],
      }),
      new iam.PolicyStatement({ actions: [...p.networkInterfaceDeleteActions], resources: [interfaces] }),
      new iam.PolicyStatement({
        actions: [...p.networkTagActions],
        resources: [interfaces],
        conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': [GLUE_INTERFACE_TAG_KEY] } },
      }),
    );
  }
  return { statements, logStreamWildcards, networkWildcards };
}

/** Grants `grantee` {@link SPARK_JOB_RUN_PERMISSIONS} on the job `jobArn`. */
export function grantJobRun(grantee: iam.IGrantable, jobArn: string): iam.Grant {
  return iam.Grant.addToPrincipal({
    grantee,
    actions: [...SPARK_JOB_RUN_PERMISSIONS],
    resourceArns: [jobArn],
  });
}
