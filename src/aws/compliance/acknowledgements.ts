import { Aspects, CfnResource, type IAspect, Validations } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { IConstruct } from 'constructs';
import { bareRuleId } from './private/cfn';

/** The CDK framework helpers the kit may acknowledge findings on: constructs aws-cdk-lib generates. */
export enum FrameworkHelper {
  /** `BucketNotificationsHandler…`: the Lambda aws-cdk-lib adds to a stack for S3 event notifications. */
  S3_NOTIFICATIONS_HANDLER = 'S3 notifications handler',
  /** `AWS679f53fac002430cb0da5b7982bd2287`: the singleton Lambda behind every `AwsCustomResource`. */
  AWS_CUSTOM_RESOURCE_PROVIDER = 'AwsCustomResource provider',
  /** `LogRetention…`: the singleton Lambda that sets log-group retention (`logRetention` props). */
  LOG_RETENTION_FUNCTION = 'log-retention function',
  /** `framework-onEvent` / `-isComplete` / `-onTimeout`: the functions of a `custom-resources` `Provider`. */
  PROVIDER_FRAMEWORK_FUNCTION = 'custom-resource provider framework function',
}

/** How each helper is recognised in the construct tree (ids are fixed by aws-cdk-lib). */
const HELPER_MATCHERS: Readonly<Record<FrameworkHelper, (c: IConstruct) => boolean>> = {
  [FrameworkHelper.S3_NOTIFICATIONS_HANDLER]: (c) =>
    c.node.id === 'BucketNotificationsHandler050a0587b7544547bf325f094a3db834',
  [FrameworkHelper.AWS_CUSTOM_RESOURCE_PROVIDER]: (c) => c.node.id === 'AWS679f53fac002430cb0da5b7982bd2287',
  [FrameworkHelper.LOG_RETENTION_FUNCTION]: (c) =>
    c.node.id === 'LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a',
  [FrameworkHelper.PROVIDER_FRAMEWORK_FUNCTION]: (c) =>
    c.node.scope instanceof cr.Provider && c.node.id.startsWith('framework-'),
};

/** One acknowledgement the kit makes: a rule, the framework helper it applies to, and why. */
export interface FrameworkAcknowledgement {
  /** The finding id, exactly as the pack reports it. */
  readonly ruleId: string;
  /** The helper (and everything below it) the finding is accepted on. */
  readonly helper: FrameworkHelper;
  /** Why the finding is acceptable on that helper. */
  readonly reason: string;
}

const LAMBDA_BASIC_EXECUTION =
  'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const BASIC_EXECUTION_REASON =
  'aws-cdk-lib generates this function and its role; the AWS managed basic-execution policy only lets it write its own CloudWatch logs.';
const FRAMEWORK_LOG_GROUP_REASON =
  'aws-cdk-lib creates this log group for its own framework function; it holds deployment traces, not platform data.';

/**
 * Every acknowledgement the kit makes, in one place. Only CDK framework helpers appear here,
 * never a resource that holds data: a test walks apps built from the kit and fails if any
 * acknowledgement covers a bucket, key, catalog, warehouse, stream or other data resource.
 * Today no block creates a helper, so nothing is applied to the blocks themselves; the table
 * covers the helpers aws-cdk-lib adds when an app uses S3 notifications, `AwsCustomResource`,
 * `logRetention` or a custom-resource `Provider`.
 */
export const FRAMEWORK_ACKNOWLEDGEMENTS: readonly FrameworkAcknowledgement[] = [
  {
    ruleId: LAMBDA_BASIC_EXECUTION,
    helper: FrameworkHelper.S3_NOTIFICATIONS_HANDLER,
    reason: BASIC_EXECUTION_REASON,
  },
  {
    ruleId: LAMBDA_BASIC_EXECUTION,
    helper: FrameworkHelper.AWS_CUSTOM_RESOURCE_PROVIDER,
    reason: BASIC_EXECUTION_REASON,
  },
  {
    ruleId: 'DPK-AWS-CloudWatchLogGroupEncrypted',
    helper: FrameworkHelper.AWS_CUSTOM_RESOURCE_PROVIDER,
    reason: FRAMEWORK_LOG_GROUP_REASON,
  },
  {
    ruleId: LAMBDA_BASIC_EXECUTION,
    helper: FrameworkHelper.LOG_RETENTION_FUNCTION,
    reason: BASIC_EXECUTION_REASON,
  },
  {
    ruleId: 'AwsSolutions-IAM5[Resource::*]',
    helper: FrameworkHelper.LOG_RETENTION_FUNCTION,
    reason:
      'The log-retention function sets retention on log groups named at deploy time, so aws-cdk-lib scopes its logs:PutRetentionPolicy and logs:DeleteRetentionPolicy to all log groups.',
  },
  {
    ruleId: LAMBDA_BASIC_EXECUTION,
    helper: FrameworkHelper.PROVIDER_FRAMEWORK_FUNCTION,
    reason: BASIC_EXECUTION_REASON,
  },
  {
    ruleId: 'DPK-AWS-CloudWatchLogGroupEncrypted',
    helper: FrameworkHelper.PROVIDER_FRAMEWORK_FUNCTION,
    reason: FRAMEWORK_LOG_GROUP_REASON,
  },
];

