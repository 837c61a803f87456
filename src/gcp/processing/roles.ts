/**
 * Predefined roles a Spark job's identities get, besides the lake's zone roles (`ZONE_ROLES`:
 * read on the source zone, read-write on the target zone, nothing else of the lake).
 *
 * @see https://cloud.google.com/dataproc-serverless/docs/concepts/service-account
 * @see https://cloud.google.com/dataproc-serverless/docs/guides/cmek-serverless
 */
export const PROCESSING_ROLES = {
  /**
   * On the project, to the job's service account: Dataproc Serverless requires it of the workload
   * identity (agents, task leases, logs and metrics, staging). Google's role also carries Cloud
   * Storage object permissions at the level it is granted, so a project-level grant reaches every
   * bucket of the project; see `SparkJobProps.workerRole` to narrow it.
   */
  worker: 'roles/dataproc.worker',
  /** On the job's service account, to whoever submits its batches (`grantSubmit`): act as it. */
  submit: 'roles/iam.serviceAccountUser',
  /**
   * On the job's key, to the Dataproc, Compute Engine and Cloud Storage service agents, so the
   * workload's disks, shuffle and staging data are encrypted with it (CMEK).
   */
  agentKey: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
} as const;
