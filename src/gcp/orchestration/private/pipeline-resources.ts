import { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import type { Construct } from 'constructs';
import type { ITerraformDependable } from '../../../terraform';
import { type IPrincipal, Principal } from '../../iam/principal';
import { dependsOnAll } from '../../private/project-services';
import type { SparkJob } from '../../processing/spark-job';
import { ORCHESTRATION_ROLES, SCHEDULER_OAUTH_SCOPE } from '../roles';

/** Who a pipeline's own identities are and what they are made of. */
export interface PipelineIdentitiesSpec {
  readonly project?: string;
  readonly projectId: string;
  readonly platform: string;
  readonly pipeline: string;
  readonly workflowAccountId: string;
  readonly schedulerAccountId: string;
  readonly jobs: readonly SparkJob[];
  readonly apiServices: readonly ProjectService[];
}

/** The workflow's and the schedule's service accounts and their grants. */
export interface PipelineIdentities {
  readonly workflowServiceAccount: ServiceAccount;
  readonly workflowPrincipal: IPrincipal;
  readonly batchEditorGrant: ProjectIamMember;
  readonly logWriterGrant: ProjectIamMember;
  readonly actAsGrants: readonly ServiceAccountIamMember[];
  readonly schedulerServiceAccount: ServiceAccount;
  readonly schedulerPrincipal: IPrincipal;
  readonly invokerGrant: ProjectIamMember;
}

/**
 * The workflow's service account (`roles/dataproc.editor` and `roles/logging.logWriter` on the
 * project, `roles/iam.serviceAccountUser` on each job's service account) and the schedule's
 * (`roles/workflows.invoker` on the project). Neither has keys nor any data access.
 */
export function newPipelineIdentities(scope: Construct, spec: PipelineIdentitiesSpec): PipelineIdentities {
  const account = (id: string, accountId: string, verb: string) =>
    new ServiceAccount(scope, id, {
      project: spec.project,
      accountId,
      displayName: `${spec.platform} ${spec.pipeline} pipeline (${verb.toLowerCase()})`,
      description: `${verb} the ${spec.pipeline} pipeline of the ${spec.platform} data platform.`,
      dependsOn: dependsOnAll(spec.apiServices),
    });
  const grant = (id: string, role: string, principal: IPrincipal) =>
    new ProjectIamMember(scope, id, { project: spec.projectId, role, member: principal.iamMember });

  const workflowServiceAccount = account('WorkflowServiceAccount', spec.workflowAccountId, 'Runs');
  const workflowPrincipal = Principal.fromServiceAccount(workflowServiceAccount);
  const schedulerServiceAccount = account('SchedulerServiceAccount', spec.schedulerAccountId, 'Starts');
  const schedulerPrincipal = Principal.fromServiceAccount(schedulerServiceAccount);
  return {
    workflowServiceAccount,
    workflowPrincipal,
    batchEditorGrant: grant('BatchEditor', ORCHESTRATION_ROLES.batchEditor, workflowPrincipal),
    logWriterGrant: grant('LogWriter', ORCHESTRATION_ROLES.logWriter, workflowPrincipal),
    actAsGrants: spec.jobs.map((job) => job.grantRun(workflowPrincipal)),
    schedulerServiceAccount,
    schedulerPrincipal,
    invokerGrant: grant('Invoker', ORCHESTRATION_ROLES.invoker, schedulerPrincipal),
  };
}

/** The schedule's settings and what it calls. */
export interface ScheduleSpec {
  readonly project?: string;
  readonly region: string;
  readonly name: string;
  readonly description: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly paused: boolean;
  readonly attemptDeadlineSeconds: number;
  readonly retryCount: number;
  readonly minBackoffSeconds: number;
  readonly maxBackoffSeconds: number;
  /** The workflow's id, `projects/{project}/locations/{region}/workflows/{name}`. */
  readonly workflowId: string;
  readonly serviceAccountEmail: string;
  readonly dependsOn: readonly ITerraformDependable[];
}

/**
 * A Cloud Scheduler job that starts an execution of the workflow (`POST …/executions` on the
 * Workflows executions API) with an OAuth token of the schedule's service account, retrying an
 * attempt the API did not accept.
 */
export function newSchedule(scope: Construct, spec: ScheduleSpec): CloudSchedulerJob {
  return new CloudSchedulerJob(scope, 'Schedule', {
    project: spec.project,
    region: spec.region,
    name: spec.name,
    description: spec.description,
    schedule: spec.cron,
    timeZone: spec.timeZone,
    paused: spec.paused,
    attemptDeadline: `${spec.attemptDeadlineSeconds}s`,
    retryConfig: {
      retryCount: spec.retryCount,
      minBackoffDuration: `${spec.minBackoffSeconds}s`,
      maxBackoffDuration: `${spec.maxBackoffSeconds}s`,
    },
    httpTarget: {
      uri: `https://workflowexecutions.googleapis.com/v1/${spec.workflowId}/executions`,
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/json' },
      // An execution without arguments: `{}`.
      body: Buffer.from('{}').toString('base64'),
      oauthToken: { serviceAccountEmail: spec.serviceAccountEmail, scope: SCHEDULER_OAUTH_SCOPE },
    },
    dependsOn: [...spec.dependsOn],
  });
}
