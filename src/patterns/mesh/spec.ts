import type { MeshResourceModel } from './plan-types';
import type { Tags } from '../../core/internal';
import type { LakehouseSpec } from '../lakehouse/spec';

/** Whether a data product is offered to new subscribers (Open Data Contract Standard `status`). */
export enum ProductStatus {
  /** Offered and maintained. */
  ACTIVE = 'active',
  /** Still served to its subscribers, but a replacement exists: no new subscriptions. */
  DEPRECATED = 'deprecated',
}

/** How a product's table stores its data. */
export enum ProductFormat {
  /**
   * Apache Iceberg: snapshots (time travel, expired after `snapshotRetentionDays`), schema
   * evolution and row-level deletes, read by every cloud's engines.
   */
  ICEBERG = 'iceberg',
  /** Plain Parquet files under Hive-style partitions: no snapshots, append and overwrite only. */
  PARQUET = 'parquet',
}

/**
 * One column of a product's schema: its name, a cloud-neutral type and its classification.
 *
 * @example
 * const email: ProductColumn = { name: 'email', type: 'string', classification: 'confidential' };
 */
export interface ProductColumn {
  /**
   * Column name (1-128 of a-z, 0-9 and '_', not starting with a digit; not a name BigQuery
   * reserves, such as `_partitiontime`).
   */
  readonly name: string;
  /**
   * A neutral type each cloud maps to its own: `string`, `boolean`, `int`, `bigint`, `double`,
   * `decimal(p,s)` (precision 1-38, scale 0-p), `date` or `timestamp`.
   */
  readonly type: string;
  /**
   * What the column holds (at most 255 characters, Glue's limit for a column comment).
   * @default - none
   */
  readonly description?: string;
  /**
   * One of the governance's classification levels. Consumers cleared below it do not see the
   * column (where the cloud can hide columns) or cannot subscribe (where it cannot).
   * @default - the lowest level (`public` on the default levels)
   */
  readonly classification?: string;
  /**
   * Whether every row has a value (Open Data Contract Standard `required`).
   * @default false
   */
  readonly required?: boolean;
}

/**
 * A scheduled freshness check every cloud can run: the product's newest data is at most
 * `maxAgeHours` old. Missing data (an empty table, or no new data since the last check) counts
 * as a breach, so a silent producer is noticed.
 *
 * @example
 * const hourly: ProductFreshness = { maxAgeHours: 6 };
 */
export interface ProductFreshness {
  /**
   * The age the newest data may reach: 1-23 hours (checked every hour), or 24 (checked once a
   * day, `DataMeshDefaults.DAILY_CHECK`).
   */
  readonly maxAgeHours: number;
}

/**
 * An upstream product a product is derived from (lineage).
 *
 * @example
 * const orders: ProductInput = { domain: 'sales', product: 'orders' };
 */
export interface ProductInput {
  /**
   * The domain publishing the input.
   * @default - the product's own domain
   */
  readonly domain?: string;
  /** The input product's name. */
  readonly product: string;
}

/**
 * A data product: the contract a domain publishes for one table. Field names follow the Open
 * Data Contract Standard (v3) where it has one; `planDataMesh` exports each contract in that
 * standard's shape.
 *
 * @example
 * const orders: DataProduct = {
 *   name: 'orders',
 *   version: '1.2.0',
 *   description: 'Every confirmed order, one row per order line.',
 *   schema: [
 *     { name: 'order_id', type: 'string', required: true },
 *     { name: 'amount', type: 'decimal(12,2)' },
 *     { name: 'order_date', type: 'date' },
 *   ],
 *   partitionColumns: ['order_date'],
 *   freshness: { maxAgeHours: 6 },
 * };
 */
