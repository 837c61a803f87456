import {
  compliantIf,
  RuleLevel,
  RuleResult,
  type TerraformRule,
  type TfDocumentView,
  type TfResource,
} from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/**
 * True when another bucket of the document sends its access logs to `bucket`, by reference
 * (`${google_storage_bucket.<name>.…}`) or by its literal name.
 */
function isLogSink(bucket: TfResource, doc: TfDocumentView): boolean {
  const ref = `\${${bucket.address}.`;
  return doc.resources(bucket.type).some((other) => {
    if (other.address === bucket.address) return false;
    const target = block(other.config, 'logging')?.log_bucket;
    return typeof target === 'string' && (target.startsWith(ref) || target === bucket.config.name);
  });
}

/**
 * True when the document turns on Cloud Audit Logs data-access logs (DATA_READ and DATA_WRITE)
 * for Cloud Storage (`google_project_iam_audit_config` for `storage.googleapis.com` or
 * `allServices`): every object read and write is then logged, the record usage logs would keep.
 */
function hasStorageDataAccessLogs(doc: TfDocumentView): boolean {
  return doc.resources('google_project_iam_audit_config').some((c) => {
    if (c.config.service !== 'storage.googleapis.com' && c.config.service !== 'allServices') return false;
    const raw = c.config.audit_log_config;
    const types = (Array.isArray(raw) ? raw : [raw]).map(
      (x) => (x as { log_type?: unknown } | undefined)?.log_type,
    );
    return types.includes('DATA_READ') && types.includes('DATA_WRITE');
  });
}

/**
 * Cloud Storage buckets log access: to a log bucket (log buckets themselves excepted) or through
 * data-access audit logs.
 * @see https://cloud.google.com/storage/docs/access-logs
 */
export const CKV_GCP_62: TerraformRule = {
  id: 'CKV_GCP_62',
  description:
    'Cloud Storage buckets log access: to a log bucket (log buckets themselves excepted) or through data-access audit logs.',
  explanation:
    'Cloud Storage buckets log access: usage logs to a log bucket, or Cloud Audit Logs ' +
    "data-access logs for Cloud Storage turned on in the same document (the kit's default, " +
    'since usage logs need a grant to `cloud-storage-analytics@google.com` that ' +
    "domain-restricted organizations reject). Like cdk-nag's AwsSolutions-S1, a bucket that " +
    'receives the access logs of other buckets in the same document is not checked: it cannot ' +
    'log to itself (CKV_GCP_63), and logging it to a third bucket would only move the ' +
    'question. Checkov itself flags such a bucket.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r, doc) =>
    isLogSink(r, doc)
      ? RuleResult.NOT_APPLICABLE
      : compliantIf(isSet(block(r.config, 'logging')?.log_bucket) || hasStorageDataAccessLogs(doc)),
};
