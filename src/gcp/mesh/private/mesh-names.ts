/**
 * The deterministic names a data mesh's stacks find each other by: persona service accounts
 * (granted by email in other stacks, so no stack reads another's state for them), product
 * datasets and the contract objects. Server-generated ids (policy tags) are never derived: they
 * cross stacks as Terraform remote-state references. Internal: not exported from the entry point.
 */
import { constructIdFrom } from '../../../core/zones';
import type { PlannedProduct } from '../../../patterns';
import { underscored } from '../../private/names';

/** A persona's service account id: `<mesh>-<domain>-<persona>` (6-30 of a-z, 0-9, '-'). */
export function personaAccountId(mesh: string, domain: string, persona: string): string {
  return `${mesh}-${domain}-${persona}`;
}

/** The email of a persona's service account in `project`. */
export function personaEmail(mesh: string, domain: string, persona: string, project: string): string {
  return `${personaAccountId(mesh, domain, persona)}@${project}.iam.gserviceaccount.com`;
}

/** The service account a domain's freshness checks run as: `<mesh>-<domain>-freshness`. */
export function freshnessAccountId(mesh: string, domain: string): string {
  return `${mesh}-${domain}-freshness`;
}

/** A product's own dataset: `<mesh>_<domain>_<product>`, what consumers query it by. */
export function productDatasetId(mesh: string, product: PlannedProduct): string {
  return underscored(`${mesh}_${product.domain}_${product.name}`);
}

/** Where governance registers a product's contract (Open Data Contract Standard JSON). */
export function contractObjectName(product: PlannedProduct): string {
  return `contracts/${product.domain}/${product.name}.json`;
}

/** The Data Catalog taxonomy's display name (unique per project and location). */
export function taxonomyName(mesh: string): string {
  return `${mesh} classification`;
}

/** The Data Catalog location of datasets in BigQuery `location` (`EU` → `eu`). */
export function taxonomyRegion(location: string): string {
  return location.toLowerCase();
}

/** A mesh name (domain, persona, product, level) as a construct id part: `revenue_daily` → `RevenueDaily`. */
export function idPart(name: string): string {
  return constructIdFrom(name.replace(/_/g, '-'));
}
