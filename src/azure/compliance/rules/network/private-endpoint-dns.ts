import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { block, stringList } from '../../private/config';

/**
 * Private endpoints register their address in a private DNS zone.
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns-integration
 */
export const DPK_AZURE_PRIVATE_ENDPOINT_DNS: TerraformRule = {
  id: 'DPK_AZURE_PRIVATE_ENDPOINT_DNS',
  description: 'Private endpoints register their address in a private DNS zone',
  explanation:
    'Private endpoints register in a private DNS zone (`private_dns_zone_group` with at least ' +
    "one `private_dns_zone_ids`): otherwise clients keep resolving the service's public " +
    "address and either fail (public access off) or leave the private path. The kit's own id: " +
    'Checkov has no private-endpoint DNS check.',
  level: RuleLevel.WARNING,
  resourceTypes: ['azurerm_private_endpoint'],
  check: (r) => {
    const group = block(r.config, 'private_dns_zone_group');
    return compliantIf(stringList(group?.private_dns_zone_ids).length > 0);
  },
};
