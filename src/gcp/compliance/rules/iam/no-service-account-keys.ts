import { RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';

/**
 * Service accounts have only Google-managed keys (no google_service_account_key).
 * @see https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys
 */
export const CKV2_GCP_3: TerraformRule = {
  id: 'CKV2_GCP_3',
  description: 'Service accounts have only Google-managed keys (no google_service_account_key).',
  explanation:
    'No user-managed service account keys (`google_service_account_key`): a key file is a ' +
    'long-lived credential that leaks. Use attached service accounts, impersonation or ' +
    'workload identity federation. CIS GCP 1.4.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_service_account_key'],
  check: () => RuleResult.NON_COMPLIANT,
};
