/**
 * Predefined roles a Spark job's identities get, besides the lake's zone roles (`ZONE_ROLES`:
 * read on the source zone, read-write on the target zone, nothing else of the lake).
 *
 * @see https://cloud.google.com/dataproc-serverless/docs/concepts/service-account
 * @see https://cloud.google.com/dataproc-serverless/docs/guides/cmek-serverless
 */
export const PROCESSING_ROLES = {
  /**
   * Google's Dataproc Worker role. Not granted by default: it also carries Cloud Storage object
   * read/write (`storage.objects.*`) at the level it is granted, so a project-level grant reaches
   * every bucket of the project. The kit grants {@link SPARK_WORKER_PERMISSIONS} as a custom role.
   */
  worker: 'roles/dataproc.worker',
  /** On the code bucket, to the job's service account: read the step code. */
  code: 'roles/storage.objectViewer',
  /** On the staging bucket, to the job's service account: stage dependencies and run metadata. */
  staging: 'roles/storage.objectUser',
  /** On the staging bucket, to the job's service account: read the bucket (Dataproc checks it). */
  stagingBucket: 'roles/storage.legacyBucketReader',
  /** On the job's service account, to whoever submits its batches (`grantRun`): act as it. */
  submit: 'roles/iam.serviceAccountUser',
  /**
   * On the job's key, to the Dataproc, Compute Engine and Cloud Storage service agents, so the
   * workload's disks, shuffle and staging data are encrypted with it (CMEK).
   */
  agentKey: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
} as const;

/**
 * The permissions of `roles/dataproc.worker` without its Cloud Storage ones (`storage.buckets.get`,
 * `storage.folders.*`, `storage.managedFolders.*`, `storage.multipartUploads.*`,
 * `storage.objects.*`): what the workload identity of a Dataproc Serverless batch needs on the
 * project (agents, task leases, node pools, logs, metrics, lineage, profiling). The kit grants them
 * as one custom role per project and stack (`google_project_iam_custom_role`), so a job reaches
 * only the buckets it is granted on (its zones, the code and the staging bucket).
 *
 * @see https://cloud.google.com/iam/docs/roles-permissions/dataproc#dataproc.worker (the list of
 *   `roles/dataproc.worker`, as captured on 2026-08-22 by github.com/iann0036/iam-dataset
 *   gcp/roles/dataproc.worker.json)
 */
export const SPARK_WORKER_PERMISSIONS: readonly string[] = [
  'cloudprofiler.profiles.create',
  'cloudprofiler.profiles.update',
  'datalineage.locations.processOpenLineageMessage',
  'dataproc.agents.create',
  'dataproc.agents.delete',
  'dataproc.agents.get',
  'dataproc.agents.list',
  'dataproc.agents.update',
  'dataproc.batches.computeTuningConfig',
  'dataproc.batches.sparkApplicationWrite',
  'dataproc.sessions.sparkApplicationWrite',
  'dataproc.tasks.lease',
  'dataproc.tasks.listInvalidatedLeases',
  'dataproc.tasks.reportStatus',
  'dataprocrm.nodePools.create',
  'dataprocrm.nodePools.delete',
  'dataprocrm.nodePools.deleteNodes',
  'dataprocrm.nodePools.get',
  'dataprocrm.nodePools.list',
  'dataprocrm.nodePools.resize',
  'dataprocrm.nodes.get',
  'dataprocrm.nodes.heartbeat',
  'dataprocrm.nodes.list',
  'dataprocrm.nodes.mintOAuthToken',
  'dataprocrm.operations.get',
  'logging.logEntries.create',
  'logging.logEntries.route',
  'monitoring.metricDescriptors.create',
  'monitoring.metricDescriptors.get',
  'monitoring.metricDescriptors.list',
  'monitoring.monitoredResourceDescriptors.get',
  'monitoring.monitoredResourceDescriptors.list',
  'monitoring.timeSeries.create',
];
