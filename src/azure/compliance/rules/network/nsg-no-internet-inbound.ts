import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { blocks, type Config, stringList } from '../../private/config';

/** Source prefixes that mean "anywhere on the internet". */
const ANYWHERE = ['*', 'internet', 'any', '0.0.0.0', '0.0.0.0/0', '::/0'];

const isInboundAllow = (rule: Config) =>
  String(rule.direction ?? '').toLowerCase() === 'inbound' &&
  String(rule.access ?? '').toLowerCase() === 'allow';

const fromAnywhere = (rule: Config) =>
  [...stringList(rule.source_address_prefix), ...stringList(rule.source_address_prefixes)].some((p) =>
    ANYWHERE.includes(p.trim().toLowerCase()),
  );

/**
 * No network security group rule allows inbound traffic from the internet.
 * @see https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview
 */
export const DPK_AZURE_NSG_INTERNET_INBOUND: TerraformRule = {
  id: 'DPK_AZURE_NSG_INTERNET_INBOUND',
  description: 'No network security group rule allows inbound traffic from the internet',
  explanation:
    'No network security group rule allows inbound traffic from the internet (source `*`, ' +
    '`Internet`, `Any`, `0.0.0.0/0` or `::/0`), whether written inline (`security_rule`) or ' +
    "as an `azurerm_network_security_rule`; on any port, which covers Checkov's per-port " +
    'checks (CKV_AZURE_9 RDP, CKV_AZURE_10 SSH, CKV_AZURE_77 UDP, CKV_AZURE_160 HTTP). Not ' +
    "applicable to groups without inline rules and to deny or outbound rules. The kit's own " +
    'id.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  check: (r) => {
    const rules = r.type === 'azurerm_network_security_rule' ? [r.config] : blocks(r.config, 'security_rule');
    const allows = rules.filter(isInboundAllow);
    if (allows.length === 0) return RuleResult.NOT_APPLICABLE;
    return compliantIf(!allows.some(fromAnywhere));
  },
};
