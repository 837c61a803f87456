import { BigqueryConnection } from '@cdktf/provider-google/lib/bigquery-connection';
import { BigqueryConnectionIamMember } from '@cdktf/provider-google/lib/bigquery-connection-iam-member';
import type { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import type { DataGoogleBigqueryDefaultServiceAccount } from '@cdktf/provider-google/lib/data-google-bigquery-default-service-account';
import type { DataplexAsset } from '@cdktf/provider-google/lib/dataplex-asset';
import type { DataplexLake } from '@cdktf/provider-google/lib/dataplex-lake';
import type { DataplexZone } from '@cdktf/provider-google/lib/dataplex-zone';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct, type IConstruct } from 'constructs';
import { CATALOG_ADMIN_ROLE, CONNECTION_ADMIN_ROLE } from './roles';
import { ZoneAccess } from '../../core/blocks';
import type { DataRemovalPolicy } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { constructIdFrom, findZone } from '../../core/zones';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import { type IPrincipal, Principal } from '../iam/principal';
import {
  grantBigQueryAgentOnKey,
  grantOnDataset,
  newHardenedDataset,
  projectIdOf,
  TIME_TRAVEL_HOURS,
} from '../private/bigquery';
import { type CatalogSettings, resolveCatalogSettings } from './private/catalog-settings';
import { grantConnectionUser, ImportedCatalog } from './private/catalog-support';
import { type DataplexResources, isMultiRegion, newDataplexLake } from '../private/dataplex';
import { grantSuffix } from '../private/members';
import { dependsOnAll, enableApis, GoogleApi } from '../private/project-services';
import { retainData } from '../private/removal';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** What a catalog grant created. */
export interface CatalogGrant {
  /** `roles/bigquery.dataViewer` or `dataEditor` on the zone's dataset (see `CATALOG_ROLES`). */
  readonly datasetMember: BigqueryDatasetIamMember;
  /** The BigLake table-creator custom role on the connection: write grants only, when there is one. */
  readonly connectionMember?: BigqueryConnectionIamMember;
}

/** A catalog: one BigQuery dataset per lake zone, granted by intent through dataset IAM. */
export interface ICatalog extends IConstruct {
  /** The zones that have a dataset, in order. */
  readonly zoneNames: readonly string[];
  /** The BigQuery location of the datasets (`EU`, `US` or a region). */
  readonly location: string;
  /** The datasets' project, or undefined for the provider's project. */
  readonly project?: string;
  /** The dataset id of `zone`; throws `DPK_UNKNOWN_ZONE` for a zone without a dataset. */
  datasetIdFor(zone: string): string;
  /** Lets `principal` read the tables of `zone`'s dataset. */
  grantRead(principal: IPrincipal, zone: string): CatalogGrant;
  /** Lets `principal` create and change tables in `zone` (BigQuery's write role also reads). */
  grantWrite(principal: IPrincipal, zone: string): CatalogGrant;
  /** Lets `principal` read, create, change and delete tables in `zone`. */
  grantReadWrite(principal: IPrincipal, zone: string): CatalogGrant;
  /** Grants `access` on `zone`'s dataset (see `CATALOG_ROLES`). */
  grant(principal: IPrincipal, zone: string, access: ZoneAccess): CatalogGrant;
}

/** What identifies an existing catalog. */
export interface CatalogAttributes {
  /** The datasets' BigQuery location. */
  readonly location: string;
  /** The datasets' project. @default - the provider's project */
  readonly project?: string;
  /** The dataset id of each zone. */
  readonly datasetIds: Readonly<Record<string, string>>;
  /** A BigLake connection id in the same location, for write grants. @default - none */
  readonly connectionId?: string;
}

