import type { IConstruct } from 'constructs';
import { catalogZones, type LakeFacts } from './catalog-support';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { physicalName, validatePlatformName } from '../../../core/naming';
import { decideRemoval, type RemovalDecision } from '../../../core/removal';
import { type Tags, TagRules, validateResourceTags } from '../../../core/tags';
import {
  checkKeyLocation,
  checkZoneKeys,
  hardenedDatasetId,
  validateBigQueryLocation,
  validateTimeTravelHours,
} from '../../private/bigquery';
import { dataplexRegionFor } from '../../private/dataplex';
import { GcpNameRules, underscored } from '../../private/names';
import { validateProject } from '../../private/project';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ILakeStorage } from '../../storage/lake-storage';
import type { CatalogProps } from '../catalog';

/** The construct's `DEFAULT_*` constants (the class itself is passed). */
export interface CatalogDefaults {
  readonly DEFAULT_TIME_TRAVEL_HOURS: number;
  readonly DEFAULT_BIG_LAKE: boolean;
  readonly DEFAULT_DATAPLEX: boolean;
  readonly DEFAULT_RAW_ZONES: readonly string[];
  readonly DEFAULT_DISCOVERY: boolean;
  readonly DEFAULT_ENABLE_APIS: boolean;
}

/** A catalog's props, validated, with defaults resolved and names derived. */
export interface CatalogSettings {
  readonly platform: string;
  readonly lake: ILakeStorage & LakeFacts;
  readonly project?: string;
  readonly location: string;
  readonly zoneNames: readonly string[];
  readonly rawZones: readonly string[];
  readonly encryptionKey: IEncryptionKey;
  readonly timeTravelHours: number;
  /** The dataset id of each zone, by zone name. */
  readonly datasetIds: Readonly<Record<string, string>>;
  /** The BigLake connection id, unless `bigLake` is false. */
  readonly connectionId?: string;
  /** The Dataplex lake's region, unless `dataplex` is false. */
  readonly dataplexRegion?: string;
  readonly discovery: boolean;
  readonly enableApis: boolean;
  readonly tags?: Tags;
  readonly removal: RemovalDecision;
}

/** Resolves and validates a catalog's props (every `DPK_*` error of the block) and derives its names. */
export function resolveCatalogSettings(
  scope: IConstruct,
  props: CatalogProps,
  d: CatalogDefaults,
): CatalogSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const lake = props.lake as ILakeStorage & LakeFacts;
  const timeTravelHours = props.timeTravelHours ?? d.DEFAULT_TIME_TRAVEL_HOURS;
  const bigLake = props.bigLake ?? d.DEFAULT_BIG_LAKE;
  const dataplex = props.dataplex ?? d.DEFAULT_DATAPLEX;
  const project = validateProject(scope, props.project ?? lake.project);
  const requested = props.location ?? lake.location;
  if (requested === undefined) {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop: 'location',
      received: undefined,
      allowed: 'a BigQuery location, required when the lake does not expose its location',
    });
  }
  const location = validateBigQueryLocation(scope, requested);
  const zoneNames = catalogZones(scope, props.lake, props.zones);
  checkZoneKeys(scope, 'datasetIds', props.datasetIds, zoneNames);
  const rawZones = props.rawZones ?? d.DEFAULT_RAW_ZONES.filter((z) => zoneNames.includes(z));
  checkZoneKeys(scope, 'rawZones', Object.fromEntries(rawZones.map((z) => [z, z])), zoneNames);
  validateTimeTravelHours(scope, timeTravelHours);
  validateResourceTags(scope, TagRules.GCP, platform, props.tags);
  const encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
  checkKeyLocation(scope, encryptionKey, location, 'encryptionKey');
  return {
    platform,
    lake,
    project,
    location,
    zoneNames,
    rawZones,
    encryptionKey,
    timeTravelHours,
    dataplexRegion: dataplex
      ? dataplexRegionFor(scope, lake.location ?? location, props.dataplexRegion)
      : undefined,
    datasetIds: Object.fromEntries(
      zoneNames.map((zone) => [zone, hardenedDatasetId(scope, platform, zone, props.datasetIds?.[zone])]),
    ),
    connectionId: bigLake
      ? physicalName(scope, GcpNameRules.BIGQUERY_CONNECTION, {
          platform: underscored(platform),
          parts: ['biglake'],
          override: props.connectionId,
          overrideProp: 'connectionId',
        })
      : undefined,
    discovery: props.discovery ?? d.DEFAULT_DISCOVERY,
    enableApis: props.enableApis ?? d.DEFAULT_ENABLE_APIS,
    tags: props.tags,
    removal: decideRemoval(scope, props.removalPolicy),
  };
}
