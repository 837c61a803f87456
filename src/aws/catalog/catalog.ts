import { Aws } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { Construct, type IConstruct } from 'constructs';
import { AccountDataSettings, type IAccountDataSettings } from './account-data-settings';
import {
  constructIdFrom,
  type DataRemovalPolicy,
  findZone,
  type Tags as KitTags,
  ZoneAccess,
} from '../../core/internal';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import { grantCatalogAccess, ImportedCatalog } from './private/catalog-import';
import { type CatalogSettings, resolveCatalogSettings } from './private/catalog-settings';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** Who decides access to the catalog's databases and tables. */
export enum CatalogPermissionModel {
  /**
   * AWS Lake Formation: grants on databases and tables, data read through Lake Formation's
   * vended credentials, no IAMAllowedPrincipals defaults.
   */
  LAKE_FORMATION = 'lakeFormation',
  /** Plain IAM: Glue Data Catalog actions plus S3 and KMS grants on the zone. */
  IAM = 'iam',
}

/** Props of the AWS {@link Catalog}. */
export interface CatalogProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** The lake whose zones get a database each. */
  readonly lake: ILakeStorage;
  /**
   * The key the Data Catalog's metadata and connection passwords are encrypted with.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Who decides access to databases and tables.
   * @default CatalogPermissionModel.LAKE_FORMATION
   */
  readonly permissionModel?: CatalogPermissionModel;
  /**
   * The owner of the account-wide catalog settings (catalog encryption, Lake Formation
   * administrators and defaults) that the databases and grants are created after. Pass the one
   * {@link AccountDataSettings} of the app, or `AccountDataSettings.fromOwnedElsewhere` when
   * another deployment owns them. Without it the catalog creates its own owner from
   * `admins`, `deploymentRole` and `manageAccountSettings` (one per account and region).
   * @default - an `AccountDataSettings` of this catalog, or none with `manageAccountSettings: false`
   */
  readonly accountSettings?: IAccountDataSettings;
  /**
   * Lake Formation administrators besides the deployment role, for the settings this catalog
   * creates (not with `accountSettings`). Lake Formation model only.
   * @default - the deployment role only
   */
  readonly admins?: readonly (iam.IRole | iam.IUser)[];
  /**
   * The role CloudFormation deploys the stack with, for the settings this catalog creates (not
   * with `accountSettings`). It becomes a Lake Formation administrator. Lake Formation model only.
   * @default - the stack synthesizer's CloudFormation execution role (`DefaultStackSynthesizer`); required with any other synthesizer
   */
  readonly deploymentRole?: iam.IRole;
  /**
   * Whether this catalog creates the owner of the account-wide settings when `accountSettings`
   * is not given. `false`: another deployment owns them (deploy it first).
   * @default true
   */
  readonly manageAccountSettings?: boolean;
  /**
   * Database names by zone, for zones whose name must be exact (a-z, 0-9, '_', 1-255, starting
   * with a letter).
   * @default - `<platform>_<zone>_<hash of the construct path>` per zone
   */
  readonly databaseNames?: Readonly<Record<string, string>>;
  /**
   * What happens to the databases (their table definitions) when they leave the stack. DESTROY
   * also needs the `data-platform-kit:removeDataOnDestroy` context flag.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags for the catalog's taggable resources (its location role), on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: KitTags;
}

/** What a catalog grant created. */
export interface CatalogGrant {
  /** The IAM side: Glue actions, the catalog key, and where the model needs them, S3 and Lake Formation data access. */
  readonly grant: iam.Grant;
  /** The Lake Formation permissions (Lake Formation model; empty for IAM). */
  readonly lakeFormationPermissions: readonly lf.CfnPrincipalPermissions[];
  /**
   * The wildcard resources the IAM side names (all tables of the database, the zone's objects,
   * `*` for `lakeformation:GetDataAccess`): what `AwsSolutions-IAM5` reports on the grantee.
   */
  readonly wildcardResourceArns: readonly string[];
}