/** Props of {@link Catalog}. */
export interface CatalogProps {
  /** Platform name that derived names start with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /** The lake the catalog describes: one dataset, BigLake grant and Dataplex zone per zone. */
  readonly lake: ILakeStorage;
  /** Project of the datasets, the connection and the Dataplex lake. @default - the lake's project, else the provider's */
  readonly project?: string;
  /** BigQuery location of the datasets and the connection (`EU`, `US` or a region). @default - the lake's location */
  readonly location?: string;
  /** The lake zones that get a dataset. @default - every zone of the lake */
  readonly zones?: readonly string[];
  /** Default key of every dataset (CMEK); must be in the matching Cloud KMS location. @default - the lake's key */
  readonly encryptionKey?: IEncryptionKey;
  /** Dataset id per zone (letters, digits, '_'). @default - `<platform>_<zone>_<hash>` */
  readonly datasetIds?: Readonly<Record<string, string>>;
  /** Hours deleted or changed table data stays recoverable (time travel), 48-168 in steps of 24. @default 168 */
  readonly timeTravelHours?: number;
  /** Make a BigLake connection whose service account may read every catalog zone's bucket. @default true */
  readonly bigLake?: boolean;
  /** BigLake connection id. @default - `<platform>_biglake_<hash>` */
  readonly connectionId?: string;
  /** Make a Dataplex lake with a zone and a bucket asset per catalog zone. @default true */
  readonly dataplex?: boolean;
  /** Region of the Dataplex lake. @default - the lake's region (required for a multi-region lake) */
  readonly dataplexRegion?: string;
  /** Zones whose Dataplex zone is `RAW` (any format); the others are `CURATED` (Parquet, Avro, ORC). @default ['raw'] */
  readonly rawZones?: readonly string[];
  /** Dataplex discovery on the zones and assets (publishes tables to Dataplex-made datasets). @default false */
  readonly discovery?: boolean;
  /** What happens to the datasets when they leave the stack (DESTROY also needs the flag). @default DataRemovalPolicy.RETAIN */
  readonly removalPolicy?: DataRemovalPolicy;
  /** Labels for the datasets and the Dataplex resources. @default - only the kit's `data-platform` and `data-zone` labels */
  readonly tags?: Tags;
  /** Enable the BigQuery, BigQuery Connection and Dataplex APIs. @default true */
  readonly enableApis?: boolean;
}

/** The APIs a catalog waits for, by what needs them. */
interface CatalogApis {
  readonly bigQuery: readonly ProjectService[];
  readonly connection: readonly ProjectService[];
  readonly dataplex: readonly ProjectService[];
}

/**
 * The lake's catalog on BigQuery: one dataset per lake zone, a BigLake connection that reads
 * the lake, and a Dataplex lake with a zone and an asset per lake zone.
 *
 * Secure defaults: every dataset encrypts new tables with the customer-managed key (the lake's
 * by default) and keeps 168 hours of time travel; no dataset `access` entries are written (no
 * public access: grants go through dataset IAM, `google_bigquery_dataset_iam_member`),
 * `delete_contents_on_destroy = false`, labels, and `prevent_destroy` unless DESTROY is both
 * requested and allowed by the `data-platform-kit:removeDataOnDestroy` flag. The BigLake
 * connection's service account gets read-only access (`roles/storage.objectViewer`) to each
 * zone's bucket through the lake's own grants. Dataplex assets use `DIRECT` read access, so bucket
 * IAM stays the only source of permissions; discovery is off unless asked for, since it publishes
 * into datasets Dataplex creates without the kit's key. Write grants also grant a custom role
 * with `bigquery.connections.delegate`, `use` and `get` on the connection, so engineers can
 * register BigLake tables (`roles/bigquery.connectionUser` lacks `delegate`).
 *
 * Deployable as is: the APIs are enabled first; BigQuery's encryption service agent
 * (`google_bigquery_default_service_account`) is granted `roles/cloudkms.cryptoKeyEncrypterDecrypter`
 * on the key and every dataset depends on that grant. Deployer prerequisite: `roles/bigquery.admin`,
 * `roles/dataplex.admin`, `roles/cloudkms.admin` on the key, `roles/storage.admin` on the buckets
 * (for the connection's grants) and, while `enableApis` is on, `roles/serviceusage.serviceUsageAdmin`.
 *
 * @see https://cloud.google.com/bigquery/docs/biglake-intro
 * @example
 * const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
 * catalog.grantReadWrite(Principal.group('engineers@acme.com'), 'curated');
 */
export class Catalog extends Construct implements ICatalog {
  /** Hours of time travel on every dataset (BigQuery's maximum). */
  public static readonly DEFAULT_TIME_TRAVEL_HOURS = TIME_TRAVEL_HOURS.MAX;
  /** Whether a BigLake connection is made. */
  public static readonly DEFAULT_BIG_LAKE = true;
  /** Whether a Dataplex lake is made. */
  public static readonly DEFAULT_DATAPLEX = true;
  /** Zones whose Dataplex zone is RAW. */
  public static readonly DEFAULT_RAW_ZONES: readonly string[] = ['raw'];
  /** Whether Dataplex discovery runs. */
  public static readonly DEFAULT_DISCOVERY = false;
  /** Whether the kit enables the APIs it needs. */
  public static readonly DEFAULT_ENABLE_APIS = true;
  /** Seconds fresh grants are given to propagate before their first consumer. */
  public static readonly GRANT_PROPAGATION_SECONDS = 60;

