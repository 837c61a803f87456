import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Dataproc clusters are not anonymously or publicly accessible.
 * @see https://cloud.google.com/dataproc/docs/concepts/iam/iam
 */
export const CKV_GCP_98 = noPublicMembersRule({
  id: 'CKV_GCP_98',
  description: 'Dataproc clusters are not anonymously or publicly accessible.',
  explanation:
    'No IAM grant on a Dataproc cluster goes to a public principal. (Proposed upstream as ' +
    'CKV_GCP_96, merged as CKV_GCP_98: 96 belongs to a Vertex AI check.)',
  resourceTypes: iamTypes('dataproc_cluster'),
});
