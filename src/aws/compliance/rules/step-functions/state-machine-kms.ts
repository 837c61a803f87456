import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, literal, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-StepFunctionsStateMachineKMS`: a Step Functions state machine
 * (`AWS::StepFunctions::StateMachine`) encrypts its definition and execution history with a
 * customer-managed KMS key (`EncryptionConfiguration.Type` is `CUSTOMER_MANAGED_KMS_KEY` and
 * `KmsKeyId` is set). Not applicable to other resources.
 *
 * No public id: cdk-nag's packs do not check state machine encryption.
 *
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
 */
export const StepFunctionsStateMachineKMS: DataPlatformRule = {
  name: 'StepFunctionsStateMachineKMS',
  info: 'The Step Functions state machine is not encrypted with a customer-managed KMS key.',
  explanation:
    "Execution history keeps every state's input and output for 90 days: pipeline parameters, paths and sometimes " +
    'records. A customer-managed key puts them under the platform key policy, its rotation and its audit trail.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::StepFunctions::StateMachine') return NagRuleCompliance.NOT_APPLICABLE;
    const encryption = renderedProperties(node).EncryptionConfiguration;
    return literal(node, encryption?.Type) === 'CUSTOMER_MANAGED_KMS_KEY' && isSet(encryption?.KmsKeyId)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
