import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, type NagRuleResult, rules } from 'cdk-nag';
import { ComplianceFramework, type DataPlatformRule, RuleOrigin } from './rule';
import {
  AthenaResultsKMSEncrypted,
  AthenaWorkGroupEnforced,
  FirehoseS3DestinationKMS,
  GlueCatalogEncrypted,
  GlueConnectionPasswordEncrypted,
  GlueJobEncrypted,
  KinesisStreamKMSEncrypted,
  LakeFormationNoIAMAllowedPrincipals,
  RedshiftServerlessEnhancedVpcRouting,
  RedshiftServerlessNamespaceKMS,
  RedshiftServerlessWorkgroupNotPublic,
  S3DataBucketKMSEncrypted,
  SchedulerScheduleKMS,
  StepFunctionsStateMachineKMS,
  StepFunctionsStateMachineLogged,
} from './rules';
import type { PackSection } from '../../core/internal';

const HIPAA = ComplianceFramework.HIPAA_SECURITY;
const NIST = ComplianceFramework.NIST_800_53_R5;
const PCI = ComplianceFramework.PCI_DSS_321;
const ALL = [HIPAA, NIST, PCI];

/** A cdk-nag rule function, curated unchanged; its function name is the rule name. */
function curated(
  rule: (node: CfnResource) => NagRuleResult,
  frameworks: readonly ComplianceFramework[],
  info: string,
  explanation: string,
  level: NagMessageLevel = NagMessageLevel.ERROR,
): DataPlatformRule {
  return { name: rule.name, info, explanation, level, origin: RuleOrigin.CDK_NAG, frameworks, rule };
}

/**
 * The rules of cdk-nag's HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1 packs that fit a data
 * platform, unchanged (each keeps cdk-nag's name; `frameworks` lists the packs that hold it).
 * What is left out, and why, is listed on {@link DataPlatformChecks}.
 */