/** A data catalog over a lake's zones, as the kit's warehouse and patterns use it. */
export interface ICatalog extends IConstruct {
  /** The lake the catalog describes. */
  readonly lake: ILakeStorage;
  /** The key the catalog's metadata is encrypted with. */
  readonly encryptionKey: IEncryptionKey;
  /** Who decides access. */
  readonly permissionModel: CatalogPermissionModel;
  /** The database name of `zone`; throws `DPK_UNKNOWN_ZONE` for a zone the lake does not have. */
  databaseNameFor(zone: string): string;
  /** Lets `principal` read the tables of `zone` (and their data). */
  grantRead(principal: iam.IGrantable, zone: string): CatalogGrant;
  /** Lets `principal` add tables, partitions and data to `zone` without reading it. */
  grantWrite(principal: iam.IGrantable, zone: string): CatalogGrant;
  /** Lets `principal` create, change, read and delete the tables of `zone` (and their data). */
  grantReadWrite(principal: iam.IGrantable, zone: string): CatalogGrant;
  /** Grants one {@link ZoneAccess} intent on `zone` through the permission model. */
  grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): CatalogGrant;
}

/**
 * What identifies a catalog made in another stack or app, in the same account and region: the
 * lake it describes and its database names by zone.
 */
export interface CatalogAttributes {
  /** The lake the catalog describes (e.g. `LakeStorage.fromLakeStorageAttributes`). */
  readonly lake: ILakeStorage;
  /** The Glue database name of each zone that has one (at least one zone, each a zone of the lake). */
  readonly databaseNames: Readonly<Record<string, string>>;
  /**
   * The key the account's Data Catalog metadata is encrypted with; readers need decrypt on it.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Who decides access: as the owning catalog was made.
   * @default CatalogPermissionModel.LAKE_FORMATION
   */
  readonly permissionModel?: CatalogPermissionModel;
}

/**
 * A data catalog for a lake on AWS: one AWS Glue database per lake zone, whose `LocationUri` is
 * the zone's bucket, with Lake Formation as the permission model.
 *
 * Secure defaults: the Data Catalog's metadata encrypted with SSE-KMS and the kit's key, and its
 * connection passwords encrypted with the same key (`AWS::Glue::DataCatalogEncryptionSettings`);
 * Lake Formation data-lake settings with the deployment role and `admins` as administrators and
 * no IAMAllowedPrincipals defaults for new databases and tables (each database also sets empty
 * table defaults); each zone bucket registered with Lake Formation through a dedicated role that
 * may read and write that bucket and use the key; `DeletionPolicy: RetainExceptOnCreate` on the databases.
 * Databases and grants depend on the settings, so CloudFormation acts as a Lake Formation
 * administrator when it creates them.
 *
 * Grants: `grantRead` gives Lake Formation `DESCRIBE` on the database and `SELECT`/`DESCRIBE` on
 * its tables, plus the Glue read actions, `lakeformation:GetDataAccess` and decrypt on the
 * catalog key; readers reach the data only through Lake Formation's vended credentials.
 * `grantReadWrite` adds `CREATE_TABLE`, `INSERT`/`ALTER`/`DELETE`/`DROP`, data-location access
 * and IAM read/write on the zone. `CatalogPermissionModel.IAM` grants Glue, S3 and KMS in IAM
 * only, and gives new tables the IAMAllowedPrincipals default it needs. The tables are
 * `CATALOG_PERMISSIONS`.
 *
 * The encryption and data-lake settings are one per account and region: see `manageAccountSettings`.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/change-settings.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
 * @example
 * const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
 * catalog.grantRead(analystRole, 'serving');
 * catalog.grantReadWrite(engineerRole, 'curated');
 */
