import type { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import type { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import type { StorageBlob } from '@cdktf/provider-azurerm/lib/storage-blob';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import type { DataMeshProps } from './data-mesh-types';
import { TerraformStack } from '../../terraform';
import { createGovernance } from './private/governance';
import { createLandingZone, type LandingZoneParts } from './private/landing-zone';
import {
  type AzureMeshSettings,
  defaultDomainAddressSpace,
  HUB_ADDRESS_SPACE,
  resolveAzureMeshSettings,
  ROLE_ASSIGNMENTS_PER_SUBSCRIPTION,
} from './private/mesh-settings';
import { createProducts, type ProductsParts } from './private/products';
import { checkRoleAssignments } from './private/role-assignments';
import { type DataMeshPlan, type MeshResourceModel, MeshStackKind } from '../../patterns';
import type { Catalog } from '../catalog/catalog';
import type { PrivateDnsZoneName } from '../network/endpoints';
import type { Network } from '../network/network';
import type { Lakehouse } from '../patterns/lakehouse';
import type { LakeStorage } from '../storage/lake-storage';

/**
 * A data mesh on Azure from one cloud-neutral {@link DataMeshSpec} (`planDataMesh`, without
 * column filtering: Azure Storage cannot hide columns, so a subscription to columns above the
 * consumer's clearance is rejected, naming Azure): one cdktf stack per planned stack, a child of
 * the App named as planned, ordered governance → identities → products by stack dependencies. Stacks find each
 * other's resources by deterministic names (data sources), never by remote state.
 *
 * - **governance** (`<mesh>-governance`, the data management zone): its resource group, the hub
 *   virtual network, one private DNS zone per privatelink service the domains' lakehouses use
 *   (linked to the hub), the contract registry (a private storage account with the kit's
 *   defaults, a blob per product contract, Open Data Contract Standard JSON) and, with
 *   `purview: true`, a Purview account.
 * - **identity** (`<mesh>-<domain>-identity`, the data landing zone): the domain's resource
 *   group, a user-assigned identity per persona (`id-<mesh>-<domain>-<persona>`), the domain's
 *   virtual network over its own range, peered with the hub both ways and linked to every
 *   governance DNS zone.
 * - **products** (`<mesh>-<domain>-products`): the domain's {@link Lakehouse} on those identities,
 *   that network and governance's zones; a private container per product (`product-<name>`) in
 *   its lake; `Storage Blob Data Reader` on that container for each subscribed consumer persona
 *   (never on a zone); the peerings with its consumers' networks (peering is not transitive); a
 *   scheduled query per product alerting the domain's action group when nothing was written
 *   under the container within the product's maximum age.
 *
 * Throws `DPK_OUT_OF_RANGE` when a subscription would hold more than
 * {@link DataMesh.MAX_ROLE_ASSIGNMENTS_PER_SUBSCRIPTION} role assignments, before anything is
 * added to the app.
 *
 * @see https://learn.microsoft.com/azure/cloud-adoption-framework/scenarios/cloud-scale-analytics/architectures/data-mesh-scenario
 * @example
 * new DataMesh(app, 'Mesh', {
 *   ...ACME_MESH,
 *   location: 'westeurope',
 *   governanceSubscriptionId: '11111111-1111-4111-8111-111111111111',
 *   domainOptions: { sales: { subscriptionId: '22222222-2222-4222-8222-222222222222' } },
 *   deployerInsideNetwork: true,
 * });
 */
export class DataMesh extends Construct {
  /**
   * Resources each part of the mesh costs in this rendering's stacks, calibrated to what it
   * synthesizes (test/azure/mesh/resource-model.test.ts), so `DPK_STACK_TOO_LARGE` fires early.
   */
  public static readonly RESOURCE_MODEL: MeshResourceModel = {
    // The resource group, the hub (network, subnet, security group and rule, association), a DNS
    // zone and its hub link per privatelink service, the contract store (vault, key, account,
    // container, logs, endpoints, the deployer's grant and its waits); a contract blob each.
    governance: { base: 35, perDomain: 0, perProduct: 1, perClassification: 0 },
    // The resource group, the network (five resources), two hub peerings, a DNS link per zone.
    identity: { base: 14, perPersona: 1 },
    products: {
      base: 14,
      perZone: 4,
      perStream: 10,
      perPipeline: 11,
      perPipelineStep: 4,
      warehouse: 12,
      // The container, its freshness rule, the producer personas' grants on it.
      perProduct: 5,
      // The subscriber's Blob Data Reader; plus, amortized, the peering pair with its network.
      perGrant: 2,
    },
  };
  /** The hub's range when `hubAddressSpace` is unset. */
  public static readonly HUB_ADDRESS_SPACE = HUB_ADDRESS_SPACE;
  /** Azure's limit on role assignments per subscription, checked at synth. */
  public static readonly MAX_ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = ROLE_ASSIGNMENTS_PER_SUBSCRIPTION;

  /**
   * The default range of the domain at `index` (its position in the spec): `10.<index + 1>.0.0/16`,
   * apart from the hub's default `10.0.0.0/16` and from every other domain's.
   * @example
   * DataMesh.domainAddressSpace(0); // '10.1.0.0/16'
   */
  public static domainAddressSpace(index: number): string {
    return defaultDomainAddressSpace(index);
  }

  /** The stacks of the same mesh in another App (a scratch copy, for counting). */
  private static stacksIn(
    app: Construct,
    id: string,
    props: DataMeshProps,
  ): Readonly<Record<string, TerraformStack>> {
    return new DataMesh(app, id, props).stacks;
  }

  /** The plan the spec stands for. */
  public readonly plan: DataMeshPlan;
  /** Every stack, by its planned (and cdktf) name. */
  public readonly stacks: Readonly<Record<string, TerraformStack>>;
  /** The hub network of the data management zone. */
  public readonly hub: Network;
  /** Governance's private DNS zones, by zone name: the only ones in the mesh. */
  public readonly privateDnsZones: Readonly<Partial<Record<PrivateDnsZoneName, PrivateDnsZone>>>;
  /** The contract registry's storage account. */
  public readonly contractStore: LakeStorage;
  /** Each product's contract blob, by product id (`<domain>.<product>`). */
  public readonly contracts: Readonly<Record<string, StorageBlob>>;
  /** The Purview account's catalog, with `purview: true`. */
  public readonly catalog?: Catalog;
  /** Each domain's persona identities (in its identity stack), by domain then persona. */
  public readonly personaIdentities: Readonly<Record<string, Readonly<Record<string, UserAssignedIdentity>>>>;
  /** Each domain's virtual network (in its identity stack), by domain. */
  public readonly networks: Readonly<Record<string, Network>>;
  /** Each domain's lakehouse (in its products stack), by domain. */
  public readonly lakehouses: Readonly<Record<string, Lakehouse>>;
  /** Each product's container, by product id. */
  public readonly productContainers: Readonly<Record<string, StorageContainer>>;
  /** Each product's freshness rule, by product id. */
  public readonly freshnessRules: Readonly<Record<string, MonitorScheduledQueryRulesAlertV2>>;

  constructor(scope: Construct, id: string, props: DataMeshProps) {
    super(scope, id);
    const settings = resolveAzureMeshSettings(this, scope, props, DataMesh.RESOURCE_MODEL);
    checkRoleAssignments(this, scope, settings, (app) => DataMesh.stacksIn(app, id, props));
    this.plan = settings.plan;
    this.stacks = this.createStacks(scope);
    const governance = createGovernance(this.stackOf(MeshStackKind.GOVERNANCE), settings);
    this.hub = governance.hub;
    this.privateDnsZones = governance.dnsZones;
    this.contractStore = governance.contractStore;
    this.contracts = governance.contracts;
    this.catalog = governance.catalog;
    const zones = this.createLandingZones(settings);
    this.personaIdentities = mapValues(zones, (z) => z.identities);
    this.networks = mapValues(zones, (z) => z.network);
    const products = this.createProducts(settings, zones);
    this.lakehouses = mapValues(products, (p) => p.lakehouse);
    this.productContainers = Object.assign({}, ...Object.values(products).map((p) => p.containers));
    this.freshnessRules = Object.assign({}, ...Object.values(products).map((p) => p.freshnessRules));
  }

  /**
   * One stack per planned stack, after the stacks the plan puts before it: children of the App,
   * where cdktf's tooling (and `cdktf deploy <stack>`) finds them by their planned name.
   */
  private createStacks(app: Construct): Record<string, TerraformStack> {
    const stacks: Record<string, TerraformStack> = {};
    for (const planned of this.plan.stacks) {
      const stack = new TerraformStack(app, planned.name);
      for (const before of planned.dependsOn) stack.addDependency(stacks[before]);
      stacks[planned.name] = stack;
    }
    return stacks;
  }

  /** Each domain's landing zone in its identity stack, peered with governance's hub. */
  private createLandingZones(settings: AzureMeshSettings): Record<string, LandingZoneParts> {
    const hub = {
      virtualNetworkName: this.hub.virtualNetwork!.nameInput!,
      resourceGroupName: settings.governanceResourceGroupName,
    };
    return Object.fromEntries(
      this.plan.domains.map((d) => [
        d.name,
        createLandingZone(this.stackOf(MeshStackKind.IDENTITY, d.name), settings, d, hub),
      ]),
    );
  }

  /** Each domain's lakehouse, products, grants and checks in its products stack. */
  private createProducts(
    settings: AzureMeshSettings,
    zones: Readonly<Record<string, LandingZoneParts>>,
  ): Record<string, ProductsParts> {
    const names = { domainNetworks: mapValues(zones, (z) => z.network.virtualNetwork!.nameInput!) };
    return Object.fromEntries(
      this.plan.domains.map((d) => [
        d.name,
        createProducts(this.stackOf(MeshStackKind.PRODUCTS, d.name), settings, d, names),
      ]),
    );
  }

  private stackOf(kind: MeshStackKind, domain?: string): TerraformStack {
    return this.stacks[this.plan.stacks.find((s) => s.kind === kind && s.domain === domain)!.name];
  }
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, f: (t: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
