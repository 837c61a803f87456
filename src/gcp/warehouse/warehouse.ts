import type { BigqueryConnectionIamMember } from '@cdktf/provider-google/lib/bigquery-connection-iam-member';
import type { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import type { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import type { BigqueryReservation } from '@cdktf/provider-google/lib/bigquery-reservation';
import type { BigqueryReservationAssignment } from '@cdktf/provider-google/lib/bigquery-reservation-assignment';
import type { CloudQuotasQuotaPreference } from '@cdktf/provider-google/lib/cloud-quotas-quota-preference';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { Construct } from 'constructs';
import { CommonDefaults, type WarehouseCommonProps, WarehouseSize, ZoneAccess } from '../../core/blocks';
import type { DataRemovalPolicy } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { findZone } from '../../core/zones';
import type { ITerraformDependable } from '../../terraform';
import type { ICatalog } from '../catalog/catalog';
import { JOB_USER_ROLE } from '../catalog/roles';
import type { IPrincipal } from '../iam/principal';
import {
  grantBigQueryAgentOnKey,
  grantOnDataset,
  newHardenedDataset,
  projectIdOf,
  TIME_TRAVEL_HOURS,
} from '../private/bigquery';
import { grantSuffix } from '../private/members';
import { enableApis, GoogleApi } from '../private/project-services';
import { retainData } from '../private/removal';
import {
  type OwnDatasetSettings,
  resolveWarehouseSettings,
  type WarehouseSettings,
} from './private/warehouse-settings';
import { newQueryQuota, newSlotCap, QueryQuota, type SlotCap } from './private/warehouse-support';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/**
 * BigQuery edition of the warehouse's reservation. Standard edition is not offered: it cannot
 * query tables protected by customer-managed keys, and every kit dataset has one.
 * @see https://cloud.google.com/bigquery/docs/editions-intro
 */
export enum ReservationEdition {
  ENTERPRISE = 'ENTERPRISE',
  ENTERPRISE_PLUS = 'ENTERPRISE_PLUS',
}

/** What a warehouse grant created. */
export interface WarehouseGrant {
  /** The dataset role on the zone's dataset (see `CATALOG_ROLES`). */
  readonly datasetMember: BigqueryDatasetIamMember;
  /** The BigLake table-creator custom role on the catalog's connection (write grants, when there is one). */
  readonly connectionMember?: BigqueryConnectionIamMember;
  /** `roles/bigquery.jobUser` on the warehouse project, to run the queries. */
  readonly jobUserMember: ProjectIamMember;
}

/** Props of {@link Warehouse}. */
export interface WarehouseProps extends WarehouseCommonProps {
  /** Project the queries run (and are billed) in; also the project of the warehouse's own datasets. @default - the provider's project */
  readonly project?: string;
  /** The catalog whose datasets the warehouse serves. @default - the warehouse makes its own datasets */
  readonly catalog?: ICatalog;
  /**
   * The zones whose datasets the warehouse serves: zones of the catalog, or the names of its own
   * datasets. Queries run as the caller (BigQuery has no warehouse identity reading zones, unlike
   * `readZones` on AWS and Azure), so these are the zones `grant` and `grantRead` take.
   * @default ['serving']
   */
  readonly servedZones?: readonly string[];
  /** BigQuery location (`EU`, `US` or a region). @default - the catalog's location (required without a catalog) */
  readonly location?: string;
  /** Key of the warehouse's own datasets (not with `catalog`). @default - a new `EncryptionKey` (purpose `warehouse`) */
  readonly encryptionKey?: IEncryptionKey;
  /** Dataset id per own zone (not with `catalog`). @default - `<platform>_<zone>_<hash>` */
  readonly datasetIds?: Readonly<Record<string, string>>;
  /** Hours of time travel on the own datasets (not with `catalog`), 48-168 in steps of 24. @default 168 */
  readonly timeTravelHours?: number;
  /**
   * Cap the project's query slots with a reservation: `size` sets the autoscaling maximum
   * (`SLOT_CAPS`), with no baseline, so only used slots are billed. The project's query jobs
   * move from on-demand to capacity pricing.
   * @default false
   */
  readonly reservation?: boolean;
  /** Edition of the reservation (with `reservation` only). @default ReservationEdition.ENTERPRISE */
  readonly edition?: ReservationEdition;
  /** Daily GiB all users may query in the project (on-demand only, not with `reservation`). @default - BigQuery's default quota */
  readonly dailyQueryLimitGib?: number;
  /** Daily GiB each user may query in the project (on-demand only, not with `reservation`). @default - BigQuery's default quota */
  readonly dailyQueryLimitPerUserGib?: number;
  /**
   * What happens to the warehouse's own datasets and key when they leave the stack (DESTROY also
   * needs the flag). A catalog's datasets follow the catalog's own `removalPolicy`.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Labels for the own datasets and key. Reservations, assignments and quota preferences take
   * no labels; a catalog's datasets keep the catalog's.
   * @default - only the kit's `data-platform` and `data-zone` labels
   */
  readonly tags?: Tags;
  /** Enable the BigQuery (and, when used, Reservation and Cloud Quotas) APIs. @default true */
  readonly enableApis?: boolean;
}

/** The APIs a warehouse waits for, by what needs them. */
interface WarehouseApis {
  readonly bigQuery: readonly ProjectService[];
  readonly reservation: readonly ProjectService[];
  readonly quotas: readonly ProjectService[];
}

/**
 * The warehouse on BigQuery: the serving datasets (the catalog's, or its own), the right to run
 * queries in the project, and a cost cap: a slot-capped reservation, or daily query quotas.
 *
 * Secure defaults: the warehouse's own datasets get the catalog's defaults (CMEK with a kit-made
 * key, 168 hours of time travel, no `access` entries, `delete_contents_on_destroy = false`,
 * labels, `prevent_destroy` unless DESTROY is both requested and allowed by the
 * `data-platform-kit:removeDataOnDestroy` flag). Grants go through dataset IAM and add
 * `roles/bigquery.jobUser` on the project. The reservation is ENTERPRISE edition (Standard cannot
 * read CMEK tables), has no baseline, autoscales up to the size's slot cap (SMALL 100, MEDIUM 400,
 * LARGE 1600) and never borrows idle slots. Daily query quotas are set with
 * `google_cloud_quotas_quota_preference` (`QueryUsagePerDay`, `QueryUsagePerUserPerDay`); a
 * job-level bytes cap (`maximumBytesBilled`) is a client setting the provider cannot default.
 *
 * Deployable as is: APIs first, BigQuery's service agent granted on the key before the own
 * datasets. Deployer prerequisite: `roles/bigquery.admin`, `roles/resourcemanager.projectIamAdmin`
 * (job-user grants), `roles/cloudquotas.admin` with the quotas, and
 * `roles/serviceusage.serviceUsageAdmin` while `enableApis` is on.
 *
 * @see https://cloud.google.com/bigquery/docs/reservations-intro
 * @example
 * const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', catalog, reservation: true });
 * warehouse.grantRead(Principal.group('analysts@acme.com'), 'serving');
 */
export class Warehouse extends Construct {
  /** Capacity class. */
  public static readonly DEFAULT_SIZE = CommonDefaults.WAREHOUSE_SIZE;
  /** Autoscaling slot cap of the reservation per size. */
  public static readonly SLOT_CAPS: Readonly<Record<WarehouseSize, number>> = {
    [WarehouseSize.SMALL]: 100,
    [WarehouseSize.MEDIUM]: 400,
    [WarehouseSize.LARGE]: 1600,
  };
  /** The zones served when `servedZones` is unset. */
  public static readonly DEFAULT_SERVED_ZONES: readonly string[] = ['serving'];
  /** Hours of time travel on own datasets. */
  public static readonly DEFAULT_TIME_TRAVEL_HOURS = TIME_TRAVEL_HOURS.MAX;
  /** Whether a reservation caps the slots. */
  public static readonly DEFAULT_RESERVATION = false;
  /** Reservation edition. */
  public static readonly DEFAULT_EDITION = ReservationEdition.ENTERPRISE;
  /** Whether the kit enables the APIs it needs. */
  public static readonly DEFAULT_ENABLE_APIS = true;

  /** The zones served, in order. */
  public readonly zoneNames: readonly string[];
  /** The BigQuery location. */
  public readonly location: string;
  /** The project, or undefined for the provider's project. */
  public readonly project?: string;
  /** The capacity class. */
  public readonly size: WarehouseSize;
  /** The catalog served, when given. */
  public readonly catalog?: ICatalog;
  /** The dataset id of each zone served, by zone name. */
  public readonly datasetIds: Readonly<Record<string, string>>;
  /** The warehouse's own `google_bigquery_dataset`s, by zone name (none with a catalog). */
  public readonly datasets: Readonly<Record<string, BigqueryDataset>>;
  /** The key of the own datasets (none with a catalog). */
  public readonly encryptionKey?: IEncryptionKey;
  /** BigQuery's service agent grant on the own datasets' key (none with a catalog). */
  public readonly serviceAgentKeyGrant?: KmsCryptoKeyIamMember;
  /** The `google_bigquery_reservation`, with `reservation`. */
  public readonly reservation?: BigqueryReservation;
  /** The `google_bigquery_reservation_assignment` of the project's QUERY jobs, with `reservation`. */
  public readonly reservationAssignment?: BigqueryReservationAssignment;
  /** The `QueryUsagePerDay` quota preference, with `dailyQueryLimitGib`. */
  public readonly dailyQueryQuota?: CloudQuotasQuotaPreference;
  /** The `QueryUsagePerUserPerDay` quota preference, with `dailyQueryLimitPerUserGib`. */
  public readonly dailyQueryPerUserQuota?: CloudQuotasQuotaPreference;
  /** The `google_project_service` resources the warehouse waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: WarehouseProps) {
    super(scope, id);
    const settings = resolveWarehouseSettings(this, props, Warehouse);
    this.size = settings.size;
    this.project = settings.project;
    this.catalog = props.catalog;
    this.location = settings.location;
    this.zoneNames = settings.zoneNames;
    const apis = this.createApis(settings, props);
    this.apiServices = [...apis.bigQuery, ...apis.reservation, ...apis.quotas];
    if (settings.own) {
      this.encryptionKey = props.encryptionKey ?? this.createKey(settings, props);
      const agent = grantBigQueryAgentOnKey(this, this.project, this.encryptionKey, apis.bigQuery);
      this.serviceAgentKeyGrant = agent.grant;
      this.datasets = this.createDatasets(settings, settings.own, props.tags, [agent.wait, ...apis.bigQuery]);
      this.datasetIds = Object.fromEntries(Object.entries(this.datasets).map(([z, d]) => [z, d.datasetId]));
      retainData(this, settings.removal, Object.values(this.datasets));
    } else {
      this.datasets = {};
      this.datasetIds = Object.fromEntries(this.zoneNames.map((z) => [z, props.catalog!.datasetIdFor(z)]));
    }
    if (settings.edition !== undefined) {
      const cap = this.createSlotCap(settings, settings.edition, [...apis.bigQuery, ...apis.reservation]);
      this.reservation = cap.reservation;
      this.reservationAssignment = cap.assignment;
    }
    const quotaDeps = [...apis.bigQuery, ...apis.quotas];
    if (props.dailyQueryLimitGib !== undefined) {
      this.dailyQueryQuota = this.createQuota(
        'DailyQueryQuota',
        QueryQuota.PER_PROJECT,
        props.dailyQueryLimitGib,
        quotaDeps,
      );
    }
    if (props.dailyQueryLimitPerUserGib !== undefined) {
      this.dailyQueryPerUserQuota = this.createQuota(
        'DailyQueryPerUserQuota',
        QueryQuota.PER_USER,
        props.dailyQueryLimitPerUserGib,
        quotaDeps,
      );
    }
  }

  /** Lets `principal` run query jobs in the warehouse project (`roles/bigquery.jobUser`), once. */
  public grantQuery(principal: IPrincipal): ProjectIamMember {
    const id = `Query${grantSuffix(this, principal)}`;
    return (
      (this.node.tryFindChild(id) as ProjectIamMember | undefined) ??
      new ProjectIamMember(this, id, {
        project: projectIdOf(this, this.project),
        role: JOB_USER_ROLE,
        member: principal.iamMember,
      })
    );
  }

  /** Lets `principal` query the tables of `zone`'s dataset. */
  public grantRead(principal: IPrincipal, zone: string): WarehouseGrant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Lets `principal` query, create, change and delete tables in `zone`'s dataset. */
  public grantReadWrite(principal: IPrincipal, zone: string): WarehouseGrant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }

  /**
   * Grants `access` on `zone`'s dataset (through the catalog when there is one) and the right to
   * run queries in the project. Granting twice returns the first resources.
   */
  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): WarehouseGrant {
    const served = findZone(
      this,
      this.zoneNames.map((name) => ({ name })),
      zone,
    ).name;
    const onDataset = this.catalog
      ? this.catalog.grant(principal, served, access)
      : {
          datasetMember: grantOnDataset(
            this,
            { zone: served, datasetId: this.datasetIds[served], project: this.project },
            principal,
            access,
          ),
        };
    return { ...onDataset, jobUserMember: this.grantQuery(principal) };
  }

  /** The BigQuery API, and the Reservation and Cloud Quotas APIs when used (shared in the stack). */
  private createApis(s: WarehouseSettings, props: WarehouseProps): WarehouseApis {
    const apis = (on: boolean, api: GoogleApi) =>
      on ? enableApis(this, s.enableApis, this.project, api) : [];
    const quotas = props.dailyQueryLimitGib !== undefined || props.dailyQueryLimitPerUserGib !== undefined;
    return {
      bigQuery: apis(true, GoogleApi.BIGQUERY),
      reservation: apis(s.edition !== undefined, GoogleApi.BIGQUERY_RESERVATION),
      quotas: apis(quotas, GoogleApi.CLOUD_QUOTAS),
    };
  }

  /** The own datasets' key (purpose `warehouse`) in the matching Cloud KMS location, when none is given. */
  private createKey(s: WarehouseSettings, props: WarehouseProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: s.platform,
      purpose: 'warehouse',
      project: this.project,
      location: this.location,
      removalPolicy: props.removalPolicy,
      enableApis: s.enableApis,
      tags: props.tags,
    });
  }

  /** One hardened dataset per own zone, after the service agent's key grant and the API. */
  private createDatasets(
    s: WarehouseSettings,
    own: OwnDatasetSettings,
    tags: Tags | undefined,
    dependsOn: readonly ITerraformDependable[],
  ): Record<string, BigqueryDataset> {
    return Object.fromEntries(
      this.zoneNames.map((zone) => [
        zone,
        newHardenedDataset(this, {
          zone,
          project: this.project,
          location: this.location,
          key: this.encryptionKey!,
          datasetId: own.datasetIds[zone],
          timeTravelHours: own.timeTravelHours,
          labels: resourceTags(this, TagRules.GCP, s.platform, tags, zone),
          description: `Warehouse dataset ${zone} of the ${s.platform} data platform.`,
          dependsOn,
        }),
      ]),
    );
  }

  /** The slot-capped reservation (the size's `SLOT_CAPS`) and its assignment to the project. */
  private createSlotCap(
    s: WarehouseSettings,
    edition: ReservationEdition,
    apis: readonly ProjectService[],
  ): SlotCap {
    return newSlotCap(this, {
      platform: s.platform,
      project: this.project,
      projectId: projectIdOf(this, this.project),
      location: this.location,
      edition,
      maxSlots: Warehouse.SLOT_CAPS[this.size],
      apis,
    });
  }

  /** One daily query-usage quota preference of `gib`. */
  private createQuota(
    id: string,
    quota: QueryQuota,
    gib: number,
    apis: readonly ProjectService[],
  ): CloudQuotasQuotaPreference {
    return newQueryQuota(this, id, projectIdOf(this, this.project), quota, gib, apis);
  }
}
