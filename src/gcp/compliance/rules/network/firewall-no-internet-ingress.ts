import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { blocks } from '../../private/config';
import { INTERNET_RANGES } from '../../private/types';

/**
 * Firewall rules do not allow ingress from the whole internet (0.0.0.0/0 or ::/0).
 * @see https://cloud.google.com/firewall/docs/firewalls#sources_for_ingress_rules
 */
export const AVD_GCP_0027: TerraformRule = {
  id: 'AVD-GCP-0027',
  description: 'Firewall rules do not allow ingress from the whole internet (0.0.0.0/0 or ::/0).',
  explanation:
    'Firewall rules that allow ingress do not allow it from the whole internet: no ' +
    '`0.0.0.0/0` or `::/0` source range, and at least one source (GCP applies an ingress rule ' +
    'without any source range, tag or service account to `0.0.0.0/0`). Deny rules, egress ' +
    'rules and disabled rules are not applicable; a source list given as a reference is not ' +
    'judged.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_compute_firewall'],
  check: (r) => {
    const ingress = (r.config.direction ?? 'INGRESS') === 'INGRESS';
    if (!ingress || r.config.disabled === true || blocks(r.config, 'allow').length === 0) {
      return RuleResult.NOT_APPLICABLE;
    }
    const ranges: unknown = r.config.source_ranges;
    const hasSource = ['source_ranges', 'source_tags', 'source_service_accounts'].some(
      (key) => r.config[key] !== undefined && !(Array.isArray(r.config[key]) && r.config[key].length === 0),
    );
    const open =
      Array.isArray(ranges) && ranges.some((range) => INTERNET_RANGES.includes(String(range).trim()));
    return compliantIf(hasSource && !open);
  },
};
