import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { applyTags } from '../private/tags';
import { type LakehouseSettings, resolveLakehouseSettings } from './private/lakehouse-settings';
import { constructIdFrom, ZoneAccess } from '../../core/internal';
import { type LakehousePlan, type LakehouseSpec, type PlannedPersona } from '../../patterns';
import { AccountDataSettings, type IAccountDataSettings } from '../catalog/account-data-settings';
import { Catalog } from '../catalog/catalog';
import { NotificationTarget } from '../monitoring/notification-target';
import { Network } from '../network/network';
import { Pipeline } from '../orchestration/pipeline';
import { acknowledgeWildcards } from '../private/acknowledgements';
import type { SparkJobScript } from '../processing/spark-job-types';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';
import { LakeStorage } from '../storage/lake-storage';
import { StreamIngestion } from '../streaming/stream-ingestion';
import { Warehouse } from '../warehouse/warehouse';

/** Props of the AWS {@link Lakehouse}: the cloud-neutral spec plus AWS's own options. */
export interface LakehouseProps extends LakehouseSpec {
  /**
   * The script each pipeline step runs, keyed `'<pipeline>/<step>'` (e.g. `'daily/clean'`).
   * Every step of every pipeline needs one: the spec says what a step reads and writes, not
   * the code it runs. Throws `DPK_CONFLICTING_PROPS` for a missing or unknown key.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
  /**
   * The owner of the account-wide catalog settings (catalog encryption, Lake Formation
   * administrators). Pass the app's one `AccountDataSettings` when another construct owns them,
   * or `AccountDataSettings.fromOwnedElsewhere` when another deployment does.
   * @default - the lakehouse owns them: an `AccountDataSettings` with the platform key, the
   * deployment role, the admin personas and `existingLakeFormationAdminArns` as administrators
   */
  readonly accountSettings?: IAccountDataSettings;
  /**
   * ARNs of Lake Formation administrators that exist in the account already and must stay
   * administrators (the settings replace the list on every deploy). Only when the lakehouse
   * owns the settings.
   * @default - none
   */
  readonly existingLakeFormationAdminArns?: readonly string[];
  /**
   * An existing bucket (e.g. the organization's central Log Archive bucket, possibly in another
   * account) that receives the lake's and the query results' server access logs. With it the
   * stack creates no SSE-S3 log bucket; the bucket's owner must allow `logging.s3.amazonaws.com`
   * to put objects under the prefixes (the kit warns with the statement to add).
   * @default - an SSE-S3 access-log bucket in the stack (an acknowledged exception to "every bucket uses the kit's key")
   */
  readonly accessLogsBucket?: s3.IBucket;
  /**
   * Who may assume each persona's role, keyed by persona name: any IAM principal — a role or
   * user (`ArnPrincipal`), an IAM Identity Center permission set's role, a SAML or OIDC
   * federation (`SamlConsolePrincipal`, `WebIdentityPrincipal`). Personas left out keep the
   * default. Throws `DPK_CONFLICTING_PROPS` for a name that is not a persona of the spec.
   * @default - the account (`AccountRootPrincipal`): any IAM identity of the account whose own
   *   policies allow `sts:AssumeRole` on the persona's role
   */
  readonly personaPrincipals?: Readonly<Record<string, iam.IPrincipal>>;
  /**
   * The persona roles, made elsewhere (e.g. by a data mesh's identity stack, so other domains
   * can grant to them by name), keyed by persona name: every persona of the spec and no other.
   * The lakehouse then makes no role and attaches its grants to these: each must be a mutable
   * role of this stack's account (`iam.Role.fromRoleName`). Throws `DPK_CONFLICTING_PROPS` for a
   * missing or unknown persona, or together with `personaPrincipals` (who may assume a role is
   * its maker's decision).
   * @default - the lakehouse makes one role per persona, assumable as `personaPrincipals` says
   */
  readonly personaRoles?: Readonly<Record<string, iam.IRole>>;
  /**
   * The key the account's Glue Data Catalog metadata is encrypted with, when it is not the
   * platform key: the account settings' key (e.g. a data mesh's catalog key, kept apart from the
   * data key so catalog readers never hold the data key). Catalog grants (personas, pipeline
   * steps) go on it, and the lakehouse's own account settings, when it owns them, encrypt the
   * catalog with it.
   * @default - the platform key ({@link Lakehouse.encryptionKey})
   */
  readonly catalogEncryptionKey?: IEncryptionKey;
}

/** Warning id: an admin persona could not be made a Lake Formation administrator (settings owned elsewhere). */
export const ADMIN_NOT_ADDED_WARNING = 'data-platform-kit:lakehouseAdminNotAdded';

/** Why a job role's catalog grants name every table of its zones. */
const JOB_CATALOG_WILDCARD_REASON =
  "A pipeline step creates and updates the tables of its target zone and reads those of its source zone: every table of those databases, through Lake Formation's vended credentials.";