export interface DataProduct {
  /**
   * Product name, unique in its domain; also its table's name (1-64 of a-z, 0-9 and '_',
   * starting with a letter).
   */
  readonly name: string;
  /** Semantic version of the contract (`MAJOR.MINOR.PATCH`). */
  readonly version: string;
  /**
   * Whether the product takes new subscribers.
   * @default ProductStatus.ACTIVE
   */
  readonly status?: ProductStatus;
  /** What the product holds and what it is for (1-2048 characters). */
  readonly description: string;
  /**
   * Who answers for the product (an email address).
   * @default - the domain's owner
   */
  readonly owner?: string;
  /**
   * The domain's zone the product is published from.
   * @default - the domain lakehouse's last zone (`serving` on the default zones)
   */
  readonly zone?: string;
  /**
   * The product's own classification level, at least that of every column.
   * @default - the highest level among its columns
   */
  readonly classification?: string;
  /** The columns, in table order (1-1000). */
  readonly schema: readonly ProductColumn[];
  /**
   * The partition column: at most one (what every cloud's tables accept), a `date`,
   * `timestamp`, `int` or `bigint` column of `schema`.
   * @default - unpartitioned
   */
  readonly partitionColumns?: readonly string[];
  /**
   * The table format.
   * @default ProductFormat.ICEBERG
   */
  readonly format?: ProductFormat;
  /**
   * The freshness check.
   * @default - a daily check: data at most 24 hours old
   */
  readonly freshness?: ProductFreshness;
  /**
   * Days Iceberg snapshots are kept for time travel before they expire (1-3650). Iceberg only:
   * expiry is a table operation, never a storage lifecycle rule (which would delete files the
   * table still references).
   * @default 7 with ProductFormat.ICEBERG
   */
  readonly snapshotRetentionDays?: number;
  /**
   * Days data is kept, enforced by deleting whole partitions older than this (1-36500); needs a
   * `date` or `timestamp` partition column.
   * @default - kept until the product is retired
   */
  readonly dataRetentionDays?: number;
  /**
   * The products this one is derived from. Lineage flows one way: inputs never form a cycle.
   * @default - none
   */
  readonly inputs?: readonly ProductInput[];
}

/**
 * A consumer domain's approved access to one of the producer's products. Subscriptions live in
 * the producer's spec, so an approval is a review of the producer's file.
 *
 * @example
 * const marketingReadsOrders: MeshSubscription = {
 *   consumer: 'marketing',
 *   product: 'orders',
 *   approvedBy: 'sales-owner@example.com',
 *   expires: '2027-06-30',
 * };
 */
export interface MeshSubscription {
  /** The consumer domain (not the producer itself). */
  readonly consumer: string;
  /** The producer's product. */
  readonly product: string;
  /**
   * The consumer's personas that read the product.
   * @default - `DataMeshDefaults.SUBSCRIBER_PERSONAS` (analyst and engineer); a restricted
   *   product needs them listed
   */
  readonly personas?: readonly string[];
  /** Who approved the subscription (an email address). */
  readonly approvedBy: string;
  /**
   * The last day the subscription is valid (`YYYY-MM-DD`, UTC). After it, synthesis no longer
   * grants it.
   * @default - no expiry
   */
  readonly expires?: string;
}

/**
 * A domain of the mesh: a team that owns its own lakehouse and publishes data products.
 *
 * @example
 * const sales: MeshDomain = {
 *   name: 'sales',
 *   owner: 'sales-data@example.com',
 *   description: 'Orders, customers and returns.',
 *   lakehouse: { pipelines: [{ name: 'daily', steps: [{ name: 'publish', sourceZone: 'curated', targetZone: 'serving' }] }] },
 * };
 */
export interface MeshDomain {
  /**
   * Domain name, unique in the mesh; also its lakehouse's platform name (2-20 of a-z, 0-9 and
   * '-', as `LakehouseSpec.platformName`).
   */
  readonly name: string;
  /** The team answering for the domain (an email address). */
  readonly owner: string;
  /** What the domain covers (1-2048 characters). */
  readonly description: string;
  /**
   * The highest classification the domain's personas may read.
   * @default - the second level (`internal` on the default levels), or the only one
   */
  readonly clearance?: string;
  /**
   * The domain's own lakehouse: a lakehouse spec without its name (the domain name is used).
   * @default - a lakehouse with the default zones and personas
   */
  readonly lakehouse?: Omit<LakehouseSpec, 'platformName'>;
  /**
   * The data products the domain publishes.
   * @default - none
   */
  readonly products?: readonly DataProduct[];
  /**
   * Other domains' approved access to this domain's products.
   * @default - none
   */
  readonly subscriptions?: readonly MeshSubscription[];
}

/** The mesh's light central governance. */
export interface MeshGovernance {
  /** The mesh's administrators (email addresses, at least one): told of governance alarms. */
  readonly admins: readonly string[];
  /**
   * Classification levels, lowest first (2-10 names of 1-30 of a-z, 0-9 and '-', starting
   * with a letter). The lowest is the unclassified level; the highest is the restricted one,
   * whose products need listed consumers.
   * @default DataMeshDefaults.CLASSIFICATIONS (`public`, `internal`, `confidential`, `restricted`)
   */
  readonly classifications?: readonly string[];
  /**
   * Tags (labels on GCP) every domain's resources inherit, under the domain lakehouse's own.
   * @default - none
   */
  readonly tags?: Tags;
}