export const CURATED_RULES: readonly DataPlatformRule[] = [
  // S3: the lake's storage. (S3DefaultEncryptionKMS is replaced by the kit's S3DataBucketKMSEncrypted.)
  curated(
    rules.s3.S3BucketLevelPublicAccessProhibited,
    ALL,
    'The S3 bucket does not block public access with all four bucket-level Block Public Access settings.',
    'Bucket-level Block Public Access keeps a policy or ACL mistake from exposing lake data.',
  ),
  curated(
    rules.s3.S3BucketPublicReadProhibited,
    ALL,
    'The S3 bucket does not prohibit public read access (Block Public Access, bucket ACL and policy).',
    'Lake data must never be readable by anyone on the internet.',
  ),
  curated(
    rules.s3.S3BucketPublicWriteProhibited,
    ALL,
    'The S3 bucket does not prohibit public write access (Block Public Access, bucket ACL and policy).',
    'Public write lets anyone plant or overwrite data that pipelines then trust.',
  ),
  curated(
    rules.s3.S3BucketSSLRequestsOnly,
    ALL,
    'The S3 bucket or its policy does not deny requests without TLS (aws:SecureTransport).',
    'Data in transit must be encrypted; a deny on aws:SecureTransport=false enforces it for every caller.',
  ),
  curated(
    rules.s3.S3BucketLoggingEnabled,
    ALL,
    'The S3 bucket does not have server access logging enabled.',
    'Access logs are the audit trail of who read and wrote lake data.',
  ),
  curated(
    rules.s3.S3BucketVersioningEnabled,
    ALL,
    'The S3 bucket does not have versioning enabled.',
    'Versioning makes overwritten and deleted objects recoverable.',
  ),
  // KMS: the platform key.
  curated(
    rules.kms.KMSBackingKeyRotationEnabled,
    [NIST, PCI],
    'The KMS symmetric key does not have automatic rotation enabled.',
    'Rotation limits how much data one key version protects.',
  ),
  // CloudTrail: data-event auditing.
  curated(
    rules.cloudtrail.CloudTrailCloudWatchLogsEnabled,
    ALL,
    'The CloudTrail trail does not send events to CloudWatch Logs.',
    'CloudWatch Logs lets alarms act on data-access events as they happen.',
  ),
  curated(
    rules.cloudtrail.CloudTrailEncryptionEnabled,
    ALL,
    'The CloudTrail trail is not encrypted with a KMS key.',
    'Trails record who touched which data; they need the same protection as the data.',
  ),
  curated(
    rules.cloudtrail.CloudTrailLogFileValidationEnabled,
    ALL,
    'The CloudTrail trail does not have log file validation enabled.',
    'Validation proves the audit trail was not altered.',
  ),
  // CloudWatch: pipeline and warehouse logs, alarms.
  curated(
    rules.cloudwatch.CloudWatchLogGroupEncrypted,
    ALL,
    'The CloudWatch log group is not encrypted with a KMS key.',
    'Job and query logs often echo records, keys and schemas; they are data too.',
  ),
  curated(
    rules.cloudwatch.CloudWatchLogGroupRetentionPeriod,
    ALL,
    'The CloudWatch log group has no explicit retention period.',
    'Logs kept forever hold data past its retention; logs kept too briefly lose the audit trail.',
  ),
  curated(
    rules.cloudwatch.CloudWatchAlarmAction,
    [HIPAA, NIST],
    'The CloudWatch alarm has no alarm, OK or INSUFFICIENT_DATA action.',
    'An alarm that notifies nobody does not protect a pipeline.',
  ),
  // IAM: least privilege (never `*` on `*`, never a service's `*`).
  curated(
    rules.iam.IAMPolicyNoStatementsWithAdminAccess,
    ALL,
    'The IAM policy allows all actions on all resources.',
    'Personas and jobs get the actions their intent needs on the resources it names, never admin access.',
  ),
  curated(
    rules.iam.IAMPolicyNoStatementsWithFullAccess,
    ALL,
    "The IAM policy allows every action of a service (e.g. 's3:*').",
    'A service-wide wildcard grants deletion and policy changes along with reads; grants name their actions.',
  ),
  // Lambda: functions that touch the platform.
  curated(
    rules.lambda.LambdaFunctionPublicAccessProhibited,
    ALL,
    'A Lambda permission lets anyone invoke the function.',
    'A publicly invocable function is an unauthenticated path into the platform.',
  ),
  // Redshift provisioned clusters: the warehouse.
  curated(
    rules.redshift.RedshiftClusterPublicAccess,
    ALL,
    'The Redshift cluster is publicly accessible.',
    'The warehouse must be reachable from inside the network only.',
  ),
  curated(
    rules.redshift.RedshiftClusterConfiguration,
    ALL,
    'The Redshift cluster does not have both encryption and audit logging enabled.',
    'Warehouse data must be encrypted at rest and its access audited.',
  ),
  curated(
    rules.redshift.RedshiftRequireTlsSSL,
    ALL,
    'The Redshift cluster does not require TLS connections.',
    'Query traffic carries data; it must be encrypted in transit.',
  ),
  curated(
    rules.redshift.RedshiftEnhancedVPCRoutingEnabled,
    ALL,
    'The Redshift cluster does not have enhanced VPC routing enabled.',
    'COPY and UNLOAD traffic should stay in the VPC, under its endpoint policies and flow logs.',
  ),
  curated(
    rules.redshift.RedshiftBackupEnabled,
    [HIPAA, NIST],
    'The Redshift cluster does not keep automated snapshots for 1 to 35 days.',
    'Snapshots make the warehouse recoverable.',
  ),
  curated(
    rules.redshift.RedshiftClusterMaintenanceSettings,
    ALL,
    'The Redshift cluster does not have version upgrades, snapshot retention and a maintenance window.',
    'Patched, recoverable clusters close known vulnerabilities without losing data.',
  ),
  // EMR clusters: processing.
  curated(
    rules.emr.EMRKerberosEnabled,
    [HIPAA, PCI],
    'The EMR cluster does not have Kerberos authentication enabled.',
    'Kerberos authenticates users and services on shared processing clusters.',
  ),
  // Secrets Manager: source-system credentials.
  curated(
    rules.secretsmanager.SecretsManagerUsingKMSKey,
    ALL,
    'The secret is not encrypted with a customer-managed KMS key.',
    'Source credentials unlock data outside the platform; they belong under the platform key.',
  ),
  curated(
    rules.secretsmanager.SecretsManagerRotationEnabled,
    [HIPAA, NIST],
    'The secret has no automatic rotation scheduled.',
    'Rotated credentials limit the use of a leaked one.',
  ),
  // SNS: alert topics.
  curated(
    rules.sns.SNSEncryptedKMS,
    ALL,
    'The SNS topic is not encrypted with a KMS key.',
    'Alert messages carry resource names and sometimes records.',
  ),
  // DynamoDB: serving and state tables.
  curated(
    rules.dynamodb.DynamoDBPITREnabled,
    [HIPAA, NIST],
    'The DynamoDB table does not have point-in-time recovery enabled.',
    'Point-in-time recovery makes serving tables recoverable after a bad write.',
  ),
  // Network of the warehouse and processing.
  curated(
    rules.vpc.VPCFlowLogsEnabled,
    ALL,
    'The VPC has no flow log.',
    'Flow logs record which hosts moved data in and out of the platform network.',
  ),
  curated(
    rules.vpc.VPCDefaultSecurityGroupClosed,
    ALL,
    "The VPC's default security group allows inbound or outbound traffic.",
    'Resources that fall back to the default group should get no network access.',
    NagMessageLevel.WARN,
  ),
  curated(
    rules.vpc.VPCNoUnrestrictedRouteToIGW,
    ALL,
    "A route table sends '0.0.0.0/0' or '::/0' to an internet gateway.",
    'Data services belong in private subnets, without a direct route to the internet.',
  ),
  curated(
    rules.vpc.VPCSubnetAutoAssignPublicIpDisabled,
    ALL,
    'The subnet assigns public IP addresses automatically.',
    'Warehouse and processing nodes must not get public addresses by default.',
  ),
  curated(
    rules.ec2.EC2RestrictedSSH,
    ALL,
    'A security group allows SSH from anywhere.',
    'Open SSH exposes processing and bastion hosts to the internet.',
  ),
  curated(
    rules.ec2.EC2RestrictedCommonPorts,
    ALL,
    'A security group allows common ports (20, 21, 3389, 3306, 4333) from anywhere.',
    'Database and remote-access ports open to the internet expose the platform.',
  ),
];

