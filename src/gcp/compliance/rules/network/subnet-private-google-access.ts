import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { PROXY_ONLY_SUBNET_PURPOSES } from '../../private/types';

/**
 * VPC subnets have Private Google Access enabled.
 * @see https://cloud.google.com/vpc/docs/private-google-access
 */
export const CKV_GCP_74: TerraformRule = {
  id: 'CKV_GCP_74',
  description: 'VPC subnets have Private Google Access enabled.',
  explanation:
    'VPC subnets have Private Google Access, so workloads without external IPs reach Google ' +
    'APIs (Cloud Storage, BigQuery) privately. Not applicable to proxy-only subnets, which ' +
    'hold no VMs.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_compute_subnetwork'],
  check: (r) => {
    if (PROXY_ONLY_SUBNET_PURPOSES.includes(r.config.purpose)) return RuleResult.NOT_APPLICABLE;
    return compliantIf(r.config.private_ip_google_access === true);
  },
};
