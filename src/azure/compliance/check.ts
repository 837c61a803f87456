import type { IConstruct } from 'constructs';
import { DATA_PLATFORM_RULES } from './pack';
import type { ComplianceReport } from '../../core/internal';
import { checkTerraform } from '../../terraform';

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
  return checkTerraform(scope, DATA_PLATFORM_RULES);
}
