import * as path from 'node:path';
import { CheckInputError } from './check-input-error';
import { checkCloudFormationOutput } from './cloudformation';
import type { CheckReport, CheckRule, CheckedStack, CheckFinding } from './findings';
import { findOutputs } from './outputs';
import { checkTerraformOutput, readTerraformOutput, type StackCheckResult } from './terraform';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** One stack to check, classified by cloud before any engine is loaded. */
interface PlannedCheck {
  /** Undefined for a Terraform document without a GCP or Azure provider (rejected when checked). */
  readonly cloud?: CloudName;
  readonly run: () => Promise<StackCheckResult>;
}

/**
 * Checks every synthesized stack under `dir` (see `findOutputs` for the layouts it reads) with
 * the packs of its cloud, in the order the folder lists them: AWS templates with cdk-nag's
 * AwsSolutions and the kit's DataPlatformChecks, GCP and Azure cdk.tf.json with the kit's
 * Terraform packs. Only the clouds in `clouds` are checked (default: every cloud present, and a
 * Terraform document for another provider is then rejected); a
 * cloud's engine is loaded only when one of its stacks is checked. Throws `CheckInputError` when
 * the folder holds nothing to check for those clouds.
 */
export async function checkDirectory(
  dir: string,
  clouds: readonly CloudName[] = CLOUDS,
): Promise<CheckReport> {
  const root = path.resolve(dir);
  const planned: PlannedCheck[] = findOutputs(root).map((output) => {
    if (output.engine === 'cloudformation') {
      return { cloud: 'aws', run: () => checkCloudFormationOutput(output) };
    }
    const file = readTerraformOutput(output);
    return { cloud: file.cloud, run: () => checkTerraformOutput(file) };
  });
  const everyCloud = CLOUDS.every((c) => clouds.includes(c));
  const chosen = planned.filter((p) => everyCloud || (p.cloud !== undefined && clouds.includes(p.cloud)));
  if (chosen.length === 0) {
    const present = [...new Set(planned.map((p) => p.cloud ?? 'other Terraform'))].join(', ');
    throw new CheckInputError(
      `${root}: holds no ${clouds.join(' or ')} output to check (it holds: ${present}).`,
    );
  }
  const stacks: CheckedStack[] = [];
  const findings: CheckFinding[] = [];
  const rules = new Map<string, CheckRule>();
  for (const check of chosen) {
    const result = await check.run();
    stacks.push(result.stack);
    findings.push(...result.findings);
    for (const rule of result.rules) if (!rules.has(rule.id)) rules.set(rule.id, rule);
  }
  return { root, stacks, findings, rules };
}