/** Why a persona role's zone grants name every object of a zone. */
const PERSONA_WILDCARD_REASON =
  "A persona's grants read or write every object and table of its zones, every run of the pipelines it operates, and its query results: that is the access the lakehouse spec gives the persona.";

/**
 * A whole secure lakehouse on AWS from one cloud-neutral {@link LakehouseSpec}: one KMS key for
 * the platform, S3 lake storage with the spec's zones, an IAM role per persona (assumable from
 * the account) granted exactly the spec's access matrix, an SNS alert topic, a Kinesis →
 * Firehose stream per stream, a Glue + Step Functions pipeline per pipeline on an EventBridge
 * Scheduler schedule, and (by default) a Glue/Lake Formation catalog with a Redshift
 * Serverless + Athena warehouse in a private network.
 *
 * Secure defaults are the blocks' own: customer-managed key with rotation, TLS only, Block
 * Public Access, versioning, access logs, data retained on delete, least-privilege grants by
 * intent. The pattern re-implements none of them: it plans the spec once (`planLakehouse`) and
 * composes the blocks through their public props and methods.
 *
 * @see https://docs.aws.amazon.com/prescriptive-guidance/latest/modern-data-centric-use-cases/data-lake-for-analytics.html
 * @example
 * const lakehouse = new Lakehouse(stack, 'Lakehouse', {
 *   name: 'sales',
 *   streams: [{ name: 'orders' }],
 *   alerts: { emails: ['data-oncall@example.com'] },
 * });
 * lakehouse.personas.analyst; // the analyst's IAM role: reads the serving zone
 */
export class Lakehouse extends Construct {
  /** The plan the spec stands for (zones, personas, access matrix, streams, pipelines). */
  public readonly plan: LakehousePlan;
  /** The platform key every zone, stream, pipeline, catalog and warehouse is encrypted with. */
  public readonly encryptionKey: EncryptionKey;
  /** The lake: one bucket per zone, encrypted with {@link encryptionKey}. */
  public readonly lake: LakeStorage;
  /** The private network of the warehouse and the pipelines' workers; absent when neither exists. */
  public readonly network?: Network;
  /**
   * One IAM role per persona, by persona name: made here and assumable by the account's
   * principals it allows, or the `personaRoles` given.
   */
  public readonly personas: Readonly<Record<string, iam.IRole>>;
  /** Where alarms notify: the topic the spec's alert recipients are subscribed to; when there are any. */
  public readonly notifications?: NotificationTarget;
  /** One stream ingestion per stream, by stream name. */
  public readonly streams: Readonly<Record<string, StreamIngestion>>;
  /** One pipeline per pipeline, by pipeline name. */
  public readonly pipelines: Readonly<Record<string, Pipeline>>;
  /** The Glue Data Catalog databases of the zones, governed by Lake Formation. */
  public readonly catalog: Catalog;
  /** The account-wide catalog settings the lakehouse owns or references. */
  public readonly accountSettings: IAccountDataSettings;
  /** The Redshift Serverless and Athena warehouse; present when the warehouse is enabled. */
  public readonly warehouse?: Warehouse;

  constructor(scope: Construct, id: string, props: LakehouseProps) {
    super(scope, id);
    const settings = resolveLakehouseSettings(this, props);
    const plan = settings.plan;
    this.plan = plan;

    this.encryptionKey = this.createKey();
    this.lake = this.createLake(props);
    if (plan.warehouse.enabled || plan.pipelines.length > 0) this.network = this.createNetwork();
    this.personas = props.personaRoles ?? this.createPersonas(settings);
    this.grantPersonasTheirZones();
    // Without recipients there is nothing to notify (as on GCP and Azure): alarms still record state.
    if (plan.alertEmails.length > 0) this.notifications = this.createNotifications();
    this.streams = this.createStreams();
    const catalogKey = props.catalogEncryptionKey ?? this.encryptionKey;
    this.accountSettings = props.accountSettings ?? this.createAccountSettings(props, catalogKey);
    this.catalog = this.createCatalog(catalogKey);
    this.pipelines = this.createPipelines(settings);
    if (plan.warehouse.enabled && this.network) {
      this.warehouse = this.createWarehouse(props, this.network, settings.warehouseZones);
    }
    this.grantStepsTheirTables();
    for (const persona of plan.personas) {
      this.renderCapabilities(persona, this.personas[persona.name], settings.warehouseZones);
    }
  }

  /** The platform key every zone, stream, pipeline, catalog and warehouse is encrypted with. */
  private createKey(): EncryptionKey {
    const { platformName, removalPolicy, tags } = this.plan;
    return new EncryptionKey(this, 'Key', { platformName, purpose: 'lakehouse', removalPolicy, tags });
  }

