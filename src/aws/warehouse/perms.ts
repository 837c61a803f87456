/** What {@link Warehouse.grantQuery} allows: running queries, never administering the warehouse. */
export interface WarehouseQueryPermissions {
  /** Athena actions on the warehouse's Athena workgroup. */
  readonly athenaActions: readonly string[];
  /** Redshift Serverless actions on the workgroup (temporary database credentials from IAM). */
  readonly redshiftActions: readonly string[];
  /** Actions on the query-results bucket itself. */
  readonly resultsBucketActions: readonly string[];
  /** Actions on the query-results objects (`<bucket ARN>/*`): Athena writes results as the caller. */
  readonly resultsObjectActions: readonly string[];
  /** Actions on the key results are encrypted with. */
  readonly keyActions: readonly string[];
}

/**
 * The one table of what a querying principal may do in the warehouse. Which tables it reads is
 * the catalog's grant (`Catalog.grantRead`), not this one. No `athena:*`, no workgroup or
 * namespace changes, no deletes beyond aborting its own uploads.
 *
 * @see https://docs.aws.amazon.com/athena/latest/ug/example-policies-workgroup.html
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-iam.html
 * @example
 * WAREHOUSE_QUERY_PERMISSIONS.redshiftActions; // ['redshift-serverless:GetCredentials', …]
 */
export const WAREHOUSE_QUERY_PERMISSIONS: WarehouseQueryPermissions = {
  athenaActions: [
    'athena:GetWorkGroup',
    'athena:StartQueryExecution',
    'athena:StopQueryExecution',
    'athena:GetQueryExecution',
    'athena:BatchGetQueryExecution',
    'athena:ListQueryExecutions',
    'athena:GetQueryResults',
    'athena:GetQueryResultsStream',
    'athena:GetQueryRuntimeStatistics',
  ],
  redshiftActions: ['redshift-serverless:GetCredentials', 'redshift-serverless:GetWorkgroup'],
  resultsBucketActions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
  resultsObjectActions: [
    's3:GetObject',
    's3:PutObject',
    's3:AbortMultipartUpload',
    's3:ListMultipartUploadParts',
  ],
  keyActions: ['kms:Decrypt', 'kms:GenerateDataKey'],
};
