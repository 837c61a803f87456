/**
 * A data mesh's props checked and resolved before any stack is made: the plan, each domain's
 * project and region, how each product is rendered, and every GCP-only option. Internal: not
 * exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { freshnessAccountId, personaAccountId, productDatasetId } from './mesh-names';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { nameViolation } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import {
  type DataMeshPlan,
  type MeshResourceModel,
  planDataMesh,
  type PlannedProduct,
  ProductFormat,
} from '../../../patterns';
import { App } from '../../../terraform';
import { validateBigQueryLocation } from '../../private/bigquery';
import { GcpNameRules } from '../../private/names';
import { PipelineNameRules } from '../../private/pipeline-names';
import { validateProject } from '../../private/project';
import {
  type DataMeshDomainOptions,
  type DataMeshProps,
  PartitionedIcebergProducts,
} from '../data-mesh-types';

/** How one product is rendered on GCP. */
export enum ProductTableKind {
  /** A BigQuery table in BigQuery storage. */
  BIGQUERY = 'BIGQUERY',
  /** A BigQuery table for Apache Iceberg (BigLake) over the producer's zone bucket. */
  BIGLAKE_ICEBERG = 'BIGLAKE_ICEBERG',
}

/** A data mesh's props, checked and with every default resolved. */
export interface DataMeshSettings {
  /** The spec as given. */
  readonly spec: DataMeshProps;
  readonly plan: DataMeshPlan;
  readonly governanceProject: string;
  readonly location: string;
  readonly region?: string;
  /** Each domain's project, by domain name. */
  readonly projects: Readonly<Record<string, string>>;
  /** Each domain's region of regional services, by domain name. */
  readonly regions: Readonly<Record<string, string | undefined>>;
  /** How each product is rendered, by product id. */
  readonly tableKinds: Readonly<Record<string, ProductTableKind>>;
  readonly domainOptions: Readonly<Record<string, DataMeshDomainOptions>>;
}

const ORDER = [
  ErrorCode.CONFLICTING_PROPS,
  ErrorCode.UNKNOWN_REFERENCE,
  ErrorCode.INVALID_NAME,
  ErrorCode.INVALID_LOCATION,
];

/**
 * Plans the spec (`planDataMesh`, reporting against `mesh`) with the GCP resource model, then
 * checks what only GCP needs: the scope, the projects, the domain options, service account and
 * dataset names, and how each product can be rendered. Throws every violation at once.
 */
export function resolveDataMeshSettings(
  mesh: IConstruct,
  scope: IConstruct,
  props: DataMeshProps,
  resourceModel: MeshResourceModel,
): DataMeshSettings {
  if (!App.isApp(scope)) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, mesh, {
      prop: 'scope',
      received: scope.node.path || scope.constructor.name,
      allowed: 'the cdktf App: the mesh makes its own stacks, one per project and role',
    });
  }
  const plan = planDataMesh(mesh, props, {
    columnFiltering: true,
    resourceModel,
    ...(props.today === undefined ? {} : { today: props.today }),
  });
  const location = validateBigQueryLocation(mesh, props.location);
  const domainOptions = props.domainOptions ?? {};
  const v: Violation[] = [];
  const domains = plan.domains.map((d) => d.name);
  for (const name of Object.keys(domainOptions).filter((n) => !domains.includes(n))) {
    v.push({
      code: ErrorCode.UNKNOWN_REFERENCE,
      prop: `domainOptions[${JSON.stringify(name)}]`,
      received: name,
      allowed: `a domain of the spec: ${domains.join(', ')}`,
    });
  }
  checkProject(mesh, props.governanceProject, 'governanceProject', v);
  const projects: Record<string, string> = {};
  const regions: Record<string, string | undefined> = {};
  for (const d of domains) {
    const given = domainOptions[d]?.project;
    if (given !== undefined) checkProject(mesh, given, `domainOptions[${JSON.stringify(d)}].project`, v);
    projects[d] = given ?? props.governanceProject;
    regions[d] = domainOptions[d]?.region ?? props.region;
  }
  checkNames(plan, v);
  const tableKinds = resolveTableKinds(plan, props.partitionedIcebergProducts, v);
  ValidationError.throwAll(mesh, v, ORDER);
  return {
    spec: props,
    plan,
    governanceProject: props.governanceProject,
    location,
    region: props.region,
    projects,
    regions,
    tableKinds,
    domainOptions,
  };
}

