import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Cloud Storage buckets are not anonymously or publicly accessible through IAM.
 * @see https://cloud.google.com/storage/docs/access-control/making-data-public
 */
export const CKV_GCP_28 = noPublicMembersRule({
  id: 'CKV_GCP_28',
  description: 'Cloud Storage buckets are not anonymously or publicly accessible through IAM.',
  explanation: 'No IAM grant on a Cloud Storage bucket goes to `allUsers` or `allAuthenticatedUsers`.',
  resourceTypes: iamTypes('storage_bucket'),
});
