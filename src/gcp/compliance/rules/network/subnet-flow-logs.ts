import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { block } from '../../private/config';
import { PROXY_ONLY_SUBNET_PURPOSES } from '../../private/types';

/**
 * VPC subnets have flow logs enabled.
 * @see https://cloud.google.com/vpc/docs/using-flow-logs
 */
export const CKV_GCP_26: TerraformRule = {
  id: 'CKV_GCP_26',
  description: 'VPC subnets have flow logs enabled.',
  explanation:
    'VPC subnets log their flows: a `log_config` block, and `enable_flow_logs` not turned ' +
    'off. Not applicable to proxy-only subnets, which cannot have flow logs.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_compute_subnetwork'],
  check: (r) => {
    if (PROXY_ONLY_SUBNET_PURPOSES.includes(r.config.purpose)) return RuleResult.NOT_APPLICABLE;
    return compliantIf(block(r.config, 'log_config') !== undefined && r.config.enable_flow_logs !== false);
  },
};
