import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, literal, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

const AWS_MANAGED_KEY = 'alias/aws/kinesis';

/**
 * `DPK-AWS-KinesisStreamKMSEncrypted`: a Kinesis data stream (`AWS::Kinesis::Stream`) is
 * encrypted with a customer-managed KMS key: `StreamEncryption.EncryptionType` is `KMS` and
 * `KeyId` is set and is not the AWS-managed `alias/aws/kinesis`. Not applicable to other
 * resources.
 *
 * No public id: cdk-nag's HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1 packs do not check
 * Kinesis streams; AwsSolutions `KDS1` accepts any key and its `KDS3` advises the AWS-managed one.
 *
 * @see https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html
 */
export const KinesisStreamKMSEncrypted: DataPlatformRule = {
  name: 'KinesisStreamKMSEncrypted',
  info: 'The Kinesis data stream is not encrypted with a customer-managed KMS key.',
  explanation:
    "Streams hold the platform's records before they land in the lake. A customer-managed key keeps them " +
    'under the platform key policy, its rotation and its audit trail, like every other data store.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Kinesis::Stream') return NagRuleCompliance.NOT_APPLICABLE;
    const encryption = renderedProperties(node).StreamEncryption;
    const type = literal(node, encryption?.EncryptionType);
    const keyId: unknown = encryption?.KeyId;
    const awsManaged = typeof keyId === 'string' && keyId.endsWith(AWS_MANAGED_KEY);
    return type === 'KMS' && isSet(keyId) && !awsManaged
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
