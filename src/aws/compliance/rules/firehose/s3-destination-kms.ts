import type { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

/** Every S3 location a delivery stream writes to: its S3 destination and every S3 backup. */
function s3Destinations(props: Record<string, any>): Record<string, any>[] {
  return Object.entries(props)
    .filter(([key, value]) => key.endsWith('DestinationConfiguration') && value && typeof value === 'object')
    .flatMap(([key, value]) => [
      ...(key === 'S3DestinationConfiguration' || key === 'ExtendedS3DestinationConfiguration'
        ? [value]
        : []),
      ...[value.S3Configuration, value.S3BackupConfiguration].filter(
        (s3: unknown) => s3 && typeof s3 === 'object',
      ),
    ]);
}

/**
 * `DPK-AWS-FirehoseS3DestinationKMS`: a Firehose delivery stream
 * (`AWS::KinesisFirehose::DeliveryStream`) encrypts what it writes to S3 with a KMS key:
 * every S3 location it writes to (`S3DestinationConfiguration`,
 * `ExtendedS3DestinationConfiguration`, and the S3 backup of any destination) has
 * `EncryptionConfiguration.KMSEncryptionConfig.AWSKMSKeyARN`. Not applicable to a stream
 * without an S3 location, or to other resources.
 *
 * No public id: cdk-nag's `KinesisDataFirehoseSSE` checks the stream's own buffer encryption,
 * not the objects it writes.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
 */
export const FirehoseS3DestinationKMS: DataPlatformRule = {
  name: 'FirehoseS3DestinationKMS',
  info: 'The Firehose delivery stream writes to S3 without a KMS key (KMSEncryptionConfig.AWSKMSKeyARN is not set).',
  explanation:
    'Objects Firehose delivers land in the raw zone. Naming the platform key makes Firehose encrypt them with it ' +
    'whatever the bucket default, and needs the stream role granted on that key.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::KinesisFirehose::DeliveryStream') {
      return NagRuleCompliance.NOT_APPLICABLE;
    }
    const destinations = s3Destinations(renderedProperties(node));
    if (destinations.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
    return destinations.every((d) => isSet(d.EncryptionConfiguration?.KMSEncryptionConfig?.AWSKMSKeyARN))
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
