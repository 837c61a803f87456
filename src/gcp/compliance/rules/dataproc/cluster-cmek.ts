import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { block, isSet, nested } from '../../private/config';

/**
 * Dataproc clusters are encrypted with a customer-managed key (CMEK).
 * @see https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/customer-managed-encryption
 */
export const CKV_GCP_91: TerraformRule = {
  id: 'CKV_GCP_91',
  description: 'Dataproc clusters are encrypted with a customer-managed key (CMEK).',
  explanation:
    'Dataproc clusters encrypt their persistent disks and cluster data with a ' +
    'customer-managed key. Not applicable to Dataproc on GKE (virtual clusters), which have ' +
    'no such setting.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_dataproc_cluster'],
  check: (r) => {
    if (!block(r.config, 'cluster_config') && block(r.config, 'virtual_cluster_config')) {
      return RuleResult.NOT_APPLICABLE;
    }
    return compliantIf(isSet(nested(r.config, 'cluster_config', 'encryption_config')?.kms_key_name));
  },
};
