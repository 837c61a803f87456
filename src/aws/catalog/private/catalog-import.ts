import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lf from 'aws-cdk-lib/aws-lakeformation';
import { Construct, type IDependable } from 'constructs';
import { dataLakePrincipalArn, lakeFormationPermissions } from './lake-formation';
import {
  ErrorCode,
  findZone,
  nameViolation,
  ValidationError,
  type Violation,
  ZoneAccess,
} from '../../../core/internal';
import { assertNotPublic } from '../../private/principals';
import { AwsNameRules } from '../../private/service-names';
// A value import in a cycle with catalog.ts: the enum is read at construction, never at load.
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ILakeStorage } from '../../storage/lake-storage';
import { type CatalogAttributes, type CatalogGrant, CatalogPermissionModel, type ICatalog } from '../catalog';
import { CATALOG_PERMISSIONS, LAKE_FORMATION_DATA_ACCESS_ACTION } from '../perms';

/** What one catalog grant needs to know about the zone's database. */
export interface CatalogGrantTarget {
  readonly lake: ILakeStorage;
  readonly encryptionKey: IEncryptionKey;
  readonly lakeFormation: boolean;
  readonly databaseName: string;
  /** What the Lake Formation permissions are created after (the database, the settings). */
  readonly after: readonly IDependable[];
  /** The zone's location registration, when this stack made it. */
  readonly location?: IDependable;
  /** Grants made so far, by zone, intent and principal: the same grant twice returns the first. */
  readonly grants: Map<string, CatalogGrant>;
  /** Lake Formation permissions made so far, one per principal × resource × permission. */
  readonly lfGrants: Map<string, lf.CfnPrincipalPermissions>;
}

/**
 * Grants one intent on `zone` through the permission model (the actions of
 * `CATALOG_PERMISSIONS[access]`): Glue on the catalog, database and its tables, the catalog key,
 * and Lake Formation permissions (Lake Formation model) or the zone's S3 and KMS grants (IAM
 * model, and writers in both). Shared by the kit's catalog and an imported one.
 */
