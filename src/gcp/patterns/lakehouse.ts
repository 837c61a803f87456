import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { Construct } from 'constructs';
import { WarehouseSize, ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName } from '../../core/naming';
import { constructIdFrom } from '../../core/zones';
import {
  describePersonas,
  type LakehousePlan,
  type LakehouseSpec,
  PERSONAS_IN_EFFECT_INFO,
  planLakehouse,
} from '../../patterns/lakehouse';
import { info, type ITerraformDependable } from '../../terraform';
import { Catalog } from '../catalog/catalog';
import { type IPrincipal, Principal } from '../iam/principal';
import { NotificationTarget } from '../monitoring/notification-target';
import { Network } from '../network/network';
import { Pipeline } from '../orchestration/pipeline';
import { dataplexRegionFor, isMultiRegion } from '../private/dataplex';
import { kmsLocationFor } from '../private/location';
import { PipelineNameRules } from '../private/pipeline-names';
import { enableApis, GoogleApi } from '../private/project-services';
import { stateAuditLogsElsewhere } from '../private/project-settings';
import type { SparkJobScript } from '../processing/spark-job-script';
import type { SparkJobRuntimeOptions } from '../processing/spark-job-types';
import { EncryptionKey } from '../security/encryption-key';
import { LakeStorage } from '../storage/lake-storage';
import { StreamIngestion } from '../streaming/stream-ingestion';
import { Warehouse } from '../warehouse/warehouse';

/** Props of {@link Lakehouse}: the cloud-neutral spec plus GCP's own options. */
export interface LakehouseProps extends LakehouseSpec {
  /**
   * Project of every resource.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Where the data lives (buckets, datasets, key): a region like `europe-west1`, or one of the
   * multi-regions `EU`, `US`, `ASIA`.
   */
  readonly location: string;
  /**
   * The region of the regional services: the network and pipelines, the streams' message
   * storage, the Dataplex lake. Must lie in `location`. With a multi-region `location` the
   * pipelines encrypt with a key of their own here (Workflows, Dataproc and regional buckets
   * take a key in their own region only).
   * @default - `location` when it is a region (required with a multi-region `location` when the
   *   spec has streams, pipelines or a warehouse)
   */
  readonly region?: string;
  /**
   * The PySpark file each pipeline step runs, keyed `<pipeline>/<step>` as on AWS: required for
   * every step of the spec. `SparkJobScript.fromAsset(path)` uploads a local file into the
   * pipeline's CMEK code bucket (only the deployer writes it); `SparkJobScript.fromBucket` names
   * an existing object, and the pipeline's schedule is then created paused.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
  /**
   * Further Dataproc Serverless runtime options of pipeline steps (arguments, Spark properties,
   * runtime version, …), keyed `<pipeline>/<step>` exactly like `stepScripts`; a key naming no
   * step of the spec is rejected. The main file comes from `stepScripts`.
   * @default - the runtime's defaults for every step
   */
  readonly stepRuntime?: Readonly<
    Record<string, Omit<SparkJobRuntimeOptions, 'mainPythonFileUri' | 'mainJarFileUri' | 'mainClass'>>
  >;
  /**
   * Cap the project's query slots with a BigQuery reservation sized by the spec's warehouse size
   * (`Warehouse.SLOT_CAPS`, autoscaling with no baseline): every query of the project then moves
   * to capacity pricing. Off: on-demand pricing capped by `dailyQueryLimitGib`.
   * @default false
   */
  readonly warehouseReservation?: boolean;
  /**
   * Daily GiB all users may query in the project (on-demand only; the cost cap without a
   * reservation).
   * @default - Lakehouse.DAILY_QUERY_LIMIT_GIB for the spec's warehouse size
   */
  readonly dailyQueryLimitGib?: number;
  /**
   * The personas' service accounts, made elsewhere (e.g. by a data mesh's identity stack, so
   * other domains can grant to them by email), keyed by persona name: every persona of the spec
   * and no other, each as its principal (`Principal.serviceAccount(email)`). The lakehouse then
   * makes no service account and grants the access matrix to these. Throws
   * `DPK_CONFLICTING_PROPS` for a missing or unknown persona.
   * @default - the lakehouse makes one service account per persona
   */
  readonly personaServiceAccounts?: Readonly<Record<string, IPrincipal>>;
  /**
   * Whether the lakehouse owns its project's project-wide settings: the daily query quota
   * (`dailyQueryLimitGib`; a project has one quota preference per quota) and Cloud Storage
   * data-access audit logs (one authoritative audit config per project and service). A second
   * lakehouse in the project (e.g. a data mesh's second domain there) leaves them to the first:
   * with `false` it sets neither. Throws `DPK_CONFLICTING_PROPS` with `dailyQueryLimitGib` or
   * `warehouseReservation` (the reservation's assignment is per project too).
   * @default true
   */
  readonly ownsProjectSettings?: boolean;
}

