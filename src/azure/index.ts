// Azure building blocks (cdktf + @cdktf/provider-azurerm). Re-exports only.
export { Principal, PrincipalType } from './iam/principal';
export type { IPrincipal, UserAssignedIdentityRef } from './iam/principal';
export type { ResourceGroupRef } from './resource-group';
export { EncryptionKey, KeyVaultSku } from './security/encryption-key';
export type { EncryptionKeyAttributes, EncryptionKeyProps, IEncryptionKey } from './security/encryption-key';
export { LakeStorage, StorageReplication } from './storage/lake-storage';
export type { ILakeStorage, LakeStorageProps } from './storage/lake-storage';
export { BLOB_WRITER_DATA_ACTIONS, ZONE_ROLES } from './storage/roles';
export type { BuiltInZoneRole, CustomZoneRole, ZoneRole } from './storage/roles';
