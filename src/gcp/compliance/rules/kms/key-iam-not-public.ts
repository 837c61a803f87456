import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Cloud KMS crypto keys are not anonymously or publicly accessible.
 * @see https://cloud.google.com/kms/docs/iam
 */
export const CKV2_GCP_6 = noPublicMembersRule({
  id: 'CKV2_GCP_6',
  description: 'Cloud KMS crypto keys are not anonymously or publicly accessible.',
  explanation:
    'No IAM grant on a Cloud KMS crypto key goes to a public principal (anyone could then ' +
    'encrypt or decrypt with it). CIS GCP 1.9.',
  resourceTypes: iamTypes('kms_crypto_key'),
});
