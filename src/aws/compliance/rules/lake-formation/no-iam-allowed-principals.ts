import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

const isEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length === 0;

/**
 * `DPK-AWS-LakeFormationNoIAMAllowedPrincipals`: the Lake Formation settings
 * (`AWS::LakeFormation::DataLakeSettings`) give new databases and tables no default
 * permissions: `CreateDatabaseDefaultPermissions` and `CreateTableDefaultPermissions` are both
 * set, and empty. Left unset, the account keeps Lake Formation's default, `ALL` for
 * `IAM_ALLOWED_PRINCIPALS`, which lets plain IAM policies bypass Lake Formation grants. A list
 * that is a reference cannot be shown empty and is non-compliant. Not applicable to other resources.
 *
 * No public id: cdk-nag has no Lake Formation rules.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/change-settings.html
 */
export const LakeFormationNoIAMAllowedPrincipals: DataPlatformRule = {
  name: 'LakeFormationNoIAMAllowedPrincipals',
  info:
    'The Lake Formation settings do not set CreateDatabaseDefaultPermissions and CreateTableDefaultPermissions ' +
    'to empty lists (new databases and tables get IAMAllowedPrincipals access).',
  explanation:
    'With IAMAllowedPrincipals defaults, any principal whose IAM policy allows Glue and S3 reads new tables ' +
    'regardless of Lake Formation grants: fine-grained access control is bypassed.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::LakeFormation::DataLakeSettings') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const props = renderedProperties(node);
    return isEmptyList(props.CreateDatabaseDefaultPermissions) &&
      isEmptyList(props.CreateTableDefaultPermissions)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
