/**
 * The AWS packs' side of the intents blocks state (`ComplianceIntent`): which finding ids of
 * `AwsSolutionsChecks` and `DataPlatformChecks` each intent answers. Blocks call
 * {@link stateIntent} or {@link stateWildcardResources} and never name a rule. Loaded by the
 * blocks, so it never loads cdk-nag.
 */
import { type CfnResource, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { wildcardFindingId } from './private/finding-ids';
import { ComplianceIntent, type IntentStatement } from '../../core/internal';

/** For each intent an AWS block states on a resource, the finding ids it answers, by CloudFormation type. */
export const INTENT_FINDINGS: Readonly<
  Partial<Record<ComplianceIntent, Readonly<Record<string, readonly string[]>>>>
> = {
  // AwsSolutions-KDS3 asks for the AWS-managed 'aws/kinesis' key.
  [ComplianceIntent.CUSTOMER_MANAGED_KEY]: { 'AWS::Kinesis::Stream': ['AwsSolutions-KDS3'] },
  // AwsSolutions-KDF1 asks for server-side encryption on the delivery stream.
  [ComplianceIntent.NOTHING_AT_REST]: { 'AWS::KinesisFirehose::DeliveryStream': ['AwsSolutions-KDF1'] },
};

/** The finding ids `intent` answers on a resource of CloudFormation type `resourceType`. */
export function intentFindingIds(intent: ComplianceIntent, resourceType: string): readonly string[] {
  return INTENT_FINDINGS[intent]?.[resourceType] ?? [];
}

/**
 * States `statement` on `resource` (the CloudFormation resource itself, so nothing below it is
 * covered): acknowledges, with the statement's reason, each finding id of
 * {@link INTENT_FINDINGS} the intent answers on the resource's type.
 */
export function stateIntent(resource: CfnResource, statement: IntentStatement): void {
  for (const id of intentFindingIds(statement.intent, resource.cfnResourceType)) {
    Validations.of(resource).acknowledge({ id, reason: statement.reason });
  }
}

/**
 * States {@link ComplianceIntent.INHERENT_WILDCARD_RESOURCES} on `grantee` (a role the block
 * made, never a data resource): acknowledges, with `reason`, the `AwsSolutions-IAM5` finding
 * that each of `resourceArns` raises on its policy.
 */
export function stateWildcardResources(
  grantee: IConstruct,
  resourceArns: readonly string[],
  reason: string,
): void {
  const ids = new Set(resourceArns.map((arn) => wildcardFindingId(grantee, arn)));
  for (const id of ids) Validations.of(grantee).acknowledge({ id, reason });
}
