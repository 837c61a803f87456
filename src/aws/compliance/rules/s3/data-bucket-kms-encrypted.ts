import { type CfnResource, Stack } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { isSet, literal, referencedLogicalId, renderedProperties } from '../../private/cfn';
import { ComplianceFramework, type DataPlatformRule, RuleOrigin } from '../../rule';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];
const LOG_DELIVERY_SERVICE = 'logging.s3.amazonaws.com';

const isCfn = (c: IConstruct, type: string): c is CfnResource =>
  (c as Partial<CfnResource>).cfnResourceType === type;

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * True when S3 delivers server access logs to `node`: a bucket of the same stack names it as
 * its logging destination, or a bucket policy of the same stack lets the log-delivery service
 * write to it (the form a destination for other stacks' buckets takes).
 */
function isAccessLogDestination(node: CfnResource, props: Record<string, any>): boolean {
  const stack = Stack.of(node);
  const logicalId = stack.resolve(node.logicalId) as string;
  const name: unknown = props.BucketName;
  return stack.node.findAll().some((c) => {
    if (c === node) return false;
    if (isCfn(c, 'AWS::S3::Bucket')) {
      const destination: unknown = renderedProperties(c).LoggingConfiguration?.DestinationBucketName;
      return (
        referencedLogicalId(destination) === logicalId || (typeof name === 'string' && destination === name)
      );
    }
    if (isCfn(c, 'AWS::S3::BucketPolicy')) {
      const policy = renderedProperties(c);
      if (referencedLogicalId(policy.Bucket) !== logicalId) return false;
      return asList(policy.PolicyDocument?.Statement).some(
        (s: any) => s?.Effect === 'Allow' && asList(s.Principal?.Service).includes(LOG_DELIVERY_SERVICE),
      );
    }
    return false;
  });
}

/**
 * `DPK-AWS-S3DataBucketKMSEncrypted`: every S3 bucket's default encryption fits its use. A data
 * bucket uses SSE-KMS (`aws:kms` or `aws:kms:dsse`) with a customer-managed key
 * (`KMSMasterKeyID` set); a server-access-log destination uses SSE-S3 (`AES256`, or no
 * explicit setting, which S3 reads as SSE-S3), because S3 delivers server access logs to
 * SSE-S3 buckets only: a KMS-encrypted log bucket silently receives no logs.
 *
 * Replaces cdk-nag's `S3DefaultEncryptionKMS` (HIPAA, NIST 800-53 R5, PCI DSS 3.2.1), which
 * flags every access-log bucket and accepts the AWS-managed `aws/s3` key.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 */
export const S3DataBucketKMSEncrypted: DataPlatformRule = {
  name: 'S3DataBucketKMSEncrypted',
  info:
    "The S3 bucket's default encryption does not fit its use: a data bucket needs SSE-KMS with a customer-managed " +
    'key; a server-access-log destination needs SSE-S3.',
  explanation:
    'Data at rest stays under the platform key, its key policy and audit trail. S3 server access logging only ' +
    'delivers to buckets whose default encryption is SSE-S3, so the log bucket is the one deliberate exception.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [
    ComplianceFramework.HIPAA_SECURITY,
    ComplianceFramework.NIST_800_53_R5,
    ComplianceFramework.PCI_DSS_321,
  ],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::S3::Bucket') return NagRuleCompliance.NOT_APPLICABLE;
    const props = renderedProperties(node);
    const defaults = asList(props.BucketEncryption?.ServerSideEncryptionConfiguration).map(
      (r: any) => r?.ServerSideEncryptionByDefault,
    );
    const algorithms = defaults.map((d) => literal(node, d?.SSEAlgorithm));
    if (isAccessLogDestination(node, props)) {
      return algorithms.every((a) => a === undefined || a === 'AES256')
        ? NagRuleCompliance.COMPLIANT
        : NagRuleCompliance.NON_COMPLIANT;
    }
    const kms = defaults.every(
      (d, i) => KMS_ALGORITHMS.includes(algorithms[i] ?? '') && isSet(d?.KMSMasterKeyID),
    );
    return defaults.length > 0 && kms ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
