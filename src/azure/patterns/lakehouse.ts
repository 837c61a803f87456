import type { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { checkStreamRetention, resolveStepNotebooks } from './private/lakehouse-checks';
import { renderSchedule } from './private/lakehouse-schedule';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName } from '../../core/naming';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom } from '../../core/zones';
import {
  describePersonas,
  type LakehousePlan,
  type LakehouseSpec,
  PERSONAS_IN_EFFECT_INFO,
  planLakehouse,
} from '../../patterns/lakehouse';
import { info } from '../../terraform';
import { Catalog } from '../catalog/catalog';
import { Principal } from '../iam/principal';
import { NotificationTarget } from '../monitoring/notification-target';
import type { PrivateDnsZoneName } from '../network/endpoints';
import { type ExistingNetworkAttributes, Network } from '../network/network';
import { Pipeline } from '../orchestration/pipeline';
import type { PipelineSchedule } from '../orchestration/pipeline-types';
import { StreamNameRules } from '../private/streaming';
import { SparkJob } from '../processing/spark-job';
import type { SparkJobScript } from '../processing/spark-job-script';
import type { ResourceGroupRef } from '../resource-group';
import { EncryptionKey } from '../security/encryption-key';
import { LakeStorage } from '../storage/lake-storage';
import { StreamIngestion } from '../streaming/stream-ingestion';
import { Warehouse } from '../warehouse/warehouse';
import type { SqlAdministrator } from '../warehouse/warehouse-props';

/** Props of the Azure {@link Lakehouse}: the cloud-neutral spec plus Azure's own options. */
export interface LakehouseProps extends LakehouseSpec {
  /** Resource group everything deploys into; its location is the lakehouse's. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * The runner's public IPv4 egress ranges allowed through the firewall of the shared Key Vault
   * (see `EncryptionKeyProps.allowedIpRanges`): the key is created on the vault's data plane, and
   * the lakehouse's network is created in the same apply, so a runner outside it needs these.
   * Required unless `deployerInsideNetwork` (`DPK_INVALID_IP_RANGE` otherwise); documentation,
   * private and other unroutable ranges are rejected.
   * @default - none: then `deployerInsideNetwork` must be true
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Whether `terraform apply` runs inside the virtual network (see
   * `EncryptionKeyProps.deployerInsideNetwork`); then `keyVaultAllowedIpRanges` stays unset.
   * @default false
   */
  readonly deployerInsideNetwork?: boolean;
  /**
   * The Synapse workspace's Entra SQL administrator.
   * @default - the first admin persona's identity, login `<name>-sql-admin`
   */
  readonly sqlAdministrator?: SqlAdministrator;
  /**
   * Whether `terraform apply` runs inside the network, so the Synapse workspace's data-plane
   * resources (managed private endpoints, Synapse RBAC) are made (see `WarehouseProps`).
   * @default false
   */
  readonly deployerReachesWorkspace?: boolean;
  /**
   * The code each pipeline step runs, keyed `'<pipeline>/<step>'` (e.g. `'daily/clean'`), as on
   * AWS and GCP: `SparkJobScript.fromNotebook(name)`, a Synapse notebook published in the
   * workspace. Every step of every pipeline needs one: the spec says what a step reads and
   * writes, not the code it runs. Throws `DPK_CONFLICTING_PROPS` for a missing or unknown key,
   * `DPK_INVALID_NAME` for a notebook name Synapse rejects.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
  /**
   * The personas' user-assigned identities, made elsewhere (e.g. a data mesh's identity stack, so
   * other stacks can grant to them first), by persona name: one for every persona of the spec and
   * no other (`DPK_CONFLICTING_PROPS` otherwise). The lakehouse grants them the spec's access
   * matrix as it would its own.
   * @default - the lakehouse makes one user-assigned identity per persona
   */
  readonly personaIdentities?: Readonly<Record<string, PersonaIdentity>>;
  /**
   * Where the lakehouse's private endpoints go: an existing (landing-zone) virtual network and
   * subnet, and existing private DNS zones, used as they are (see `NetworkProps`). Given, the
   * lakehouse always reaches its lake and vault privately, also without streams or pipelines.
   * @default - a network of its own, with its own DNS zones, only when a stream, a warehouse or a
   *   pipeline needs one
   */
  readonly network?: LakehouseNetworkOptions;
}

/**
 * A persona's user-assigned identity as the {@link Lakehouse} uses it: one it made
 * (`UserAssignedIdentity`) or one made elsewhere and read by name (`DataAzurermUserAssignedIdentity`).
 * @example
 * const analyst: PersonaIdentity = new DataAzurermUserAssignedIdentity(stack, 'Analyst', {
 *   name: 'id-sales-analyst',
 *   resourceGroupName: 'rg-sales',
 * });
 */
