import { STATEFUL_RESOURCE_TYPES } from '../../../core/stateful';

/**
 * Resource types that must be retained: core's stateful GCP types except crypto keys, which
 * CKV_GCP_82 covers under its public id.
 */
export const RETAINED_RESOURCE_TYPES: readonly string[] = STATEFUL_RESOURCE_TYPES.gcp.filter(
  (type) => type !== 'google_kms_crypto_key',
);

/** Dataproc Serverless resources: batch workloads and interactive session templates. */
export const DATAPROC_SERVERLESS_TYPES: readonly string[] = [
  'google_dataproc_batch',
  'google_dataproc_session_template',
];

/** Longest automatic rotation period CKV_GCP_43 accepts: 90 days, in seconds. */
export const MAX_ROTATION_SECONDS = 90 * 86_400;

/** Subnet purposes of proxy-only subnets: no VMs, no flow logs, no Private Google Access. */
export const PROXY_ONLY_SUBNET_PURPOSES: readonly unknown[] = [
  'REGIONAL_MANAGED_PROXY',
  'GLOBAL_MANAGED_PROXY',
  'INTERNAL_HTTPS_LOAD_BALANCER',
];

/** Source ranges that mean the whole internet. */
export const INTERNET_RANGES: readonly string[] = ['0.0.0.0/0', '::/0'];
