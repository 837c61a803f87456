import { formatColumnType, odcsLogicalType } from './column-type';
import type { PlannedProduct } from './plan-types';

/** The Open Data Contract Standard version the kit's contracts follow. */
export const ODCS_API_VERSION = 'v3.1.0';

/** One property (column) of a contract's schema object, as the standard names its fields. */
export interface OpenDataContractProperty {
  readonly name: string;
  readonly logicalType: string;
  readonly physicalType: string;
  readonly description?: string;
  readonly required: boolean;
  readonly classification: string;
  readonly partitioned: boolean;
  readonly partitionKeyPosition?: number;
}

/** One service-level property of a contract (freshness, retention). */
export interface OpenDataContractSla {
  readonly property: string;
  readonly value: number;
  readonly unit: string;
  readonly element?: string;
  readonly schedule?: string;
}

/**
 * A product's data contract in the Open Data Contract Standard's (v3) shape, JSON-serializable:
 * what governance registers and publishes for consumers.
 */
export interface OpenDataContract {
  readonly apiVersion: string;
  readonly kind: 'DataContract';
  /** `<mesh>.<domain>.<product>`. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  readonly status: string;
  readonly domain: string;
  readonly dataProduct: string;
  readonly description: { readonly purpose: string };
  readonly team: readonly { readonly username: string; readonly role: string }[];
  readonly schema: readonly {
    readonly name: string;
    readonly physicalName: string;
    readonly logicalType: 'object';
    readonly physicalType: 'table';
    readonly properties: readonly OpenDataContractProperty[];
  }[];
  readonly slaProperties: readonly OpenDataContractSla[];
  readonly tags: readonly string[];
  readonly customProperties: readonly { readonly property: string; readonly value: unknown }[];
}

/**
 * A planned product's contract in the Open Data Contract Standard's shape. Deterministic: no
 * timestamps or generated ids, so the registry changes only when the contract does.
 *
 * @example
 * const contracts = plan.products.map((p) => toOpenDataContract(plan.name, p));
 */
export function toOpenDataContract(mesh: string, product: PlannedProduct): OpenDataContract {
  const sla: OpenDataContractSla[] = [
    {
      property: 'freshness',
      value: product.freshness.maxAgeHours,
      unit: 'h',
      element: product.table,
      schedule: product.freshness.schedule.cron,
    },
  ];
  if (product.dataRetentionDays !== undefined) {
    sla.push({ property: 'retention', value: product.dataRetentionDays, unit: 'd', element: product.table });
  }
  return {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: `${mesh}.${product.id}`,
    name: product.name,
    version: product.version,
    status: product.status,
    domain: product.domain,
    dataProduct: product.name,
    description: { purpose: product.description },
    team: [{ username: product.owner, role: 'owner' }],
    schema: [
      {
        name: product.table,
        physicalName: product.table,
        logicalType: 'object',
        physicalType: 'table',
        properties: product.columns.map((c) => ({
          name: c.name,
          logicalType: odcsLogicalType(c.type),
          physicalType: formatColumnType(c.type),
          ...(c.description === undefined ? {} : { description: c.description }),
          required: c.required,
          classification: c.classification,
          partitioned: c.partition,
          ...(c.partition ? { partitionKeyPosition: product.partitionColumns.indexOf(c.name) + 1 } : {}),
        })),
      },
    ],
    slaProperties: sla,
    tags: [product.classification],
    customProperties: [
      { property: 'format', value: product.format },
      { property: 'zone', value: product.zone },
      { property: 'path', value: product.path },
      { property: 'inputs', value: product.inputs },
      ...(product.snapshotRetentionDays === undefined
        ? []
        : [{ property: 'snapshotRetentionDays', value: product.snapshotRetentionDays }]),
    ],
  };
}
