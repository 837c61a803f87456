export * from './iam/principal';
export * from './security/encryption-key';
export * from './storage/lake-storage';
export * from './storage/roles';
