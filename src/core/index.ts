// The `data-platform-kit/core` entry point: the cloud-neutral vocabulary users write platforms
// in — zones and access, warehouse sizes, the removal policy, the intents blocks state to the
// compliance packs, errors and their codes, the common props and defaults. Helpers the kit uses
// internally (naming, tokens, ranges, tag validation, the compliance engine) live in ./internal
// and are not part of the public API.
export { CommonDefaults, WarehouseSize, ZoneAccess } from './blocks';
export type {
  EncryptionKeyCommonProps,
  LakeStorageCommonProps,
  NetworkCommonProps,
  StreamIngestionCommonProps,
  WarehouseCommonProps,
} from './blocks';
export { ComplianceIntent } from './compliance/intent';
export type { IntentStatement } from './compliance/intent';
export { ErrorCode, ValidationError } from './errors';
export type { Violation } from './errors';
export { DataRemovalPolicy, REMOVAL_DOWNGRADED_WARNING, REMOVE_DATA_ON_DESTROY_CONTEXT } from './removal';
export { DEFAULT_ZONES, ZoneDefaults } from './zones';
export type { ResolvedZone, ZoneInput, ZoneLifecycle, ZoneOptions, ZoneRef } from './zones';
export type { Tags } from './tags';
