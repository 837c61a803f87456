import type { IConstruct } from 'constructs';
import { parseColumnType } from './column-type';
import { toOpenDataContract } from './contract';
import type {
  DataMeshPlan,
  ExpiredSubscription,
  MeshResourceModel,
  PlannedDomain,
  PlannedFreshnessCheck,
  PlannedProduct,
  PlannedSubscriptionGrant,
} from './plan-types';
import { LakehouseDefaults } from '../lakehouse/spec';
import { checkDataMeshSpec, MESH_ERROR_ORDER } from './private/check';
import { subscriberPersonas } from './private/check-subscriptions';
import {
  columnLevel,
  columnsAbove,
  type DomainContext,
  type MeshContext,
  productLevel,
} from './private/context';
import { planStacks } from './private/estimate';
import { productId } from './private/lineage';
import { DataMeshDefaults, type DataMeshSpec, type DataProduct, ProductFormat } from './spec';
import { ErrorCode, ValidationError, ZoneAccess } from '../../core/internal';

/** How `planDataMesh` adapts to the cloud that renders the plan. */
export interface DataMeshPlanOptions {
  /**
   * Whether the cloud can hide columns from one consumer (Lake Formation and BigQuery policy
   * tags can; Azure Storage cannot, so a subscription to columns above the consumer's clearance
   * is rejected there).
   * @default true
   */
  readonly columnFiltering?: boolean;
  /**
   * What cannot hide columns, as the rejection of a subscription above a consumer's clearance
   * names it when `columnFiltering` is false (`'Azure Storage'`: "Azure Storage cannot hide
   * columns: …; subscribe marketing to a de-identified product or clear it for confidential").
   * @default - unnamed ("this cloud cannot hide columns")
   */
  readonly cloud?: string;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC): those that expired before
   * it are not granted.
   * @default - today, UTC
   */
  readonly today?: string;
  /**
   * Resources each part costs in a stack, for the stack estimates.
   * @default DataMeshDefaults.RESOURCE_MODEL
   */
  readonly resourceModel?: MeshResourceModel;
  /**
   * Resources a stack may hold before planning fails.
   * @default DataMeshDefaults.MAX_RESOURCES_PER_STACK
   */
  readonly maxResourcesPerStack?: number;
}

/**
 * Validates `spec` (see `validateDataMeshSpec`; errors are reported against `scope`) and turns
 * it into a {@link DataMeshPlan}: per-domain lakehouse plans, per product its table, location,
 * contract and freshness check, the subscription matrix, lineage and the stacks in deploy order
 * with their estimated sizes. Pure: the same spec and options always give a deep-equal plan.
 *
 * Throws `DPK_STACK_TOO_LARGE` when a stack's estimate passes `maxResourcesPerStack`.
 *
 * @example
 * const plan = planDataMesh(this, meshSpec, { today: '2027-01-15' });
 * plan.subscriptions.filter((g) => g.consumer === 'marketing');
 */
export function planDataMesh(
  scope: IConstruct,
  spec: DataMeshSpec,
  options: DataMeshPlanOptions = {},
): DataMeshPlan {
  const columnFiltering = options.columnFiltering ?? true;
  const checked = checkDataMeshSpec(scope, spec, columnFiltering, options.cloud);
  const ctx: Omit<MeshContext, 'v'> = {
    levels: checked.levels,
    domains: new Map(checked.domains.map((d) => [d.spec.name, d])),
    columnFiltering,
  };
  const inputs = (id: string) => checked.lineage.filter((e) => e.to === id).map((e) => e.from);
  const domains: PlannedDomain[] = checked.domains.map((d) => ({
    name: d.spec.name,
    owner: d.spec.owner,
    description: d.spec.description,
    clearance: d.clearance,
    lakehouse: d.lakehouse!,
    products: (d.spec.products ?? []).map((p) =>
      planProduct(ctx, d, p, inputs(productId(d.spec.name, p.name))),
    ),
  }));
  const products = domains.flatMap((d) => d.products);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { grants, expired } = planSubscriptions(ctx, checked.domains, today);
  const stacks = planStacks(
    spec.name,
    domains,
    grants,
    checked.levels.length,
    options.resourceModel ?? DataMeshDefaults.RESOURCE_MODEL,
  );
  const max = options.maxResourcesPerStack ?? DataMeshDefaults.MAX_RESOURCES_PER_STACK;
  ValidationError.throwAll(
    scope,
    stacks
      .filter((s) => s.estimatedResources > max)
      .map((s) => ({
        code: ErrorCode.STACK_TOO_LARGE,
        prop: s.domain === undefined ? 'domains' : `domains[${JSON.stringify(s.domain)}]`,
        received: `about ${s.estimatedResources} resources in stack ${s.name}`,
        allowed: `at most ${max} resources in one stack: move products, streams or pipelines to another domain`,
      })),
    MESH_ERROR_ORDER,
  );
  return {
    name: spec.name,
    classifications: checked.levels,
    admins: [...new Set(spec.governance.admins)],
    tags: spec.governance.tags ?? {},
    domains,
    products,
    subscriptions: grants,
    expiredSubscriptions: expired,
    contracts: products.map((p) => toOpenDataContract(spec.name, p)),
    freshnessChecks: products.map((p) => p.freshness),
    lineage: checked.lineage,
    stacks,
  };
}