export function grantCatalogAccess(
  scope: Construct,
  target: CatalogGrantTarget,
  principal: iam.IGrantable,
  zone: string,
  access: ZoneAccess,
): CatalogGrant {
  const database = target.databaseName;
  assertNotPublic(scope, principal);
  const principalArn = dataLakePrincipalArn(scope, principal);
  const stack = Stack.of(scope);
  const key = `${zone}|${access}|${JSON.stringify(stack.resolve(principalArn))}`;
  const existing = target.grants.get(key);
  if (existing) return existing;

  const perms = CATALOG_PERMISSIONS[access];
  const tablesArn = stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${database}/*` });
  const wildcards = [tablesArn];
  let grant = iam.Grant.addToPrincipal({
    grantee: principal,
    actions: [...perms.glueActions],
    resourceArns: [
      stack.formatArn({ service: 'glue', resource: 'catalog' }),
      stack.formatArn({ service: 'glue', resource: 'database', resourceName: database }),
      tablesArn,
    ],
  }).combine(target.encryptionKey.key.grant(principal, ...perms.catalogKeyActions));

  const lfPermissions: lf.CfnPrincipalPermissions[] = [];
  if (target.lakeFormation) {
    grant = grant.combine(
      iam.Grant.addToPrincipal({
        grantee: principal,
        actions: [LAKE_FORMATION_DATA_ACCESS_ACTION],
        resourceArns: ['*'],
      }),
    );
    wildcards.push('*');
    lfPermissions.push(
      ...lakeFormationPermissions(scope, target.lfGrants, {
        principalArn,
        databaseName: database,
        locationArn: target.lake.bucketFor(zone).bucketArn,
        perms,
        after: [...target.after],
        location: target.location,
      }),
    );
  }
  if (!target.lakeFormation || perms.writesData) {
    grant = grant.combine(target.lake.grant(principal, zone, access));
    wildcards.push(target.lake.bucketFor(zone).arnForObjects('*'));
  }
  const result: CatalogGrant = {
    grant,
    lakeFormationPermissions: lfPermissions,
    wildcardResourceArns: wildcards,
  };
  target.grants.set(key, result);
  return result;
}

/**
 * A catalog made in another stack or app (same account and region): its databases by zone, over
 * an imported or local lake. Grants create only the grantee's IAM statements and, in the Lake
 * Formation model, `AWS::LakeFormation::PrincipalPermissions`; nothing is created for the
 * catalog itself (no databases, location registrations or account settings).
 */
export class ImportedCatalog extends Construct implements ICatalog {
  public readonly lake: ILakeStorage;
  public readonly encryptionKey: IEncryptionKey;
  public readonly permissionModel: CatalogPermissionModel;
  private readonly databaseNames: Readonly<Record<string, string>>;
  private readonly zones: readonly { readonly name: string }[];
  private readonly lakeFormation: boolean;
  private readonly grants = new Map<string, CatalogGrant>();
  private readonly lfGrants = new Map<string, lf.CfnPrincipalPermissions>();

  constructor(scope: Construct, id: string, attrs: CatalogAttributes) {
    super(scope, id);
    this.lake = attrs.lake;
    this.encryptionKey = attrs.encryptionKey ?? attrs.lake.encryptionKey;
    this.permissionModel = attrs.permissionModel ?? CatalogPermissionModel.LAKE_FORMATION;
    this.lakeFormation = this.permissionModel === CatalogPermissionModel.LAKE_FORMATION;
    this.databaseNames = this.validateDatabaseNames(attrs.databaseNames);
    this.zones = Object.keys(this.databaseNames).map((name) => ({ name }));
  }

  public databaseNameFor(zone: string): string {
    return this.databaseNames[findZone(this, this.zones, zone).name];
  }

  public grantRead(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  public grantWrite(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  public grantReadWrite(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }

  public grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): CatalogGrant {
    return grantCatalogAccess(
      this,
      {
        lake: this.lake,
        encryptionKey: this.encryptionKey,
        lakeFormation: this.lakeFormation,
        databaseName: this.databaseNameFor(zone),
        after: [],
        grants: this.grants,
        lfGrants: this.lfGrants,
      },
      principal,
      zone,
      access,
    );
  }

  /**
   * At least one database (`DPK_NO_ZONES`), each for a zone of the lake (`DPK_UNKNOWN_ZONE`),
   * each a valid Glue database name that no other zone uses (`DPK_INVALID_NAME`).
   */
  private validateDatabaseNames(names: Readonly<Record<string, string>>): Record<string, string> {
    const entries = Object.entries(names ?? {});
    if (entries.length === 0) {
      throw ValidationError.of(ErrorCode.NO_ZONES, this, {
        prop: 'databaseNames',
        received: names,
        allowed: 'the database name of at least one zone of the lake',
      });
    }
    const violations: Violation[] = [];
    const seen = new Set<string>();
    for (const [zone, name] of entries) {
      const prop = `databaseNames[${JSON.stringify(zone)}]`;
      if (!this.lake.zoneNames.includes(zone)) {
        violations.push({
          code: ErrorCode.UNKNOWN_ZONE,
          prop,
          received: zone,
          allowed: `one of the lake's zones: ${this.lake.zoneNames.join(', ')}`,
        });
      }
      const bad = nameViolation(AwsNameRules.GLUE_DATABASE, prop, name);
      if (bad) {
        violations.push({ ...bad, code: ErrorCode.INVALID_NAME });
      } else if (seen.has(name)) {
        violations.push({
          code: ErrorCode.INVALID_NAME,
          prop,
          received: name,
          allowed: 'a database name no other zone uses',
        });
      }
      seen.add(name);
    }
    ValidationError.throwAll(this, violations, [ErrorCode.UNKNOWN_ZONE, ErrorCode.INVALID_NAME]);
    return Object.fromEntries(entries);
  }
}
