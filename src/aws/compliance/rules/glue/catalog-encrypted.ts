import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, literal, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

const KMS_MODES = ['SSE-KMS', 'SSE-KMS-WITH-SERVICE-ROLE'];

/**
 * `DPK-AWS-GlueCatalogEncrypted`: the Glue Data Catalog's encryption settings
 * (`AWS::Glue::DataCatalogEncryptionSettings`) encrypt metadata at rest with SSE-KMS and a
 * customer-managed key (`CatalogEncryptionMode` `SSE-KMS` or `SSE-KMS-WITH-SERVICE-ROLE`, and
 * `SseAwsKmsKeyId` set). Not applicable to other resources.
 *
 * No public id: cdk-nag has no rule for the Data Catalog settings (its Glue rules cover job
 * security configurations only).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
 */
export const GlueCatalogEncrypted: DataPlatformRule = {
  name: 'GlueCatalogEncrypted',
  info: 'The Glue Data Catalog encryption settings do not encrypt the catalog with SSE-KMS and a customer-managed key.',
  explanation:
    'Table definitions, partitions and schemas describe (and often sample) the data in the lake. ' +
    'Encrypting the catalog with the platform key keeps metadata under the same key policy and rotation as the data.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Glue::DataCatalogEncryptionSettings') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const atRest = renderedProperties(node).DataCatalogEncryptionSettings?.EncryptionAtRest;
    const mode = literal(node, atRest?.CatalogEncryptionMode);
    return mode !== undefined && KMS_MODES.includes(mode) && isSet(atRest?.SseAwsKmsKeyId)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
