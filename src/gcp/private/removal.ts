/**
 * The GCP pack's rules that report a resource without `lifecycle.prevent_destroy`; blocks pass
 * them to core's `applyDataRemoval`, which acknowledges them when a user's DESTROY took effect.
 */
export enum PreventDestroyRule {
  /** Buckets, BigQuery datasets and tables, key rings. */
  RETAINED = 'DPK_GCP_PREVENT_DESTROY',
  /** Cloud KMS crypto keys. */
  CRYPTO_KEY = 'CKV_GCP_82',
}