  /** The lake with the spec's zones, encrypted with the platform key. */
  private createLake(props: LakehouseProps): LakeStorage {
    const { platformName, removalPolicy, tags } = this.plan;
    return new LakeStorage(this, 'Storage', {
      platformName,
      // A resolved zone without a cool tier means never: 0 keeps LakeStorage from re-applying a default.
      zones: this.plan.zones.map((z) => ({ ...z, coolAfterDays: z.coolAfterDays ?? 0 })),
      encryptionKey: this.encryptionKey,
      accessLogsBucket: props.accessLogsBucket,
      removalPolicy,
      tags,
    });
  }

  /** The private network of the warehouse and the pipelines' workers. */
  private createNetwork(): Network {
    const { platformName, removalPolicy, tags } = this.plan;
    return new Network(this, 'Network', {
      platformName,
      encryptionKey: this.encryptionKey,
      removalPolicy,
      tags,
    });
  }

  /** One role per persona, assumable by its principal (the account unless given). */
  private createPersonas(settings: LakehouseSettings): Record<string, iam.Role> {
    const { platformName, tags } = this.plan;
    const personas: Record<string, iam.Role> = {};
    for (const persona of this.plan.personas) {
      const role = new iam.Role(this, `Persona${constructIdFrom(persona.name)}`, {
        assumedBy: settings.principals[persona.name] ?? new iam.AccountRootPrincipal(),
        description: `${persona.name} persona of the ${platformName} lakehouse`,
      });
      applyTags(role, tags);
      personas[persona.name] = role;
    }
    return personas;
  }

  /** Each persona's role granted its zones of the access matrix on the lake. */
  private grantPersonasTheirZones(): void {
    for (const grant of this.plan.grants) {
      const role = this.personas[grant.persona];
      this.lake.grant(role, grant.zone, grant.access);
      acknowledgeWildcards(
        role,
        [this.lake.bucketFor(grant.zone).arnForObjects('*')],
        PERSONA_WILDCARD_REASON,
      );
    }
  }

  /**
   * The alert topic, with the spec's recipients subscribed. It has a key of its own: alarm
   * delivery (CloudWatch) never needs the data key.
   */
  private createNotifications(): NotificationTarget {
    const { platformName, removalPolicy, tags } = this.plan;
    const alertsKey = new EncryptionKey(this, 'AlertsKey', {
      platformName,
      purpose: 'alerts',
      removalPolicy,
      tags,
    });
    return new NotificationTarget(this, 'Alerts', {
      platformName,
      encryptionKey: alertsKey,
      emailAddresses: this.plan.alertEmails,
      removalPolicy,
      tags,
    });
  }

  /** One stream ingestion per stream of the spec, alarming to the alert topic. */
  private createStreams(): Record<string, StreamIngestion> {
    const { platformName, removalPolicy, tags } = this.plan;
    const streams: Record<string, StreamIngestion> = {};
    for (const stream of this.plan.streams) {
      streams[stream.name] = new StreamIngestion(this, `Stream${constructIdFrom(stream.name)}`, {
        platformName,
        streamName: stream.name,
        lake: this.lake,
        zone: stream.zone,
        retentionHours: stream.retentionHours,
        encryptionKey: this.encryptionKey,
        notificationTarget: this.notifications,
        removalPolicy,
        tags,
      });
    }
    return streams;
  }

  /** The account-wide catalog settings, owned by the lakehouse when none are given. */
  private createAccountSettings(props: LakehouseProps, catalogKey: IEncryptionKey): AccountDataSettings {
    return new AccountDataSettings(this, 'AccountSettings', {
      encryptionKey: catalogKey,
      existingAdminArns: props.existingLakeFormationAdminArns,
    });
  }

  /**
   * The catalog governs every zone (Lake Formation): the tables that pipelines and READ_WRITE
   * personas create are what the personas and the warehouse query.
   */
  private createCatalog(catalogKey: IEncryptionKey): Catalog {
    const { platformName, removalPolicy, tags } = this.plan;
    return new Catalog(this, 'Catalog', {
      platformName,
      lake: this.lake,
      encryptionKey: catalogKey,
      accountSettings: this.accountSettings,
      removalPolicy,
      tags,
    });
  }

  /** One pipeline per pipeline of the spec, its steps reading and writing Iceberg tables. */
  private createPipelines(settings: LakehouseSettings): Record<string, Pipeline> {
    const { platformName, removalPolicy, tags } = this.plan;
    const pipelines: Record<string, Pipeline> = {};
    for (const pipeline of this.plan.pipelines) {
      pipelines[pipeline.name] = new Pipeline(this, `Pipeline${constructIdFrom(pipeline.name)}`, {
        platformName,
        pipelineName: pipeline.name,
        lake: this.lake,
        network: this.network,
        steps: pipeline.steps.map((step) => ({
          name: step.name,
          sourceZone: step.sourceZone,
          targetZone: step.targetZone,
          script: settings.scripts[`${pipeline.name}/${step.name}`],
          arguments: icebergArguments(this.catalog, step.sourceZone, step.targetZone),
        })),
        schedule: settings.schedules[pipeline.name],
        notificationTarget: this.notifications,
        encryptionKey: this.encryptionKey,
        removalPolicy,
        tags,
      });
    }
    return pipelines;
  }

