import { noBasicRolesRule } from '../../private/families';
import { iamTypes } from '../../private/iam';

/**
 * Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at folder level.
 * @see https://cloud.google.com/iam/docs/roles-overview#basic
 */
export const CKV_GCP_116 = noBasicRolesRule({
  id: 'CKV_GCP_116',
  description: 'Basic roles (roles/owner, roles/editor, roles/viewer) are not granted at folder level.',
  explanation: 'No basic role (Owner, Editor, Viewer) is granted at folder level.',
  resourceTypes: iamTypes('folder'),
});
