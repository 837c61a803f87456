import type { ColumnType } from './column-type';
import type { OpenDataContract } from './contract';
import type { ProductFormat, ProductStatus } from './spec';
import type { Tags, ZoneAccess } from '../../core/internal';
import type { LakehousePlan } from '../lakehouse/plan';

/** A column as planned: its type parsed and its classification resolved. */
export interface PlannedColumn {
  readonly name: string;
  /** The neutral type, parsed. */
  readonly type: ColumnType;
  /** The type as the spec wrote it (`decimal(12,2)`). */
  readonly typeName: string;
  readonly description?: string;
  /** Its classification level. */
  readonly classification: string;
  readonly required: boolean;
  /** Whether the table is partitioned by it. */
  readonly partition: boolean;
}

/** A scheduled freshness check of one product. */
export interface PlannedFreshnessCheck {
  /** The product's id (`<domain>.<product>`). */
  readonly product: string;
  /** The age the newest data may reach. */
  readonly maxAgeHours: number;
  /** When the check runs (hourly for ages under a day, daily otherwise). */
  readonly schedule: { readonly cron: string; readonly timeZone: string };
  /** Missing data is a breach: an empty table or a silent producer alarms. */
  readonly missingDataIsBreach: true;
  /** Who hears of a breach: the producing domain's alert recipients. */
  readonly notify: readonly string[];
}

/** A data product as planned: its table, location, columns and checks. */
export interface PlannedProduct {
  /** Id across the mesh: `<domain>.<product>`. */
  readonly id: string;
  /** The producing domain. */
  readonly domain: string;
  readonly name: string;
  readonly version: string;
  /** The version's major number: a breaking change of the contract. */
  readonly majorVersion: number;
  readonly status: ProductStatus;
  readonly description: string;
  /** Who answers for it (the domain owner unless given). */
  readonly owner: string;
  /** The producer's zone it is published from. */
  readonly zone: string;
  /** Its table's name (the product name). */
  readonly table: string;
  /** Where its files live, relative to the zone's root (`products/<name>/`). */
  readonly path: string;
  readonly format: ProductFormat;
  /** Its classification level. */
  readonly classification: string;
  readonly columns: readonly PlannedColumn[];
  readonly partitionColumns: readonly string[];
  readonly freshness: PlannedFreshnessCheck;
  /** Days Iceberg snapshots are kept (Iceberg products only). */
  readonly snapshotRetentionDays?: number;
  /** Days data is kept, by partition deletes. */
  readonly dataRetentionDays?: number;
  /** Ids of the products it is derived from. */
  readonly inputs: readonly string[];
}

/** One cell of the subscription matrix: a consumer persona reads a product. */
export interface PlannedSubscriptionGrant {
  /** The consumer domain. */
  readonly consumer: string;
  /** The consumer's persona. */
  readonly persona: string;
  /** The product's id. */
  readonly product: string;
  /** The producing domain. */
  readonly producer: string;
  /** Always READ: a consumer never writes a producer's data. */
  readonly access: ZoneAccess.READ;
  /** Columns above the consumer's clearance, hidden from it (empty: the whole table). */
  readonly hiddenColumns: readonly string[];
  /** Who approved the subscription. */
  readonly approvedBy: string;
  /** The subscription's last day, when it has one. */
  readonly expires?: string;
}

/** A subscription past its last day: kept in the spec, no longer granted. */
export interface ExpiredSubscription {
  readonly consumer: string;
  readonly product: string;
  readonly expires: string;
}

/** A domain as planned. */
export interface PlannedDomain {
  readonly name: string;
  readonly owner: string;
  readonly description: string;
  /** The highest level its personas may read. */
  readonly clearance: string;
  /** Its lakehouse's plan. */
  readonly lakehouse: LakehousePlan;
  /** Its products, in declaration order. */
  readonly products: readonly PlannedProduct[];
}

/** What a mesh stack holds. */
export enum MeshStackKind {
  /** Classification levels, the contract registry, account-wide catalog settings. */
  GOVERNANCE = 'governance',
  /** A domain's persona identities, keys and network: what others grant to. */
  IDENTITY = 'identity',
  /** A domain's lake, pipelines, products and the grants to its subscribers. */
  PRODUCTS = 'products',
}

/** One deployable stack of the mesh. */
export interface PlannedStack {
  /** Its name, deterministic: `<mesh>-governance`, `<mesh>-<domain>-identity`, `<mesh>-<domain>-products`. */
  readonly name: string;
  readonly kind: MeshStackKind;
  /** The domain it belongs to (none for governance). */
  readonly domain?: string;
  /** Stacks deployed before it. */
  readonly dependsOn: readonly string[];
  /** Resources it is estimated to hold. */
  readonly estimatedResources: number;
}

/**
 * Resources each part of the mesh costs in a stack, to estimate stack sizes before synthesis.
 * Each cloud's rendering supplies its own model; `DataMeshDefaults`' generic one errs high.
 */
export interface MeshResourceModel {
  readonly governance: {
    readonly base: number;
    readonly perDomain: number;
    readonly perProduct: number;
    readonly perClassification: number;
  };
  readonly identity: { readonly base: number; readonly perPersona: number };
  readonly products: {
    readonly base: number;
    readonly perZone: number;
    readonly perStream: number;
    readonly perPipeline: number;
    readonly perPipelineStep: number;
    readonly warehouse: number;
    readonly perProduct: number;
    /** Per consumer persona granted one product. */
    readonly perGrant: number;
  };
}

/**
 * The decisions a data mesh spec stands for, computed once and rendered by each cloud. Every
 * list is in declaration order; the plan is plain data and deterministic.
 */
export interface DataMeshPlan {
  readonly name: string;
  /** Classification levels, lowest first. */
  readonly classifications: readonly string[];
  /** The mesh administrators. */
  readonly admins: readonly string[];
  /** Tags every domain inherits. */
  readonly tags: Tags;
  readonly domains: readonly PlannedDomain[];
  /** Every product of every domain, domain order then product order. */
  readonly products: readonly PlannedProduct[];
  /** The subscription matrix: consumer × persona × product → READ, for unexpired subscriptions. */
  readonly subscriptions: readonly PlannedSubscriptionGrant[];
  /** Subscriptions past their last day. */
  readonly expiredSubscriptions: readonly ExpiredSubscription[];
  /** What governance registers: each product's contract in the Open Data Contract Standard's shape. */
  readonly contracts: readonly OpenDataContract[];
  /** Each product's freshness check. */
  readonly freshnessChecks: readonly PlannedFreshnessCheck[];
  /** Lineage: input product id → derived product id. */
  readonly lineage: readonly { readonly from: string; readonly to: string }[];
  /** The stacks in deploy order: governance, then every identity stack, then every products stack. */
  readonly stacks: readonly PlannedStack[];
}
