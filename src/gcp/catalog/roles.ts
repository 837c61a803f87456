import { ZoneAccess } from '../../core/blocks';

/**
 * Predefined BigQuery role granted on a zone's dataset (`google_bigquery_dataset_iam_member`)
 * for each access intent.
 *
 * BigQuery has no write-only dataset role: WRITE maps to `roles/bigquery.dataEditor`, which can
 * also read, exactly like READ_WRITE. The catalog says so with a warning
 * (`data-platform-kit:bigQueryWriteIncludesRead`) whenever WRITE is granted. No Cloud KMS role
 * goes with them: BigQuery encrypts and decrypts through its service agent, which the catalog
 * grants on the key itself.
 *
 * @see https://cloud.google.com/bigquery/docs/access-control#bigquery-roles
 */
export const CATALOG_ROLES: Readonly<Record<ZoneAccess, string>> = {
  [ZoneAccess.READ]: 'roles/bigquery.dataViewer',
  [ZoneAccess.WRITE]: 'roles/bigquery.dataEditor',
  [ZoneAccess.READ_WRITE]: 'roles/bigquery.dataEditor',
};

/**
 * Permissions of the custom role the catalog's write grants give on the BigLake connection, so
 * whoever may create tables in a zone may also create BigLake tables over the lake through it:
 * creating a BigLake table needs `bigquery.connections.delegate`, which no narrower predefined
 * role than `roles/bigquery.connectionAdmin` has (`roles/bigquery.connectionUser` lacks it).
 * Reading a BigLake table needs no role on the connection: BigQuery reads the files as the
 * connection's service account.
 * @see https://cloud.google.com/bigquery/docs/create-cloud-storage-table-biglake#required_roles
 */
export const CONNECTION_TABLE_CREATOR_PERMISSIONS: readonly string[] = [
  'bigquery.connections.delegate',
  'bigquery.connections.get',
  'bigquery.connections.use',
];

/**
 * Role on each dataset that the catalog's admin grant gives (`grantAdmin`): full control of the
 * dataset's tables and its IAM policy.
 * @see https://cloud.google.com/bigquery/docs/access-control#bigquery.dataOwner
 */
export const CATALOG_ADMIN_ROLE = 'roles/bigquery.dataOwner';

/** Role on the BigLake connection that the catalog's admin grant gives. */
export const CONNECTION_ADMIN_ROLE = 'roles/bigquery.connectionAdmin';

/**
 * Role on the warehouse project that lets a principal run query jobs there (billing them to the
 * project and, with a reservation, to its slots). Dataset roles alone cannot run a query.
 * @see https://cloud.google.com/bigquery/docs/access-control#bigquery.jobUser
 */
export const JOB_USER_ROLE = 'roles/bigquery.jobUser';

/** Warning id: a WRITE grant on BigQuery also lets the principal read. */
export const WRITE_INCLUDES_READ_WARNING = 'data-platform-kit:bigQueryWriteIncludesRead';
