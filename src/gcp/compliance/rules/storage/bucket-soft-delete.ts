import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block } from '../../private/config';

/**
 * Cloud Storage buckets keep soft delete enabled (retention above 0 seconds).
 * @see https://cloud.google.com/storage/docs/soft-delete
 */
export const DPK_GCP_BUCKET_SOFT_DELETE: TerraformRule = {
  id: 'DPK_GCP_BUCKET_SOFT_DELETE',
  description: 'Cloud Storage buckets keep soft delete enabled (retention above 0 seconds).',
  explanation:
    'Cloud Storage buckets keep soft delete on: deleted objects (and a deleted bucket) stay ' +
    "restorable for the retention period. Unset means Cloud Storage's 7-day default; only a " +
    'retention of 0 turns it off. Kit rule (no public id): Checkov and Trivy check versioning ' +
    'but not soft delete, which is the only way back from deleting a whole bucket.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => {
    const seconds = block(r.config, 'soft_delete_policy')?.retention_duration_seconds;
    return compliantIf(seconds !== 0 && seconds !== '0');
  },
};
