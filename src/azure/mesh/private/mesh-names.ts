/**
 * The deterministic names an Azure data mesh's stacks find each other by (data sources by name,
 * never remote state): resource groups, persona identities, the product containers, peerings,
 * DNS zone links, freshness rules and contract blobs. Internal: not exported from the entry point.
 */
import { constructIdFrom } from '../../../core/internal';
import type { PlannedProduct } from '../../../patterns';

/** Azure's limits on a blob container's name: 3-63 lowercase letters, digits and single hyphens. */
export const CONTAINER_NAME_PATTERN = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;

/** The governance (data management zone) resource group. */
export function governanceResourceGroupName(mesh: string): string {
  return `rg-${mesh}-governance`;
}

/** A domain's (data landing zone's) resource group. */
export function domainResourceGroupName(mesh: string, domain: string): string {
  return `rg-${mesh}-${domain}`;
}

/** A persona's user-assigned identity: `id-<mesh>-<domain>-<persona>`, unique in its resource group. */
export function personaIdentityName(mesh: string, domain: string, persona: string): string {
  return `id-${mesh}-${domain}-${persona}`;
}

/** A product's container in its producer's lake: `product-<name>` (underscores as hyphens). */
export function productContainerName(product: Pick<PlannedProduct, 'name'>): string {
  return `product-${product.name.replace(/_/g, '-')}`;
}

/** Where governance keeps a product's contract: `<domain>/<product>.json` in the contracts container. */
export function contractBlobName(product: Pick<PlannedProduct, 'domain' | 'name'>): string {
  return `${product.domain}/${product.name}.json`;
}

/** A product's freshness rule (unique in the producer's resource group). */
export function freshnessRuleName(mesh: string, product: Pick<PlannedProduct, 'domain' | 'name'>): string {
  return `freshness-${mesh}-${product.domain}-${product.name.replace(/_/g, '-')}`;
}

/** The peering from `from`'s network to `to`'s (`hub` for the data management zone's). */
export function peeringName(mesh: string, from: string, to: string): string {
  return `peer-${mesh}-${from}-to-${to}`;
}

/** A domain network's link to one of governance's private DNS zones (unique per zone). */
export function dnsLinkName(mesh: string, domain: string): string {
  return `link-${mesh}-${domain}`;
}

/** A mesh name (domain, persona, product) as a construct id part: `order_lines` → `OrderLines`. */
export function idPart(name: string): string {
  return constructIdFrom(name.replace(/_/g, '-'));
}
