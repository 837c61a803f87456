import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block } from '../../private/config';

/**
 * Cloud Storage buckets have object versioning enabled.
 * @see https://cloud.google.com/storage/docs/object-versioning
 */
export const CKV_GCP_78: TerraformRule = {
  id: 'CKV_GCP_78',
  description: 'Cloud Storage buckets have object versioning enabled.',
  explanation:
    'Cloud Storage buckets keep object versions, so overwritten or deleted data can be ' + 'restored.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(block(r.config, 'versioning')?.enabled === true),
};
