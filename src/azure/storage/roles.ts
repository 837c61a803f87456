import { ZoneAccess } from '../../core/blocks';

/** A built-in Azure role, assigned by name. */
export interface BuiltInZoneRole {
  readonly kind: 'builtIn';
  /** The built-in role's name, e.g. `Storage Blob Data Reader`. */
  readonly roleName: string;
}

/** A custom role the kit defines (once per storage account, scoped to it) from data actions. */
export interface CustomZoneRole {
  readonly kind: 'custom';
  /** Data actions the role allows; nothing else. */
  readonly dataActions: readonly string[];
}

/** The role that one {@link ZoneAccess} maps to. */
export type ZoneRole = BuiltInZoneRole | CustomZoneRole;

/**
 * Blob data actions of a write-only role: create and overwrite blobs (`write`) and append
 * blocks (`add/action`). No read, list, delete or rename (`move/action`): writers that commit
 * by renaming (e.g. Spark's output committer) need `READ_WRITE`.
 * @see https://learn.microsoft.com/azure/role-based-access-control/permissions/storage
 */
export const BLOB_WRITER_DATA_ACTIONS: readonly string[] = [
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
];

/**
 * Zone access → Azure role, the one permission table of Azure lake storage. Every assignment is
 * scoped to the zone's container, never the account or above.
 *
 * - READ: "Storage Blob Data Reader".
 * - WRITE: Azure has no write-only built-in role, so the kit defines a custom role with
 *   {@link BLOB_WRITER_DATA_ACTIONS}, assignable only within the account. Creating a role
 *   definition needs `Microsoft.Authorization/roleDefinitions/write` (e.g. "User Access
 *   Administrator" or Owner on the resource group), more than "Role Based Access Control
 *   Administrator" gives.
 * - READ_WRITE: "Storage Blob Data Contributor".
 *
 * No key role is needed: the storage account encrypts and decrypts through its own managed
 * identity, so readers and writers never touch the Key Vault key.
 *
 * @see https://learn.microsoft.com/azure/storage/blobs/assign-azure-role-data-access
 * @example
 * const role = ZONE_ROLES[ZoneAccess.READ]; // { kind: 'builtIn', roleName: 'Storage Blob Data Reader' }
 */
export const ZONE_ROLES: Readonly<Record<ZoneAccess, ZoneRole>> = {
  [ZoneAccess.READ]: { kind: 'builtIn', roleName: 'Storage Blob Data Reader' },
  [ZoneAccess.WRITE]: { kind: 'custom', dataActions: BLOB_WRITER_DATA_ACTIONS },
  [ZoneAccess.READ_WRITE]: { kind: 'builtIn', roleName: 'Storage Blob Data Contributor' },
};
