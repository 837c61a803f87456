import { ZoneAccess } from '../../core/internal';

/** What one {@link ZoneAccess} allows on a zone's catalog database, its tables and the catalog key. */
export interface CatalogPermissions {
  /** Lake Formation permissions on the zone's database. */
  readonly databasePermissions: readonly string[];
  /** Lake Formation permissions on every table of the zone's database (`TableWildcard`). */
  readonly tablePermissions: readonly string[];
  /**
   * Whether the principal gets Lake Formation `DATA_LOCATION_ACCESS` on the zone's registered
   * location (needed to create tables that point into it) and IAM access to the zone's
   * objects (writers write files directly). Readers read through Lake Formation's vended
   * credentials only, so Lake Formation column and row filters cannot be bypassed through S3.
   */
  readonly writesData: boolean;
  /** Glue Data Catalog actions (IAM) on the catalog, the zone's database and its tables. */
  readonly glueActions: readonly string[];
  /** Actions on the key the catalog's metadata is encrypted with (SSE-KMS uses the caller's credentials). */
  readonly catalogKeyActions: readonly string[];
}

const GLUE_READ = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetTableVersion',
  'glue:GetTableVersions',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];

const GLUE_WRITE = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
  'glue:CreateTable',
  'glue:UpdateTable',
  'glue:CreatePartition',
  'glue:BatchCreatePartition',
  'glue:UpdatePartition',
  'glue:BatchUpdatePartition',
];

const READ: CatalogPermissions = {
  databasePermissions: ['DESCRIBE'],
  tablePermissions: ['SELECT', 'DESCRIBE'],
  writesData: false,
  glueActions: GLUE_READ,
  catalogKeyActions: ['kms:Decrypt'],
};

const WRITE: CatalogPermissions = {
  databasePermissions: ['DESCRIBE', 'CREATE_TABLE'],
  tablePermissions: ['INSERT', 'ALTER', 'DESCRIBE'],
  writesData: true,
  glueActions: GLUE_WRITE,
  catalogKeyActions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
};

const union = (...lists: (readonly string[])[]): string[] => [...new Set(lists.flat())];

/**
 * The one table from intent to catalog permissions, for both permission models: Lake Formation
 * grants on the database and its tables (Lake Formation model), Glue actions on the catalog, the
 * database and its tables (both models: Lake Formation still needs the Glue API allowed), and the
 * catalog key. Never `glue:*`, never `ALL` or a grant option. READ_WRITE adds deleting tables and
 * partitions (`DROP`, `DELETE`), as `ZoneAccess.READ_WRITE` deletes objects.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/lf-permissions-reference.html
 * @example
 * CATALOG_PERMISSIONS[ZoneAccess.READ].tablePermissions; // ['SELECT', 'DESCRIBE']
 */
export const CATALOG_PERMISSIONS: Readonly<Record<ZoneAccess, CatalogPermissions>> = {
  [ZoneAccess.READ]: READ,
  [ZoneAccess.WRITE]: WRITE,
  [ZoneAccess.READ_WRITE]: {
    databasePermissions: union(READ.databasePermissions, WRITE.databasePermissions),
    tablePermissions: union(READ.tablePermissions, WRITE.tablePermissions, ['DELETE', 'DROP']),
    writesData: true,
    glueActions: union(READ.glueActions, WRITE.glueActions, [
      'glue:DeleteTable',
      'glue:DeletePartition',
      'glue:BatchDeletePartition',
    ]),
    catalogKeyActions: union(READ.catalogKeyActions, WRITE.catalogKeyActions),
  },
};

/** The Lake Formation action every principal of the Lake Formation model needs (no resource-level permissions). */
export const LAKE_FORMATION_DATA_ACCESS_ACTION = 'lakeformation:GetDataAccess';
