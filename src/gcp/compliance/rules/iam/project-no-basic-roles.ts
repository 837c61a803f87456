import { noBasicRolesRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at project level.
 * @see https://cloud.google.com/iam/docs/roles-overview#basic
 */
export const CKV_GCP_117 = noBasicRolesRule({
  id: 'CKV_GCP_117',
  description: 'Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at project level.',
  explanation: 'No basic role (Owner, Editor, Viewer) is granted at project level.',
  resourceTypes: iamTypes('project'),
});