/** The kit's own data-platform rules, one file each under `rules/`. */
export const KIT_RULES: readonly DataPlatformRule[] = [
  S3DataBucketKMSEncrypted,
  GlueCatalogEncrypted,
  GlueConnectionPasswordEncrypted,
  AthenaWorkGroupEnforced,
  AthenaResultsKMSEncrypted,
  LakeFormationNoIAMAllowedPrincipals,
  RedshiftServerlessWorkgroupNotPublic,
  RedshiftServerlessEnhancedVpcRouting,
  RedshiftServerlessNamespaceKMS,
  FirehoseS3DestinationKMS,
  KinesisStreamKMSEncrypted,
  GlueJobEncrypted,
  StepFunctionsStateMachineKMS,
  StepFunctionsStateMachineLogged,
  SchedulerScheduleKMS,
];

/**
 * The pack table of {@link DataPlatformChecks}: the curated cdk-nag rules, then the kit's own.
 * Each finding id is `DPK-AWS-<name>`.
 *
 * @example
 * DATA_PLATFORM_RULES.map(ruleId); // ['DPK-AWS-S3BucketLevelPublicAccessProhibited', …]
 */
export const DATA_PLATFORM_RULES: readonly DataPlatformRule[] = [...CURATED_RULES, ...KIT_RULES];

/** The pack's rules as `docs/rules/aws.md` lists them: the kit's own first, then the curated ones. */
export const PACK_SECTIONS: readonly PackSection<DataPlatformRule>[] = [
  { title: "The kit's own rules", rules: KIT_RULES },
  { title: 'Curated from cdk-nag (HIPAA Security, NIST 800-53 R5, PCI DSS 3.2.1)', rules: CURATED_RULES },
];
