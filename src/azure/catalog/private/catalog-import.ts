import { Construct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { findZone } from '../../../core/zones';
import { lakeFilesystem } from '../../private/lake-filesystems';
import type { CatalogAttributes, ICatalog } from '../catalog';

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Purview/accounts/<name>`. */
export const PURVIEW_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Purview\/accounts\/[^/]+$/i;

/**
 * A catalog made in another stack or subscription: the lake zones it has a database location
 * for, and its Purview account when it has one. Nothing is created for it.
 */
export class ImportedCatalog extends Construct implements ICatalog {
  public readonly zoneNames: readonly string[];
  public readonly purviewAccountId?: string;
  private readonly locations: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, attrs: CatalogAttributes) {
    super(scope, id);
    this.zoneNames = this.validateZones(attrs);
    const purview = attrs.purviewAccountId;
    if (purview !== undefined && !isUnresolved(purview) && !PURVIEW_ID.test(String(purview))) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'purviewAccountId',
        received: purview,
        allowed:
          'a Purview account id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Purview/accounts/<name>',
      });
    }
    this.purviewAccountId = purview;
    this.locations = Object.fromEntries(
      this.zoneNames.map((zone) => [zone, lakeFilesystem(attrs.lake, zone).abfss]),
    );
  }

  public databaseLocation(zone: string): string {
    const zones = this.zoneNames.map((name) => ({ name }));
    return this.locations[findZone(this, zones, zone).name];
  }

  /** `zones`, or every zone of the lake: at least one, each of the lake, none twice (all reported at once). */
  private validateZones(attrs: CatalogAttributes): string[] {
    const zones = [...(attrs.zones ?? attrs.lake.zoneNames)];
    if (zones.length === 0) {
      throw ValidationError.of(ErrorCode.NO_ZONES, this, {
        prop: 'zones',
        received: [],
        allowed: 'at least one zone of the lake',
      });
    }
    const violations: Violation[] = [];
    zones.forEach((zone, i) => {
      if (!attrs.lake.zoneNames.includes(zone)) {
        violations.push({
          code: ErrorCode.UNKNOWN_ZONE,
          prop: `zones[${i}]`,
          received: zone,
          allowed: `one of the lake's zones: ${attrs.lake.zoneNames.join(', ')}`,
        });
      } else if (zones.indexOf(zone) !== i) {
        violations.push({
          code: ErrorCode.DUPLICATE_ZONE,
          prop: `zones[${i}]`,
          received: zone,
          allowed: 'a zone not already listed',
        });
      }
    });
    ValidationError.throwAll(this, violations, [ErrorCode.UNKNOWN_ZONE, ErrorCode.DUPLICATE_ZONE]);
    return zones;
  }
}
