/**
 * The GCP compliance entry point, `data-platform-kit/gcp/compliance`: the kit's rule pack over
 * synthesized Terraform JSON, a check for a stack, and acknowledgements with reasons. Kept apart
 * from `data-platform-kit/gcp` so the blocks' entry stays light.
 */
import type { IConstruct } from 'constructs';
import { DATA_PLATFORM_RULES } from './pack';
import type { ComplianceReport } from '../../core/compliance';
import { checkTerraform } from '../../terraform';

export { formatFindings, RuleLevel, RuleResult } from '../../core/compliance';
export type {
  Acknowledgement,
  AcknowledgedFinding,
  ComplianceReport,
  Finding,
  TerraformRule,
  TfDocumentView,
  TfResource,
} from '../../core/compliance';
export { acknowledgeRule, type RuleAcknowledgement } from '../../terraform';
export { DATA_PLATFORM_RULES } from './pack';
export * from './rules/avd-gcp-0066';
export * from './rules/ckv-gcp-100';
export * from './rules/ckv-gcp-103';
export * from './rules/ckv-gcp-114';
export * from './rules/ckv-gcp-115';
export * from './rules/ckv-gcp-116';
export * from './rules/ckv-gcp-117';
export * from './rules/ckv-gcp-121';
export * from './rules/ckv-gcp-15';
export * from './rules/ckv-gcp-28';
export * from './rules/ckv-gcp-29';
export * from './rules/ckv-gcp-41';
export * from './rules/ckv-gcp-43';
export * from './rules/ckv-gcp-62';
export * from './rules/ckv-gcp-63';
export * from './rules/ckv-gcp-78';
export * from './rules/ckv-gcp-80';
export * from './rules/ckv-gcp-81';
export * from './rules/ckv-gcp-82';
export * from './rules/ckv-gcp-83';
export * from './rules/ckv-gcp-91';
export * from './rules/ckv-gcp-98';
export * from './rules/ckv-gcp-99';
export * from './rules/ckv2-gcp-3';
export * from './rules/ckv2-gcp-6';
export * from './rules/ckv2-gcp-8';
export * from './rules/dpk-gcp-bigquery-delete-contents';
export * from './rules/dpk-gcp-bucket-force-destroy';
export * from './rules/dpk-gcp-bucket-soft-delete';
export * from './rules/dpk-gcp-dataproc-serverless-cmek';
export * from './rules/dpk-gcp-dataproc-serverless-service-account';
export * from './rules/dpk-gcp-iam-basic-role';
export * from './rules/dpk-gcp-iam-public-member';
export * from './rules/dpk-gcp-prevent-destroy';
export * from './rules/dpk-gcp-pubsub-dead-letter';
export * from './rules/dpk-gcp-pubsub-subscription-expiry';
export * from './rules/dpk-gcp-pubsub-topic-retention';
export * from './rules/avd-gcp-0027';
export * from './rules/ckv-gcp-26';
export * from './rules/ckv-gcp-74';
export * from './rules/dpk-gcp-network-custom-mode';
export * from './rules/dpk-gcp-scheduler-authenticated';
export * from './rules/dpk-gcp-workflows-cmek';
export * from './rules/dpk-gcp-workflows-service-account';

/**
 * Runs {@link DATA_PLATFORM_RULES} on synthesized Terraform: on `scope` when it is a stack, on
 * every stack below it when it is an app, or on the whole stack that holds it otherwise.
 * Findings on resources that acknowledged a rule (`acknowledgeRule`, on the resource or an
 * ancestor) come back in `acknowledged`, with reasons.
 *
 * @example
 * const report = checkCompliance(stack);
 * expect(formatFindings(report.findings)).toBe('');
 */
export function checkCompliance(scope: IConstruct): ComplianceReport {
  return checkTerraform(scope, DATA_PLATFORM_RULES);
}