export class Catalog extends Construct implements ICatalog {
  /** Permission model when none is given. */
  public static readonly DEFAULT_PERMISSION_MODEL = CatalogPermissionModel.LAKE_FORMATION;
  /** Whether the catalog owns the account-wide settings when not told. */
  public static readonly DEFAULT_MANAGE_ACCOUNT_SETTINGS = true;
  /** Lake Formation's group for "any IAM principal allowed by IAM", which the kit never grants by default. */
  public static readonly IAM_ALLOWED_PRINCIPALS = 'IAM_ALLOWED_PRINCIPALS';

  /**
   * Imports a catalog made in another stack or app of the same account and region, so
   * principals of this stack can be granted on its databases. Nothing is created for the
   * catalog: grants add the grantee's IAM statements and Lake Formation permissions only (the
   * owner's stack registered the locations and owns the account settings). Throws
   * `DPK_NO_ZONES`, `DPK_UNKNOWN_ZONE` or `DPK_INVALID_NAME` (a malformed or shared database name).
   *
   * @example
   * const catalog = Catalog.fromCatalogAttributes(stack, 'SalesCatalog', {
   *   lake,
   *   databaseNames: { curated: 'sales_curated', serving: 'sales_serving' },
   * });
   */
  public static fromCatalogAttributes(scope: Construct, id: string, attrs: CatalogAttributes): ICatalog {
    return new ImportedCatalog(scope, id, attrs);
  }

  /** The lake the catalog describes. */
  public readonly lake: ILakeStorage;
  /** The key the catalog's metadata and connection passwords are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** Who decides access to the databases and tables. */
  public readonly permissionModel: CatalogPermissionModel;
  /** Each zone's Glue database, by zone name (escape hatch). */
  public readonly databases: Readonly<Record<string, glue.CfnDatabase>>;
  /** The owner of the account-wide settings the catalog is created after. */
  public readonly accountSettings: IAccountDataSettings;
  /** The Data Catalog encryption settings, when this app owns them. */
  public readonly encryptionSettings?: glue.CfnDataCatalogEncryptionSettings;
  /** The Lake Formation data-lake settings (Lake Formation model, when this app owns them). */
  public readonly dataLakeSettings?: lf.CfnDataLakeSettings;
  /** The role Lake Formation reads and writes the registered zones with (Lake Formation model). */
  public readonly locationRole?: iam.Role;
  /** Each zone's Lake Formation location registration, by zone name (Lake Formation model). */
  public readonly locations: Readonly<Record<string, lf.CfnResource>>;

  private readonly databaseNames: Readonly<Record<string, string>>;
  private readonly grants = new Map<string, CatalogGrant>();
  /** Lake Formation permissions made so far, one per principal × resource × permission. */
  private readonly lfGrants = new Map<string, lf.CfnPrincipalPermissions>();

  constructor(scope: Construct, id: string, props: CatalogProps) {
    super(scope, id);
    const settings = resolveCatalogSettings(this, props, {
      permissionModel: Catalog.DEFAULT_PERMISSION_MODEL,
      manageAccountSettings: Catalog.DEFAULT_MANAGE_ACCOUNT_SETTINGS,
    });
    this.lake = props.lake;
    this.encryptionKey = settings.encryptionKey;
    this.permissionModel = settings.permissionModel;
    this.databaseNames = settings.databaseNames;

    this.accountSettings = props.accountSettings ?? this.createAccountSettings(props, settings);
    if (this.accountSettings instanceof AccountDataSettings) {
      this.encryptionSettings = this.accountSettings.encryptionSettings;
      this.dataLakeSettings = this.accountSettings.dataLakeSettings;
    }
    this.databases = this.createDatabases(settings);
    if (settings.lakeFormation) this.locationRole = this.createLocationRole(settings);
    this.locations = this.locationRole ? this.createLocations(this.locationRole) : {};
    applyTags(this, settings.tags);
  }

  public databaseNameFor(zone: string): string {
    return this.databaseNames[findZone(this, this.lake.zones, zone).name];
  }

