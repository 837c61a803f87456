import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isTrue, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-AthenaWorkGroupEnforced`: an Athena workgroup (`AWS::Athena::WorkGroup`) enforces
 * its configuration (`WorkGroupConfiguration.EnforceWorkGroupConfiguration` true), so clients
 * cannot override the result location and encryption. Not applicable to other resources.
 *
 * No public id: cdk-nag has no Athena rules.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
 */
export const AthenaWorkGroupEnforced: DataPlatformRule = {
  name: 'AthenaWorkGroupEnforced',
  info: 'The Athena workgroup does not enforce its configuration (EnforceWorkGroupConfiguration is not true).',
  explanation:
    'Without enforcement every client chooses its own query-result location and encryption, so query results ' +
    '(copies of lake data) can land unencrypted or outside the platform.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Athena::WorkGroup') return NagRuleCompliance.NOT_APPLICABLE;
    const config = renderedProperties(node).WorkGroupConfiguration;
    return isTrue(node, config?.EnforceWorkGroupConfiguration)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
