import type { IConstruct } from 'constructs';
import { DATA_PLATFORM_RULES } from './pack';
import type { ComplianceReport } from '../../core/compliance';
import { TerraformStack } from '../../core/tf';
import { checkTerraformStack } from '../../core/tf-compliance';

/**
 * Runs the kit's Azure pack ({@link DATA_PLATFORM_RULES}) on synthesized Terraform: on `scope`
 * when it is a stack, on every stack below it when it is an app, or on the whole stack that
 * holds it otherwise. Findings of resources that acknowledged a rule (`acknowledgeRule`, on the
 * resource or an ancestor) come back in `acknowledged`, with the reason.
 *
 * @example
 * const report = checkCompliance(stack);
 * expect(formatFindings(report.findings)).toBe('');
 */
export function checkCompliance(scope: IConstruct): ComplianceReport {
  const below = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const stacks = below.length > 0 ? below : [TerraformStack.of(scope)];
  const reports = stacks.map((stack) => checkTerraformStack(stack, DATA_PLATFORM_RULES));
  return {
    findings: reports.flatMap((r) => r.findings),
    acknowledged: reports.flatMap((r) => r.acknowledged),
    checks: reports.reduce((n, r) => n + r.checks, 0),
  };
}
