// Azure building blocks (cdktf + @cdktf/provider-azurerm). Re-exports only.
export { Principal, PrincipalType } from './iam/principal';
export type { IPrincipal, UserAssignedIdentityRef } from './iam/principal';
export type { ResourceGroupRef } from './resource-group';
export { EncryptionKey, KeyVaultSku } from './security/encryption-key';
export type { EncryptionKeyAttributes, EncryptionKeyProps, IEncryptionKey } from './security/encryption-key';
export { LakeStorage, StorageReplication } from './storage/lake-storage';
export type { LakeStorageBase } from './storage/lake-storage-base';
export type {
  ILakeStorage,
  LakeStorageAttributes,
  LakeStorageProps,
  LakeZoneAttributes,
} from './storage/lake-storage';
export { BLOB_WRITER_DATA_ACTIONS, ZONE_ROLES } from './storage/roles';
export type { BuiltInZoneRole, CustomZoneRole, ZoneRole } from './storage/roles';
export { NotificationTarget } from './monitoring/notification-target';
export type {
  INotificationTarget,
  NotificationTargetAttributes,
  NotificationTargetProps,
} from './monitoring/notification-target';
export { EVENT_HUBS_TIER_LIMITS, EventHubsSku } from './streaming/event-hubs-sku';
export type { EventHubsTierLimits } from './streaming/event-hubs-sku';
export { CAPTURE_ZONE_ACCESS, DEPLOYER_CAPTURE_ROLE, STREAM_ROLES, StreamAccess } from './streaming/roles';
export { StreamIngestion } from './streaming/stream-ingestion';
export type { IStreamIngestion, StreamIngestionProps } from './streaming/stream-ingestion-types';
export { PrivateDnsZoneName, PrivateEndpointSubresource, SUBRESOURCE_DNS_ZONES } from './network/endpoints';
export { Network } from './network/network';
export type {
  ExistingNetworkAttributes,
  INetwork,
  NetworkAttributes,
  NetworkProps,
  PrivateEndpointOptions,
} from './network/network';
export { Catalog } from './catalog/catalog';
export type { CatalogAttributes, CatalogProps, ICatalog } from './catalog/catalog';
export { DEDICATED_POOL_SKUS, SynapseRole, WAREHOUSE_ZONE_ROLES } from './warehouse/roles';
export { Warehouse } from './warehouse/warehouse';
export type { SqlAdministrator, WarehouseGrant, WarehouseProps } from './warehouse/warehouse-props';
export { SPARK_RUN_ROLES, SPARK_STEP_ZONE_ACCESS, SynapseRoleScope } from './processing/roles';
export type { ScopedSynapseRole } from './processing/roles';
export { SPARK_STEP_PATH_PARAMETERS } from './processing/spark-step';
export type { SparkStep } from './processing/spark-step';
export { SparkJob, SparkNodeSize, SparkVersion } from './processing/spark-job';
export { SparkJobScript } from './processing/spark-job-script';
export type { SparkJobScriptLocation } from './processing/spark-job-script';
export type { SparkJobProps } from './processing/spark-job';
export type { ResolvedSparkStep } from './private/spark-steps';
export { Pipeline } from './orchestration/pipeline';
export type { ResolvedSchedule } from './orchestration/private/pipeline-activities';
export { ScheduleFrequency } from './orchestration/pipeline-types';
export type { PipelineProps, PipelineSchedule } from './orchestration/pipeline-types';
export {
  Lakehouse,
  type LakehouseNetworkOptions,
  type LakehouseProps,
  type PersonaIdentity,
} from './patterns/lakehouse';
export * from './mesh/data-mesh-types';
export * from './mesh/data-mesh';
export { KIT_RESOURCE_PROVIDERS, registerKitResourceProviders } from './resource-providers';
export { PIPELINE_OPERATOR_ACTIONS } from './orchestration/roles';