  /** The warehouse in the network, reading `readZones` through the catalog. */
  private createWarehouse(props: LakehouseProps, network: Network, readZones: readonly string[]): Warehouse {
    const { platformName, removalPolicy, tags } = this.plan;
    return new Warehouse(this, 'Warehouse', {
      platformName,
      network,
      catalog: this.catalog,
      encryptionKey: this.encryptionKey,
      size: this.plan.warehouse.size,
      readZones,
      accessLogsBucket: props.accessLogsBucket,
      removalPolicy,
      tags,
    });
  }

  /**
   * Tables are created by whoever writes a zone: each step's job may create and update the
   * tables of its target zone, and reads the tables of its source zone.
   */
  private grantStepsTheirTables(): void {
    for (const planned of this.plan.pipelines) {
      const pipeline = this.pipelines[planned.name];
      planned.steps.forEach((step, i) => {
        const job = pipeline.jobs[i];
        const grants = [
          this.catalog.grantRead(job.role, step.sourceZone),
          this.catalog.grantReadWrite(job.role, step.targetZone),
        ];
        acknowledgeWildcards(
          job.role,
          grants.flatMap((g) => g.wildcardResourceArns),
          JOB_CATALOG_WILDCARD_REASON,
        );
      });
    }
  }

  /**
   * A persona's capabilities beyond zone storage, through the blocks' grants: query its READ
   * zones (catalog read + warehouse query), create and alter tables in its READ_WRITE zones,
   * publish to its streams, operate its pipelines, administer the catalog.
   */
  private renderCapabilities(
    persona: PlannedPersona,
    role: iam.IRole,
    warehouseZones: readonly string[],
  ): void {
    const wildcards: string[] = [];
    for (const zone of persona.queryZones) {
      const access = persona.tableZones.includes(zone) ? ZoneAccess.READ_WRITE : ZoneAccess.READ;
      wildcards.push(...this.catalog.grant(role, zone, access).wildcardResourceArns);
    }
    if (persona.queryZones.length > 0 && this.warehouse) {
      this.warehouse.grantQuery(role, {
        redshift: persona.queryZones.some((z) => warehouseZones.includes(z)),
      });
      wildcards.push(this.warehouse.queryResultsBucket.arnForObjects('*'));
    }
    for (const stream of persona.publishStreams) this.streams[stream].grantWrite(role);
    for (const pipeline of persona.operatePipelines) {
      this.pipelines[pipeline].grantOperate(role);
      wildcards.push(this.pipelines[pipeline].executionsArn);
    }
    if (persona.admin && !this.accountSettings.addAdmin(role)) {
      Annotations.of(this).addWarningV2(
        ADMIN_NOT_ADDED_WARNING,
        `The account settings are owned elsewhere: make the ${persona.name} persona's role a Lake Formation administrator there.`,
      );
    }
    if (wildcards.length > 0) acknowledgeWildcards(role, wildcards, PERSONA_WILDCARD_REASON);
  }
}

/**
 * What a step's script needs to read and write Apache Iceberg tables through the Glue Data
 * Catalog (Lake Formation governs it): Glue's Iceberg libraries, a Spark catalog `glue_catalog`
 * backed by Glue, and the databases of its source and target zones (`--source_database`,
 * `--target_database`). Tables are created by the step that writes a zone.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-format-iceberg.html
 */
export function icebergArguments(
  catalog: Catalog,
  sourceZone: string,
  targetZone: string,
): Record<string, string> {
  const warehouse = `s3://${catalog.lake.bucketFor(targetZone).bucketName}/`;
  const conf = [
    'spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions',
    'spark.sql.catalog.glue_catalog=org.apache.iceberg.spark.SparkCatalog',
    'spark.sql.catalog.glue_catalog.catalog-impl=org.apache.iceberg.aws.glue.GlueCatalog',
    'spark.sql.catalog.glue_catalog.io-impl=org.apache.iceberg.aws.s3.S3FileIO',
    `spark.sql.catalog.glue_catalog.warehouse=${warehouse}`,
  ];
  return {
    'datalake-formats': 'iceberg',
    conf: conf.join(' --conf '),
    source_database: catalog.databaseNameFor(sourceZone),
    target_database: catalog.databaseNameFor(targetZone),
  };
}
