import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { block } from '../../private/config';

/**
 * Cloud Storage buckets do not write their access logs to themselves.
 * @see https://cloud.google.com/storage/docs/access-logs
 */
export const CKV_GCP_63: TerraformRule = {
  id: 'CKV_GCP_63',
  description: 'Cloud Storage buckets do not write their access logs to themselves.',
  explanation:
    'A Cloud Storage bucket does not log to itself (each log object would be logged again). ' +
    'Not applicable to buckets without access logging.',
  level: RuleLevel.WARNING,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => {
    const target = block(r.config, 'logging')?.log_bucket;
    if (target === undefined) return RuleResult.NOT_APPLICABLE;
    return compliantIf(target !== r.config.name);
  },
};
