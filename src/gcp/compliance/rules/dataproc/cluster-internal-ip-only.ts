import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { block, nested } from '../../private/config';

/**
 * Dataproc clusters do not have public IP addresses (internal_ip_only).
 * @see https://cloud.google.com/dataproc/docs/concepts/configuring-clusters/network#create_a_dataproc_cluster_with_internal_ip_address_only
 */
export const CKV_GCP_103: TerraformRule = {
  id: 'CKV_GCP_103',
  description: 'Dataproc clusters do not have public IP addresses (internal_ip_only).',
  explanation:
    'Dataproc cluster VMs have internal IP addresses only (`internal_ip_only = true`, set ' +
    'explicitly). Not applicable to Dataproc on GKE (virtual clusters).',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_dataproc_cluster'],
  check: (r) => {
    if (!block(r.config, 'cluster_config') && block(r.config, 'virtual_cluster_config')) {
      return RuleResult.NOT_APPLICABLE;
    }
    return compliantIf(nested(r.config, 'cluster_config', 'gce_cluster_config')?.internal_ip_only === true);
  },
};
