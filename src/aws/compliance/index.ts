// The AWS compliance entry point (`data-platform-kit/aws/compliance`): the kit's cdk-nag v3 pack,
// its rules, the check of an app or stack, and acknowledgements with reasons (the framework
// helpers' among them). Re-exports only; loads cdk-nag.
export {
  type AcknowledgementRecord,
  acknowledgeFrameworkHelpers,
  acknowledgementsIn,
  acknowledgementsOnDataResources,
  DATA_BEARING_RESOURCE_TYPES,
  FRAMEWORK_ACKNOWLEDGEMENTS,
  type FrameworkAcknowledgement,
  FrameworkHelper,
  isDataBearingResourceType,
} from './acknowledgements';
export { acknowledgeRule, checkCompliance, wildcardResourceFindingId } from './check';
export type { RuleAcknowledgement } from './check';
export { DataPlatformChecks } from './data-platform-checks';
export { CURATED_RULES, DATA_PLATFORM_RULES, KIT_RULES } from './pack';
export {
  ComplianceFramework,
  DATA_PLATFORM_RULE_PREFIX,
  type DataPlatformRule,
  RuleOrigin,
  ruleId,
} from './rule';
export * from './rules';
export { formatFindings, RuleLevel } from '../../core/internal';
export type { Acknowledgement, AcknowledgedFinding, ComplianceReport, Finding } from '../../core/internal';
