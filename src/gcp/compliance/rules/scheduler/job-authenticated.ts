import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../../core/internal';
import { block, isSet } from '../../private/config';
import { isDefaultServiceAccount } from '../../private/service-accounts';

/**
 * Cloud Scheduler HTTP jobs authenticate as a dedicated service account.
 * @see https://cloud.google.com/scheduler/docs/http-target-auth
 */
export const DPK_GCP_SCHEDULER_AUTHENTICATED: TerraformRule = {
  id: 'DPK_GCP_SCHEDULER_AUTHENTICATED',
  description: 'Cloud Scheduler HTTP jobs authenticate as a dedicated service account.',
  explanation:
    'Cloud Scheduler HTTP jobs call their target with a token of a dedicated service account ' +
    '(`http_target.oauth_token` for Google APIs, `oidc_token` for other endpoints), not ' +
    'anonymously and not as a default service account. Pub/Sub and App Engine targets are not ' +
    'checked. Kit rule (no public id): Checkov and Trivy have no Cloud Scheduler checks. A ' +
    'hardening recommendation (level WARNING): an unauthenticated call can be right for a ' +
    'public webhook.',
  level: RuleLevel.WARNING,
  resourceTypes: ['google_cloud_scheduler_job'],
  check: (r) => {
    const target = block(r.config, 'http_target');
    if (!target) return RuleResult.NOT_APPLICABLE;
    const account = (block(target, 'oauth_token') ?? block(target, 'oidc_token'))?.service_account_email;
    return compliantIf(isSet(account) && !isDefaultServiceAccount(account));
  },
};
