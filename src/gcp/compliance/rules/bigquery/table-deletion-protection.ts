import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';

/**
 * BigQuery tables have deletion protection enabled.
 * @see https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table#deletion_protection-1
 */
export const CKV_GCP_121: TerraformRule = {
  id: 'CKV_GCP_121',
  description: 'BigQuery tables have deletion protection enabled.',
  explanation:
    "BigQuery tables keep the provider's `deletion_protection` (on unless set to false), so " +
    'Terraform refuses to delete or replace them.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_bigquery_table'],
  check: (r) =>
    compliantIf(r.config.deletion_protection === undefined || r.config.deletion_protection === true),
};