/** True when `ruleId` is already acknowledged directly on `construct`. */
function acknowledgedOn(construct: IConstruct, ruleId: string): boolean {
  return construct.node.metadata.some(
    (m) =>
      m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY &&
      Object.keys(m.data ?? {}).some((k) => bareRuleId(k) === ruleId),
  );
}

/** Applies the table's acknowledgements to `construct` if it is a framework helper; returns how many. */
function acknowledgeIfHelper(construct: IConstruct): number {
  let added = 0;
  for (const ack of FRAMEWORK_ACKNOWLEDGEMENTS) {
    if (!HELPER_MATCHERS[ack.helper](construct) || acknowledgedOn(construct, ack.ruleId)) continue;
    Validations.of(construct).acknowledge({ id: ack.ruleId, reason: ack.reason });
    added++;
  }
  return added;
}

/**
 * Applies {@link FRAMEWORK_ACKNOWLEDGEMENTS} to every framework helper under `scope`, once
 * (calling it again adds nothing). Returns the number of acknowledgements added.
 * `checkCompliance` calls it; `new DataPlatformChecks(app)` arranges it at synthesis.
 *
 * @example
 * acknowledgeFrameworkHelpers(app);
 */
export function acknowledgeFrameworkHelpers(scope: IConstruct): number {
  return scope.node.findAll().reduce((n, c) => n + acknowledgeIfHelper(c), 0);
}

class FrameworkHelperAcknowledgements implements IAspect {
  public visit(node: IConstruct): void {
    acknowledgeIfHelper(node);
  }
}

const ON_SYNTH = new WeakSet<IConstruct>();

/** Arranges {@link acknowledgeFrameworkHelpers} on `scope` at synthesis (an aspect), once per scope. */
export function acknowledgeFrameworkHelpersOnSynth(scope: IConstruct): void {
  if (ON_SYNTH.has(scope)) return;
  ON_SYNTH.add(scope);
  Aspects.of(scope).add(new FrameworkHelperAcknowledgements());
}

/**
 * Resource types that hold or protect data: an acknowledgement must never cover one.
 * Matched as prefixes of `AWS::<service>::<type>`.
 */
export const DATA_BEARING_RESOURCE_TYPES: readonly string[] = [
  'AWS::S3::',
  'AWS::S3Express::',
  'AWS::S3Tables::',
  'AWS::KMS::',
  'AWS::Glue::',
  'AWS::LakeFormation::',
  'AWS::Athena::',
  'AWS::Redshift::',
  'AWS::RedshiftServerless::',
  'AWS::Kinesis::',
  'AWS::KinesisFirehose::',
  'AWS::MSK::',
  'AWS::DynamoDB::',
  'AWS::RDS::',
  'AWS::EMR::',
  'AWS::EMRServerless::',
  'AWS::SecretsManager::',
  'AWS::SQS::',
  'AWS::CloudTrail::',
  'AWS::OpenSearchService::',
  'AWS::Backup::',
];

/** One acknowledgement found in a construct tree. */
export interface AcknowledgementRecord {
  /** Path of the construct the acknowledgement was made on. */
  readonly path: string;
  readonly ruleId: string;
  readonly reason: string;
  /** The CloudFormation types of every resource the acknowledgement covers (the construct and below). */
  readonly resourceTypes: readonly string[];
}

/** Rule ids of the packs `checkCompliance` runs (AwsSolutions and the kit's DPK-AWS rules). */
const PACK_RULE_ID = /^(AwsSolutions-|DPK-AWS-)/;

/**
 * Every acknowledgement of a pack rule made on `scope` or below, with the resource types each
 * covers. Acknowledgements of other tools' rules are left out (aws-cdk-lib itself acknowledges
 * cfn-lint's W3010 on any stack that reads its availability zones).
 */
export function acknowledgementsIn(scope: IConstruct): AcknowledgementRecord[] {
  return scope.node.findAll().flatMap((construct) => {
    const entries = construct.node.metadata.filter(
      (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    );
    if (entries.length === 0) return [];
    const resourceTypes = [
      ...new Set(
        construct.node
          .findAll()
          .filter(CfnResource.isCfnResource)
          .map((r) => r.cfnResourceType),
      ),
    ].sort();
    return entries.flatMap((m) =>
      Object.entries((m.data ?? {}) as Record<string, string>)
        .filter(([id]) => PACK_RULE_ID.test(bareRuleId(id)))
        .map(([id, reason]) => ({
          path: construct.node.path,
          ruleId: bareRuleId(id),
          reason,
          resourceTypes,
        })),
    );
  });
}

/** True when `type` holds or protects data (see {@link DATA_BEARING_RESOURCE_TYPES}). */
export function isDataBearingResourceType(type: string): boolean {
  return DATA_BEARING_RESOURCE_TYPES.some((prefix) => type.startsWith(prefix));
}

/**
 * The acknowledgements under `scope` that cover a data-bearing resource: the list the kit's
 * tests require to be empty, and a check users can run on their own apps.
 */
export function acknowledgementsOnDataResources(scope: IConstruct): AcknowledgementRecord[] {
  return acknowledgementsIn(scope).filter((a) => a.resourceTypes.some(isDataBearingResourceType));
}