export type PersonaIdentity = UserAssignedIdentity | DataAzurermUserAssignedIdentity;

/**
 * The network a {@link Lakehouse} places its private endpoints in, when it is not its own.
 * @example
 * const network: LakehouseNetworkOptions = {
 *   existingNetwork: { virtualNetworkId: vnetId, privateEndpointSubnetId: subnetId },
 *   privateDnsZoneIds: { [PrivateDnsZoneName.BLOB]: blobZoneId },
 * };
 */
export interface LakehouseNetworkOptions {
  /**
   * An existing virtual network and subnet for the endpoints (`NetworkProps.existingNetwork`).
   * @default - a new virtual network over `cidr`
   */
  readonly existingNetwork?: ExistingNetworkAttributes;
  /**
   * The range of the new virtual network (`NetworkProps.cidr`); not with `existingNetwork`.
   * @default Network.DEFAULT_CIDR
   */
  readonly cidr?: string;
  /**
   * Existing private DNS zones by zone name, used as they are: neither created nor linked
   * (`NetworkProps.privateDnsZoneIds`). Zones not given are created and linked.
   * @default - every zone an endpoint needs is created and linked
   */
  readonly privateDnsZoneIds?: Partial<Record<PrivateDnsZoneName, string>>;
}

/** The plan and what the lakehouse derives from it before making anything. */
interface LakehouseSettings {
  readonly plan: LakehousePlan;
  /** Props every block takes from the plan. */
  readonly common: {
    readonly platformName: string;
    readonly removalPolicy: LakehousePlan['removalPolicy'];
    readonly tags: LakehousePlan['tags'];
  };
  readonly resourceGroup: ResourceGroupRef;
  /** The resources' tags (the kit's and the spec's). */
  readonly tags: Tags;
  /** A Synapse workspace exists when the warehouse is enabled or a pipeline needs Spark. */
  readonly needsWorkspace: boolean;
  readonly needsNetwork: boolean;
  /** Each pipeline's Data Factory schedule, in plan order. */
  readonly schedules: readonly PipelineSchedule[];
  /** The notebook each step runs, keyed `<pipeline>/<step>`. */
  readonly notebooks: Readonly<Record<string, string>>;
  /** The workspace's primary zone: `curated` when there is one, else the second zone. */
  readonly workspaceZone: string;
  readonly lastZone: string;
}

/**
 * A whole lakehouse on Azure from one cloud-neutral {@link LakehouseSpec}: one shared
 * customer-managed key, an ADLS Gen2 lake with a filesystem per zone, a user-assigned managed
 * identity per persona granted exactly the spec's access matrix on the zones' filesystems, an
 * Event Hubs stream per spec stream captured into its zone, a Synapse Spark job and a Data
 * Factory pipeline per spec pipeline, a Purview-free Catalog and a Synapse Warehouse (dedicated
 * SQL pool sized by the spec), a private network for the lake, vault and workspace, and an
 * action group for the alert recipients.
 *
 * Composition only: every part is a kit block built through its public props and methods.
 * What the spec means is decided once by `planLakehouse`; this class renders the plan.
 *
 * Azure specifics:
 * - Pipelines run on Synapse Spark, so a Synapse workspace (`warehouse`) exists whenever the spec
 *   has pipelines, even with the warehouse disabled (then without a dedicated SQL pool or catalog).
 * - Each pipeline step runs the Synapse notebook its `stepScripts` entry names (published in the
 *   workspace: azurerm cannot deploy notebooks); the streams use Event Hubs Standard, which keeps
 *   events at most 7 days (`StreamIngestion.RETENTION_HOURS_RANGE`), so a spec stream's
 *   `retentionHours` may be 24 to 168 here.
 * - Cron schedules render as Data Factory schedule triggers (minute, hourly or daily recurrences;
 *   IANA time zones mapped to Windows ids, see `WINDOWS_TIME_ZONES`).
 * - `notifications` exists only when the spec has alert recipients (an action group needs one).
 *
 * @example
 * const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-sales', location: 'westeurope' });
 * const lakehouse = new Lakehouse(stack, 'Lakehouse', {
 *   ...SALES_LAKEHOUSE,
 *   resourceGroup: rg,
 *   keyVaultAllowedIpRanges: [process.env.DPK_RUNNER_EGRESS_CIDR!], // the runner's public egress range
 * });
 * lakehouse.personas.analyst; // the analyst's user-assigned identity
 */
