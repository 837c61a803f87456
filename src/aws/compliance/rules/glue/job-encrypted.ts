import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isSet, literal, referencedLogicalId, renderedProperties } from '../../private/cfn';
import { type DataPlatformRule, RuleOrigin } from '../../rule';

const SECURITY_CONFIGURATION = 'AWS::Glue::SecurityConfiguration';

/** The encryption settings of the security configuration `value` names (a `Ref` or a literal name) in `node`'s stack. */
function securityConfigurationOf(node: CfnResource, value: unknown): Record<string, any> | undefined {
  const stack = Stack.of(node);
  const logicalId = referencedLogicalId(value);
  const name = logicalId === undefined ? literal(node, value) : undefined;
  const match = stack.node
    .findAll()
    .filter(
      (c): c is CfnResource => CfnResource.isCfnResource(c) && c.cfnResourceType === SECURITY_CONFIGURATION,
    )
    .find((c) =>
      logicalId !== undefined
        ? stack.resolve(c.logicalId) === logicalId
        : renderedProperties(c).Name === name,
    );
  return match && (renderedProperties(match).EncryptionConfiguration ?? {});
}

/** True when every S3 encryption is SSE-KMS with a key, and there is at least one. */
function s3Encrypted(node: CfnResource, settings: Record<string, any>): boolean {
  const s3: unknown = settings.S3Encryptions;
  const list = Array.isArray(s3) ? s3 : s3 && typeof s3 === 'object' ? [s3] : [];
  return (
    list.length > 0 &&
    list.every((e: any) => literal(node, e?.S3EncryptionMode) === 'SSE-KMS' && isSet(e?.KmsKeyArn))
  );
}

/**
 * `DPK-AWS-GlueJobEncrypted`: a Glue job (`AWS::Glue::Job`) runs with a security configuration
 * of the same stack that encrypts all three things a job writes with KMS keys: its S3 output
 * (`S3Encryptions`: `SSE-KMS` with a key), its CloudWatch logs (`SSE-KMS` with a key) and its job
 * bookmarks (`CSE-KMS` with a key). Not applicable to other resources.
 *
 * No public id: cdk-nag's HIPAA Security, NIST 800-53 R5 and PCI DSS 3.2.1 packs do not check
 * Glue jobs; AwsSolutions `GL1` and `GL3` check logs and bookmarks but not S3.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
 */
export const GlueJobEncrypted: DataPlatformRule = {
  name: 'GlueJobEncrypted',
  info: 'The Glue job has no security configuration that encrypts its S3 output, CloudWatch logs and job bookmarks with KMS keys.',
  explanation:
    'A job writes data to the lake, echoes records into its logs and keeps its progress in bookmarks. A security ' +
    'configuration with KMS keys for all three keeps each under a customer-managed key and its audit trail.',
  level: NagMessageLevel.ERROR,
  origin: RuleOrigin.KIT,
  frameworks: [],
  rule: (node: CfnResource) => {
    if (node.cfnResourceType !== 'AWS::Glue::Job') return NagRuleCompliance.NOT_APPLICABLE;
    const reference = renderedProperties(node).SecurityConfiguration;
    if (!isSet(reference)) return NagRuleCompliance.NON_COMPLIANT;
    const settings = securityConfigurationOf(node, reference);
    if (!settings) return NagRuleCompliance.NON_COMPLIANT;
    const logs = settings.CloudWatchEncryption ?? {};
    const bookmarks = settings.JobBookmarksEncryption ?? {};
    return s3Encrypted(node, settings) &&
      literal(node, logs.CloudWatchEncryptionMode) === 'SSE-KMS' &&
      isSet(logs.KmsKeyArn) &&
      literal(node, bookmarks.JobBookmarksEncryptionMode) === 'CSE-KMS' &&
      isSet(bookmarks.KmsKeyArn)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  },
};
