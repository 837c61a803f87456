/**
 * Predefined roles a pipeline's own identities get. The steps' identities are the jobs' (see
 * `PROCESSING_ROLES` and the lake's `ZONE_ROLES`); the pipeline's identities get no data access.
 *
 * Workflows has no per-workflow IAM policy (its roles are granted on the project), and Dataproc
 * batches have none either; both grants below are therefore project-level, each to a service
 * account used by this pipeline only.
 *
 * @see https://cloud.google.com/workflows/docs/access-control
 * @see https://cloud.google.com/dataproc/docs/concepts/iam/iam
 */
export const ORCHESTRATION_ROLES = {
  /**
   * On the project, to the workflow's service account: create and read Dataproc batches. The
   * narrowest predefined role holding `dataproc.batches.create`; it grants no data access, and a
   * batch can only run as a job service account the workflow may act as.
   */
  batchEditor: 'roles/dataproc.editor',
  /** On each step's job service account, to the workflow's service account: act as it. */
  actAs: 'roles/iam.serviceAccountUser',
  /** On the project, to the workflow's service account: write its call logs to Cloud Logging. */
  logWriter: 'roles/logging.logWriter',
  /** On the project, to the schedule's service account: start workflow executions. */
  invoker: 'roles/workflows.invoker',
  /**
   * On the project with an IAM condition on the workflow's name, to an operator (`grantOperate`):
   * start executions of that workflow and read them.
   */
  operator: ['roles/workflows.invoker', 'roles/workflows.viewer'],
  /** On the key, to the Workflows and Cloud Logging service agents (CMEK for executions and run logs). */
  agentKey: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
} as const;

/** OAuth scope of the token Cloud Scheduler sends to the Workflows executions API. */
export const SCHEDULER_OAUTH_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
