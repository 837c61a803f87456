import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * Cloud Storage buckets enforce public access prevention ('enforced').
 * @see https://cloud.google.com/storage/docs/public-access-prevention
 */
export const CKV_GCP_114: TerraformRule = {
  id: 'CKV_GCP_114',
  description: "Cloud Storage buckets enforce public access prevention ('enforced').",
  explanation:
    'Cloud Storage buckets enforce public access prevention, so no IAM grant or ACL can ever ' +
    "expose their data (Checkov's current id for this check; it once belonged to a " +
    'folder-level IAM check).',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(r.config.public_access_prevention === 'enforced'),
};
