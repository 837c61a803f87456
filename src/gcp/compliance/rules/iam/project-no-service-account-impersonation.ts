import { compliantIf, RuleLevel, type TerraformRule } from '../../../../core/internal';
import { IMPERSONATION_ROLES, iamTypes } from '../../private/iam';

/**
 * Service Account User / Token Creator are not granted at project level.
 * @see https://cloud.google.com/iam/docs/service-account-permissions
 */
export const CKV_GCP_41: TerraformRule = {
  id: 'CKV_GCP_41',
  description: 'Service Account User / Token Creator are not granted at project level.',
  explanation:
    'Nobody is granted Service Account User or Service Account Token Creator at project ' +
    'level: it would let them act as every service account of the project. Grant it on one ' +
    'service account instead. CIS GCP 1.6.',
  level: RuleLevel.ERROR,
  resourceTypes: iamTypes('project'),
  check: (r) => compliantIf(!IMPERSONATION_ROLES.includes(r.config.role)),
};
