import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * BigQuery datasets are never delete_contents_on_destroy (tables are never deleted with the
 * dataset).
 * @see https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#delete_contents_on_destroy-1
 */
export const DPK_GCP_BIGQUERY_DELETE_CONTENTS: TerraformRule = {
  id: 'DPK_GCP_BIGQUERY_DELETE_CONTENTS',
  description:
    'BigQuery datasets are never delete_contents_on_destroy (tables are never deleted with the dataset).',
  explanation:
    'BigQuery datasets are never `delete_contents_on_destroy`: destroying a dataset must fail ' +
    'while it holds tables, rather than delete them. Only a literal `false` or no value ' +
    'passes. Kit rule (no public id): a data-loss guard the public packs do not have.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_bigquery_dataset'],
  check: (r) =>
    compliantIf(
      r.config.delete_contents_on_destroy === undefined || r.config.delete_contents_on_destroy === false,
    ),
};
