import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * Cloud Storage buckets have uniform bucket-level access enabled.
 * @see https://cloud.google.com/storage/docs/uniform-bucket-level-access
 */
export const CKV_GCP_29: TerraformRule = {
  id: 'CKV_GCP_29',
  description: 'Cloud Storage buckets have uniform bucket-level access enabled.',
  explanation:
    'Cloud Storage buckets use uniform bucket-level access: IAM only, no object ACLs that ' +
    'could make single objects public.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(r.config.uniform_bucket_level_access === true),
};
