/**
 * A catalog's props checked and resolved before anything is made: the permission model, the
 * key, the database names and what the account settings need. Internal: not exported from the
 * entry point.
 */
import type { RemovalPolicy } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import {
  ErrorCode,
  findZone,
  nameViolation,
  physicalName,
  resourceTags,
  TagRules,
  type Tags,
  validatePlatformName,
  ValidationError,
} from '../../../core/internal';
import { removalPolicyFor } from '../../private/removal';
import { AwsNameRules } from '../../private/service-names';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { ILakeStorage } from '../../storage/lake-storage';
import { AccountDataSettings } from '../account-data-settings';
// A value import in a cycle with catalog.ts: the enum is read at construction, never at load.
import { type CatalogProps, CatalogPermissionModel } from '../catalog';

/** Defaults of a catalog, as the `Catalog` statics give them. */
export interface CatalogDefaults {
  readonly permissionModel: CatalogPermissionModel;
  readonly manageAccountSettings: boolean;
}

/** A catalog's props, checked and with every default resolved. */
export interface CatalogSettings {
  readonly platform: string;
  readonly encryptionKey: IEncryptionKey;
  readonly permissionModel: CatalogPermissionModel;
  /** Whether Lake Formation decides access (the permission model). */
  readonly lakeFormation: boolean;
  /** Whether the catalog makes the owner of the account settings when none is given. */
  readonly manageAccountSettings: boolean;
  /** The database name of each zone. */
  readonly databaseNames: Readonly<Record<string, string>>;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
}

/** Checks every prop of a catalog and resolves its defaults; throws before anything is made. */
export function resolveCatalogSettings(
  scope: IConstruct,
  props: CatalogProps,
  defaults: CatalogDefaults,
): CatalogSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const encryptionKey =
    props.encryptionKey ??
    (props.accountSettings instanceof AccountDataSettings
      ? props.accountSettings.encryptionKey
      : props.lake.encryptionKey);
  const permissionModel = props.permissionModel ?? defaults.permissionModel;
  const manageAccountSettings = props.manageAccountSettings ?? defaults.manageAccountSettings;
  const lakeFormation = permissionModel === CatalogPermissionModel.LAKE_FORMATION;
  validateLakeFormationProps(scope, props, permissionModel);
  const databaseNames = resolveDatabaseNames(scope, props.lake, platform, props.databaseNames);
  const tags = resourceTags(scope, TagRules.AWS, platform, props.tags);
  const removalPolicy = removalPolicyFor(scope, props.removalPolicy);
  return {
    platform,
    encryptionKey,
    permissionModel,
    lakeFormation,
    manageAccountSettings,
    databaseNames,
    removalPolicy,
    tags,
  };
}

/** The account-settings props go to the settings the catalog makes, and only under Lake Formation. */
function validateLakeFormationProps(
  scope: IConstruct,
  props: CatalogProps,
  permissionModel: CatalogPermissionModel,
): void {
  if (props.accountSettings) {
    const both = (['admins', 'deploymentRole', 'manageAccountSettings'] as const).find(
      (p) => props[p] !== undefined,
    );
    if (both) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
        prop: both,
        received: props[both] === false ? false : 'a value, with accountSettings',
        allowed: 'unset when accountSettings is given (configure the AccountDataSettings instead)',
      });
    }
  }
  if (permissionModel === CatalogPermissionModel.LAKE_FORMATION) return;
  const given = (['admins', 'deploymentRole'] as const).find((p) => props[p] !== undefined);
  if (given) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: given,
      received: `permissionModel ${permissionModel}`,
      allowed: 'unset unless permissionModel is CatalogPermissionModel.LAKE_FORMATION',
    });
  }
}

/** Each zone's database name: the override (valid, for a zone the lake has) or a derived one, none shared. */
function resolveDatabaseNames(
  scope: IConstruct,
  lake: ILakeStorage,
  platform: string,
  overrides: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  for (const zone of Object.keys(overrides ?? {})) {
    findZone(scope, lake.zones, zone, `databaseNames.${zone}`);
  }
  ValidationError.throwIfAny(
    ErrorCode.INVALID_NAME,
    scope,
    Object.entries(overrides ?? {}).flatMap(
      ([zone, name]) => nameViolation(AwsNameRules.GLUE_DATABASE, `databaseNames.${zone}`, name) ?? [],
    ),
  );
  const names: Record<string, string> = {};
  for (const zone of lake.zoneNames) {
    names[zone] =
      overrides?.[zone] ??
      physicalName(scope, AwsNameRules.GLUE_DATABASE, {
        platform: platform.replace(/-/g, '_'),
        parts: [zone.replace(/-/g, '_')],
      });
  }
  const seen = new Set<string>();
  for (const [zone, name] of Object.entries(names)) {
    if (seen.has(name)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
        prop: `databaseNames.${zone}`,
        received: name,
        allowed: 'a database name no other zone uses',
      });
    }
    seen.add(name);
  }
  return names;
}