/** A literal, valid project id: others grant to its service accounts by email. */
function checkProject(mesh: IConstruct, project: string, prop: string, v: Violation[]): void {
  if (typeof project !== 'string' || isUnresolved(project)) {
    v.push({
      code: ErrorCode.INVALID_NAME,
      prop,
      received: project,
      allowed: 'a literal GCP project id: other stacks grant to its service accounts by email',
    });
    return;
  }
  try {
    validateProject(mesh, project, prop);
  } catch (e) {
    if (!ValidationError.isValidationError(e)) throw e;
    v.push({ code: ErrorCode.INVALID_NAME, prop, received: project, allowed: e.violations[0].allowed });
  }
}

/** Service account ids (`<mesh>-<domain>-<persona>`, `<mesh>-<domain>-freshness`) and dataset ids. */
function checkNames(plan: DataMeshPlan, v: Violation[]): void {
  const rule = PipelineNameRules.SERVICE_ACCOUNT;
  for (const domain of plan.domains) {
    const ids = [
      ...domain.lakehouse.personas.map((p) => ({
        id: personaAccountId(plan.name, domain.name, p.name),
        prop: `domains[${JSON.stringify(domain.name)}].lakehouse.personas[${JSON.stringify(p.name)}]`,
      })),
      ...(domain.products.length > 0
        ? [
            {
              id: freshnessAccountId(plan.name, domain.name),
              prop: `domains[${JSON.stringify(domain.name)}]`,
            },
          ]
        : []),
    ];
    for (const { id, prop } of ids) {
      if (nameViolation(rule, prop, id) === undefined) continue;
      v.push({
        code: ErrorCode.INVALID_NAME,
        prop,
        received: `service account id ${id} (${id.length} characters)`,
        allowed: `a service account id <mesh>-<domain>-<persona> of ${rule.allowed}: shorten the mesh, domain or persona name`,
      });
    }
    for (const product of domain.products) {
      const id = productDatasetId(plan.name, product);
      if (nameViolation(GcpNameRules.BIGQUERY_DATASET, 'name', id) === undefined) continue;
      v.push({
        code: ErrorCode.INVALID_NAME,
        prop: productProp(product),
        received: `dataset id ${id}`,
        allowed: `a dataset id <mesh>_<domain>_<product> of ${GcpNameRules.BIGQUERY_DATASET.allowed}`,
      });
    }
  }
}

/**
 * Iceberg products are BigLake Iceberg tables, which need the domain's BigLake connection (its
 * warehouse) and take no partitioning (Preview); Parquet products, and partitioned Iceberg ones
 * when asked, are BigQuery tables.
 */
function resolveTableKinds(
  plan: DataMeshPlan,
  partitioned: PartitionedIcebergProducts | undefined,
  v: Violation[],
): Record<string, ProductTableKind> {
  const kinds: Record<string, ProductTableKind> = {};
  const choice = partitioned ?? PartitionedIcebergProducts.REJECT;
  if (!Object.values(PartitionedIcebergProducts).includes(choice)) {
    v.push({
      code: ErrorCode.CONFLICTING_PROPS,
      prop: 'partitionedIcebergProducts',
      received: choice,
      allowed: `one of ${Object.values(PartitionedIcebergProducts).join(', ')}`,
    });
  }
  for (const domain of plan.domains) {
    for (const product of domain.products) {
      const iceberg = product.format === ProductFormat.ICEBERG;
      const partitionedIceberg = iceberg && product.partitionColumns.length > 0;
      if (partitionedIceberg && choice === PartitionedIcebergProducts.REJECT) {
        v.push({
          code: ErrorCode.CONFLICTING_PROPS,
          prop: `${productProp(product)}.partitionColumns`,
          received: product.partitionColumns,
          allowed:
            'no partition column on an Iceberg product: BigQuery tables for Apache Iceberg take no partitioning while it is in Preview (or set partitionedIcebergProducts: BIGQUERY_TABLE, or format PARQUET)',
        });
      }
      const kind =
        iceberg && !partitionedIceberg ? ProductTableKind.BIGLAKE_ICEBERG : ProductTableKind.BIGQUERY;
      if (kind === ProductTableKind.BIGLAKE_ICEBERG && !domain.lakehouse.warehouse.enabled) {
        v.push({
          code: ErrorCode.CONFLICTING_PROPS,
          prop: `${productProp(product)}.format`,
          received: product.format,
          allowed: `an Iceberg product only in a domain with a warehouse (its BigLake connection writes the table): enable domains[${JSON.stringify(domain.name)}].lakehouse.warehouse, or format PARQUET`,
        });
      }
      kinds[product.id] = kind;
    }
  }
  return kinds;
}

function productProp(product: PlannedProduct): string {
  return `domains[${JSON.stringify(product.domain)}].products[${JSON.stringify(product.name)}]`;
}
