import { DataplexAsset } from '@cdktf/provider-google/lib/dataplex-asset';
import { DataplexLake } from '@cdktf/provider-google/lib/dataplex-lake';
import { DataplexZone } from '@cdktf/provider-google/lib/dataplex-zone';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { Construct, IConstruct } from 'constructs';
import { GcpNameRules } from './names';
import { dependsOnAll } from './project-services';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName } from '../../core/naming';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom } from '../../core/zones';

/** A single GCP region (Dataplex lakes are regional). */
const REGION = /^[a-z]+-[a-z]+[0-9]{1,2}$/;

/** The region prefix of each Cloud Storage multi-region. */
const MULTI_REGION_PREFIX: Readonly<Record<string, string>> = { EU: 'europe-', US: 'us-', ASIA: 'asia-' };

/** True for the Cloud Storage multi-regions `EU`, `US` and `ASIA`. */
export function isMultiRegion(location: string): boolean {
  return location in MULTI_REGION_PREFIX;
}

/**
 * The region of the Dataplex lake for buckets in `bucketLocation`: `requested` when given (a
 * region inside the buckets' multi-region, or the buckets' region itself), else the buckets'
 * region. A multi-region lake needs `requested`. Throws `DPK_INVALID_LOCATION` on `prop` (the prop
 * the user gave the region in); tokens pass.
 */
export function dataplexRegionFor(
  scope: IConstruct,
  bucketLocation: string,
  requested: string | undefined,
  prop = 'dataplexRegion',
): string {
  const prefix = MULTI_REGION_PREFIX[bucketLocation];
  const fail = (received: unknown, allowed: string) =>
    ValidationError.of(ErrorCode.INVALID_LOCATION, scope, { prop, received, allowed });
  if (requested === undefined) {
    if (prefix === undefined) return bucketLocation;
    throw fail(
      undefined,
      `a region inside the lake's multi-region ${bucketLocation} (a '${prefix}…' region): Dataplex lakes are regional`,
    );
  }
  if (isUnresolved(requested) || isUnresolved(bucketLocation)) return requested;
  if (!REGION.test(requested)) throw fail(requested, "a GCP region like 'europe-west1'");
  if (prefix !== undefined && !requested.startsWith(prefix)) {
    throw fail(
      requested,
      `a region inside the lake's multi-region ${bucketLocation} (a '${prefix}…' region)`,
    );
  }
  if (prefix === undefined && requested !== bucketLocation) {
    throw fail(requested, `the lake's region ${JSON.stringify(bucketLocation)}`);
  }
  return requested;
}

/** What the Dataplex lake of a catalog is made of. */
export interface DataplexSpec {
  readonly platform: string;
  readonly project?: string;
  readonly projectId: string;
  readonly region: string;
  /** Whether the buckets are in a multi-region (zones then take MULTI_REGION resources). */
  readonly multiRegion: boolean;
  /** Zone name → `RAW` or `CURATED`, in order. */
  readonly zoneTypes: readonly (readonly [zone: string, type: string])[];
  /** The bucket name of each zone. */
  readonly bucketNames: Readonly<Record<string, string>>;
  readonly discovery: boolean;
  readonly tags?: Tags;
  readonly apis: readonly ProjectService[];
}

/** The Dataplex resources of a catalog. */
export interface DataplexResources {
  readonly lake: DataplexLake;
  readonly zones: Readonly<Record<string, DataplexZone>>;
  readonly assets: Readonly<Record<string, DataplexAsset>>;
}

/**
 * A Dataplex lake with one zone per lake zone and one asset per zone bucket. Assets read with
 * `DIRECT` access, so bucket IAM (the lake's grants) stays the only source of permissions;
 * discovery follows `spec.discovery` on zones and assets alike.
 */
export function newDataplexLake(scope: Construct, spec: DataplexSpec): DataplexResources {
  const dependsOn = dependsOnAll(spec.apis);
  const lake = new DataplexLake(scope, 'DataplexLake', {
    project: spec.project,
    location: spec.region,
    name: physicalName(scope, GcpNameRules.DATAPLEX, {
      platform: spec.platform,
      parts: ['lake'],
      uniqueness: [spec.project],
    }),
    displayName: `${spec.platform} lake`,
    labels: { ...resourceTags(scope, TagRules.GCP, spec.platform, spec.tags) },
    dependsOn,
  });
  const zones: Record<string, DataplexZone> = {};
  const assets: Record<string, DataplexAsset> = {};
  for (const [zone, type] of spec.zoneTypes) {
    const labels = { ...resourceTags(scope, TagRules.GCP, spec.platform, spec.tags, zone) };
    const id = constructIdFrom(zone);
    // Zone ids must be unique across every lake of the project: the hash keeps them apart. The
    // 'zone' part keeps the BigQuery dataset discovery publishes to (the zone id, '-' as '_')
    // apart from the catalog's own dataset of the zone.
    zones[zone] = new DataplexZone(scope, `${id}DataplexZone`, {
      project: spec.project,
      location: spec.region,
      lake: lake.name,
      name: physicalName(scope, GcpNameRules.DATAPLEX, {
        platform: spec.platform,
        parts: [zone, 'zone'],
        uniqueness: [spec.project],
      }),
      type,
      discoverySpec: { enabled: spec.discovery },
      resourceSpec: { locationType: spec.multiRegion ? 'MULTI_REGION' : 'SINGLE_REGION' },
      labels,
      dependsOn,
    });
    assets[zone] = new DataplexAsset(scope, `${id}DataplexAsset`, {
      project: spec.project,
      location: spec.region,
      lake: lake.name,
      dataplexZone: zones[zone].name,
      name: physicalName(scope, GcpNameRules.DATAPLEX, { platform: spec.platform, parts: [zone, 'bucket'] }),
      discoverySpec: { enabled: spec.discovery },
      resourceSpec: {
        name: `projects/${spec.projectId}/buckets/${spec.bucketNames[zone]}`,
        type: 'STORAGE_BUCKET',
        readAccessMode: 'DIRECT',
      },
      labels,
      dependsOn,
    });
  }
  return { lake, zones, assets };
}
