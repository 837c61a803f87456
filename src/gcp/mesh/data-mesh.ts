import type { BigqueryDataTransferConfig } from '@cdktf/provider-google/lib/bigquery-data-transfer-config';
import type { BigqueryTable } from '@cdktf/provider-google/lib/bigquery-table';
import type { DataCatalogPolicyTag } from '@cdktf/provider-google/lib/data-catalog-policy-tag';
import type { DataCatalogTaxonomy } from '@cdktf/provider-google/lib/data-catalog-taxonomy';
import type { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import { Construct } from 'constructs';
import type { DataMeshProps } from './data-mesh-types';
import { createFreshnessChecks } from './private/freshness';
import { createGovernance, type GovernanceParts } from './private/governance';
import { createIdentity } from './private/identity';
import { personaEmail } from './private/mesh-names';
import { type DataMeshSettings, resolveDataMeshSettings } from './private/mesh-settings';
import { createProductTables, type ProductTable } from './private/product-tables';
import { createConsumerAccess, createProducerGrants } from './private/subscriptions';
import {
  type DataMeshPlan,
  domainLakehouseSpec,
  type MeshResourceModel,
  MeshStackKind,
  type PlannedStack,
} from '../../patterns';
import { TerraformStack } from '../../terraform';
import { Principal } from '../iam/principal';
import { Lakehouse } from '../patterns/lakehouse';
import type { LakeStorage } from '../storage/lake-storage';

/**
 * A data mesh on GCP from one cloud-neutral {@link DataMeshSpec} (`planDataMesh`): one Terraform
 * stack (its own state) per planned stack, made in the app beside this construct, each with its `google` provider on its project,
 * named as planned and ordered governance → identities → products with cdktf stack
 * dependencies. Stacks refer to each other's persona service accounts by deterministic email;
 * the policy tags, whose ids the server makes, cross stacks as remote-state references.
 *
 * - **governance** (`<mesh>-governance`, in `governanceProject`): a Data Catalog taxonomy with
 *   fine-grained access control and one policy tag per classification level; the contract
 *   registry, a bucket with the kit's defaults holding each product's contract (Open Data
 *   Contract Standard JSON) at `contracts/<domain>/<product>.json`, its versions the history.
 * - **identity** (`<mesh>-<domain>-identity`, in the domain's project): a service account per
 *   persona, `<mesh>-<domain>-<persona>`, with `roles/datacatalog.categoryFineGrainedReader` on
 *   the policy tags of the levels the domain is cleared for.
 * - **products** (`<mesh>-<domain>-products`): the domain's {@link Lakehouse} on those service
 *   accounts; per product its own dataset `<mesh>_<domain>_<product>` (CMEK with the domain's
 *   key) and table (`deletion_protection`, classified columns carrying their level's policy
 *   tag): a BigQuery table for Apache Iceberg (BigLake) over the producer's zone for Iceberg
 *   products, a BigQuery table otherwise; a scheduled freshness query alerting the domain's
 *   channels; `roles/bigquery.dataViewer` on the product's dataset for each subscriber persona,
 *   and `roles/bigquery.jobUser` in its own project for each of its subscribing personas.
 *
 * Consumers never get a grant on a producer's bucket or key.
 *
 * @see https://cloud.google.com/bigquery/docs/column-level-security-intro
 * @example
 * new DataMesh(app, 'Mesh', {
 *   ...ACME_MESH,
 *   governanceProject: 'acme-central',
 *   location: 'europe-west1',
 *   domainOptions: { marketing: { project: 'acme-analytics' }, finance: { project: 'acme-analytics' } },
 * });
 */
export class DataMesh extends Construct {
  /**
   * Resources each part of the mesh costs in this rendering's stacks, calibrated to what it
   * synthesizes (test/gcp/mesh/resource-model.test.ts).
   */
  public static readonly RESOURCE_MODEL: MeshResourceModel = {
    // The APIs, the taxonomy, the registry's key, bucket and grants; a contract object each; a policy tag each.
    governance: { base: 12, perDomain: 0, perProduct: 1, perClassification: 1 },
    // The IAM API; a service account per persona and its fine-grained reader grants (up to three
    // levels above the lowest with the default levels).
    identity: { base: 1, perPersona: 4 },
    products: {
      // The lakehouse's key, APIs and alert channel; the freshness account and its query grant.
      base: 18,
      perZone: 15,
      perStream: 14,
      perPipeline: 20,
      perPipelineStep: 22,
      warehouse: 8,
      // The dataset and table, the freshness query, its alert and metadata grant, a BigLake
      // table's bucket grants, the producer's own personas' and publishing steps' dataset grants.
      perProduct: 10,
      // One dataset IAM member per subscriber persona.
      perGrant: 1,
    },
  };

  /** The plan the spec stands for. */
  public readonly plan: DataMeshPlan;
  /** Every stack, by its planned (and Terraform) name. */
  public readonly stacks: Readonly<Record<string, TerraformStack>>;
  /** The classification taxonomy (governance stack). */
  public readonly taxonomy: DataCatalogTaxonomy;
  /** One policy tag per classification level, by level (governance stack). */
  public readonly policyTags: Readonly<Record<string, DataCatalogPolicyTag>>;
  /** The contract registry's storage: one bucket, zone `contracts` (governance stack). */
  public readonly contractRegistry: LakeStorage;
  /** Each product's contract object, by product id (`<domain>.<product>`). */
  public readonly contracts: Readonly<Record<string, StorageBucketObject>>;
  /** Each domain's persona service accounts (in its identity stack), by domain then persona. */
  public readonly personaServiceAccounts: Readonly<Record<string, Readonly<Record<string, ServiceAccount>>>>;
  /** Each domain's lakehouse (in its products stack), by domain. */
  public readonly lakehouses: Readonly<Record<string, Lakehouse>>;
  /** Each product's table, by product id. */
  public readonly productTables: Readonly<Record<string, BigqueryTable>>;
  /** Each product's freshness query, by product id. */
  public readonly freshnessChecks: Readonly<Record<string, BigqueryDataTransferConfig>>;
  /** Each product's freshness alert policy, by product id. */
  public readonly freshnessAlerts: Readonly<Record<string, MonitoringAlertPolicy>>;

  private readonly tables: Record<string, ProductTable> = {};

  constructor(scope: Construct, id: string, props: DataMeshProps) {
    super(scope, id);
    const settings = resolveDataMeshSettings(this, scope, props, DataMesh.RESOURCE_MODEL);
    this.plan = settings.plan;
    this.stacks = this.createStacks(scope, settings);
    const governance: GovernanceParts = createGovernance(this.stackOf(MeshStackKind.GOVERNANCE), settings);
    this.taxonomy = governance.taxonomy;
    this.policyTags = governance.policyTags;
    this.contractRegistry = governance.registry;
    this.contracts = governance.contracts;
    const tagNames = Object.fromEntries(
      Object.entries(this.policyTags).map(([level, tag]) => [level, tag.name]),
    );
    this.personaServiceAccounts = Object.fromEntries(
      this.plan.domains.map((d) => [
        d.name,
        createIdentity(this.stackOf(MeshStackKind.IDENTITY, d.name), settings, d, tagNames).serviceAccounts,
      ]),
    );
    this.lakehouses = this.createProducts(settings, tagNames);
    this.productTables = Object.fromEntries(Object.entries(this.tables).map(([k, t]) => [k, t.table]));
    const checks = Object.assign(
      {},
      ...this.plan.domains.map((d) =>
        createFreshnessChecks(
          this.stackOf(MeshStackKind.PRODUCTS, d.name),
          settings,
          this.lakehouses[d.name],
          d.products.map((p) => this.tables[p.id]),
        ),
      ),
    ) as Record<string, { query: BigqueryDataTransferConfig; alert: MonitoringAlertPolicy }>;
    this.freshnessChecks = Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c.query]));
    this.freshnessAlerts = Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c.alert]));
    for (const domain of this.plan.domains) {
      const stack = this.stackOf(MeshStackKind.PRODUCTS, domain.name);
      createProducerGrants(stack, settings, domain.name, this.tables);
      createConsumerAccess(stack, settings, domain.name, this.lakehouses[domain.name]);
    }
  }

  /**
   * One stack per planned stack with its provider, after the stacks the plan puts before it; in
   * the app, as cdktf's CLI lists and deploys stacks (`cdktf deploy acme-governance`).
   */
  private createStacks(app: Construct, s: DataMeshSettings): Record<string, TerraformStack> {
    const stacks: Record<string, TerraformStack> = {};
    for (const planned of this.plan.stacks) {
      const stack = new TerraformStack(app, planned.name);
      const domain = planned.domain;
      const region = domain === undefined ? s.region : s.regions[domain];
      new GoogleProvider(stack, 'Google', {
        project: domain === undefined ? s.governanceProject : s.projects[domain],
        ...(region === undefined ? {} : { region }),
      });
      for (const before of planned.dependsOn) stack.addDependency(stacks[before]);
      stacks[planned.name] = stack;
    }
    return stacks;
  }

  /**
   * Each domain's lakehouse in its products stack, on its identity stack's service accounts (by
   * email); then its products' datasets and tables.
   */
  private createProducts(
    s: DataMeshSettings,
    tagNames: Readonly<Record<string, string>>,
  ): Record<string, Lakehouse> {
    const lakehouses: Record<string, Lakehouse> = {};
    this.plan.domains.forEach((domain, i) => {
      const stack = this.stackOf(MeshStackKind.PRODUCTS, domain.name);
      const project = s.projects[domain.name];
      const region = s.regions[domain.name];
      const lakehouse = new Lakehouse(stack, 'Lakehouse', {
        ...domainLakehouseSpec(s.spec, s.spec.domains[i]),
        project,
        location: s.location,
        ...(region === undefined ? {} : { region }),
        stepScripts: s.domainOptions[domain.name]?.stepScripts,
        // One quota preference and one storage audit config per project: the first domain of a
        // project owns them.
        ownsProjectSettings: this.plan.domains.find((d) => s.projects[d.name] === project) === domain,
        personaServiceAccounts: Object.fromEntries(
          domain.lakehouse.personas.map((p) => [
            p.name,
            Principal.serviceAccount(personaEmail(this.plan.name, domain.name, p.name, project)),
          ]),
        ),
      });
      for (const t of createProductTables(stack, s, lakehouse, domain.products, tagNames)) {
        this.tables[t.product.id] = t;
      }
      lakehouses[domain.name] = lakehouse;
    });
    return lakehouses;
  }

  private stackOf(kind: MeshStackKind, domain?: string): TerraformStack {
    return this.stacks[
      this.plan.stacks.find((st: PlannedStack) => st.kind === kind && st.domain === domain)!.name
    ];
  }
}
