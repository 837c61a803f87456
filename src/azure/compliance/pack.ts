import { AVD_AZU_0061 } from './rules/avd-azu-0061';
import { CKV_AZURE_104 } from './rules/ckv-azure-104';
import { CKV_AZURE_109 } from './rules/ckv-azure-109';
import { CKV_AZURE_110 } from './rules/ckv-azure-110';
import { CKV_AZURE_112 } from './rules/ckv-azure-112';
import { CKV_AZURE_157 } from './rules/ckv-azure-157';
import { CKV_AZURE_189 } from './rules/ckv-azure-189';
import { CKV_AZURE_190 } from './rules/ckv-azure-190';
import { CKV_AZURE_206 } from './rules/ckv-azure-206';
import { CKV_AZURE_223 } from './rules/ckv-azure-223';
import { CKV_AZURE_239 } from './rules/ckv-azure-239';
import { CKV_AZURE_240 } from './rules/ckv-azure-240';
import { CKV_AZURE_241 } from './rules/ckv-azure-241';
import { CKV_AZURE_244 } from './rules/ckv-azure-244';
import { CKV_AZURE_3 } from './rules/ckv-azure-3';
import { CKV_AZURE_34 } from './rules/ckv-azure-34';
import { CKV_AZURE_35 } from './rules/ckv-azure-35';
import { CKV_AZURE_36 } from './rules/ckv-azure-36';
import { CKV_AZURE_39 } from './rules/ckv-azure-39';
import { CKV_AZURE_40 } from './rules/ckv-azure-40';
import { CKV_AZURE_42 } from './rules/ckv-azure-42';
import { CKV_AZURE_44 } from './rules/ckv-azure-44';
import { CKV_AZURE_58 } from './rules/ckv-azure-58';
import { CKV_AZURE_59 } from './rules/ckv-azure-59';
import { CKV2_AZURE_1 } from './rules/ckv2-azure-1';
import { CKV2_AZURE_15 } from './rules/ckv2-azure-15';
import { CKV2_AZURE_31 } from './rules/ckv2-azure-31';
import { CKV2_AZURE_38 } from './rules/ckv2-azure-38';
import { CKV2_AZURE_40 } from './rules/ckv2-azure-40';
import { DPK_AZURE_CONTAINER_SOFT_DELETE } from './rules/dpk-azure-container-soft-delete';
import { DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS } from './rules/dpk-azure-data-factory-diagnostic-logs';
import { DPK_AZURE_DATA_FACTORY_FAILURE_ALERT } from './rules/dpk-azure-data-factory-failure-alert';
import { DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET } from './rules/dpk-azure-data-factory-ir-managed-vnet';
import { DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY } from './rules/dpk-azure-data-factory-managed-identity';
import { DPK_AZURE_DATA_FACTORY_MANAGED_VNET } from './rules/dpk-azure-data-factory-managed-vnet';
import { DPK_AZURE_EVENTHUB_CMK } from './rules/dpk-azure-eventhub-cmk';
import { DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS } from './rules/dpk-azure-eventhub-diagnostic-logs';
import { DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION } from './rules/dpk-azure-eventhub-infrastructure-encryption';
import { DPK_AZURE_EVENTHUB_LOCAL_AUTH } from './rules/dpk-azure-eventhub-local-auth';
import { DPK_AZURE_EVENTHUB_PUBLIC_NETWORK } from './rules/dpk-azure-eventhub-public-network';
import { DPK_AZURE_KEY_ROTATION } from './rules/dpk-azure-key-rotation';
import { DPK_AZURE_KEY_VAULT_RBAC } from './rules/dpk-azure-key-vault-rbac';
import { DPK_AZURE_NSG_INTERNET_INBOUND } from './rules/dpk-azure-nsg-internet-inbound';
import { DPK_AZURE_PREVENT_DESTROY } from './rules/dpk-azure-prevent-destroy';
import { DPK_AZURE_PRIVATE_ENDPOINT_DNS } from './rules/dpk-azure-private-endpoint-dns';
import { DPK_AZURE_PRIVILEGED_ROLE_SCOPE } from './rules/dpk-azure-privileged-role-scope';
import { DPK_AZURE_PURVIEW_PUBLIC_NETWORK } from './rules/dpk-azure-purview-public-network';
import { DPK_AZURE_STORAGE_BLOB_LOGS } from './rules/dpk-azure-storage-blob-logs';
import { DPK_AZURE_SYNAPSE_ENTRA_ONLY } from './rules/dpk-azure-synapse-entra-only';
import { DPK_AZURE_SYNAPSE_PUBLIC_NETWORK } from './rules/dpk-azure-synapse-public-network';
import { DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE } from './rules/dpk-azure-synapse-spark-auto-pause';
import { DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES } from './rules/dpk-azure-synapse-spark-session-packages';
import type { TerraformRule } from '../../core/compliance';

