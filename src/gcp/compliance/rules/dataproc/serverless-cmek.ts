import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet, nested } from '../../private/config';
import { DATAPROC_SERVERLESS_TYPES } from '../../private/types';

/**
 * Dataproc Serverless batches and session templates use a customer-managed key (CMEK).
 * @see https://cloud.google.com/dataproc-serverless/docs/guides/cmek-serverless
 */
export const DPK_GCP_DATAPROC_SERVERLESS_CMEK: TerraformRule = {
  id: 'DPK_GCP_DATAPROC_SERVERLESS_CMEK',
  description: 'Dataproc Serverless batches and session templates use a customer-managed key (CMEK).',
  explanation:
    'Dataproc Serverless batches and session templates encrypt workload data (disks, shuffle, ' +
    'staging) with a customer-managed key (`environment_config.execution_config.kms_key`). ' +
    'Kit rule (no public id): Checkov covers clusters only (CKV_GCP_91).',
  level: RuleLevel.ERROR,
  resourceTypes: DATAPROC_SERVERLESS_TYPES,
  check: (r) => compliantIf(isSet(nested(r.config, 'environment_config', 'execution_config')?.kms_key)),
};
