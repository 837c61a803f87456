import type { CfnResource } from 'aws-cdk-lib';
import { NagPack, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { acknowledgeFrameworkHelpersOnSynth } from './acknowledgements';
import { DATA_PLATFORM_RULES } from './pack';
import { DATA_PLATFORM_RULE_PREFIX, ruleId } from './rule';

/**
 * The kit's cdk-nag v3 pack for data platforms: a curated set of cdk-nag's HIPAA Security,
 * NIST 800-53 R5 and PCI DSS 3.2.1 rules, plus the kit's own rules for the data services those
 * packs do not check (Glue Data Catalog, Athena, Lake Formation, Redshift Serverless, Kinesis
 * streams, Firehose to S3, Glue jobs, Step Functions state machines, EventBridge Scheduler
 * schedules, and S3 encryption that knows access-log buckets). Findings are `DPK-AWS-<rule>`; the
 * table is {@link DATA_PLATFORM_RULES}. Run it next to `AwsSolutionsChecks`: some rules
 * overlap on purpose, so the pack also stands alone for a HIPAA, NIST or PCI review.
 *
 * Curated (cdk-nag rule functions, unchanged): S3 public access, TLS-only, access logging and
 * versioning; KMS rotation; CloudTrail log encryption, validation and CloudWatch delivery;
 * CloudWatch log-group encryption and retention, alarm actions; IAM admin and service-wide
 * access; public Lambda permissions; Redshift provisioned clusters; EMR Kerberos; Secrets
 * Manager KMS and rotation; SNS KMS; DynamoDB point-in-time recovery; VPC flow logs, default
 * security group, routes to internet gateways, public-IP subnets; open SSH and common ports.
 *
 * Left out of those three packs, and why:
 * - `IAMNoInlinePolicy`: every CDK grant writes the grantee's `DefaultPolicy`, an inline
 *   `AWS::IAM::Policy`, so the rule flags every grant and buries real findings. Least privilege
 *   is checked by `IAMPolicyNoStatementsWithAdminAccess` / `…FullAccess` here and by
 *   `AwsSolutions-IAM5`.
 * - `IAMUserNoPolicies`, `IAMUserGroupMembership`, `IAMGroupHasUsers`: governance of human IAM
 *   users and groups, an account-baseline concern; a data-platform app creates neither.
 * - `S3BucketReplicationEnabled`: cross-region replication is a disaster-recovery and
 *   data-residency decision (a second region, doubled storage) outside the kit's scope.
 *   Recovery comes from versioning, the noncurrent-version window and `DeletionPolicy: RetainExceptOnCreate`.
 *   (Object lock, `S3BucketDefaultLockEnabled`, is in none of the three packs and is not a kit
 *   default either: WORM retention conflicts with lifecycle expiry and erasure duties.)
 * - `S3DefaultEncryptionKMS`: replaced by `DPK-AWS-S3DataBucketKMSEncrypted`, which requires a
 *   customer-managed key and knows that server-access-log buckets must use SSE-S3.
 * - `LambdaConcurrency`, `LambdaDLQ`, `LambdaInsideVPC`: rules for application functions. They
 *   flag every CDK framework function (custom-resource providers, S3 notification and
 *   log-retention handlers) an app does not own; the kit processes data with Glue, EMR
 *   Serverless and Step Functions.
 * - `DynamoDBInBackupPlan`, `EC2EBSInBackupPlan`, `EFSInBackupPlan`, `RDSInBackupPlan`: they
 *   require an AWS Backup plan in the same app; backup plans are an account-level concern.
 *   `DynamoDBAutoScalingEnabled` is capacity management, not security.
 * - Compute, web and operational-database families: EC2 instances, ECS, Elastic Beanstalk,
 *   Auto Scaling, ELB/ALB, API Gateway, WAFv2, CodeBuild, SageMaker, OpenSearch, ElastiCache,
 *   EFS, DMS and RDS. The kit's patterns build none of them; `AwsSolutionsChecks` still covers
 *   them when run beside this pack.
 *
 * cdk-nag's rules read L1 properties, so a property changed with `addPropertyOverride` escapes
 * them; the kit's own rules read the rendered template and see overrides.
 *
 * Given a scope, the pack also registers the kit's acknowledgements of CDK framework helpers
 * ({@link FRAMEWORK_ACKNOWLEDGEMENTS}) to be applied at synthesis, before validation.
 *
 * @see https://github.com/cdklabs/cdk-nag/blob/main/RULES.md
 * @example
 * const app = new App();
 * Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
 */
export class DataPlatformChecks extends NagPack {
  public readonly name: string = DATA_PLATFORM_RULE_PREFIX;
  /** Every finding id the pack can report (rules with findings add a `[...]` suffix). */
  public readonly ruleIds: string[] = DATA_PLATFORM_RULES.map(ruleId);

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = DATA_PLATFORM_RULE_PREFIX;
    if (scope) acknowledgeFrameworkHelpersOnSynth(scope);
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of DATA_PLATFORM_RULES) {
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        node,
        rule: rule.rule,
      });
    }
  }
}
