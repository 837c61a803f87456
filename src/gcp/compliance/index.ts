// The GCP compliance entry point (`data-platform-kit/gcp/compliance`): the kit's rule pack over
// synthesized Terraform JSON, the check of a stack or app, and acknowledgements with reasons.
// Re-exports only; kept apart from `data-platform-kit/gcp` so the blocks' entry stays light.
export { checkCompliance } from './check';
export { DATA_PLATFORM_RULES } from './pack';
export * from './rules';
export { acknowledgeRule } from '../../terraform';
export type { RuleAcknowledgement } from '../../terraform';
export { formatFindings, RuleLevel, RuleResult } from '../../core/internal';
export type {
  Acknowledgement,
  AcknowledgedFinding,
  ComplianceReport,
  Finding,
  TerraformRule,
  TfDocumentView,
  TfResource,
} from '../../core/internal';