/**
 * The kit's Azure rule pack over synthesized Terraform JSON (azurerm 4.x attribute names), by
 * service. Ids mirror the public Checkov (`CKV_AZURE_*`, `CKV2_AZURE_*`) or Trivy (`AVD-AZU-*`)
 * check each rule implements; `DPK_AZURE_*` rules are the kit's own, where no public check
 * exists or the public one reads an attribute azurerm 4.x no longer has (each rule's doc says
 * which). A missing attribute means azurerm 4.x's default for it.
 *
 * Level ERROR marks a security or data-safety default (public exposure, shared keys, customer-
 * managed keys, recoverability, retention on destroy, privileged roles); WARNING a hardening
 * recommendation (geo-redundancy, HSM keys, key expiry, double encryption, logs).
 *
 * Left out on purpose: "this store has a private endpoint" checks (CKV2_AZURE_32, CKV2_AZURE_33):
 * a lake or vault without the kit's `Network` is private already (public access off), and the
 * endpoints themselves are judged by the private-networking rules; the SAS expiration policy
 * (CKV2_AZURE_41), moot with Shared Key authorization off; Storage Analytics classic logging
 * (CKV_AZURE_33, CKV2_AZURE_21), replaced by diagnostic settings (DPK_AZURE_STORAGE_BLOB_LOGS).
 *
 * @see https://www.checkov.io/5.Policy%20Index/terraform.html
 * @example
 * const report = evaluateTerraform(JSON.parse(fs.readFileSync('cdk.tf.json', 'utf8')), DATA_PLATFORM_RULES);
 */
export const DATA_PLATFORM_RULES: readonly TerraformRule[] = [
  // Storage accounts and containers
  CKV_AZURE_59,
  CKV_AZURE_44,
  CKV_AZURE_3,
  CKV_AZURE_190,
  CKV_AZURE_35,
  CKV_AZURE_36,
  CKV_AZURE_206,
  CKV2_AZURE_1,
  CKV2_AZURE_40,
  CKV_AZURE_244,
  AVD_AZU_0061,
  CKV2_AZURE_38,
  DPK_AZURE_CONTAINER_SOFT_DELETE,
  DPK_AZURE_STORAGE_BLOB_LOGS,
  CKV_AZURE_34,
  // Key Vault and keys
  CKV_AZURE_110,
  CKV_AZURE_42,
  CKV_AZURE_109,
  CKV_AZURE_189,
  DPK_AZURE_KEY_VAULT_RBAC,
  CKV_AZURE_40,
  CKV_AZURE_112,
  DPK_AZURE_KEY_ROTATION,
  // Data safety across services
  DPK_AZURE_PREVENT_DESTROY,
  // Event Hubs
  CKV_AZURE_223,
  DPK_AZURE_EVENTHUB_PUBLIC_NETWORK,
  DPK_AZURE_EVENTHUB_LOCAL_AUTH,
  DPK_AZURE_EVENTHUB_CMK,
  DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION,
  DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS,
  // Synapse
  CKV_AZURE_58,
  CKV_AZURE_157,
  DPK_AZURE_SYNAPSE_PUBLIC_NETWORK,
  DPK_AZURE_SYNAPSE_ENTRA_ONLY,
  CKV_AZURE_239,
  CKV_AZURE_240,
  CKV_AZURE_241,
  DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE,
  DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES,
  // Data Factory
  CKV_AZURE_104,
  DPK_AZURE_DATA_FACTORY_MANAGED_VNET,
  CKV2_AZURE_15,
  DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY,
  DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET,
  DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS,
  DPK_AZURE_DATA_FACTORY_FAILURE_ALERT,
  // Role assignments and definitions
  DPK_AZURE_PRIVILEGED_ROLE_SCOPE,
  CKV_AZURE_39,
  // Private networking
  CKV2_AZURE_31,
  DPK_AZURE_NSG_INTERNET_INBOUND,
  DPK_AZURE_PRIVATE_ENDPOINT_DNS,
  // Purview
  DPK_AZURE_PURVIEW_PUBLIC_NETWORK,
];
