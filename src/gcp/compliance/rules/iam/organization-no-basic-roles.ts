import { noBasicRolesRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at organization level.
 * @see https://cloud.google.com/iam/docs/roles-overview#basic
 */
export const CKV_GCP_115 = noBasicRolesRule({
  id: 'CKV_GCP_115',
  description: 'Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at organization level.',
  explanation: 'No basic role (Owner, Editor, Viewer) is granted at organization level.',
  resourceTypes: iamTypes('organization'),
});
