import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-RedshiftServerlessNamespaceKMS`: a Redshift Serverless namespace
 * (`AWS::RedshiftServerless::Namespace`) encrypts its data with a customer-managed KMS key
 * (`KmsKeyId` set). Not applicable to other resources.
 *
 * No public id: cdk-nag's Redshift encryption rules check provisioned clusters only.
 *
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-workgroup-namespace.html
 */
export const RedshiftServerlessNamespaceKMS: DataPlatformRule = {
  name: 'RedshiftServerlessNamespaceKMS',
  info: 'The Redshift Serverless namespace is not encrypted with a customer-managed KMS key (KmsKeyId is not set).',
  explanation:
    'Without KmsKeyId the namespace uses an AWS-owned key: warehouse data leaves the platform key, its key ' +
    'policy, rotation and audit trail.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::RedshiftServerless::Namespace') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    return isSet(renderedProperties(node).KmsKeyId)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
