import type { IConstruct } from 'constructs';
import { rejectWhen, validateDailyLimits, validateOwnZones } from './warehouse-support';
import type { WarehouseSize } from '../../../core/blocks';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { validatePlatformName } from '../../../core/naming';
import { decideRemoval, type RemovalDecision } from '../../../core/removal';
import { TagRules, validateResourceTags } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { findZone } from '../../../core/zones';
import type { ICatalog } from '../../catalog/catalog';
import {
  checkKeyLocation,
  checkZoneKeys,
  hardenedDatasetId,
  validateBigQueryLocation,
  validateTimeTravelHours,
} from '../../private/bigquery';
import { validateProject } from '../../private/project';
import type { ReservationEdition, WarehouseProps } from '../warehouse';

/** The construct's `DEFAULT_*` constants (the class itself is passed). */
export interface WarehouseDefaults {
  readonly DEFAULT_SIZE: WarehouseSize;
  readonly SLOT_CAPS: Readonly<Record<WarehouseSize, number>>;
  readonly DEFAULT_SERVED_ZONES: readonly string[];
  readonly DEFAULT_TIME_TRAVEL_HOURS: number;
  readonly DEFAULT_RESERVATION: boolean;
  readonly DEFAULT_EDITION: ReservationEdition;
  readonly DEFAULT_ENABLE_APIS: boolean;
}

/** The warehouse's own datasets (without a catalog), validated and named. */
export interface OwnDatasetSettings {
  /** The dataset id of each own zone, by zone name. */
  readonly datasetIds: Readonly<Record<string, string>>;
  readonly timeTravelHours: number;
}

/** A warehouse's props, validated, with defaults resolved. */
export interface WarehouseSettings {
  readonly platform: string;
  readonly project?: string;
  readonly location: string;
  readonly size: WarehouseSize;
  /** The zones served, in order. */
  readonly zoneNames: readonly string[];
  /** The own datasets; undefined with a catalog. */
  readonly own?: OwnDatasetSettings;
  /** The reservation's edition, with `reservation` only. */
  readonly edition?: ReservationEdition;
  readonly enableApis: boolean;
  readonly removal: RemovalDecision;
}

/** The BigQuery location: `requested`, else the catalog's; it must be the catalog's (`DPK_INVALID_LOCATION`). */
function resolveLocation(
  scope: IConstruct,
  requested: string | undefined,
  catalog: ICatalog | undefined,
): string {
  const fromCatalog = catalog?.location;
  const location = requested ?? fromCatalog;
  if (location === undefined) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop: 'location',
      received: undefined,
      allowed: "a BigQuery location ('EU', 'US' or a region), required without a catalog",
    });
  }
  validateBigQueryLocation(scope, location);
  if (
    fromCatalog !== undefined &&
    !isUnresolved(location) &&
    !isUnresolved(fromCatalog) &&
    location !== fromCatalog
  ) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop: 'location',
      received: location,
      allowed: `the catalog's location ${JSON.stringify(fromCatalog)} (a reservation serves one location)`,
    });
  }
  return location;
}

/**
 * The zones served: each a zone of the catalog, or the own datasets' names (literal, well-formed,
 * no duplicates, at least one) with their `datasetIds` and time travel validated.
 */
function resolveZones(
  scope: IConstruct,
  props: WarehouseProps,
  d: WarehouseDefaults,
  platform: string,
  location: string,
): { zoneNames: string[]; own?: OwnDatasetSettings } {
  const zones = props.servedZones ?? d.DEFAULT_SERVED_ZONES;
  const catalog = props.catalog;
  if (catalog) {
    const catalogZones = catalog.zoneNames.map((name) => ({ name }));
    return {
      zoneNames: zones.map((zone, i) => findZone(scope, catalogZones, zone, `servedZones[${i}]`).name),
    };
  }
  validateOwnZones(scope, 'servedZones', zones);
  checkZoneKeys(scope, 'datasetIds', props.datasetIds, zones);
  const timeTravelHours = validateTimeTravelHours(
    scope,
    props.timeTravelHours ?? d.DEFAULT_TIME_TRAVEL_HOURS,
  );
  if (props.encryptionKey) checkKeyLocation(scope, props.encryptionKey, location, 'encryptionKey');
  const datasetIds = Object.fromEntries(
    zones.map((zone) => [zone, hardenedDatasetId(scope, platform, zone, props.datasetIds?.[zone])]),
  );
  return { zoneNames: [...zones], own: { datasetIds, timeTravelHours } };
}

/**
 * Resolves and validates a warehouse's props, every `DPK_*` error of the block (a kit-made key is
 * always in the right location), before any resource exists.
 */
export function resolveWarehouseSettings(
  scope: IConstruct,
  props: WarehouseProps,
  d: WarehouseDefaults,
): WarehouseSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const size = props.size ?? d.DEFAULT_SIZE;
  const reservation = props.reservation ?? d.DEFAULT_RESERVATION;
  const project = validateProject(scope, props.project);
  rejectWhen(
    scope,
    props.catalog !== undefined,
    "unset with a 'catalog' (its datasets keep their own settings)",
    {
      encryptionKey: props.encryptionKey,
      datasetIds: props.datasetIds,
      timeTravelHours: props.timeTravelHours,
    },
  );
  rejectWhen(
    scope,
    reservation,
    "unset with 'reservation' (query-usage quotas apply to on-demand queries only)",
    {
      dailyQueryLimitGib: props.dailyQueryLimitGib,
      dailyQueryLimitPerUserGib: props.dailyQueryLimitPerUserGib,
    },
  );
  rejectWhen(scope, !reservation, "set only with 'reservation: true'", { edition: props.edition });
  const location = resolveLocation(scope, props.location, props.catalog);
  validateDailyLimits(scope, props.dailyQueryLimitGib, props.dailyQueryLimitPerUserGib);
  if (!(size in d.SLOT_CAPS)) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'size',
      received: size,
      allowed: `one of ${Object.keys(d.SLOT_CAPS).join(', ')}`,
    });
  }
  validateResourceTags(scope, TagRules.GCP, platform, props.tags);
  return {
    platform,
    project,
    location,
    size,
    ...resolveZones(scope, props, d, platform, location),
    edition: reservation ? (props.edition ?? d.DEFAULT_EDITION) : undefined,
    enableApis: props.enableApis ?? d.DEFAULT_ENABLE_APIS,
    removal: decideRemoval(scope, props.removalPolicy),
  };
}