function planProduct(
  ctx: Omit<MeshContext, 'v'>,
  domain: DomainContext,
  product: DataProduct,
  inputs: readonly string[],
): PlannedProduct {
  const id = productId(domain.spec.name, product.name);
  const partitions = product.partitionColumns ?? [];
  const format = product.format ?? DataMeshDefaults.FORMAT;
  const maxAgeHours = (product.freshness ?? DataMeshDefaults.FRESHNESS).maxAgeHours;
  const freshness: PlannedFreshnessCheck = {
    product: id,
    maxAgeHours,
    schedule: {
      cron:
        maxAgeHours < DataMeshDefaults.DAILY_CHECK
          ? DataMeshDefaults.HOURLY_CHECK_CRON
          : DataMeshDefaults.DAILY_CHECK_CRON,
      timeZone: LakehouseDefaults.TIME_ZONE,
    },
    missingDataIsBreach: true,
    notify: domain.lakehouse!.alertEmails,
  };
  return {
    id,
    domain: domain.spec.name,
    name: product.name,
    version: product.version,
    majorVersion: Number(product.version.split('.')[0]),
    status: product.status ?? DataMeshDefaults.STATUS,
    description: product.description,
    owner: product.owner ?? domain.spec.owner,
    zone: product.zone ?? domain.zones[domain.zones.length - 1],
    table: product.name,
    path: `products/${product.name}/`,
    format,
    classification: productLevel(ctx, product),
    columns: product.schema.map((c) => ({
      name: c.name,
      type: parseColumnType(c.type)!,
      typeName: c.type,
      ...(c.description === undefined ? {} : { description: c.description }),
      classification: columnLevel(ctx, c.classification),
      required: c.required ?? false,
      partition: partitions.includes(c.name),
    })),
    partitionColumns: partitions,
    freshness,
    ...(format === ProductFormat.ICEBERG
      ? { snapshotRetentionDays: product.snapshotRetentionDays ?? DataMeshDefaults.SNAPSHOT_RETENTION_DAYS }
      : {}),
    ...(product.dataRetentionDays === undefined ? {} : { dataRetentionDays: product.dataRetentionDays }),
    inputs,
  };
}

function planSubscriptions(
  ctx: Omit<MeshContext, 'v'>,
  domains: readonly DomainContext[],
  today: string,
): { grants: PlannedSubscriptionGrant[]; expired: ExpiredSubscription[] } {
  const grants: PlannedSubscriptionGrant[] = [];
  const expired: ExpiredSubscription[] = [];
  for (const producer of domains) {
    for (const s of producer.spec.subscriptions ?? []) {
      const product = productId(producer.spec.name, s.product);
      if (s.expires !== undefined && s.expires < today) {
        expired.push({ consumer: s.consumer, product, expires: s.expires });
        continue;
      }
      const consumer = ctx.domains.get(s.consumer)!;
      const hiddenColumns = columnsAbove(ctx, producer.products.get(s.product)!, consumer.clearance);
      for (const persona of subscriberPersonas(s)) {
        grants.push({
          consumer: s.consumer,
          persona,
          product,
          producer: producer.spec.name,
          access: ZoneAccess.READ,
          hiddenColumns,
          approvedBy: s.approvedBy,
          ...(s.expires === undefined ? {} : { expires: s.expires }),
        });
      }
    }
  }
  return { grants, expired };
}
