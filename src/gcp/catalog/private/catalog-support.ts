import { BigqueryConnectionIamMember } from '@cdktf/provider-google/lib/bigquery-connection-iam-member';
import { Construct, type IConstruct } from 'constructs';
import { ZoneAccess } from '../../../core/blocks';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { findZone, zoneNameViolation } from '../../../core/zones';
import type { IPrincipal } from '../../iam/principal';
import { grantOnDataset, validateBigQueryLocation } from '../../private/bigquery';
import { grantSuffix } from '../../private/members';
import { validateProject } from '../../private/project';
import { ProjectServices } from '../../private/project-services';
import type { ILakeStorage } from '../../storage/lake-storage';
import type { CatalogAttributes, CatalogGrant, ICatalog } from '../catalog';
import { CONNECTION_TABLE_CREATOR_PERMISSIONS } from '../roles';

/** What the catalog reads from a lake beyond `ILakeStorage`, when the lake exposes it (`LakeStorage` does). */
export interface LakeFacts {
  readonly location?: string;
  readonly project?: string;
}

/**
 * The catalog's zones: `zones` (each a zone of the lake, no duplicates, at least one) or every
 * zone of the lake. Throws `DPK_NO_ZONES`, `DPK_DUPLICATE_ZONE` or `DPK_UNKNOWN_ZONE`.
 */
export function catalogZones(
  scope: IConstruct,
  lake: ILakeStorage,
  zones: readonly string[] | undefined,
): string[] {
  const chosen = [...(zones ?? lake.zoneNames)];
  if (chosen.length === 0) {
    throw ValidationError.of(ErrorCode.NO_ZONES, scope, {
      prop: 'zones',
      received: [],
      allowed: 'at least one zone',
    });
  }
  chosen.forEach((zone, i) => {
    if (chosen.indexOf(zone) !== i) {
      throw ValidationError.of(ErrorCode.DUPLICATE_ZONE, scope, {
        prop: `zones[${i}]`,
        received: zone,
        allowed: 'a zone not already listed',
      });
    }
    findZone(scope, lake.zones, zone, `zones[${i}]`);
  });
  return chosen;
}

/**
 * Grants the kit's BigLake table-creator custom role (`CONNECTION_TABLE_CREATOR_PERMISSIONS`:
 * delegate, use, get) on a BigLake connection in `where`'s project and location, once per principal.
 */
export function grantConnectionUser(
  scope: Construct,
  where: { readonly project?: string; readonly location: string },
  connectionId: string,
  principal: IPrincipal,
): BigqueryConnectionIamMember {
  const id = `UseConnection${grantSuffix(scope, principal)}`;
  return (
    (scope.node.tryFindChild(id) as BigqueryConnectionIamMember | undefined) ??
    new BigqueryConnectionIamMember(scope, id, {
      project: where.project,
      location: where.location,
      connectionId,
      role: ProjectServices.of(scope).customRole(scope, where.project, 'dataPlatformKitBigLakeTableCreator', {
        title: 'BigLake table creator (data-platform-kit)',
        description: 'Create BigLake tables through a connection: bigquery.connections.delegate, use, get.',
        permissions: CONNECTION_TABLE_CREATOR_PERMISSIONS,
      }).name,
      member: principal.iamMember,
    })
  );
}

/** An existing catalog, brought by the user: grants only. */
export class ImportedCatalog extends Construct implements ICatalog {
  public readonly zoneNames: readonly string[];
  public readonly location: string;
  public readonly project?: string;
  private readonly datasetIds: Readonly<Record<string, string>>;
  private readonly connectionId?: string;

  constructor(scope: Construct, id: string, attrs: CatalogAttributes) {
    super(scope, id);
    this.location = validateBigQueryLocation(this, attrs.location);
    this.project = validateProject(this, attrs.project);
    this.zoneNames = Object.keys(attrs.datasetIds);
    if (this.zoneNames.length === 0) {
      throw ValidationError.of(ErrorCode.NO_ZONES, this, {
        prop: 'datasetIds',
        received: {},
        allowed: 'a dataset id for at least one zone',
      });
    }
    ValidationError.throwIfAny(
      ErrorCode.INVALID_ZONE,
      this,
      this.zoneNames.flatMap((zone) => zoneNameViolation(`datasetIds[${JSON.stringify(zone)}]`, zone) ?? []),
    );
    ValidationError.throwIfAny(
      ErrorCode.INVALID_NAME,
      this,
      Object.entries(attrs.datasetIds)
        .filter(([, datasetId]) => !isUnresolved(datasetId) && !/^[a-zA-Z0-9_]{1,1024}$/.test(datasetId))
        .map(([zone, datasetId]) => ({
          prop: `datasetIds[${JSON.stringify(zone)}]`,
          received: datasetId,
          allowed: "a BigQuery dataset id: 1-1024 characters of letters, digits and '_'",
        })),
    );
    this.datasetIds = attrs.datasetIds;
    this.connectionId = attrs.connectionId;
  }

  public datasetIdFor(zone: string): string {
    return this.datasetIds[
      findZone(
        this,
        this.zoneNames.map((name) => ({ name })),
        zone,
      ).name
    ];
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

  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): CatalogGrant {
    const dataset = { zone, datasetId: this.datasetIdFor(zone), project: this.project };
    const datasetMember = grantOnDataset(this, dataset, principal, access);
    if (access === ZoneAccess.READ || this.connectionId === undefined) return { datasetMember };
    const connectionMember = grantConnectionUser(this, this, this.connectionId, principal);
    return { datasetMember, connectionMember };
  }
}
