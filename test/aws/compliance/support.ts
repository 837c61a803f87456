import type { CfnResource, Stack } from 'aws-cdk-lib';
import { type NagRuleResult } from 'cdk-nag';
import { DataPlatformChecks, type DataPlatformRule, ruleId } from '../../../src/aws/compliance';
import { newAwsStack } from '../../helpers/aws-stack';

/** A fresh stack for one rule fixture. */
export const fixtureStack = (): Stack => newAwsStack();

/** The rule's verdict on one resource, straight from its pure check. */
export const verdict = (rule: DataPlatformRule, node: CfnResource): NagRuleResult => rule.rule(node);

/** Construct paths the whole pack reports for `rule` when run over `stack`'s app. */
export function reported(rule: DataPlatformRule, stack: Stack): string[] {
  return new DataPlatformChecks()
    .validateScope(stack.node.root)
    .violations.filter((v) => v.ruleName === ruleId(rule))
    .flatMap((v) => v.violatingResources.map((r) => r.constructPath ?? ''));
}
