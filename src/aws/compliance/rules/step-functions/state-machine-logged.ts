import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, literal, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-StepFunctionsStateMachineLogged`: a Step Functions state machine
 * (`AWS::StepFunctions::StateMachine`) logs every event (`LoggingConfiguration.Level` `ALL`) to
 * at least one CloudWatch Logs log group. Not applicable to other resources.
 *
 * Overlaps AwsSolutions `SF1` on purpose, so the pack stands alone in a HIPAA, NIST or PCI review
 * (cdk-nag's packs for those do not check state machines); this rule also requires a destination
 * and reads escape-hatch overrides.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html
 */
export const StepFunctionsStateMachineLogged: DataPlatformRule = {
  name: 'StepFunctionsStateMachineLogged',
  info: 'The Step Functions state machine does not log ALL events to a CloudWatch Logs log group.',
  explanation:
    'The run log of a pipeline is its audit trail: which step ran when, with which job run, and why it failed. ' +
    'Execution history expires after 90 days; a log group keeps it for its retention.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::StepFunctions::StateMachine') return NagRuleCompliance.NOT_APPLICABLE;
    const logging = renderedProperties(node).LoggingConfiguration;
    const destinations: unknown = logging?.Destinations;
    const logged =
      Array.isArray(destinations) &&
      destinations.some((d: any) => isSet(d?.CloudWatchLogsLogGroup?.LogGroupArn));
    return literal(node, logging?.Level) === 'ALL' && logged
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
