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
import { PipelineNameRules } from '../private/pipeline-names';
import { enableApis, GoogleApi } from '../private/project-services';
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
   * storage, the Dataplex lake. Must lie in `location`.
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
   * Further runtime options of each pipeline step (arguments, Spark properties, runtime version),
   * keyed `<pipeline>/<step>`; the main file comes from `stepScripts`.
   * @default - the runtime's defaults
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
}

/**
 * A whole secure lakehouse on GCP from one cloud-neutral {@link LakehouseSpec}: one Cloud KMS key,
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
  /** The one key every bucket, topic, dataset and workflow is encrypted with. */
  public readonly encryptionKey: EncryptionKey;
  /** The lake: one bucket per zone. */
  public readonly lake: LakeStorage;
  /** The network the pipelines run in (only when the spec has pipelines). */
  public readonly network?: Network;
  /** One `google_service_account` per persona, by persona name. */
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
    const plan = planLakehouse(this, props);
    info(this, PERSONAS_IN_EFFECT_INFO, describePersonas(plan, props.personas !== undefined));
    this.plan = plan;
    const platformName = plan.platformName;
    const project = props.project;
    const location = props.location;
    const tags = plan.tags;
    const removalPolicy = plan.removalPolicy;
    const region = this.resolveRegion(props, plan);

    this.encryptionKey = new EncryptionKey(this, 'Key', {
      platformName,
      purpose: 'lake',
      project,
      location,
      removalPolicy,
      tags,
    });
    this.lake = new LakeStorage(this, 'Storage', {
      platformName,
      project,
      location,
      zones: plan.zones,
      encryptionKey: this.encryptionKey,
      removalPolicy,
      tags,
    });

    this.notifications =
      plan.alertEmails.length > 0
        ? new NotificationTarget(this, 'Notifications', {
            platformName,
            project,
            emails: plan.alertEmails,
            tags,
          })
        : undefined;

    const scripts = this.resolveScripts(plan, props.stepScripts ?? {}, props.stepRuntime ?? {});
    if (plan.warehouse.enabled) {
      this.catalog = new Catalog(this, 'Catalog', {
        platformName,
        project,
        lake: this.lake,
        dataplexRegion: region,
        removalPolicy,
        tags,
      });
      const reservation = props.warehouseReservation ?? Lakehouse.DEFAULT_WAREHOUSE_RESERVATION;
      this.warehouse = new Warehouse(this, 'Warehouse', {
        platformName,
        project,
        catalog: this.catalog,
        zones: [plan.zones[plan.zones.length - 1].name],
        size: plan.warehouse.size,
        reservation,
        dailyQueryLimitGib: reservation
          ? undefined
          : (props.dailyQueryLimitGib ?? Lakehouse.DAILY_QUERY_LIMIT_GIB[plan.warehouse.size]),
        removalPolicy,
        tags,
      });
    }

    // Service accounts need the IAM API (403 SERVICE_DISABLED on a fresh project otherwise).
    const iamApis = enableApis(this, true, project, GoogleApi.IAM);
    const personas: Record<string, ServiceAccount> = {};
    const principals: Record<string, IPrincipal> = {};
    for (const persona of plan.personas) {
      const account = new ServiceAccount(this, `${constructIdFrom(persona.name)}Persona`, {
        project,
        accountId: physicalName(this, PipelineNameRules.SERVICE_ACCOUNT, {
          platform: platformName,
          parts: [persona.name],
          uniqueness: [persona.name],
        }),
        displayName: `${platformName} ${persona.name}`,
        description: `The ${persona.name} persona of the ${platformName} lakehouse.`,
        dependsOn: iamApis,
      });
      personas[persona.name] = account;
      principals[persona.name] = Principal.fromServiceAccount(account);
    }
    this.personas = personas;
    this.principals = principals;

    for (const grant of plan.grants) {
      const principal = principals[grant.persona];
      this.lake.grant(principal, grant.zone, grant.access);
      // BigQuery has no write-only dataset role: a WRITE-only grant stays on the bucket, so the
      // datasets never give more than the matrix.
      if (grant.access !== ZoneAccess.WRITE) this.grantTables(principal, grant.zone, grant.access);
    }

    const streams: Record<string, StreamIngestion> = {};
    for (const stream of plan.streams) {
      streams[stream.name] = new StreamIngestion(this, `${constructIdFrom(stream.name)}Stream`, {
        platformName,
        streamName: stream.name,
        project,
        lake: this.lake,
        zone: stream.zone,
        region,
        retentionHours: stream.retentionHours,
        notificationTarget: this.notifications,
        removalPolicy,
        tags,
      });
    }
    this.streams = streams;

    if (plan.pipelines.length > 0) {
      this.network = new Network(this, 'Network', {
        platformName,
        project,
        region: region as string,
        // Dataproc Serverless needs ingress between its VMs inside the subnet.
        allowInternalIngress: true,
        tags,
      });
    }
    const pipelines: Record<string, Pipeline> = {};
    for (const pipeline of plan.pipelines) {
      pipelines[pipeline.name] = new Pipeline(this, `${constructIdFrom(pipeline.name)}Pipeline`, {
        platformName,
        pipelineName: pipeline.name,
        project,
        lake: this.lake,
        network: this.network as Network,
        schedule: pipeline.schedule,
        notificationTarget: this.notifications,
        removalPolicy,
        tags,
        steps: pipeline.steps.map((step) => ({
          ...(props.stepRuntime?.[`${pipeline.name}/${step.name}`] ?? {}),
          name: step.name,
          sourceZone: step.sourceZone,
          targetZone: step.targetZone,
          script: scripts[`${pipeline.name}/${step.name}`],
        })),
      });
      // Tables are created by whoever writes a zone: each step may create and update the tables
      // of its target zone (and run the BigQuery jobs that do it).
      const tableGrants = pipeline.steps.flatMap((step, i) =>
        this.grantTables(pipelines[pipeline.name].jobs[i].principal, step.targetZone, ZoneAccess.READ_WRITE),
      );
      if (tableGrants.length > 0) pipelines[pipeline.name].waitBeforeFirstRun('TableGrants', tableGrants);
    }
    this.pipelines = pipelines;

    // What each persona may do beyond its zones, as planned.
    for (const persona of plan.personas) {
      const principal = principals[persona.name];
      for (const stream of persona.publishStreams) streams[stream].grantWrite(principal);
      for (const pipeline of persona.operatePipelines) pipelines[pipeline].grantOperate(principal);
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

  /** `stepScripts` for exactly the spec's steps (`DPK_CONFLICTING_PROPS` for a missing or unknown key). */
  private resolveScripts(
    plan: LakehousePlan,
    given: Readonly<Record<string, SparkJobScript>>,
    runtime: Readonly<Record<string, unknown>>,
  ): Readonly<Record<string, SparkJobScript>> {
    const needed = plan.pipelines.flatMap((p) => p.steps.map((s) => `${p.name}/${s.name}`));
    const keys = (record: object | undefined) => Object.keys(record ?? {});
    ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, this, [
      ...needed
        .filter((k) => given[k] === undefined)
        .map((k) => ({
          prop: `stepScripts['${k}']`,
          received: 'undefined',
          allowed: 'a SparkJobScript for every pipeline step, keyed <pipeline>/<step>',
        })),
      ...[...keys(given), ...keys(runtime)]
        .filter((k) => !needed.includes(k))
        .map((k) => ({
          prop: given[k] === undefined ? `stepRuntime['${k}']` : `stepScripts['${k}']`,
          received: k,
          allowed: `a key naming a pipeline step of the spec: ${needed.join(', ') || 'none (no pipelines)'}`,
        })),
    ]);
    return given;
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
