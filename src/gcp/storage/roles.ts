import { ZoneAccess } from '../../core/blocks';

/**
 * Predefined Cloud Storage role granted on a zone's bucket for each access intent.
 *
 * No Cloud KMS role goes with them: Cloud Storage encrypts and decrypts through the project's
 * storage service agent, which the lake grants on the key itself, so callers need no key
 * permission (least privilege). On GCP, WRITE is create-only: `roles/storage.objectCreator`
 * cannot overwrite or delete an existing object; use READ_WRITE for that.
 *
 * @see https://cloud.google.com/storage/docs/access-control/iam-roles
 */
export const ZONE_ROLES: Readonly<Record<ZoneAccess, string>> = {
  [ZoneAccess.READ]: 'roles/storage.objectViewer',
  [ZoneAccess.WRITE]: 'roles/storage.objectCreator',
  [ZoneAccess.READ_WRITE]: 'roles/storage.objectUser',
};

/** The identity Cloud Storage writes usage and storage logs as. */
export const STORAGE_ANALYTICS_MEMBER = 'group:cloud-storage-analytics@google.com';

/** Role the log writer gets on the log bucket (required with uniform bucket-level access). */
export const LOG_WRITER_ROLE = 'roles/storage.objectCreator';