/** The runtime options that name a step's main file: `stepScripts` gives it. */
const MAIN_FILE_OPTIONS = ['mainPythonFileUri', 'mainJarFileUri', 'mainClass'] as const;

/** A lakehouse's plan and GCP props, validated before any resource. */
interface LakehouseSettings {
  readonly props: LakehouseProps;
  readonly plan: LakehousePlan;
  /** The region of the regional services (see `LakehouseProps.region`). */
  readonly region?: string;
  /** The script of each pipeline step, keyed `<pipeline>/<step>`. */
  readonly scripts: Readonly<Record<string, SparkJobScript>>;
}

/**
 * A whole secure lakehouse on GCP from one cloud-neutral {@link LakehouseSpec}: one Cloud KMS key
 * (two with a multi-region `location`: the pipelines get one in `region`),
 * the lake's buckets (one per zone), one service account per persona granted exactly the spec's
 * access matrix on the zone buckets (and its READ and READ_WRITE grants on the matching BigQuery
 * datasets, with `roles/bigquery.jobUser` for the warehouse's zone; BigQuery has no write-only
 * role, so WRITE-only grants stay on the buckets), email alert
 * channels, a Pub/Sub stream per stream, a scheduled Dataproc Serverless pipeline per pipeline in
 * a private network, and a BigQuery catalog and warehouse.
 *
 * Composes the kit's blocks only, so their secure defaults hold: CMEK with 90-day rotation on
 * every bucket, topic, dataset and workflow; public access prevention, uniform bucket-level
 * access, versioning and soft delete on every bucket; least-privilege identities without keys;
 * data retained on delete (`prevent_destroy`) unless DESTROY is requested and allowed by the
 * `data-platform-kit:removeDataOnDestroy` flag. Admins get READ_WRITE on every zone, not
 * project-level roles.
 *
 * @see https://cloud.google.com/architecture/big-data-analytics/analytics-lakehouse
 * @example
 * new Lakehouse(stack, 'Lakehouse', {
 *   name: 'sales',
 *   location: 'europe-west1',
 *   streams: [{ name: 'clickstream' }],
 *   pipelines: [{ name: 'daily', steps: [{ name: 'clean', sourceZone: 'raw', targetZone: 'curated' }] }],
 *   alerts: { emails: ['data-oncall@example.com'] },
 * });
 */
export class Lakehouse extends Construct {
  /** Whether the warehouse caps slots with a reservation (off: on-demand with a daily query quota). */
  public static readonly DEFAULT_WAREHOUSE_RESERVATION = false;
  /** Daily query quota per warehouse size, in GiB (on-demand). */
  public static readonly DAILY_QUERY_LIMIT_GIB: Readonly<Record<WarehouseSize, number>> = {
    [WarehouseSize.SMALL]: 1024,
    [WarehouseSize.MEDIUM]: 5120,
    [WarehouseSize.LARGE]: 20_480,
  };

