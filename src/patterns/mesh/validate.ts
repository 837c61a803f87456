import type { IConstruct } from 'constructs';
import { checkDataMeshSpec } from './private/check';
import type { DataMeshSpec } from './spec';

/** What the cloud rendering a mesh can do, for the checks that depend on it. */
export interface DataMeshValidationOptions {
  /**
   * Whether the cloud can hide columns from one consumer (AWS and GCP can; Azure cannot).
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
}

/**
 * Validates a data mesh spec on `scope` (the construct errors are reported against), collecting
 * every violation into one `ValidationError` grouped by code: `DPK_INVALID_NAME` (mesh, domain,
 * product, column and level names), zone errors of each domain's lakehouse, `DPK_CONFLICTING_PROPS`
 * (duplicates, self-subscriptions, options that do not fit the format or partitioning),
 * `DPK_UNKNOWN_REFERENCE` (unknown domain, product, persona, input, partition column or level),
 * `DPK_UNKNOWN_ZONE`, `DPK_OUT_OF_RANGE` (versions, types, limits every cloud would reject),
 * `DPK_INVALID_PRINCIPAL` (owners, approvers, admins), `DPK_CLASSIFICATION` (public products with
 * classified columns, restricted products without listed consumers, subscriptions above a
 * consumer's clearance) and `DPK_LINEAGE_CYCLE`. Each domain's lakehouse is checked as
 * `validateLakehouseSpec` would, its props prefixed with the domain's path.
 *
 * @example
 * validateDataMeshSpec(this, meshSpec, { columnFiltering: false, cloud: 'Azure Storage' });
 */
export function validateDataMeshSpec(
  scope: IConstruct,
  spec: DataMeshSpec,
  options: DataMeshValidationOptions = {},
): void {
  checkDataMeshSpec(scope, spec, options.columnFiltering ?? true, options.cloud);
}
