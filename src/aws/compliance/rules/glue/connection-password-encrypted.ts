import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, isTrue, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/**
 * `DPK-AWS-GlueConnectionPasswordEncrypted`: the Glue Data Catalog's encryption settings
 * (`AWS::Glue::DataCatalogEncryptionSettings`) encrypt connection passwords with a KMS key
 * (`ReturnConnectionPasswordEncrypted` true and `KmsKeyId` set). Not applicable to other resources.
 *
 * No public id: cdk-nag has no rule for the Data Catalog settings.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/encrypt-connection-passwords.html
 */
export const GlueConnectionPasswordEncrypted: DataPlatformRule = {
  name: 'GlueConnectionPasswordEncrypted',
  info: 'The Glue Data Catalog encryption settings do not encrypt connection passwords with a KMS key.',
  explanation:
    'Glue connections hold the credentials of source databases. Without password encryption, anyone allowed ' +
    'glue:GetConnection reads them in clear text.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Glue::DataCatalogEncryptionSettings') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const passwords = renderedProperties(node).DataCatalogEncryptionSettings?.ConnectionPasswordEncryption;
    return isTrue(node, passwords?.ReturnConnectionPasswordEncrypted) && isSet(passwords?.KmsKeyId)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
