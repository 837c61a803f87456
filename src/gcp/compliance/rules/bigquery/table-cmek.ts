import {
  compliantIf,
  RuleLevel,
  RuleResult,
  type TerraformRule,
  type TfDocumentView,
} from '../../../../core/internal';
import { block, isSet } from '../../private/config';

/** True when `datasetId` references a dataset of the document that has a default CMEK. */
function datasetHasDefaultKey(datasetId: unknown, doc: TfDocumentView): boolean {
  if (typeof datasetId !== 'string') return false;
  return doc
    .resources('google_bigquery_dataset')
    .some(
      (d) =>
        (datasetId.startsWith(`\${${d.address}.`) || datasetId === d.config.dataset_id) &&
        isSet(block(d.config, 'default_encryption_configuration')?.kms_key_name),
    );
}

/**
 * BigQuery tables are encrypted with a customer-managed key (their own or their dataset's
 * default).
 * @see https://cloud.google.com/bigquery/docs/customer-managed-encryption
 */
export const CKV_GCP_80: TerraformRule = {
  id: 'CKV_GCP_80',
  description:
    "BigQuery tables are encrypted with a customer-managed key (their own or their dataset's default).",
  explanation:
    'BigQuery tables are encrypted with a customer-managed key: their own ' +
    '`encryption_configuration`, or the default key of their dataset when that dataset is in ' +
    'the same document (BigQuery applies it to new tables; Checkov looks at the table only). ' +
    'Not applicable to logical views, which store no data.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_bigquery_table'],
  check: (r, doc) => {
    if (block(r.config, 'view') && !block(r.config, 'materialized_view')) return RuleResult.NOT_APPLICABLE;
    return compliantIf(
      isSet(block(r.config, 'encryption_configuration')?.kms_key_name) ||
        datasetHasDefaultKey(r.config.dataset_id, doc),
    );
  },
};
