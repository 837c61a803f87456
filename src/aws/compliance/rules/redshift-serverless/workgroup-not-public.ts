import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isTrue, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-RedshiftServerlessWorkgroupNotPublic`: a Redshift Serverless workgroup
 * (`AWS::RedshiftServerless::Workgroup`) is not publicly accessible (`PubliclyAccessible`
 * unset or false). Not applicable to other resources.
 *
 * No public id: cdk-nag's Redshift rules cover provisioned clusters only.
 *
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-connecting.html
 */
export const RedshiftServerlessWorkgroupNotPublic: DataPlatformRule = {
  name: 'RedshiftServerlessWorkgroupNotPublic',
  info: 'The Redshift Serverless workgroup is publicly accessible.',
  explanation:
    'A public workgroup endpoint is reachable from the internet; the warehouse should be reached from inside ' +
    'the VPC (or through a private endpoint) only.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::RedshiftServerless::Workgroup') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    return isTrue(node, renderedProperties(node).PubliclyAccessible)
      ? NagRuleCompliance.NON_COMPLIANT
      : NagRuleCompliance.COMPLIANT;
  },
};
