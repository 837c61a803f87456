import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-SchedulerScheduleKMS`: an EventBridge Scheduler schedule (`AWS::Scheduler::Schedule`)
 * encrypts its target input with a customer-managed KMS key (`KmsKeyArn` is set). Not applicable
 * to other resources.
 *
 * No public id: cdk-nag's packs do not check EventBridge Scheduler.
 *
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/encryption-rest.html
 */
export const SchedulerScheduleKMS: DataPlatformRule = {
  name: 'SchedulerScheduleKMS',
  info: 'The EventBridge Scheduler schedule is not encrypted with a customer-managed KMS key (KmsKeyArn is not set).',
  explanation:
    'A schedule stores the input it passes to the pipeline (parameters, paths). A customer-managed key keeps it ' +
    'under the platform key policy like the rest of the pipeline.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Scheduler::Schedule') return NagRuleCompliance.NOT_APPLICABLE;
    return isSet(renderedProperties(node).KmsKeyArn)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