  /** The plan the spec stands for (zones, access matrix, streams, pipelines, …). */
  public readonly plan: LakehousePlan;
  /**
   * The key every bucket, topic, dataset and workflow is encrypted with. With a multi-region
   * `location` the pipelines have a key of their own in `region` (`pipelines[name].encryptionKey`).
   */
  public readonly encryptionKey: EncryptionKey;
  /** The lake: one bucket per zone. */
  public readonly lake: LakeStorage;
  /** The network the pipelines run in (only when the spec has pipelines). */
  public readonly network?: Network;
  /** One `google_service_account` per persona, by persona name (none with `personaServiceAccounts`). */
  public readonly personas: Readonly<Record<string, ServiceAccount>>;
  /** Each persona's service account as a principal, by persona name. */
  public readonly principals: Readonly<Record<string, IPrincipal>>;
  /** One stream per spec stream, by stream name. */
  public readonly streams: Readonly<Record<string, StreamIngestion>>;
  /** One pipeline per spec pipeline, by pipeline name. */
  public readonly pipelines: Readonly<Record<string, Pipeline>>;
  /** The BigQuery catalog (only with the warehouse enabled). */
  public readonly catalog?: Catalog;
  /** The warehouse serving the last zone (only with the warehouse enabled). */
  public readonly warehouse?: Warehouse;
  /** The email channels (only when the spec has alert recipients). */
  public readonly notifications?: NotificationTarget;

  constructor(scope: Construct, id: string, props: LakehouseProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.plan = settings.plan;
    this.encryptionKey = this.createKey(settings);
    this.lake = this.createLake(settings);
    this.notifications = this.plan.alertEmails.length > 0 ? this.createNotifications(settings) : undefined;
    if (this.plan.warehouse.enabled) {
      this.catalog = this.createCatalog(settings);
      this.warehouse = this.createWarehouse(settings, this.catalog);
    }
    this.personas = props.personaServiceAccounts ? {} : this.createPersonas(settings);
    this.principals =
      props.personaServiceAccounts ??
      Object.fromEntries(
        Object.entries(this.personas).map(([name, account]) => [name, Principal.fromServiceAccount(account)]),
      );
    this.grantZones();
    this.streams = this.createStreams(settings);
    this.network = this.plan.pipelines.length > 0 ? this.createNetwork(settings) : undefined;
    this.pipelines = this.createPipelines(settings);
    this.grantPersonaExtras();
  }

  /** Plans the spec and validates GCP's own props (region, step scripts and runtimes) before any resource. */
  private resolveSettings(props: LakehouseProps): LakehouseSettings {
    const plan = planLakehouse(this, props);
    info(this, PERSONAS_IN_EFFECT_INFO, describePersonas(plan, props.personas !== undefined));
    const region = this.resolveRegion(props, plan);
    const scripts = this.resolveScripts(plan, props.stepScripts ?? {}, props.stepRuntime ?? {});
    this.checkPersonaServiceAccounts(plan, props.personaServiceAccounts);
    this.checkProjectSettings(props);
    return { props, plan, region, scripts };
  }

