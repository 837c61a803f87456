import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import { SynapseSparkPool } from '@cdktf/provider-azurerm/lib/synapse-spark-pool';
import { Construct } from 'constructs';
import { SPARK_RUN_ROLES } from './roles';
import type { SparkStep } from './spark-step';
import { ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import {
  physicalName,
  validateLiteralNamePart,
  validateName,
  NameRules,
  validatePlatformName,
} from '../../core/naming';
import { validateIntegerRange } from '../../core/ranges';
import { resourceTags, TagRules, type Tags } from '../../core/tags';
import type { ITerraformDependable } from '../../terraform';
import { type IPrincipal, PrincipalType } from '../iam/principal';
import { PipelineNameRules } from '../private/pipeline-names';
import { grantScopedSynapseRoles } from './private/spark-grants';
import {
  type ResolvedSparkStep,
  resolveSparkSteps,
  SPARK_STEPS_RANGE,
  stepZoneAccess,
} from '../private/spark-steps';
import type { ILakeStorage } from '../storage/lake-storage';
import type { Warehouse } from '../warehouse/warehouse';

/** Node size of a Spark pool (memory-optimized family): vCores and memory per node. */
export enum SparkNodeSize {
  /** 4 vCores, 32 GB. */
  SMALL = 'Small',
  /** 8 vCores, 64 GB. */
  MEDIUM = 'Medium',
  /** 16 vCores, 128 GB. */
  LARGE = 'Large',
  /** 32 vCores, 256 GB. */
  XLARGE = 'XLarge',
  /** 64 vCores, 432 GB. */
  XXLARGE = 'XXLarge',
  /** 80 vCores, 504 GB: the only size that offers isolated compute. */
  XXXLARGE = 'XXXLarge',
}

/** Synapse runtime for Apache Spark (the versions azurerm 4.55 accepts). */
export enum SparkVersion {
  /** Spark 3.4 runtime: end of support announced (March 2026); for existing jobs only. */
  V3_4 = '3.4',
  /** Spark 3.5 runtime (Python 3.11, Delta Lake 3.2). */
  V3_5 = '3.5',
}

/** Props of {@link SparkJob}. */
export interface SparkJobProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Job name within the platform (1-20 of a-z, 0-9 and '-'); part of the pool's derived name. */
  readonly jobName: string;
  /** The warehouse whose Synapse workspace hosts the pool; its identity runs the job. */
  readonly warehouse: Warehouse;
  /** The lake the steps read and write: the warehouse's lake. */
  readonly lake: ILakeStorage;
  /** The job's steps, in run order (`SparkJob.STEPS_RANGE`: 1 to 40), each reading one zone and writing another. */
  readonly steps: SparkStep[];
  /**
   * Node size (memory-optimized).
   * @default SparkNodeSize.SMALL
   */
  readonly nodeSize?: SparkNodeSize;
  /**
   * Fewest nodes autoscale keeps while the pool runs (3-200).
   * @default 3
   */
  readonly minNodes?: number;
  /**
   * Most nodes autoscale adds (3-200, at least `minNodes`).
   * @default - 10, or `minNodes` when that is more
   */
  readonly maxNodes?: number;
  /**
   * Idle minutes before the pool pauses (5-10080); a paused pool bills nothing.
   * @default 15
   */
  readonly autoPauseDelayMinutes?: number;
  /**
   * Synapse runtime for Apache Spark.
   * @default SparkVersion.V3_5
   */
  readonly sparkVersion?: SparkVersion;
  /**
   * Run on hardware isolated to one customer. Synapse offers it for `SparkNodeSize.XXXLARGE`
   * nodes only, in some regions.
   * @default false
   */
  readonly computeIsolation?: boolean;
  /**
   * Spark pool name (1-15 letters and digits, starting with a letter; unique in the workspace).
   * @default - `<platform><job>` cut to 7 characters, then a hash of the construct path
   */
  readonly sparkPoolName?: string;
  /**
   * Tags for the pool, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** A Spark job's props, validated, with defaults resolved and the pool named. */
interface SparkJobSettings {
  readonly poolName: string;
  readonly nodeSize: SparkNodeSize;
  readonly minNodes: number;
  readonly maxNodes: number;
  readonly pauseDelay: number;
  readonly sparkVersion: SparkVersion;
  readonly isolation: boolean;
  readonly steps: ResolvedSparkStep[];
  readonly tags: Tags;
}

/**
 * Azure batch processing: a Synapse Spark pool on the warehouse's workspace that runs a job's
 * steps, and the lake grants those steps need.
 *
 * Secure defaults: the pool lives in the workspace's managed virtual network with data
 * exfiltration protection (it reaches the lake only through the warehouse's managed private
 * endpoints) and is encrypted with the workspace's customer-managed key (it waits for the key's
 * activation); session-level packages are off, so only the pool's reviewed libraries load (with
 * exfiltration protection there is no public package index anyway); autoscale 3-10 Small nodes;
 * auto-pause after 15 idle minutes; Spark 3.5.
 *
 * Identity: Synapse Spark pools have no identity of their own. Scheduled (pipeline) runs use the
 * workspace's system-assigned identity, so what the job can touch is exactly what that identity
 * holds on the lake: the warehouse's grants (its `workspaceZone` and `readZones`) plus, from this
 * job, read on every step's `sourceZone` and read/write on every `targetZone`
 * ({@link SPARK_STEP_ZONE_ACCESS}; a zone the warehouse already reads and writes is not granted
 * again). Per-job identities are not possible with Synapse pools: every
 * pool of a workspace shares the workspace identity, so jobs that must not see each other's zones
 * belong in separate workspaces. Interactive notebook runs in Synapse Studio read as the signed-in
 * user instead.
 *
 * Code: Spark job definitions and notebooks are workspace data-plane artifacts; azurerm has no
 * resource for them. Publish each step's notebook or job definition (see `SparkStep`) before the
 * pipeline first runs.
 *
 * Deployability: the pool is a management-plane resource (Azure Contributor on the workspace, no
 * reach to the workspace needed). {@link SparkJob.grantRun} assigns Synapse RBAC roles on the
 * workspace data plane: only when the warehouse was made with `deployerReachesWorkspace`.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/spark/apache-spark-pool-configurations
 * @see https://learn.microsoft.com/azure/synapse-analytics/synapse-service-identity
 * @example
 * const job = new SparkJob(stack, 'Orders', {
 *   platformName: 'sales',
 *   jobName: 'orders',
 *   warehouse,
 *   lake,
 *   steps: [
 *     { name: 'clean', sourceZone: 'raw', targetZone: 'curated', notebook: 'clean_orders' },
 *     { name: 'publish', sourceZone: 'curated', targetZone: 'serving', notebook: 'publish_orders' },
 *   ],
 * });
 */
export class SparkJob extends Construct {
  /** Node size when `nodeSize` is unset. */
  public static readonly DEFAULT_NODE_SIZE = SparkNodeSize.SMALL;
  /** Node family: the memory-optimized one (GPU pools are retired). */
  public static readonly NODE_SIZE_FAMILY = 'MemoryOptimized';
  /** Fewest nodes when `minNodes` is unset (Synapse's minimum). */
  public static readonly DEFAULT_MIN_NODES = 3;
  /** Most nodes when `maxNodes` is unset. */
  public static readonly DEFAULT_MAX_NODES = 10;
  /** Nodes of the pool (`minNodes`, `maxNodes`): 3 to 200, Synapse's autoscale range. */
  public static readonly NODE_COUNT_RANGE = { min: 3, max: 200 } as const;
  /** Idle minutes before pausing when `autoPauseDelayMinutes` is unset. */
  public static readonly DEFAULT_AUTO_PAUSE_DELAY_MINUTES = 15;
  /** Auto-pause delay Synapse allows, in minutes: 5 to 10080 (7 days). */
  public static readonly AUTO_PAUSE_DELAY_MINUTES_RANGE = { min: 5, max: 10080 } as const;
  /** Steps one job takes: 1 to 40, kit policy (Data Factory allows 80 activities per pipeline). */
  public static readonly STEPS_RANGE = SPARK_STEPS_RANGE;
  /** Spark runtime when `sparkVersion` is unset. */
  public static readonly DEFAULT_SPARK_VERSION = SparkVersion.V3_5;
  /** Whether the pool runs on isolated hardware when `computeIsolation` is unset. */
  public static readonly DEFAULT_COMPUTE_ISOLATION = false;
  /** Whether notebooks may install packages per session: never. */
  public static readonly SESSION_LEVEL_PACKAGES = false;

  /** The Spark pool. */
  public readonly sparkPool: SynapseSparkPool;
  /** Resource Manager id of the pool. */
  public readonly sparkPoolId: string;
  /** Name of the pool, as pipelines reference it. */
  public readonly sparkPoolName: string;
  /** The validated steps, in run order. */
  public readonly steps: readonly ResolvedSparkStep[];
  /** The workspace identity's lake grants this job added: read on sources, read/write on targets. */
  public readonly lakeAccess: RoleAssignment[];
  /** The workspace identity: what every step runs as. */
  public readonly workspacePrincipal: IPrincipal;
  /** The warehouse hosting the pool. */
  public readonly warehouse: Warehouse;
  /** The lake the steps read and write. */
  public readonly lake: ILakeStorage;
  /**
   * Whether Synapse RBAC (workspace data plane) can be assigned: the warehouse was made with
   * `deployerReachesWorkspace` (it then has managed private endpoints, made only in that case).
   */
  public readonly deployerReachesWorkspace: boolean;

  constructor(scope: Construct, id: string, props: SparkJobProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.steps = s.steps;
    this.warehouse = props.warehouse;
    this.lake = props.lake;
    this.deployerReachesWorkspace = props.warehouse.managedPrivateEndpoints.length > 0;

    this.sparkPool = this.createSparkPool(s);
    this.sparkPoolId = this.sparkPool.id;
    this.sparkPoolName = this.sparkPool.name;
    this.workspacePrincipal = {
      principalId: props.warehouse.workspacePrincipalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      // The warehouse's own key for the workspace identity: its grants and these share ids.
      grantKey: props.warehouse.workspace.node.path,
    };
    this.lakeAccess = this.createLakeAccess();
  }

  /**
   * Lets `principal` (e.g. a data factory's identity) run this job's published notebooks and Spark
   * job definitions on its pool: {@link SPARK_RUN_ROLES} ("Synapse Artifact User" on the workspace,
   * "Synapse Compute Operator" on this pool). Synapse RBAC lives on the workspace data plane: throws
   * `DPK_CONFLICTING_PROPS` unless {@link SparkJob.deployerReachesWorkspace}, and
   * `DPK_INVALID_PRINCIPAL` for a malformed principal. Returns the assignments, which wait for the
   * workspace's activation, its private development endpoint and the pool.
   */
  public grantRun(principal: IPrincipal): SynapseRoleAssignment[] {
    if (!this.deployerReachesWorkspace) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'warehouse.deployerReachesWorkspace',
        received: false,
        allowed: 'true to assign Synapse RBAC roles (they are created on the workspace data plane)',
      });
    }
    const dependsOn: ITerraformDependable[] = [
      this.warehouse.workspaceKey,
      ...this.warehouse.privateEndpoints,
      this.sparkPool,
    ];
    return grantScopedSynapseRoles(this, principal, SPARK_RUN_ROLES, {
      workspaceId: this.warehouse.workspaceId,
      sparkPoolId: this.sparkPool.id,
      dependsOn,
    });
  }

  /** Validates the props and resolves their defaults and the pool's name, before any resource exists. */
  private resolveSettings(props: SparkJobProps): SparkJobSettings {
    const platform = validatePlatformName(this, props.platformName);
    const job = validateName(
      this,
      NameRules.COMPONENT,
      'jobName',
      validateLiteralNamePart(this, 'jobName', props.jobName),
    );
    const nodeSize = props.nodeSize ?? SparkJob.DEFAULT_NODE_SIZE;
    const minNodes = props.minNodes ?? SparkJob.DEFAULT_MIN_NODES;
    const maxNodes = props.maxNodes ?? Math.max(SparkJob.DEFAULT_MAX_NODES, minNodes);
    const pauseDelay = props.autoPauseDelayMinutes ?? SparkJob.DEFAULT_AUTO_PAUSE_DELAY_MINUTES;
    const isolation = props.computeIsolation ?? SparkJob.DEFAULT_COMPUTE_ISOLATION;
    this.validateSizing(minNodes, maxNodes, pauseDelay, nodeSize, isolation);
    const steps = resolveSparkSteps(this, props.steps, props.lake.zoneNames);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const poolName = physicalName(this, PipelineNameRules.SPARK_POOL, {
      platform,
      parts: [job],
      override: props.sparkPoolName,
      overrideProp: 'sparkPoolName',
    });
    const sparkVersion = props.sparkVersion ?? SparkJob.DEFAULT_SPARK_VERSION;
    return { poolName, nodeSize, minNodes, maxNodes, pauseDelay, sparkVersion, isolation, steps, tags };
  }

  /** The pool on the warehouse's workspace, after the workspace key's activation. */
  private createSparkPool(s: SparkJobSettings): SynapseSparkPool {
    return new SynapseSparkPool(this, 'Pool', {
      name: s.poolName,
      synapseWorkspaceId: this.warehouse.workspaceId,
      nodeSizeFamily: SparkJob.NODE_SIZE_FAMILY,
      nodeSize: s.nodeSize,
      autoScale: { minNodeCount: s.minNodes, maxNodeCount: s.maxNodes },
      autoPause: { delayInMinutes: s.pauseDelay },
      sparkVersion: s.sparkVersion,
      sessionLevelPackagesEnabled: SparkJob.SESSION_LEVEL_PACKAGES,
      computeIsolationEnabled: s.isolation,
      tags: s.tags,
      // Synapse refuses new pools until the workspace's customer-managed key is active.
      dependsOn: [this.warehouse.workspaceKey],
    });
  }

  /** The workspace identity's lake grants the steps need (read sources, read/write targets). */
  private createLakeAccess(): RoleAssignment[] {
    // The warehouse already reads and writes its workspace zone: that assignment covers a step too.
    return [...stepZoneAccess(this.steps)].map(([zone, access]) =>
      this.lake.grant(
        this.workspacePrincipal,
        zone,
        zone === this.warehouse.workspaceZone ? ZoneAccess.READ_WRITE : access,
      ),
    );
  }

  private validateSizing(
    minNodes: number,
    maxNodes: number,
    pauseDelay: number,
    nodeSize: SparkNodeSize,
    isolation: boolean,
  ): void {
    const nodes = SparkJob.NODE_COUNT_RANGE;
    validateIntegerRange(this, 'minNodes', minNodes, nodes);
    validateIntegerRange(this, 'maxNodes', maxNodes, Math.max(nodes.min, minNodes), nodes.max);
    validateIntegerRange(this, 'autoPauseDelayMinutes', pauseDelay, SparkJob.AUTO_PAUSE_DELAY_MINUTES_RANGE);
    if (isolation && nodeSize !== SparkNodeSize.XXXLARGE) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'computeIsolation',
        received: { computeIsolation: true, nodeSize },
        allowed: `false unless 'nodeSize' is ${SparkNodeSize.XXXLARGE} (Synapse isolates only that size)`,
      });
    }
  }
}
