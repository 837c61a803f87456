import { Aws, DefaultStackSynthesizer, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { Construct, DependencyGroup, type IConstruct, type IDependable } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/internal';
import type { IEncryptionKey } from '../security/encryption-key';

/** Props of {@link AccountDataSettings}. */
export interface AccountDataSettingsProps {
  /**
   * The key the account's Glue Data Catalog metadata and connection passwords are encrypted
   * with. Every principal of the account that reads the catalog (Athena, Glue, Redshift
   * Spectrum, EMR, any team's) then needs `kms:Decrypt` on it.
   */
  readonly encryptionKey: IEncryptionKey;
  /**
   * Whether to own the Lake Formation data-lake settings (administrators, no IAMAllowedPrincipals
   * defaults). `false` owns only the catalog encryption (for `CatalogPermissionModel.IAM`).
   * @default true
   */
  readonly lakeFormation?: boolean;
  /**
   * Lake Formation administrators the kit creates or knows (e.g. the lakehouse's admin persona).
   * More can be added later with {@link AccountDataSettings.addAdmin}.
   * @default - none besides the deployment role and `existingAdminArns`
   */
  readonly admins?: readonly (iam.IRole | iam.IUser)[];
  /**
   * ARNs of the account's Lake Formation administrators that exist already (people, break-glass
   * roles). The settings REPLACE the account's list on every deploy, so they are written back
   * each time and kept; an administrator missing from every list loses the role.
   * @default - none
   */
  readonly existingAdminArns?: readonly string[];
  /**
   * The role CloudFormation deploys with. It becomes a Lake Formation administrator, without
   * which CloudFormation cannot create databases and grants.
   * @default - the stack synthesizer's CloudFormation execution role (`DefaultStackSynthesizer`); required with any other synthesizer
   */
  readonly deploymentRole?: iam.IRole;
  /**
   * Lake Formation's cross-account data-sharing version (`CROSS_ACCOUNT_VERSION` in the
   * settings' `Parameters`, within `AccountDataSettings.CROSS_ACCOUNT_VERSION_RANGE`). Version 3
   * and later grant to another account's IAM principals directly and share through AWS RAM
   * (version 4 adds hybrid access mode). Only with `lakeFormation`.
   * @see https://docs.aws.amazon.com/lake-formation/latest/dg/optimize-ram.html
   * @default - not set: the account keeps the version it has
   */
  readonly crossAccountVersion?: number;
}

/** The account-and-region-wide data settings, owned here or by another deployment. */
export interface IAccountDataSettings extends IConstruct {
  /**
   * What catalog resources are created after: the settings when this app owns them (so
   * CloudFormation is an administrator when it creates databases and grants); nothing when
   * another deployment owns them.
   */
  readonly dependable?: IDependable;
  /** Makes `principal` a Lake Formation administrator; returns false when the settings are owned elsewhere. */
  addAdmin(principal: iam.IRole | iam.IUser): boolean;
}

/** The ARN a role or user is a Lake Formation administrator by. */
function adminArn(principal: iam.IRole | iam.IUser): string {
  return 'roleArn' in principal ? principal.roleArn : principal.userArn;
}

/** The owners created so far, per app: a second one for the same account and region is rejected. */
const OWNERS = new WeakMap<IConstruct, AccountDataSettings[]>();

/**
 * The one owner of an account's and region's data-catalog singletons: the Glue Data Catalog
 * encryption settings (`AWS::Glue::DataCatalogEncryptionSettings`, SSE-KMS metadata and
 * encrypted connection passwords) and the Lake Formation data-lake settings
 * (`AWS::LakeFormation::DataLakeSettings`: administrators, and no IAMAllowedPrincipals defaults for
 * new databases and tables). Create it once per account and region; every `Catalog` and the
 * `Lakehouse` take it (`accountSettings`) and depend on it rather than declaring their own. A
 * second owner in the same app for the same environment (equal literals, or both
 * environment-agnostic) throws `DPK_CONFLICTING_PROPS`. A stack whose account is owned by
 * another deployment uses {@link AccountDataSettings.fromOwnedElsewhere}.
 *
 * Account-level effects (see docs/deploying-aws.md): catalog encryption applies to every
 * database of the account, so every principal that reads the catalog needs `kms:Decrypt` on
 * this key; the administrators list is replaced on every deploy (pass `existingAdminArns`); and
 * deleting the stack that owns the settings leaves them as last written.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/change-settings.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
 * @example
 * const settings = new AccountDataSettings(stack, 'AccountSettings', {
 *   encryptionKey: key,
 *   existingAdminArns: ['arn:aws:iam::111122223333:role/DataLakeAdmin'],
 * });
 * new Catalog(stack, 'Catalog', { platformName: 'sales', lake, accountSettings: settings });
 */
export class AccountDataSettings extends Construct implements IAccountDataSettings {
  /** Whether the Lake Formation settings are owned when not told. */
  public static readonly DEFAULT_LAKE_FORMATION = true;
  /** The cross-account data-sharing versions Lake Formation offers. */
  public static readonly CROSS_ACCOUNT_VERSION_RANGE = { min: 1, max: 4 } as const;

  /**
   * Settings another deployment owns (deploy it first): creates nothing, and catalogs that use
   * it declare no account-wide resource. Its deployment role must list this stack's deployment
   * role as a Lake Formation administrator.
   */
  public static fromOwnedElsewhere(scope: Construct, id: string): IAccountDataSettings {
    return new (class extends Construct implements IAccountDataSettings {
      public readonly dependable = undefined;
      public addAdmin(): boolean {
        return false;
      }
    })(scope, id);
  }

  /** The catalog encryption settings. */
  public readonly encryptionSettings: glue.CfnDataCatalogEncryptionSettings;
  /** The Lake Formation data-lake settings (when `lakeFormation`). */
  public readonly dataLakeSettings?: lf.CfnDataLakeSettings;
  /** The key the catalog is encrypted with. */
  public readonly encryptionKey: IEncryptionKey;

  private readonly admins: string[] = [];
  private readonly lakeFormation: boolean;
  private readonly crossAccountVersion?: number;

  constructor(scope: Construct, id: string, props: AccountDataSettingsProps) {
    super(scope, id);
    this.assertSingleOwner();
    this.encryptionKey = props.encryptionKey;
    this.lakeFormation = this.resolveLakeFormation(props);
    this.crossAccountVersion = this.resolveCrossAccountVersion(props);
    this.encryptionSettings = this.createEncryptionSettings();
    if (this.lakeFormation) this.dataLakeSettings = this.createDataLakeSettings();
  }

  /** Both settings: catalog resources are created after the catalog is encrypted and CloudFormation is an admin. */
  public get dependable(): IDependable {
    return new DependencyGroup(
      this.encryptionSettings,
      ...(this.dataLakeSettings ? [this.dataLakeSettings] : []),
    );
  }

  /** Makes `principal` a Lake Formation administrator (once); false without Lake Formation settings. */
  public addAdmin(principal: iam.IRole | iam.IUser): boolean {
    if (!this.lakeFormation) return false;
    this.addAdminArn(adminArn(principal));
    return true;
  }

  /**
   * Whether the Lake Formation settings are owned, checked against the props that need them;
   * when owned, the administrators the props name (the deployment role last), before anything is made.
   */
  private resolveLakeFormation(props: AccountDataSettingsProps): boolean {
    const lakeFormation = props.lakeFormation ?? AccountDataSettings.DEFAULT_LAKE_FORMATION;
    if (!lakeFormation) {
      const given = (['admins', 'existingAdminArns', 'deploymentRole', 'crossAccountVersion'] as const).find(
        (p) => props[p] !== undefined,
      );
      if (given) {
        throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
          prop: given,
          received: 'lakeFormation false',
          allowed: 'unset unless lakeFormation is true',
        });
      }
      return false;
    }
    const deploymentRoleArn = this.deploymentRoleArn(props.deploymentRole);
    for (const arn of props.existingAdminArns ?? []) this.addAdminArn(arn);
    for (const admin of props.admins ?? []) this.addAdminArn(adminArn(admin));
    this.addAdminArn(deploymentRoleArn);
    return true;
  }

  /** Catalog metadata and connection passwords encrypted with the key. */
  private createEncryptionSettings(): glue.CfnDataCatalogEncryptionSettings {
    return new glue.CfnDataCatalogEncryptionSettings(this, 'EncryptionSettings', {
      catalogId: Aws.ACCOUNT_ID,
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: 'SSE-KMS', sseAwsKmsKeyId: this.encryptionKey.keyArn },
        connectionPasswordEncryption: {
          kmsKeyId: this.encryptionKey.keyArn,
          returnConnectionPasswordEncrypted: true,
        },
      },
    });
  }

  /** The administrators (replacing the account's list) and no IAMAllowedPrincipals defaults. */
  private createDataLakeSettings(): lf.CfnDataLakeSettings {
    return new lf.CfnDataLakeSettings(this, 'DataLakeSettings', {
      mutationType: 'REPLACE',
      // Lazy: admins added after construction (addAdmin) are part of the one list.
      admins: Lazy.any({
        produce: () => this.admins.map((arn) => ({ dataLakePrincipalIdentifier: arn })),
      }),
      createDatabaseDefaultPermissions: [],
      createTableDefaultPermissions: [],
      ...(this.crossAccountVersion === undefined
        ? {}
        : { parameters: { CROSS_ACCOUNT_VERSION: String(this.crossAccountVersion) } }),
    });
  }

  /** The cross-account version, when given: a whole number Lake Formation offers. */
  private resolveCrossAccountVersion(props: AccountDataSettingsProps): number | undefined {
    const v = props.crossAccountVersion;
    const { min, max } = AccountDataSettings.CROSS_ACCOUNT_VERSION_RANGE;
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'crossAccountVersion',
        received: v,
        allowed: `a whole number from ${min} to ${max}`,
      });
    }
    return v;
  }

  private addAdminArn(arn: string): void {
    const stack = Stack.of(this);
    const key = JSON.stringify(stack.resolve(arn));
    if (this.admins.some((a) => JSON.stringify(stack.resolve(a)) === key)) return;
    this.admins.push(arn);
  }

  private deploymentRoleArn(role: iam.IRole | undefined): string {
    if (role) return role.roleArn;
    const synthesizer = Stack.of(this).synthesizer;
    if (synthesizer instanceof DefaultStackSynthesizer) {
      return Fn.sub(synthesizer.cloudFormationExecutionRoleArn);
    }
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, this, {
      prop: 'deploymentRole',
      received: synthesizer.constructor.name,
      allowed:
        'the role CloudFormation deploys with, given explicitly when the stack synthesizer is not DefaultStackSynthesizer (it must be a Lake Formation administrator)',
    });
  }

  /**
   * One owner per account and region in an app: a clash is the same literal account and region,
   * or two stacks equally environment-agnostic. A literal and an unresolved environment cannot be
   * compared at synth time and are not rejected (see docs/deploying-aws.md).
   */
  private assertSingleOwner(): void {
    const root = this.node.root;
    const owners = OWNERS.get(root) ?? [];
    const env = (c: IConstruct) => [Stack.of(c).account, Stack.of(c).region];
    const [account, region] = env(this);
    const clash = owners.find((o) => {
      const [a, r] = env(o);
      // Equal literals, or the same pseudo parameter (two env-agnostic stacks): one account and region.
      const same = (x: string, y: string) => x === y;
      return same(a, account) && same(r, region);
    });
    if (clash) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'AccountDataSettings',
        received: `a second owner of the account-wide data settings (the first is ${clash.node.path})`,
        allowed:
          'one AccountDataSettings per account and region in an app: pass the first to every Catalog and Lakehouse (accountSettings), or use AccountDataSettings.fromOwnedElsewhere',
      });
    }
    OWNERS.set(root, [...owners, this]);
  }
}
