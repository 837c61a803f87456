import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, isTrue, literal, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

const KMS_OPTIONS = ['SSE_KMS', 'CSE_KMS'];

/**
 * `DPK-AWS-AthenaResultsKMSEncrypted`: an Athena workgroup (`AWS::Athena::WorkGroup`) encrypts
 * query results with a KMS key: `ResultConfiguration.EncryptionConfiguration` with
 * `EncryptionOption` `SSE_KMS` or `CSE_KMS` and a `KmsKey`, or managed query results
 * (`ManagedQueryResultsConfiguration`) enabled with a `KmsKey`. Not applicable to other resources.
 *
 * No public id: cdk-nag has no Athena rules.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
 */
export const AthenaResultsKMSEncrypted: DataPlatformRule = {
  name: 'AthenaResultsKMSEncrypted',
  info: 'The Athena workgroup does not encrypt query results with a KMS key (SSE_KMS or CSE_KMS).',
  explanation:
    'Query results are copies of lake data. SSE_S3 or no encryption takes them out of the platform key, ' +
    'its key policy and its audit trail.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Athena::WorkGroup') return NagRuleCompliance.NOT_APPLICABLE;
    const config = renderedProperties(node).WorkGroupConfiguration;
    const s3Results = config?.ResultConfiguration?.EncryptionConfiguration;
    const option = literal(node, s3Results?.EncryptionOption);
    const s3Encrypted = option !== undefined && KMS_OPTIONS.includes(option) && isSet(s3Results?.KmsKey);
    const managed = config?.ManagedQueryResultsConfiguration;
    const managedEncrypted =
      isTrue(node, managed?.Enabled) && isSet(managed?.EncryptionConfiguration?.KmsKey);
    return s3Encrypted || managedEncrypted ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
