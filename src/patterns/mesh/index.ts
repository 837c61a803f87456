export {
  type DataMeshSpec,
  DataMeshDefaults,
  type DataProduct,
  type MeshDomain,
  type MeshGovernance,
  type MeshSubscription,
  type ProductColumn,
  ProductFormat,
  type ProductFreshness,
  type ProductInput,
  ProductStatus,
} from './spec';
export {
  type ColumnType,
  type ColumnTypeName,
  COLUMN_TYPES_ALLOWED,
  DECIMAL_MAX_PRECISION,
  formatColumnType,
  odcsLogicalType,
  parseColumnType,
} from './column-type';
export {
  ODCS_API_VERSION,
  type OpenDataContract,
  type OpenDataContractProperty,
  type OpenDataContractSla,
  toOpenDataContract,
} from './contract';
export {
  type DataMeshPlan,
  type ExpiredSubscription,
  type MeshResourceModel,
  MeshStackKind,
  type PlannedColumn,
  type PlannedDomain,
  type PlannedFreshnessCheck,
  type PlannedProduct,
  type PlannedStack,
  type PlannedSubscriptionGrant,
} from './plan-types';
export { type DataMeshPlanOptions, planDataMesh } from './plan';
export { type DataMeshValidationOptions, validateDataMeshSpec } from './validate';
export { domainLakehouseSpec } from './private/check';
