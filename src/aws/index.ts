// The AWS entry point (`data-platform-kit/aws`): building blocks on aws-cdk-lib. Never loads cdktf.
export * from './security/encryption-key';
export * from './storage/lake-storage';
export type { LakeStorageBase } from './storage/lake-storage-base';
export { ZONE_PERMISSIONS, type ZonePermissions } from './storage/perms';
export * from './monitoring/notification-target';
export {
  STREAM_INGESTION_ACKNOWLEDGEMENTS,
  type StreamIngestionAcknowledgement,
} from './streaming/acknowledgements';
export * from './streaming/stream-ingestion';
export {
  DELIVERY_PERMISSIONS,
  type DeliveryPermissions,
  STREAM_PERMISSIONS,
  type StreamIntent,
  type StreamPermissions,
} from './streaming/perms';
export * from './network/network';
export * from './catalog/account-data-settings';
export * from './catalog/catalog';
export { CATALOG_PERMISSIONS, type CatalogPermissions } from './catalog/perms';
export * from './warehouse/warehouse';
export { WAREHOUSE_QUERY_PERMISSIONS, type WarehouseQueryPermissions } from './warehouse/perms';
export * from './processing/spark-job-types';
export * from './processing/spark-job';
export {
  SPARK_JOB_PERMISSIONS,
  SPARK_JOB_RUN_PERMISSIONS,
  type SparkJobPermissions,
} from './processing/perms';
export * from './orchestration/pipeline-types';
export * from './orchestration/pipeline';
export { PIPELINE_PERMISSIONS, type PipelinePermissions } from './orchestration/perms';
export * from './patterns/lakehouse';
export * from './mesh/data-mesh-types';
export * from './mesh/data-mesh';
