import {
  AVD_AZU_0061,
  CKV2_AZURE_1,
  CKV2_AZURE_15,
  CKV2_AZURE_31,
  CKV2_AZURE_38,
  CKV2_AZURE_40,
  CKV_AZURE_104,
  CKV_AZURE_109,
  CKV_AZURE_110,
  CKV_AZURE_112,
  CKV_AZURE_157,
  CKV_AZURE_189,
  CKV_AZURE_190,
  CKV_AZURE_206,
  CKV_AZURE_223,
  CKV_AZURE_239,
  CKV_AZURE_240,
  CKV_AZURE_241,
  CKV_AZURE_244,
  CKV_AZURE_3,
  CKV_AZURE_34,
  CKV_AZURE_35,
  CKV_AZURE_36,
  CKV_AZURE_39,
  CKV_AZURE_40,
  CKV_AZURE_42,
  CKV_AZURE_44,
  CKV_AZURE_58,
  CKV_AZURE_59,
  DPK_AZURE_CONTAINER_SOFT_DELETE,
  DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS,
  DPK_AZURE_DATA_FACTORY_FAILURE_ALERT,
  DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET,
  DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY,
  DPK_AZURE_DATA_FACTORY_MANAGED_VNET,
  DPK_AZURE_EVENTHUB_CMK,
  DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS,
  DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION,
  DPK_AZURE_EVENTHUB_LOCAL_AUTH,
  DPK_AZURE_EVENTHUB_PUBLIC_NETWORK,
  DPK_AZURE_KEY_ROTATION,
  DPK_AZURE_KEY_VAULT_RBAC,
  DPK_AZURE_NSG_INTERNET_INBOUND,
  DPK_AZURE_PREVENT_DESTROY,
  DPK_AZURE_PRIVATE_ENDPOINT_DNS,
  DPK_AZURE_PRIVILEGED_ROLE_SCOPE,
  DPK_AZURE_PURVIEW_PUBLIC_NETWORK,
  DPK_AZURE_STORAGE_BLOB_LOGS,
  DPK_AZURE_SYNAPSE_ENTRA_ONLY,
  DPK_AZURE_SYNAPSE_PUBLIC_NETWORK,
  DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE,
  DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES,
} from './rules';
import type { PackSection, TerraformRule } from '../../core/internal';

/** The pack's rules by service, in the order `docs/rules/azure.md` lists them. */
export const PACK_SECTIONS: readonly PackSection<TerraformRule>[] = [
  {
    title: 'Storage accounts and containers',
    rules: [
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
    ],
  },
  {
    title: 'Key Vault and keys',
    rules: [
      CKV_AZURE_110,
      CKV_AZURE_42,
      CKV_AZURE_109,
      CKV_AZURE_189,
      DPK_AZURE_KEY_VAULT_RBAC,
      CKV_AZURE_40,
      CKV_AZURE_112,
      DPK_AZURE_KEY_ROTATION,
    ],
  },
  {
    title: 'Data safety across services',
    rules: [DPK_AZURE_PREVENT_DESTROY],
  },
  {
    title: 'Event Hubs',
    rules: [
      CKV_AZURE_223,
      DPK_AZURE_EVENTHUB_PUBLIC_NETWORK,
      DPK_AZURE_EVENTHUB_LOCAL_AUTH,
      DPK_AZURE_EVENTHUB_CMK,
      DPK_AZURE_EVENTHUB_INFRASTRUCTURE_ENCRYPTION,
      DPK_AZURE_EVENTHUB_DIAGNOSTIC_LOGS,
    ],
  },
  {
    title: 'Synapse',
    rules: [
      CKV_AZURE_58,
      CKV_AZURE_157,
      DPK_AZURE_SYNAPSE_PUBLIC_NETWORK,
      DPK_AZURE_SYNAPSE_ENTRA_ONLY,
      CKV_AZURE_239,
      CKV_AZURE_240,
      CKV_AZURE_241,
      DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE,
      DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES,
    ],
  },
  {
    title: 'Data Factory',
    rules: [
      CKV_AZURE_104,
      DPK_AZURE_DATA_FACTORY_MANAGED_VNET,
      CKV2_AZURE_15,
      DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY,
      DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET,
      DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS,
      DPK_AZURE_DATA_FACTORY_FAILURE_ALERT,
    ],
  },
  {
    title: 'Role assignments and definitions',
    rules: [DPK_AZURE_PRIVILEGED_ROLE_SCOPE, CKV_AZURE_39],
  },
  {
    title: 'Private networking',
    rules: [CKV2_AZURE_31, DPK_AZURE_NSG_INTERNET_INBOUND, DPK_AZURE_PRIVATE_ENDPOINT_DNS],
  },
  {
    title: 'Purview',
    rules: [DPK_AZURE_PURVIEW_PUBLIC_NETWORK],
  },
];

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
export const DATA_PLATFORM_RULES: readonly TerraformRule[] = PACK_SECTIONS.flatMap((s) => s.rules);
