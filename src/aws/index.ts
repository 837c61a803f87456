// The AWS entry point (`data-platform-kit/aws`): building blocks on aws-cdk-lib. Never loads cdktf.
export * from './security/encryption-key';
export * from './storage/lake-storage';
export { ZONE_PERMISSIONS, type ZonePermissions } from './storage/perms';
