import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isTrue, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-RedshiftServerlessEnhancedVpcRouting`: a Redshift Serverless workgroup
 * (`AWS::RedshiftServerless::Workgroup`) routes `COPY` and `UNLOAD` traffic through the VPC
 * (`EnhancedVpcRouting` true). Not applicable to other resources.
 *
 * No public id: cdk-nag's `RedshiftEnhancedVPCRoutingEnabled` checks provisioned clusters only.
 *
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html
 */
export const RedshiftServerlessEnhancedVpcRouting: DataPlatformRule = {
  name: 'RedshiftServerlessEnhancedVpcRouting',
  info: 'The Redshift Serverless workgroup does not have enhanced VPC routing enabled.',
  explanation:
    'Without enhanced VPC routing, COPY and UNLOAD reach S3 over the public network path, outside VPC endpoint ' +
    'policies, security groups and flow logs.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::RedshiftServerless::Workgroup') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    return isTrue(node, renderedProperties(node).EnhancedVpcRouting)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
