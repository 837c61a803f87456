import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { isSet } from '../../private/config';
import { isDefaultServiceAccount } from '../../private/service-accounts';

/**
 * Workflows workflows run as a dedicated service account.
 * @see https://cloud.google.com/workflows/docs/authentication#deploy_a_workflow_with_a_custom_service_account
 */
export const DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT: TerraformRule = {
  id: 'DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT',
  description: 'Workflows workflows run as a dedicated service account.',
  explanation:
    'Workflows run as a dedicated service account (`service_account`): without one they run ' +
    'as the Compute Engine default service account, which often holds the basic Editor role. ' +
    'A reference counts as dedicated. Kit rule (no public id): Checkov and Trivy have no ' +
    'Workflows checks.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_workflows_workflow'],
  check: (r) =>
    compliantIf(isSet(r.config.service_account) && !isDefaultServiceAccount(r.config.service_account)),
};
