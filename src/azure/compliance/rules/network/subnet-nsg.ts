import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { referencing } from '../../private/config';

/** Subnets Azure reserves for gateways, firewalls and route servers, which must not have an NSG. */
const RESERVED_SUBNETS = [
  'GatewaySubnet',
  'AzureFirewallSubnet',
  'AzureFirewallManagementSubnet',
  'RouteServerSubnet',
];

/**
 * Subnets have a network security group.
 * @see https://github.com/bridgecrewio/checkov/blob/main/checkov/terraform/checks/graph_checks/azure/AzureSubnetConfigWithNSG.yaml
 */
export const CKV2_AZURE_31: TerraformRule = {
  id: 'CKV2_AZURE_31',
  description: 'Subnets have a network security group',
  explanation:
    'Subnets have a network security group (an ' +
    "`azurerm_subnet_network_security_group_association` whose `subnet_id` is the subnet's). " +
    'Not applicable to the subnets Azure reserves for gateways, firewalls and route servers.',
  level: RuleLevel.ERROR,
  resourceTypes: ['azurerm_subnet'],
  check: (r, doc) => {
    if (RESERVED_SUBNETS.includes(String(r.config.name))) return RuleResult.NOT_APPLICABLE;
    return compliantIf(
      referencing(doc, 'azurerm_subnet_network_security_group_association', 'subnet_id', r).length > 0,
    );
  },
};
