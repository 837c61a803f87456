import { Stack, Validations } from 'aws-cdk-lib';
import { NagMessageLevel } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { acknowledgeFrameworkHelpers } from './acknowledgements';
import { bareRuleId } from './private/cfn';
import { wildcardFindingId } from './private/finding-ids';
import { RECORDING_PACKS, type RuleEvaluation } from './private/recording';
import {
  type AcknowledgedFinding,
  type ComplianceReport,
  type Finding,
  RuleLevel,
  type RuleAcknowledgement,
  validateAcknowledgement,
} from '../../core/internal';

export type { RuleAcknowledgement } from '../../core/internal';

/**
 * Accepts findings of rule `id` (the finding id exactly as reported, e.g.
 * `AwsSolutions-IAM5[Resource::<LakeRawBucket1234ABCD.Arn>/*]`) on `scope` and every resource
 * below it, with a reason: a thin
 * wrapper over aws-cdk-lib's `Validations.of(scope).acknowledge`, which cdk-nag v3 reads.
 * A namespace prefix such as the synth report suggests (`AwsSolutions::AwsSolutions-S1`) is
 * dropped: cdk-nag 3.0.2 honours the bare id only. Throws `DPK_INVALID_ACKNOWLEDGEMENT` when the
 * id or the reason is missing.
 *
 * @example
 * acknowledgeRule(analyst, {
 *   id: wildcardResourceFindingId(analyst, lake.bucketFor('serving').arnForObjects('*')),
 *   reason: 'Reading every object of the serving zone is what the grant is for.',
 * });
 */
export function acknowledgeRule(scope: IConstruct, ack: RuleAcknowledgement): void {
  validateAcknowledgement(scope, ack);
  Validations.of(scope).acknowledge({ id: bareRuleId(ack.id.trim()), reason: ack.reason });
}

/**
 * The `AwsSolutions-IAM5` finding id that a wildcard resource ARN raises on a policy in
 * `scope`'s stack, for an exact acknowledgement (cdk-nag matches finding ids exactly). A zone
 * grant's object ARN (`<bucket ARN>/*`) is the usual one: objects cannot be listed one by one.
 *
 * @example
 * wildcardResourceFindingId(analyst, lake.bucketFor('raw').arnForObjects('*'));
 * // 'AwsSolutions-IAM5[Resource::<LakeRawBucket1234ABCD.Arn>/*]'
 */
export function wildcardResourceFindingId(scope: IConstruct, resourceArn: string): string {
  return wildcardFindingId(scope, resourceArn);
}

/** The reason `finding` is acknowledged on `node` or an ancestor, if it is. */
function acknowledgement(evaluation: RuleEvaluation, finding: string): string | undefined {
  for (let c: IConstruct | undefined = evaluation.node; c; c = c.node.scope) {
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries((m.data ?? {}) as Record<string, string>)) {
        if (bareRuleId(id) === finding) return reason;
      }
    }
  }
  return undefined;
}

/**
 * Runs cdk-nag's `AwsSolutionsChecks` and the kit's {@link DataPlatformChecks} over `scope` (an
 * App, a Stage, a Stack or any construct) and reports in the kit's cloud-neutral shape:
 * `findings` (unacknowledged, the bar is zero), `acknowledged` (with their reasons) and
 * `checks` (rule × resource evaluations that applied). A finding's `address` is the resource's
 * logical id and `path` its construct path. Applies the kit's framework-helper
 * acknowledgements first.
 *
 * Like cdk-nag's `validateScope`, it reads the construct tree as it is: resources that aspects
 * add at synthesis are seen only once the app has been synthesized.
 *
 * @example
 * const report = checkCompliance(stack);
 * expect(report.findings).toEqual([]);
 */
export function checkCompliance(scope: IConstruct): ComplianceReport {
  acknowledgeFrameworkHelpers(scope);
  const packs = RECORDING_PACKS.map((Pack) => new Pack());
  for (const pack of packs) pack.validateScope(scope);

  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  let checks = 0;
  for (const evaluation of packs.flatMap((p) => p.evaluations)) {
    if (!evaluation.applicable) continue;
    checks++;
    for (const ruleId of evaluation.failures) {
      const finding: Finding = {
        ruleId,
        description: evaluation.error
          ? `${evaluation.info} The rule could not judge a value: ${evaluation.error}`
          : evaluation.info,
        level: evaluation.level === NagMessageLevel.ERROR ? RuleLevel.ERROR : RuleLevel.WARNING,
        address: Stack.of(evaluation.node).resolve(evaluation.node.logicalId) as string,
        path: evaluation.node.node.path,
      };
      const reason = acknowledgement(evaluation, ruleId);
      if (reason === undefined) findings.push(finding);
      else acknowledged.push({ ...finding, reason });
    }
  }
  return { findings, acknowledged, checks };
}
