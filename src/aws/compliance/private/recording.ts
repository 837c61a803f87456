import type { CfnResource } from 'aws-cdk-lib';
import { AwsSolutionsChecks, type IApplyRule, type NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataPlatformChecks } from '../data-platform-checks';

/** One rule applied to one resource, as a pack decided it, before acknowledgements. */
export interface RuleEvaluation {
  /** The rule's id, e.g. `AwsSolutions-S1` or `DPK-AWS-GlueCatalogEncrypted`. */
  readonly ruleId: string;
  readonly info: string;
  readonly level: NagMessageLevel;
  readonly node: CfnResource;
  /** False when the rule does not apply to the resource. */
  readonly applicable: boolean;
  /** The failing finding ids: the rule id, or `<rule id>[<finding>]` for rules with findings. */
  readonly failures: readonly string[];
  /** Set when the rule threw (a value it could not judge); the rule then fails. */
  readonly error?: string;
}

/** Runs one rule the way cdk-nag's `NagPack.applyRule` does, but keeps every outcome. */
function evaluate(packName: string, params: IApplyRule): RuleEvaluation {
  const ruleId = `${packName}-${params.ruleSuffixOverride ?? params.rule.name}`;
  const base = { ruleId, info: params.info, level: params.level, node: params.node };
  try {
    const result = params.rule(params.node);
    if (result === NagRuleCompliance.NOT_APPLICABLE) return { ...base, applicable: false, failures: [] };
    const failures = Array.isArray(result)
      ? result.map((finding) => `${ruleId}[${finding}]`)
      : result === NagRuleCompliance.NON_COMPLIANT
        ? [ruleId]
        : [];
    return { ...base, applicable: true, failures };
  } catch (e) {
    return { ...base, applicable: true, failures: [ruleId], error: (e as Error).message };
  }
}

/** `AwsSolutionsChecks` that records every rule evaluation instead of only unacknowledged violations. */
export class RecordingAwsSolutionsChecks extends AwsSolutionsChecks {
  public readonly evaluations: RuleEvaluation[] = [];

  protected applyRule(params: IApplyRule): void {
    this.evaluations.push(evaluate(this.readPackName, params));
  }
}

/** `DataPlatformChecks` that records every rule evaluation. */
export class RecordingDataPlatformChecks extends DataPlatformChecks {
  public readonly evaluations: RuleEvaluation[] = [];

  protected applyRule(params: IApplyRule): void {
    this.evaluations.push(evaluate(this.readPackName, params));
  }
}

/** The packs `checkCompliance` runs, in order: cdk-nag's `AwsSolutionsChecks`, then the kit's pack. */
export const RECORDING_PACKS = [RecordingAwsSolutionsChecks, RecordingDataPlatformChecks] as const;
