import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Cloud KMS key rings are not anonymously or publicly accessible.
 * @see https://cloud.google.com/kms/docs/iam
 */
export const CKV2_GCP_8 = noPublicMembersRule({
  id: 'CKV2_GCP_8',
  description: 'Cloud KMS key rings are not anonymously or publicly accessible.',
  explanation:
    'No IAM grant on a Cloud KMS key ring goes to a public principal (it would reach every ' +
    'key of the ring).',
  resourceTypes: iamTypes('kms_key_ring'),
});