  /** Imports an existing catalog (its datasets, and optionally its connection) to grant on it. */
  public static fromCatalogAttributes(scope: Construct, id: string, attrs: CatalogAttributes): ICatalog {
    return new ImportedCatalog(scope, id, attrs);
  }

  public readonly zoneNames: readonly string[];
  public readonly location: string;
  public readonly project?: string;
  /** The key every dataset encrypts new tables with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The `google_bigquery_dataset` of each zone, by zone name. */
  public readonly datasets: Readonly<Record<string, BigqueryDataset>>;
  /** The `google_bigquery_default_service_account` lookup (BigQuery's encryption service agent). */
  public readonly bigQueryServiceAgent: DataGoogleBigqueryDefaultServiceAccount;
  /** The service agent's `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key; datasets depend on it. */
  public readonly serviceAgentKeyGrant: KmsCryptoKeyIamMember;
  /** The BigLake `google_bigquery_connection` (cloud resource), unless `bigLake` is false. */
  public readonly connection?: BigqueryConnection;
  /** The connection service account's read grant on each zone's bucket, by zone name. */
  public readonly connectionLakeGrants: Readonly<Record<string, StorageBucketIamMember>>;
  /**
   * The wait after the connection account's bucket grants (a new account's grants take minutes to
   * reach Cloud Storage): make anything that creates or queries BigLake tables depend on it.
   */
  public readonly connectionGrantWait?: Sleep;
  /** The `google_dataplex_lake`, unless `dataplex` is false. */
  public readonly dataplexLake?: DataplexLake;
  /** The `google_dataplex_zone` of each zone, by zone name. */
  public readonly dataplexZones: Readonly<Record<string, DataplexZone>>;
  /** The `google_dataplex_asset` (the zone's bucket) of each zone, by zone name. */
  public readonly dataplexAssets: Readonly<Record<string, DataplexAsset>>;
  /** The `google_project_service` resources the catalog waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: CatalogProps) {
    super(scope, id);
    const settings = resolveCatalogSettings(this, props, Catalog);
    this.project = settings.project;
    this.location = settings.location;
    this.zoneNames = settings.zoneNames;
    this.encryptionKey = settings.encryptionKey;
    const apis = this.createApis(settings);
    this.apiServices = [...apis.bigQuery, ...apis.connection, ...apis.dataplex];
    const agent = grantBigQueryAgentOnKey(this, this.project, this.encryptionKey, apis.bigQuery);
    this.bigQueryServiceAgent = agent.agent;
    this.serviceAgentKeyGrant = agent.grant;
    this.datasets = this.createDatasets(settings, [agent.wait, ...apis.bigQuery]);
    retainData(this, settings.removal, Object.values(this.datasets));
    this.connection =
      settings.connectionId === undefined
        ? undefined
        : this.createConnection(settings, settings.connectionId, apis.connection);
    this.connectionLakeGrants = this.connection
      ? this.createConnectionLakeGrants(settings, this.connection)
      : {};
    this.connectionGrantWait =
      Object.keys(this.connectionLakeGrants).length > 0
        ? propagationWait(
            this,
            'ConnectionGrantWait',
            Object.values(this.connectionLakeGrants),
            Catalog.GRANT_PROPAGATION_SECONDS,
          )
        : undefined;
    const plex =
      settings.dataplexRegion === undefined
        ? undefined
        : this.createDataplex(settings, settings.dataplexRegion, apis.dataplex);
    this.dataplexLake = plex?.lake;
    this.dataplexZones = plex?.zones ?? {};
    this.dataplexAssets = plex?.assets ?? {};
  }

  public datasetIdFor(zone: string): string {
    return this.datasets[
      findZone(
        this,
        this.zoneNames.map((name) => ({ name })),
        zone,
      ).name
    ].datasetId;
  }

  public grantRead(principal: IPrincipal, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  public grantWrite(principal: IPrincipal, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  public grantReadWrite(principal: IPrincipal, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }

  /**
   * Lets `principal` administer the catalog: `roles/bigquery.dataOwner` on every dataset (tables
   * and the datasets' IAM policies) and `roles/bigquery.connectionAdmin` on the BigLake connection.
   * Granting twice returns the first resources.
   */
  public grantAdmin(principal: IPrincipal): BigqueryDatasetIamMember[] {
    const suffix = grantSuffix(this, principal);
    const members = this.zoneNames.map((zone) => {
      const id = `Admin${constructIdFrom(zone)}${suffix}`;
      return (
        (this.node.tryFindChild(id) as BigqueryDatasetIamMember | undefined) ??
        new BigqueryDatasetIamMember(this, id, {
          project: this.project,
          datasetId: this.datasets[zone].datasetId,
          role: CATALOG_ADMIN_ROLE,
          member: principal.iamMember,
        })
      );
    });
    if (this.connection && !this.node.tryFindChild(`AdminConnection${suffix}`)) {
      new BigqueryConnectionIamMember(this, `AdminConnection${suffix}`, {
        project: this.project,
        location: this.location,
        connectionId: this.connection.connectionId,
        role: CONNECTION_ADMIN_ROLE,
        member: principal.iamMember,
      });
    }
    return members;
  }