  public grantRead(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Lets `principal` add tables, partitions and data to `zone` without reading it. */
  public grantWrite(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  public grantReadWrite(principal: iam.IGrantable, zone: string): CatalogGrant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }

  /**
   * Grants one intent on `zone` (the actions of `CATALOG_PERMISSIONS[access]`) through the
   * permission model; granting the same intent to the same principal twice returns the first
   * grant. Throws `DPK_INVALID_PRINCIPAL` unless `principal` is an IAM role or user.
   */
  public grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): CatalogGrant {
    return grantCatalogAccess(
      this,
      {
        lake: this.lake,
        encryptionKey: this.encryptionKey,
        lakeFormation: this.permissionModel === CatalogPermissionModel.LAKE_FORMATION,
        databaseName: this.databaseNameFor(zone),
        after: [
          this.databases[zone],
          ...(this.accountSettings.dependable ? [this.accountSettings.dependable] : []),
        ],
        location: this.locations[zone],
        grants: this.grants,
        lfGrants: this.lfGrants,
      },
      principal,
      zone,
      access,
    );
  }

  /** The owner of the account-wide settings, made here (or declared owned elsewhere) when none is given. */
  private createAccountSettings(props: CatalogProps, settings: CatalogSettings): IAccountDataSettings {
    return settings.manageAccountSettings
      ? new AccountDataSettings(this, 'AccountSettings', {
          encryptionKey: this.encryptionKey,
          lakeFormation: settings.lakeFormation,
          admins: props.admins,
          deploymentRole: props.deploymentRole,
        })
      : AccountDataSettings.fromOwnedElsewhere(this, 'AccountSettings');
  }

  /** One Glue database per zone, located at the zone's bucket, created after the account settings. */
  private createDatabases(settings: CatalogSettings): Record<string, glue.CfnDatabase> {
    const after = this.accountSettings.dependable;
    const databases: Record<string, glue.CfnDatabase> = {};
    for (const zone of this.lake.zoneNames) {
      const db = new glue.CfnDatabase(this, `${constructIdFrom(zone)}Database`, {
        catalogId: Aws.ACCOUNT_ID,
        databaseInput: {
          name: this.databaseNames[zone],
          description: `The ${zone} zone of the ${settings.platform} lake`,
          locationUri: `s3://${this.lake.bucketFor(zone).bucketName}/`,
          createTableDefaultPermissions: settings.lakeFormation
            ? []
            : [
                {
                  principal: { dataLakePrincipalIdentifier: Catalog.IAM_ALLOWED_PRINCIPALS },
                  permissions: ['ALL'],
                },
              ],
        },
      });
      db.applyRemovalPolicy(settings.removalPolicy);
      if (after) db.node.addDependency(after);
      databases[zone] = db;
    }
    return databases;
  }

  /** The role Lake Formation reads and writes the registered zones with (Lake Formation model). */
  private createLocationRole(settings: CatalogSettings): iam.Role {
    return new iam.Role(this, 'LocationRole', {
      assumedBy: new iam.ServicePrincipal('lakeformation.amazonaws.com'),
      description: `Lake Formation reads and writes the ${settings.platform} lake's registered zones with this role`,
    });
  }

  /** Each zone bucket registered with Lake Formation, after the role may use it and the settings exist. */
  private createLocations(role: iam.Role): Record<string, lf.CfnResource> {
    const after = this.accountSettings.dependable;
    const locations: Record<string, lf.CfnResource> = {};
    for (const zone of this.lake.zoneNames) {
      const grant = this.lake.grantReadWrite(role, zone);
      const location = new lf.CfnResource(this, `${constructIdFrom(zone)}Location`, {
        resourceArn: this.lake.bucketFor(zone).bucketArn,
        roleArn: role.roleArn,
        useServiceLinkedRole: false,
        hybridAccessEnabled: false,
      });
      grant.applyBefore(location);
      if (after) location.node.addDependency(after);
      locations[zone] = location;
    }
    acknowledgeWildcards(
      role,
      this.lake.zoneNames.map((z) => this.lake.bucketFor(z).arnForObjects('*')),
      INHERENT_WILDCARD_REASONS.LOCATION_ROLE,
    );
    return locations;
  }
}