  /** The one key every bucket, topic, dataset and workflow is encrypted with. */
  private createKey(s: LakehouseSettings): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: s.plan.platformName,
      purpose: 'lake',
      project: s.props.project,
      location: s.props.location,
      removalPolicy: s.plan.removalPolicy,
      tags: s.plan.tags,
    });
  }

  /**
   * The lake: one bucket per zone, encrypted with the key. Without the project's settings its
   * buckets' access is logged by the audit config of the lakehouse that owns them, which the
   * compliance pack cannot see from this stack: stated on the buckets.
   */
  private createLake(s: LakehouseSettings): LakeStorage {
    const lake = this.newLake(s);
    if (s.props.ownsProjectSettings === false) {
      stateAuditLogsElsewhere(Object.values(lake.buckets));
    }
    return lake;
  }

  private newLake(s: LakehouseSettings): LakeStorage {
    return new LakeStorage(this, 'Storage', {
      platformName: s.plan.platformName,
      project: s.props.project,
      location: s.props.location,
      zones: s.plan.zones,
      encryptionKey: this.encryptionKey,
      removalPolicy: s.plan.removalPolicy,
      tags: s.plan.tags,
      ...(s.props.ownsProjectSettings === false ? { dataAccessLogs: false } : {}),
    });
  }

  /** The email channels of the spec's alert recipients. */
  private createNotifications(s: LakehouseSettings): NotificationTarget {
    return new NotificationTarget(this, 'Notifications', {
      platformName: s.plan.platformName,
      project: s.props.project,
      emailAddresses: s.plan.alertEmails,
      tags: s.plan.tags,
    });
  }

  /** The BigQuery catalog of the lake, its Dataplex lake in the region. */
  private createCatalog(s: LakehouseSettings): Catalog {
    return new Catalog(this, 'Catalog', {
      platformName: s.plan.platformName,
      project: s.props.project,
      lake: this.lake,
      dataplexRegion: s.region,
      removalPolicy: s.plan.removalPolicy,
      tags: s.plan.tags,
    });
  }

  /** The warehouse serving the last zone, capped by a reservation or a daily query quota. */
  private createWarehouse(s: LakehouseSettings, catalog: Catalog): Warehouse {
    const reservation = s.props.warehouseReservation ?? Lakehouse.DEFAULT_WAREHOUSE_RESERVATION;
    return new Warehouse(this, 'Warehouse', {
      platformName: s.plan.platformName,
      project: s.props.project,
      catalog,
      servedZones: [s.plan.zones[s.plan.zones.length - 1].name],
      size: s.plan.warehouse.size,
      reservation,
      dailyQueryLimitGib:
        reservation || s.props.ownsProjectSettings === false
          ? undefined
          : (s.props.dailyQueryLimitGib ?? Lakehouse.DAILY_QUERY_LIMIT_GIB[s.plan.warehouse.size]),
      removalPolicy: s.plan.removalPolicy,
      tags: s.plan.tags,
    });
  }

  /** One service account per persona, after the IAM API (403 SERVICE_DISABLED on a fresh project otherwise). */
  private createPersonas(s: LakehouseSettings): Record<string, ServiceAccount> {
    const { platformName } = s.plan;
    const iamApis = enableApis(this, true, s.props.project, GoogleApi.IAM);
    return Object.fromEntries(
      s.plan.personas.map((persona) => [
        persona.name,
        new ServiceAccount(this, `${constructIdFrom(persona.name)}Persona`, {
          project: s.props.project,
          accountId: physicalName(this, PipelineNameRules.SERVICE_ACCOUNT, {
            platform: platformName,
            parts: [persona.name],
            uniqueness: [persona.name],
          }),
          displayName: `${platformName} ${persona.name}`,
          description: `The ${persona.name} persona of the ${platformName} lakehouse.`,
          dependsOn: iamApis,
        }),
      ]),
    );
  }

  /**
   * The access matrix on the zone buckets, and its READ and READ_WRITE grants on the tables.
   * BigQuery has no write-only dataset role: a WRITE-only grant stays on the bucket, so the
   * datasets never give more than the matrix.
   */
  private grantZones(): void {
    for (const grant of this.plan.grants) {
      const principal = this.principals[grant.persona];
      this.lake.grant(principal, grant.zone, grant.access);
      if (grant.access !== ZoneAccess.WRITE) this.grantTables(principal, grant.zone, grant.access);
    }
  }

  /** One Pub/Sub stream per spec stream, landing in its zone, alerting the channels. */
  private createStreams(s: LakehouseSettings): Record<string, StreamIngestion> {
    return Object.fromEntries(
      s.plan.streams.map((stream) => [
        stream.name,
        new StreamIngestion(this, `${constructIdFrom(stream.name)}Stream`, {
          platformName: s.plan.platformName,
          streamName: stream.name,
          project: s.props.project,
          lake: this.lake,
          zone: stream.zone,
          region: s.region,
          retentionHours: stream.retentionHours,
          notificationTarget: this.notifications,
          removalPolicy: s.plan.removalPolicy,
          tags: s.plan.tags,
        }),
      ]),
    );
  }

  /** The network the pipelines run in: Dataproc Serverless needs ingress between its VMs inside the subnet. */
  private createNetwork(s: LakehouseSettings): Network {
    return new Network(this, 'Network', {
      platformName: s.plan.platformName,
      project: s.props.project,
      region: s.region as string,
      allowInternalIngress: true,
      tags: s.plan.tags,
    });
  }

  /**
   * One scheduled pipeline per spec pipeline. Tables are created by whoever writes a zone: each
   * step may create and update the tables of its target zone (and run the BigQuery jobs that do it).
   */
  private createPipelines(s: LakehouseSettings): Record<string, Pipeline> {
    const pipelines: Record<string, Pipeline> = {};
    const encryptionKey = s.plan.pipelines.length > 0 ? this.createPipelineKey(s) : undefined;
    for (const pipeline of s.plan.pipelines) {
      const made = new Pipeline(this, `${constructIdFrom(pipeline.name)}Pipeline`, {
        platformName: s.plan.platformName,
        pipelineName: pipeline.name,
        project: s.props.project,
        lake: this.lake,
        encryptionKey,
        network: this.network as Network,
        schedule: pipeline.schedule,
        notificationTarget: this.notifications,
        removalPolicy: s.plan.removalPolicy,
        tags: s.plan.tags,
        steps: pipeline.steps.map((step) => ({
          ...(s.props.stepRuntime?.[`${pipeline.name}/${step.name}`] ?? {}),
          name: step.name,
          sourceZone: step.sourceZone,
          targetZone: step.targetZone,
          script: s.scripts[`${pipeline.name}/${step.name}`],
        })),
      });
      const tableGrants = pipeline.steps.flatMap((step, i) =>
        this.grantTables(made.jobs[i].principal, step.targetZone, ZoneAccess.READ_WRITE),
      );
      if (tableGrants.length > 0) made.waitBeforeFirstRun('TableGrants', tableGrants);
      pipelines[pipeline.name] = made;
    }
    return pipelines;
  }

  /**
   * The key the pipelines encrypt with (workflows, Dataproc batches, run-log buckets), which
   * must be in their region: the lake's key when the lake is in that region; for a multi-region
   * lake (`EU`, whose key is in Cloud KMS's `europe`), a key of their own in `region`, with the
   * lake key's rotation, removal policy and labels.
   */
  private createPipelineKey(s: LakehouseSettings): EncryptionKey {
    if (kmsLocationFor(s.props.location) === s.region) return this.encryptionKey;
    return new EncryptionKey(this, 'PipelineKey', {
      platformName: s.plan.platformName,
      purpose: 'pipelines',
      project: s.props.project,
      location: s.region as string,
      removalPolicy: s.plan.removalPolicy,
      tags: s.plan.tags,
    });
  }

  /** What each persona may do beyond its zones, as planned. */
  private grantPersonaExtras(): void {
    for (const persona of this.plan.personas) {
      const principal = this.principals[persona.name];
      for (const stream of persona.publishStreams) this.streams[stream].grantWrite(principal);
      for (const pipeline of persona.operatePipelines) this.pipelines[pipeline].grantOperate(principal);
      if (persona.admin) this.catalog?.grantAdmin(principal);
    }
  }

  /**
   * Grants `access` on `zone`'s tables: through the warehouse for the zone it serves, else the
   * catalog, plus the right to run query jobs in the project (`roles/bigquery.jobUser`), without
   * which no dataset role can query.
   */
  private grantTables(principal: IPrincipal, zone: string, access: ZoneAccess): ITerraformDependable[] {
    if (!this.warehouse) return [];
    const grant = this.warehouse.zoneNames.includes(zone)
      ? this.warehouse.grant(principal, zone, access)
      : this.catalog!.grant(principal, zone, access);
    return [
      grant.datasetMember,
      ...(grant.connectionMember ? [grant.connectionMember] : []),
      this.warehouse.grantQuery(principal),
      ...(this.catalog?.connectionGrantWait ? [this.catalog.connectionGrantWait] : []),
    ];
  }

  /**
   * `stepScripts` for exactly the spec's steps, and `stepRuntime` for some of them, both keyed
   * `<pipeline>/<step>` (`DPK_CONFLICTING_PROPS` for a missing script, a key naming no step, or a
   * runtime that sets the main file, which comes from `stepScripts`).
   */
  private resolveScripts(
    plan: LakehousePlan,
    given: Readonly<Record<string, SparkJobScript>>,
    runtime: Readonly<Record<string, object>>,
  ): Readonly<Record<string, SparkJobScript>> {
    const needed = plan.pipelines.flatMap((p) => p.steps.map((s) => `${p.name}/${s.name}`));
    const unknown = (prop: string, record: object) =>
      Object.keys(record)
        .filter((k) => !needed.includes(k))
        .map((k) => ({
          prop: `${prop}['${k}']`,
          received: k,
          allowed: `a key '<pipeline>/<step>' naming a pipeline step of the spec: ${needed.join(', ') || 'none (no pipelines)'}`,
        }));
    ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, this, [
      ...needed
        .filter((k) => given[k] === undefined)
        .map((k) => ({
          prop: `stepScripts['${k}']`,
          received: 'undefined',
          allowed: 'a SparkJobScript for every pipeline step, keyed <pipeline>/<step>',
        })),
      ...unknown('stepScripts', given),
      ...unknown('stepRuntime', runtime),
      ...Object.entries(runtime).flatMap(([k, options]) =>
        MAIN_FILE_OPTIONS.filter((main) => main in (options ?? {})).map((main) => ({
          prop: `stepRuntime['${k}'].${main}`,
          received: (options as Record<string, unknown>)[main],
          allowed: "unset (the step's main file is its stepScripts entry)",
        })),
      ),
    ]);
    return given;
  }

  /** Without the project's settings, no quota and no reservation may be asked for (`DPK_CONFLICTING_PROPS`). */
  private checkProjectSettings(props: LakehouseProps): void {
    if (props.ownsProjectSettings ?? true) return;
    const allowed =
      'unset when ownsProjectSettings is false (the project-wide query cap belongs to the lakehouse that owns the project settings)';
    ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, this, [
      ...(props.dailyQueryLimitGib === undefined
        ? []
        : [{ prop: 'dailyQueryLimitGib', received: props.dailyQueryLimitGib, allowed }]),
      ...(props.warehouseReservation ? [{ prop: 'warehouseReservation', received: true, allowed }] : []),
    ]);
  }

  /** `personaServiceAccounts`, when given, names every persona of the plan and no other (`DPK_CONFLICTING_PROPS`). */
  private checkPersonaServiceAccounts(
    plan: LakehousePlan,
    given: Readonly<Record<string, IPrincipal>> | undefined,
  ): void {
    if (given === undefined) return;
    const personas = plan.personas.map((p) => p.name);
    const allowed = `a principal for every persona of the spec and no other: ${personas.join(', ')}`;
    ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, this, [
      ...personas
        .filter((name) => given[name] === undefined)
        .map((name) => ({
          prop: `personaServiceAccounts[${JSON.stringify(name)}]`,
          received: 'undefined',
          allowed,
        })),
      ...Object.keys(given)
        .filter((name) => !personas.includes(name))
        .map((name) => ({
          prop: `personaServiceAccounts[${JSON.stringify(name)}]`,
          received: name,
          allowed,
        })),
    ]);
  }

  /** `region`, or `location` when it is a region; required for a multi-region with regional services. */
  private resolveRegion(props: LakehouseProps, plan: LakehousePlan): string | undefined {
    // Checked here, against the prop the user gave, before the blocks receive it under their names.
    if (props.region !== undefined) return dataplexRegionFor(this, props.location, props.region, 'region');
    if (!isMultiRegion(props.location)) return props.location;
    const needsRegion = plan.streams.length > 0 || plan.pipelines.length > 0 || plan.warehouse.enabled;
    if (!needsRegion) return undefined;
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
      prop: 'region',
      received: props.region,
      allowed: `a GCP region in ${JSON.stringify(props.location)} (required with a multi-region location when the lakehouse has streams, pipelines or a warehouse)`,
    });
  }
}
