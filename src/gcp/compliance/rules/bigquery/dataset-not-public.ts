import { compliantIf, RuleLevel, type TerraformRule, type TfResource } from '../../../../core/internal';
import { blocks } from '../../private/config';
import { iamTypes, isPublicPrincipal, membersOf } from '../../private/iam';

/** True when a dataset access entry (a dataset's `access` block or a `google_bigquery_dataset_access`) is public. */
function isPublicAccessEntry(entry: Readonly<Record<string, unknown>>): boolean {
  return isPublicPrincipal(entry.special_group) || isPublicPrincipal(entry.iam_member);
}

function isPublic(r: TfResource): boolean {
  switch (r.type) {
    case 'google_bigquery_dataset':
      return blocks(r.config, 'access').some(isPublicAccessEntry);
    case 'google_bigquery_dataset_access':
      return isPublicAccessEntry(r.config);
    default:
      return membersOf(r.config).some(isPublicPrincipal);
  }
}

/**
 * BigQuery datasets are not anonymously or publicly accessible (access entries and IAM).
 * @see https://cloud.google.com/bigquery/docs/control-access-to-resources-iam
 */
export const CKV_GCP_15: TerraformRule = {
  id: 'CKV_GCP_15',
  description: 'BigQuery datasets are not anonymously or publicly accessible (access entries and IAM).',
  explanation:
    'BigQuery datasets are not public: no `access` entry of the dataset, no ' +
    '`google_bigquery_dataset_access` and no dataset IAM member or binding grants to ' +
    "`allUsers` or `allAuthenticatedUsers`. (Checkov's CKV_GCP_15 reads the `access` blocks; " +
    'the kit applies the same id to the other two ways of granting on a dataset.)',
  level: RuleLevel.ERROR,
  resourceTypes: [
    'google_bigquery_dataset',
    'google_bigquery_dataset_access',
    ...iamTypes('bigquery_dataset'),
  ],
  check: (r) => compliantIf(!isPublic(r)),
};
