import { noBasicRolesRule } from '../../private/families';
import { HIERARCHY_RESOURCES, iamTypesExcept } from '../../private/iam';

/**
 * Basic roles (roles/owner, roles/editor, roles/viewer) are not granted on any resource.
 * @see https://cloud.google.com/iam/docs/roles-overview#basic
 */
export const DPK_GCP_IAM_BASIC_ROLE = noBasicRolesRule({
  id: 'DPK_GCP_IAM_BASIC_ROLE',
  description: 'Basic roles (roles/owner, roles/editor, roles/viewer) are not granted on any resource.',
  explanation:
    'No basic role (Owner, Editor, Viewer) is granted on any other resource either: every ' +
    '`google_*_iam_member` / `_iam_binding` type except the project, folder and organization ' +
    'ones (CKV_GCP_117, CKV_GCP_116, CKV_GCP_115). Kit rule (no public id): Checkov checks ' +
    'the three hierarchy levels only.',
  resourceTypes: iamTypesExcept(...HIERARCHY_RESOURCES),
});
