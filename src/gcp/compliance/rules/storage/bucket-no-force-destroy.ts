import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * Cloud Storage buckets are never force_destroy (objects are never deleted with the bucket).
 * @see https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#force_destroy-1
 */
export const DPK_GCP_BUCKET_FORCE_DESTROY: TerraformRule = {
  id: 'DPK_GCP_BUCKET_FORCE_DESTROY',
  description: 'Cloud Storage buckets are never force_destroy (objects are never deleted with the bucket).',
  explanation:
    'Cloud Storage buckets are never `force_destroy`: `terraform destroy` (or a replacement) ' +
    'must not delete every object of a bucket on its way out. Only a literal `false` or no ' +
    'value passes; a reference could be true. Kit rule (no public id): a data-loss guard the ' +
    'public packs do not have.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(r.config.force_destroy === undefined || r.config.force_destroy === false),
};
