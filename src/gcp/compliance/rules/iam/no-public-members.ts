import { noPublicMembersRule } from '../../private/families';
import { iamTypesExcept, RESOURCES_WITH_PUBLIC_ID } from '../../private/iam';

/**
 * No IAM member or binding grants to allUsers or allAuthenticatedUsers.
 * @see https://cloud.google.com/iam/docs/principal-identifiers
 */
export const DPK_GCP_IAM_PUBLIC_MEMBER = noPublicMembersRule({
  id: 'DPK_GCP_IAM_PUBLIC_MEMBER',
  description: 'No IAM member or binding grants to allUsers or allAuthenticatedUsers.',
  explanation:
    'No IAM grant on any other resource goes to a public principal: every ' +
    '`google_*_iam_member` / `_iam_binding` type (projects, Pub/Sub subscriptions, service ' +
    'accounts, secrets, …) except those with their own public id, so one grant is reported ' +
    'once. Kit rule (no public id): Checkov has per-service ids only.',
  resourceTypes: iamTypesExcept(...RESOURCES_WITH_PUBLIC_ID),
});