  /**
   * Grants `access` on `zone`'s dataset only (dataset IAM, `CATALOG_ROLES`); write grants also
   * grant the BigLake table-creator custom role on the connection. Granting twice returns the
   * first resources. No key grant is needed.
   */
  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): CatalogGrant {
    const datasetMember = grantOnDataset(
      this,
      { zone, datasetId: this.datasetIdFor(zone), project: this.project },
      principal,
      access,
    );
    if (access === ZoneAccess.READ || !this.connection) return { datasetMember };
    const connectionMember = grantConnectionUser(this, this, this.connection.connectionId, principal);
    return { datasetMember, connectionMember };
  }

  /** The BigQuery API, and the Connection and Dataplex APIs when used (shared in the stack). */
  private createApis(s: CatalogSettings): CatalogApis {
    const apis = (on: boolean, api: GoogleApi) =>
      on ? enableApis(this, s.enableApis, this.project, api) : [];
    return {
      bigQuery: apis(true, GoogleApi.BIGQUERY),
      connection: apis(s.connectionId !== undefined, GoogleApi.BIGQUERY_CONNECTION),
      dataplex: apis(s.dataplexRegion !== undefined, GoogleApi.DATAPLEX),
    };
  }

  /** One hardened dataset per zone, after the service agent's key grant and the API. */
  private createDatasets(
    s: CatalogSettings,
    dependsOn: readonly ITerraformDependable[],
  ): Record<string, BigqueryDataset> {
    return Object.fromEntries(
      this.zoneNames.map((zone) => [
        zone,
        newHardenedDataset(this, {
          zone,
          project: this.project,
          location: this.location,
          key: this.encryptionKey,
          datasetId: s.datasetIds[zone],
          timeTravelHours: s.timeTravelHours,
          labels: resourceTags(this, TagRules.GCP, s.platform, s.tags, zone),
          description: `Catalog of the ${zone} zone of the ${s.platform} lake.`,
          dependsOn,
        }),
      ]),
    );
  }

  /** The BigLake connection (cloud resource): its service account reads the lake. */
  private createConnection(
    s: CatalogSettings,
    connectionId: string,
    apis: readonly ProjectService[],
  ): BigqueryConnection {
    return new BigqueryConnection(this, 'BigLakeConnection', {
      project: this.project,
      location: this.location,
      connectionId,
      friendlyName: `${s.platform} BigLake`,
      description: `Reads the ${s.platform} lake for BigLake tables.`,
      cloudResource: {},
      dependsOn: dependsOnAll(apis),
    });
  }

  /** The connection service account's read grant on each zone's bucket, through the lake. */
  private createConnectionLakeGrants(
    s: CatalogSettings,
    connection: BigqueryConnection,
  ): Record<string, StorageBucketIamMember> {
    const reader = Principal.fromMember(
      `serviceAccount:${connection.cloudResource.serviceAccountId}`,
      `biglake-connection:${this.node.path}`,
    );
    return Object.fromEntries(this.zoneNames.map((zone) => [zone, s.lake.grantRead(reader, zone)]));
  }

  /** The Dataplex lake, with a zone and a bucket asset per catalog zone. */
  private createDataplex(
    s: CatalogSettings,
    region: string,
    apis: readonly ProjectService[],
  ): DataplexResources {
    return newDataplexLake(this, {
      platform: s.platform,
      project: this.project,
      projectId: projectIdOf(this, this.project),
      region,
      multiRegion: isMultiRegion(s.lake.location ?? this.location),
      zoneTypes: this.zoneNames.map((z) => [z, s.rawZones.includes(z) ? 'RAW' : 'CURATED'] as const),
      bucketNames: Object.fromEntries(this.zoneNames.map((z) => [z, s.lake.bucketFor(z).name])),
      discovery: s.discovery,
      tags: s.tags,
      apis,
    });
  }
}
