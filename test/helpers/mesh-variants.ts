import { ACME_MESH } from '../../examples/data-mesh-spec';
import type { DataMeshSpec, MeshSubscription } from '../../src/patterns';

/**
 * ACME_MESH with marketing (cleared for internal data) subscribed to sales.orders itself rather
 * than its de-identified order_lines: the subscription that needs column filtering, since orders
 * holds the confidential customer_email. Valid where the cloud hides columns (Lake Formation,
 * BigQuery policy tags); rejected where it cannot (Azure Storage).
 */
export const MARKETING_READS_ORDERS: DataMeshSpec = {
  ...ACME_MESH,
  domains: ACME_MESH.domains.map((domain) =>
    domain.name === 'sales'
      ? {
          ...domain,
          subscriptions: [
            { consumer: 'marketing', product: 'orders', approvedBy: 'sales-data@example.com' },
            ...domain.subscriptions!.filter((s) => s.consumer !== 'marketing'),
          ],
        }
      : domain,
  ),
};

/** ACME_MESH with `subscriptions` added to those the `producer` domain already approved. */
export function withSubscriptions(
  producer: string,
  subscriptions: readonly MeshSubscription[],
): DataMeshSpec {
  return {
    ...ACME_MESH,
    domains: ACME_MESH.domains.map((domain) =>
      domain.name === producer
        ? { ...domain, subscriptions: [...(domain.subscriptions ?? []), ...subscriptions] }
        : domain,
    ),
  };
}
