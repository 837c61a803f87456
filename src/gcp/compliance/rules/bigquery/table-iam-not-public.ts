import { noPublicMembersRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * BigQuery tables are not anonymously or publicly accessible.
 * @see https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
 */
export const CKV_GCP_100 = noPublicMembersRule({
  id: 'CKV_GCP_100',
  description: 'BigQuery tables are not anonymously or publicly accessible.',
  explanation: 'No IAM grant on a BigQuery table goes to a public principal.',
  resourceTypes: iamTypes('bigquery_table'),
});
