// The AWS compliance entry point (`data-platform-kit/aws/compliance`): the kit's cdk-nag v3 pack,
// its rules, the framework-helper acknowledgements and `checkCompliance`. Loads cdk-nag.
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
export * from './check-compliance';
export { RuleLevel } from '../../core/compliance';
export type { Acknowledgement, AcknowledgedFinding, ComplianceReport, Finding } from '../../core/compliance';
export * from './data-platform-checks';
export * from './data-platform-rule';
export * from './data-platform-rules';
export * from './rules';
