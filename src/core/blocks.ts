import type { DataRemovalPolicy } from './removal';
import type { Tags } from './tags';
import type { ZoneInput } from './zones';

/**
 * Access to one zone, by intent. Each cloud maps an intent to its own least-privilege
 * permissions in one table (`perms.ts` on AWS, `roles.ts` on GCP and Azure).
 */
export enum ZoneAccess {
  /** List and read objects. */
  READ = 'read',
  /**
   * Add objects without reading them (landing data). Whether an existing object may be
   * overwritten follows the cloud's narrowest write role: GCP's objectCreator cannot.
   */
  WRITE = 'write',
  /** Read, create, overwrite and delete objects. */
  READ_WRITE = 'readWrite',
}

/** Warehouse capacity by size class; each cloud maps it to its own units (RPUs, slots, DWUs). */
export enum WarehouseSize {
  SMALL = 'small',
  MEDIUM = 'medium',
  LARGE = 'large',
}

/** Props every cloud's `EncryptionKey` shares, so the three stay mirrored. */
export interface EncryptionKeyCommonProps {
  /**
   * Platform name that derived physical names start with.
   * @default 'data'
   */
  readonly platformName?: string;
  /**
   * What the key protects, appended to derived names (e.g. `lake`).
   * @default 'data'
   */
  readonly purpose?: string;
  /**
   * Days between automatic key rotations. Each cloud documents its allowed range.
   * @default 90
   */
  readonly rotationPeriodDays?: number;
  /**
   * What happens to the key when it leaves the stack. DESTROY also needs the
   * `data-platform-kit:removeDataOnDestroy` context flag.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags (AWS, Azure) or labels (GCP) for the key's resources, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** Props every cloud's `LakeStorage` shares, so the three stay mirrored. */
export interface LakeStorageCommonProps {
  /** Platform name that every derived physical name starts with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /**
   * The lake's zones, as names or full options (physical name, lifecycle).
   * @default DEFAULT_ZONES (`raw`, `curated`, `serving`)
   */
  readonly zones?: readonly ZoneInput[];
  /**
   * What happens to stored data when the storage leaves the stack. DESTROY also needs the
   * `data-platform-kit:removeDataOnDestroy` context flag; buckets are never force-emptied.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Days to keep access logs before they expire.
   * @default 365
   */
  readonly accessLogRetentionDays?: number;
  /**
   * Tags (AWS, Azure) or labels (GCP) for every resource the storage makes.
   * @default - only the kit's `data-platform` and `data-zone` tags
   */
  readonly tags?: Tags;
}

/** Defaults shared by every cloud's blocks. */
export const CommonDefaults = {
  /** Key rotation period in days; 90 satisfies every cloud and the common benchmarks. */
  ROTATION_PERIOD_DAYS: 90,
  /** Platform name for a standalone key. */
  PLATFORM_NAME: 'data',
  /** Purpose for a standalone key. */
  KEY_PURPOSE: 'data',
  /** Days access logs are kept. */
  ACCESS_LOG_RETENTION_DAYS: 365,
  /** IPv4 range of a kit-made network. */
  NETWORK_CIDR: '10.40.0.0/16',
  /** Warehouse capacity class. */
  WAREHOUSE_SIZE: WarehouseSize.SMALL,
  /** Zone streams land in. */
  STREAM_ZONE: 'raw',
  /** Hours a stream keeps events. */
  STREAM_RETENTION_HOURS: 24,
} as const;

/** Props every cloud's `Network` shares. */
export interface NetworkCommonProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /**
   * IPv4 range of the network, split into the data subnets.
   * @default '10.40.0.0/16'
   */
  readonly cidr?: string;
  /**
   * Tags (AWS, Azure) or labels (GCP) for the network's resources.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** Props every cloud's `Warehouse` shares. */
export interface WarehouseCommonProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /**
   * Capacity class.
   * @default WarehouseSize.SMALL
   */
  readonly size?: WarehouseSize;
  /**
   * What happens to warehouse data when it leaves the stack (DESTROY also needs the flag).
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags (AWS, Azure) or labels (GCP) for the warehouse's resources.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** Props every cloud's `StreamIngestion` shares. */
export interface StreamIngestionCommonProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Stream name within the platform (1-20 of a-z, 0-9, '-'); part of derived names and paths. */
  readonly streamName: string;
  /**
   * The lake zone the stream lands in.
   * @default 'raw'
   */
  readonly zone?: string;
  /**
   * Hours the stream itself keeps events (replay window).
   * @default 24
   */
  readonly retentionHours?: number;
  /**
   * What happens to the stream when it leaves the stack (DESTROY also needs the flag).
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags (AWS, Azure) or labels (GCP) for the stream's resources.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}