/**
 * A data mesh, cloud-neutral and plain data (JSON-serializable): domains that each own a
 * lakehouse and publish data products under contracts, the subscriptions between them, and
 * the governance every domain follows. `planDataMesh` turns it into the decisions each cloud
 * renders.
 *
 * @example
 * const mesh: DataMeshSpec = {
 *   name: 'acme',
 *   governance: { admins: ['data-governance@example.com'] },
 *   domains: [
 *     { name: 'sales', owner: 'sales-data@example.com', description: 'Orders and customers.' },
 *   ],
 * };
 */
export interface DataMeshSpec {
  /** Mesh name, the start of the governance's names (2-20 of a-z, 0-9 and '-'). */
  readonly name: string;
  /** Central governance. */
  readonly governance: MeshGovernance;
  /** The domains (1-100), each with its own lakehouse. */
  readonly domains: readonly MeshDomain[];
}

/** Data mesh defaults and limits, shared by docs, code and tests. */
export const DataMeshDefaults = {
  /** Classification levels, lowest first. */
  CLASSIFICATIONS: ['public', 'internal', 'confidential', 'restricted'],
  /** How many classification levels a governance may declare. */
  CLASSIFICATIONS_RANGE: { min: 2, max: 10 },
  /** Domains in one mesh. */
  DOMAINS_RANGE: { min: 1, max: 100 },
  /** Columns in one product. */
  COLUMNS_RANGE: { min: 1, max: 1000 },
  /** Partition columns of one product: what every cloud's tables accept (BigQuery takes one). */
  PARTITION_COLUMNS_RANGE: { min: 0, max: 1 },
  /** Column types a partition column may have. */
  PARTITION_TYPES: ['date', 'timestamp', 'int', 'bigint'],
  /** Column types a retention partition column may have: deletes go by age. */
  RETENTION_PARTITION_TYPES: ['date', 'timestamp'],
  /** A product's format. */
  FORMAT: ProductFormat.ICEBERG,
  /** A product's status. */
  STATUS: ProductStatus.ACTIVE,
  /** The age a product's newest data may reach, checked daily. */
  DAILY_CHECK: 24,
  /** The freshness check when none is given: daily. */
  FRESHNESS: { maxAgeHours: 24 } as ProductFreshness,
  /** Freshness ages: 1-23 hours checked hourly, or 24 checked daily. */
  FRESHNESS_HOURS_RANGE: { min: 1, max: 24 },
  /** When an hourly freshness check runs: five minutes past every hour, UTC. */
  HOURLY_CHECK_CRON: '5 * * * *',
  /** When a daily freshness check runs: every day at 06:00 UTC. */
  DAILY_CHECK_CRON: '0 6 * * *',
  /** Days Iceberg snapshots are kept. */
  SNAPSHOT_RETENTION_DAYS: 7,
  /** Days Iceberg snapshots may be kept. */
  SNAPSHOT_RETENTION_DAYS_RANGE: { min: 1, max: 3650 },
  /** Days a product's data may be kept when it is given. */
  DATA_RETENTION_DAYS_RANGE: { min: 1, max: 36500 },
  /** The consumer personas a subscription serves when it names none. */
  SUBSCRIBER_PERSONAS: ['analyst', 'engineer'],
  /**
   * The generic resource model for stack estimates when a cloud's rendering supplies none: it
   * errs high (each cloud's own model is calibrated on its synthesized stacks).
   */
  RESOURCE_MODEL: {
    governance: { base: 10, perDomain: 2, perProduct: 2, perClassification: 1 },
    identity: { base: 10, perPersona: 3 },
    products: {
      base: 30,
      perZone: 6,
      perStream: 12,
      perPipeline: 10,
      perPipelineStep: 6,
      warehouse: 25,
      perProduct: 6,
      perGrant: 3,
    },
  } as MeshResourceModel,
  /** Resources one stack may hold, with headroom under CloudFormation's 500. */
  MAX_RESOURCES_PER_STACK: 450,
  /** Longest product and domain descriptions (Glue's limit for a table or database). */
  DESCRIPTION_MAX_LENGTH: 2048,
  /** Longest column description (Glue's limit for a column comment). */
  COLUMN_DESCRIPTION_MAX_LENGTH: 255,
} as const;
