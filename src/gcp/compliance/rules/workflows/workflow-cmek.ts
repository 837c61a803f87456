import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';

/**
 * Workflows workflows use a customer-managed key (CMEK).
 * @see https://cloud.google.com/workflows/docs/use-cmek
 */
export const DPK_GCP_WORKFLOWS_CMEK: TerraformRule = {
  id: 'DPK_GCP_WORKFLOWS_CMEK',
  description: 'Workflows workflows use a customer-managed key (CMEK).',
  explanation:
    "Workflows encrypt their source and every execution's arguments, results, errors and HTTP " +
    'payloads with a customer-managed key (`crypto_key_name`). Kit rule (no public id): ' +
    'Checkov and Trivy have no Workflows checks.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_workflows_workflow'],
  check: (r) => compliantIf(isSet(r.config.crypto_key_name)),
};