export class Lakehouse extends Construct {
  /** Login of the default SQL administrator: `<name>` + this suffix. */
  public static readonly SQL_ADMIN_LOGIN_SUFFIX = '-sql-admin';

  /** The decisions the spec stands for (zones, access matrix, streams, pipelines…). */
  public readonly plan: LakehousePlan;
  /** The one customer-managed key shared by the lake, the warehouse and the pipelines. */
  public readonly encryptionKey: EncryptionKey;
  /** The lake: one ADLS Gen2 account, a filesystem per zone. */
  public readonly lake: LakeStorage;
  /** Private endpoints for the lake, the vault, the namespaces and the workspace; when there is a stream, a warehouse or a pipeline. */
  public readonly network?: Network;
  /** One user-assigned managed identity per persona, by persona name: made here, or the `personaIdentities` given. */
  public readonly personas: Readonly<Record<string, PersonaIdentity>>;
  /** One Event Hubs ingestion per stream, by stream name. */
  public readonly streams: Readonly<Record<string, StreamIngestion>>;
  /** The Synapse Spark job of each pipeline, by pipeline name. */
  public readonly sparkJobs: Readonly<Record<string, SparkJob>>;
  /** One Data Factory pipeline per spec pipeline, by pipeline name. */
  public readonly pipelines: Readonly<Record<string, Pipeline>>;
  /** Lake-database locations per zone; when the warehouse is enabled. */
  public readonly catalog?: Catalog;
  /** The Synapse workspace; when the warehouse is enabled or a pipeline needs Spark. */
  public readonly warehouse?: Warehouse;
  /** The action group alerting the spec's recipients; when there are any. */
  public readonly notifications?: NotificationTarget;

  constructor(scope: Construct, id: string, props: LakehouseProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.plan = s.plan;
    this.encryptionKey = this.createEncryptionKey(s, props);
    this.lake = this.createLake(s);
    this.personas = this.createPersonas(s, props.personaIdentities);
    this.notifications = s.plan.alertEmails.length > 0 ? this.createNotifications(s) : undefined;
    this.network = s.needsNetwork ? this.createNetwork(s, props.network) : undefined;
    this.streams = this.createStreams(s);
    this.catalog = s.plan.warehouse.enabled ? this.createCatalog(s) : undefined;
    this.warehouse = s.needsWorkspace ? this.createWarehouse(s, props) : undefined;
    const pipelines = this.createPipelines(s);
    this.sparkJobs = pipelines.sparkJobs;
    this.pipelines = pipelines.pipelines;
    this.grantCapabilities(s.plan, this.personas);
  }

  /**
   * Plans the spec and checks everything the blocks will need, before any resource exists: the
   * runner's reach to the vault, the streams' retention, each step's notebook, each pipeline's
   * schedule, a SQL administrator for the workspace.
   */
  private resolveSettings(props: LakehouseProps): LakehouseSettings {
    const plan = planLakehouse(this, props);
    info(this, PERSONAS_IN_EFFECT_INFO, describePersonas(plan, props.personas !== undefined));
    this.requireRunnerReach(props);
    this.checkPersonaIdentities(plan, props.personaIdentities);
    checkStreamRetention(this, plan);
    const notebooks = resolveStepNotebooks(this, plan, props.stepScripts ?? {});
    const needsWorkspace = plan.warehouse.enabled || plan.pipelines.length > 0;
    const schedules = plan.pipelines.map((pipeline, i) =>
      renderSchedule(this, `pipelines[${i}].schedule`, pipeline.schedule),
    );
    if (needsWorkspace && props.sqlAdministrator === undefined) this.requireAdminPersona(plan);
    const zoneNames = plan.zones.map((z) => z.name);
    const workspaceZone = zoneNames.includes('curated')
      ? 'curated'
      : zoneNames[Math.min(1, zoneNames.length - 1)];
    return {
      plan,
      common: { platformName: plan.platformName, removalPolicy: plan.removalPolicy, tags: plan.tags },
      resourceGroup: props.resourceGroup,
      tags: resourceTags(this, TagRules.AZURE, plan.platformName, plan.tags),
      needsWorkspace,
      needsNetwork: needsWorkspace || plan.streams.length > 0 || props.network !== undefined,
      schedules,
      notebooks,
      workspaceZone,
      lastZone: zoneNames[zoneNames.length - 1],
    };
  }

