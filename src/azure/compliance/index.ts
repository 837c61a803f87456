// The Azure compliance pack (data-platform-kit/azure/compliance). Re-exports only.
export { checkCompliance } from './check';
export { DATA_PLATFORM_RULES } from './pack';
export { acknowledgeRule } from '../../terraform';
export type { RuleAcknowledgement } from '../../terraform';
export { formatFindings } from '../../core/compliance';
export { RuleLevel, RuleResult } from '../../core/compliance';
export type {
  Acknowledgement,
  ComplianceReport,
  Finding,
  AcknowledgedFinding,
  TerraformRule,
  TfDocumentView,
  TfResource,
} from '../../core/compliance';
export { AVD_AZU_0061 } from './rules/avd-azu-0061';
export { CKV_AZURE_3 } from './rules/ckv-azure-3';
export { CKV_AZURE_34 } from './rules/ckv-azure-34';
export { CKV_AZURE_35 } from './rules/ckv-azure-35';
export { CKV_AZURE_36 } from './rules/ckv-azure-36';
export { CKV_AZURE_39 } from './rules/ckv-azure-39';
export { CKV_AZURE_40 } from './rules/ckv-azure-40';
export { CKV_AZURE_42 } from './rules/ckv-azure-42';
export { CKV_AZURE_44 } from './rules/ckv-azure-44';
export { CKV_AZURE_58 } from './rules/ckv-azure-58';
export { CKV_AZURE_59 } from './rules/ckv-azure-59';
export { CKV_AZURE_104 } from './rules/ckv-azure-104';
export { CKV_AZURE_109 } from './rules/ckv-azure-109';
export { CKV_AZURE_110 } from './rules/ckv-azure-110';
export { CKV_AZURE_112 } from './rules/ckv-azure-112';
export { CKV_AZURE_157 } from './rules/ckv-azure-157';
export { CKV_AZURE_189 } from './rules/ckv-azure-189';
export { CKV_AZURE_190 } from './rules/ckv-azure-190';
export { CKV_AZURE_206 } from './rules/ckv-azure-206';
export { CKV_AZURE_223 } from './rules/ckv-azure-223';
export { CKV_AZURE_239 } from './rules/ckv-azure-239';
export { CKV_AZURE_240 } from './rules/ckv-azure-240';
export { CKV_AZURE_241 } from './rules/ckv-azure-241';
export { CKV_AZURE_244 } from './rules/ckv-azure-244';
export { CKV2_AZURE_1 } from './rules/ckv2-azure-1';
export { CKV2_AZURE_15 } from './rules/ckv2-azure-15';
export { CKV2_AZURE_31 } from './rules/ckv2-azure-31';
export { CKV2_AZURE_38 } from './rules/ckv2-azure-38';
export { CKV2_AZURE_40 } from './rules/ckv2-azure-40';
export { DPK_AZURE_CONTAINER_SOFT_DELETE } from './rules/dpk-azure-container-soft-delete';
export { DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY } from './rules/dpk-azure-data-factory-managed-identity';
export { DPK_AZURE_DATA_FACTORY_MANAGED_VNET } from './rules/dpk-azure-data-factory-managed-vnet';
export { DPK_AZURE_EVENTHUB_CMK } from './rules/dpk-azure-eventhub-cmk';
export { DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS } from './rules/dpk-azure-eventhub-diagnostic-logs';
export { DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION } from './rules/dpk-azure-eventhub-infrastructure-encryption';
export { DPK_AZURE_EVENTHUB_LOCAL_AUTH } from './rules/dpk-azure-eventhub-local-auth';
export { DPK_AZURE_EVENTHUB_PUBLIC_NETWORK } from './rules/dpk-azure-eventhub-public-network';
export { DPK_AZURE_KEY_ROTATION } from './rules/dpk-azure-key-rotation';
export { DPK_AZURE_KEY_VAULT_RBAC } from './rules/dpk-azure-key-vault-rbac';
export { DPK_AZURE_NSG_INTERNET_INBOUND } from './rules/dpk-azure-nsg-internet-inbound';
export { DPK_AZURE_PREVENT_DESTROY } from './rules/dpk-azure-prevent-destroy';
export { DPK_AZURE_PRIVATE_ENDPOINT_DNS } from './rules/dpk-azure-private-endpoint-dns';
export { DPK_AZURE_PRIVILEGED_ROLE_SCOPE } from './rules/dpk-azure-privileged-role-scope';
export { DPK_AZURE_PURVIEW_PUBLIC_NETWORK } from './rules/dpk-azure-purview-public-network';
export { DPK_AZURE_STORAGE_BLOB_LOGS } from './rules/dpk-azure-storage-blob-logs';
export { DPK_AZURE_SYNAPSE_ENTRA_ONLY } from './rules/dpk-azure-synapse-entra-only';
export { DPK_AZURE_SYNAPSE_PUBLIC_NETWORK } from './rules/dpk-azure-synapse-public-network';
export { DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS } from './rules/dpk-azure-data-factory-diagnostic-logs';
export { DPK_AZURE_DATA_FACTORY_FAILURE_ALERT } from './rules/dpk-azure-data-factory-failure-alert';
export { DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET } from './rules/dpk-azure-data-factory-ir-managed-vnet';
export { DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE } from './rules/dpk-azure-synapse-spark-auto-pause';
export { DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES } from './rules/dpk-azure-synapse-spark-session-packages';