  /** The one key shared by the lake, the warehouse and the pipelines. */
  private createEncryptionKey(s: LakehouseSettings, props: LakehouseProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      ...s.common,
      resourceGroup: s.resourceGroup,
      allowedIpRanges: props.keyVaultAllowedIpRanges,
      deployerInsideNetwork: props.deployerInsideNetwork,
    });
  }

  /** The lake: a filesystem per planned zone, encrypted with the shared key. */
  private createLake(s: LakehouseSettings): LakeStorage {
    return new LakeStorage(this, 'Storage', {
      ...s.common,
      resourceGroup: s.resourceGroup,
      zones: s.plan.zones,
      encryptionKey: this.encryptionKey,
    });
  }

  /** One user-assigned identity per persona (or the ones given), granted its row of the access matrix on the lake. */
  private createPersonas(
    s: LakehouseSettings,
    given: Readonly<Record<string, PersonaIdentity>> | undefined,
  ): Record<string, PersonaIdentity> {
    const personas: Record<string, PersonaIdentity> = { ...given };
    for (const persona of given === undefined ? s.plan.personas : []) {
      personas[persona.name] = new UserAssignedIdentity(this, `${constructIdFrom(persona.name)}Persona`, {
        name: physicalName(this, StreamNameRules.MANAGED_IDENTITY, {
          platform: s.plan.platformName,
          parts: [persona.name],
        }),
        location: s.resourceGroup.location,
        resourceGroupName: s.resourceGroup.name,
        tags: s.tags,
      });
    }
    for (const grant of s.plan.grants) {
      this.lake.grant(Principal.fromUserAssignedIdentity(personas[grant.persona]), grant.zone, grant.access);
    }
    return personas;
  }

  /** The action group for the spec's alert recipients. */
  private createNotifications(s: LakehouseSettings): NotificationTarget {
    return new NotificationTarget(this, 'Notifications', {
      platformName: s.plan.platformName,
      resourceGroup: s.resourceGroup,
      emailAddresses: [...s.plan.alertEmails],
      tags: s.plan.tags,
    });
  }

  /** Private endpoints for the lake and the vault (and, later, the namespaces and the workspace). */
  private createNetwork(s: LakehouseSettings, options: LakehouseNetworkOptions = {}): Network {
    return new Network(this, 'Network', {
      ...options,
      platformName: s.plan.platformName,
      resourceGroup: s.resourceGroup,
      lake: this.lake,
      encryptionKeys: [this.encryptionKey],
      tags: s.plan.tags,
    });
  }

  /** One Event Hubs ingestion per spec stream, captured into its zone. */
  private createStreams(s: LakehouseSettings): Record<string, StreamIngestion> {
    const streams: Record<string, StreamIngestion> = {};
    for (const stream of s.plan.streams) {
      streams[stream.name] = new StreamIngestion(this, `${constructIdFrom(stream.name)}Stream`, {
        ...s.common,
        streamName: stream.name,
        zone: stream.zone,
        retentionHours: stream.retentionHours,
        resourceGroup: s.resourceGroup,
        lake: this.lake,
        notificationTarget: this.notifications,
        network: this.network,
      });
    }
    return streams;
  }

  /** Lake-database locations per zone, without Purview. */
  private createCatalog(s: LakehouseSettings): Catalog {
    return new Catalog(this, 'Catalog', {
      ...s.common,
      resourceGroup: s.resourceGroup,
      lake: this.lake,
      network: this.network,
    });
  }

  /**
   * The Synapse workspace on the lake: a dedicated SQL pool only when the spec's warehouse is
   * enabled; the workspace reads the last zone when it is not its own.
   */
  private createWarehouse(s: LakehouseSettings, props: LakehouseProps): Warehouse {
    return new Warehouse(this, 'Warehouse', {
      ...s.common,
      resourceGroup: s.resourceGroup,
      lake: this.lake,
      network: this.network,
      catalog: this.catalog,
      encryptionKey: this.encryptionKey,
      sqlAdministrator: props.sqlAdministrator ?? this.defaultSqlAdministrator(s.plan),
      workspaceZone: s.workspaceZone,
      readZones: s.lastZone === s.workspaceZone ? [] : [s.lastZone],
      dedicatedSqlPool: s.plan.warehouse.enabled,
      size: s.plan.warehouse.enabled ? s.plan.warehouse.size : undefined,
      deployerReachesWorkspace: props.deployerReachesWorkspace,
    });
  }

  /** Per spec pipeline, in order: its Synapse Spark job, then the Data Factory pipeline running it. */
  private createPipelines(s: LakehouseSettings): {
    sparkJobs: Record<string, SparkJob>;
    pipelines: Record<string, Pipeline>;
  } {
    const sparkJobs: Record<string, SparkJob> = {};
    const pipelines: Record<string, Pipeline> = {};
    s.plan.pipelines.forEach((pipeline, i) => {
      const pipelineId = constructIdFrom(pipeline.name);
      const job = new SparkJob(this, `${pipelineId}SparkJob`, {
        platformName: s.plan.platformName,
        jobName: pipeline.name,
        warehouse: this.warehouse as Warehouse,
        lake: this.lake,
        steps: pipeline.steps.map((step) => ({
          name: step.name,
          sourceZone: step.sourceZone,
          targetZone: step.targetZone,
          notebook: s.notebooks[`${pipeline.name}/${step.name}`],
        })),
        tags: s.plan.tags,
      });
      sparkJobs[pipeline.name] = job;
      pipelines[pipeline.name] = new Pipeline(this, `${pipelineId}Pipeline`, {
        ...s.common,
        pipelineName: pipeline.name,
        resourceGroup: s.resourceGroup,
        sparkJob: job,
        encryptionKey: this.encryptionKey,
        schedule: s.schedules[i],
        notificationTarget: this.notifications,
      });
    });
    return { sparkJobs, pipelines };
  }

  /**
   * Renders each persona's capabilities through the blocks' grant methods: publish to its zones'
   * streams, query its READ zones through the warehouse (storage reader for Entra pass-through,
   * plus the Synapse role when the deployer reaches the workspace), create tables where it reads
   * and writes (storage contributor, Synapse Contributor), and operate its pipelines. The first
   * admin persona is the workspace's Entra SQL administrator (see `defaultSqlAdministrator`).
   */
  private grantCapabilities(plan: LakehousePlan, personas: Record<string, PersonaIdentity>): void {
    for (const persona of plan.personas) {
      const principal = Principal.fromUserAssignedIdentity(personas[persona.name]);
      for (const stream of persona.publishStreams) this.streams[stream].grantWrite(principal);
      if (this.warehouse) {
        for (const zone of persona.queryZones.filter((z) => !persona.tableZones.includes(z))) {
          this.warehouse.grantRead(principal, zone);
        }
        for (const zone of persona.tableZones) this.warehouse.grantReadWrite(principal, zone);
      }
      for (const pipeline of persona.operatePipelines) this.pipelines[pipeline].grantOperate(principal);
    }
  }

  /** The vault must be reachable by the runner: its egress ranges, or a declared in-network runner. */
  private requireRunnerReach(props: LakehouseProps): void {
    const ranges = props.keyVaultAllowedIpRanges;
    const given = ranges !== undefined && (isUnresolved(ranges) || ranges.length > 0);
    if (given || props.deployerInsideNetwork === true) return;
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, this, {
      prop: 'keyVaultAllowedIpRanges',
      received: ranges,
      allowed:
        "the public egress range of the machine that runs terraform apply (e.g. ['20.61.10.0/28']; the key is created on " +
        "the vault's data plane and the lakehouse's network is created in the same apply), or 'deployerInsideNetwork: true' " +
        'for a runner inside an existing network that reaches the vault privately',
    });
  }

  /** Identities given for personas: one for each persona of the spec, none for another. */
  private checkPersonaIdentities(
    plan: LakehousePlan,
    given: Readonly<Record<string, PersonaIdentity>> | undefined,
  ): void {
    if (given === undefined) return;
    const names = plan.personas.map((p) => p.name);
    const allowed = `an identity for every persona of the spec and no other: ${names.join(', ')}`;
    ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, this, [
      ...names
        .filter((name) => given[name] === undefined)
        .map((name) => ({
          prop: `personaIdentities[${JSON.stringify(name)}]`,
          received: 'undefined',
          allowed,
        })),
      ...Object.keys(given)
        .filter((name) => !names.includes(name))
        .map((name) => ({ prop: `personaIdentities[${JSON.stringify(name)}]`, received: name, allowed })),
    ]);
  }

  /** A workspace without `sqlAdministrator` takes the first admin persona's identity: one must exist. */
  private requireAdminPersona(plan: LakehousePlan): void {
    if (plan.personas.some((p) => p.admin)) return;
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
      prop: 'sqlAdministrator',
      received: undefined,
      allowed: 'a SQL administrator, or an admin persona (`admin: true`) whose identity becomes it',
    });
  }

  /** The first admin persona's identity, login `<platform>-sql-admin` (see `requireAdminPersona`). */
  private defaultSqlAdministrator(plan: LakehousePlan): SqlAdministrator {
    const admin = plan.personas.find((p) => p.admin)!;
    return {
      login: `${plan.platformName}${Lakehouse.SQL_ADMIN_LOGIN_SUFFIX}`,
      principal: Principal.fromUserAssignedIdentity(this.personas[admin.name]),
    };
  }
}
