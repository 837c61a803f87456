import type { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import type { DataGoogleLoggingProjectCmekSettings } from '@cdktf/provider-google/lib/data-google-logging-project-cmek-settings';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import type { LoggingProjectExclusion } from '@cdktf/provider-google/lib/logging-project-exclusion';
import type { LoggingProjectSink } from '@cdktf/provider-google/lib/logging-project-sink';
import type { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import type { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import type { WorkflowsWorkflow } from '@cdktf/provider-google/lib/workflows-workflow';
import type { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import { type PipelineProps, type PipelineSchedule, WorkflowCallLogLevel } from './pipeline-types';
import { ORCHESTRATION_ROLES } from './roles';
import { ErrorCode, ValidationError } from '../../core/errors';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import type { IPrincipal } from '../iam/principal';
import { grantSuffix } from '../private/members';
import { type PipelineConfig, resolvePipelineConfig } from './private/pipeline-config';
import { newRunLogs, type RunLogs } from './private/pipeline-monitoring';
import { newPipelineIdentities, type PipelineIdentities } from './private/pipeline-resources';
import {
  createAlerts,
  createDefaultBucketExclusion,
  createSchedule,
  createWorkflow,
  unique,
} from './private/pipeline-run';
import { createBucketGrants, createJobs, createStepCode, newPipelineBucket } from './private/pipeline-steps';
import { enableApis, GoogleApi, ProjectServices } from '../private/project-services';
import { retainData } from '../private/removal';
import { serviceAgent, ServiceAgent, serviceAgentMember } from '../private/service-agents';
import { daysToSeconds } from '../private/units';
import type { SparkJob } from '../processing/spark-job';
import type { IEncryptionKey } from '../security/encryption-key';

/** The APIs a pipeline uses, enabled in this order (each shared in the stack). */
const PIPELINE_APIS = [
  GoogleApi.IAM,
  GoogleApi.WORKFLOWS,
  GoogleApi.CLOUD_SCHEDULER,
  GoogleApi.LOGGING,
  GoogleApi.MONITORING,
] as const;

/** The APIs a pipeline waits for, by what needs them (each shared in the stack). */
interface PipelineApis {
  readonly iam: readonly ProjectService[];
  readonly workflows: readonly ProjectService[];
  readonly scheduler: readonly ProjectService[];
  readonly logging: readonly ProjectService[];
  readonly monitoring: readonly ProjectService[];
  /** The APIs the pipeline's own resources after the jobs wait for. */
  readonly afterJobs: readonly ProjectService[];
}

/**
 * A scheduled batch pipeline: ordered steps, each a Spark job on Dataproc Serverless that reads one
 * zone of the lake and writes another, run in order by a Workflows workflow that Cloud Scheduler
 * starts, with alerts on failure and its run logs kept.
 *
 * Each step is a {@link SparkJob} (`jobs`) with its own service account, granted read on its
 * source zone and read-write on its target zone only. The workflow creates each step's batch
 * through the Dataproc connector, polls it until SUCCEEDED, submits a FAILED or CANCELLED batch
 * again (a new batch) up to `maxAttempts`, fails a step still running past its timeout, and only
 * then starts the next step; a step that does not succeed fails the execution.
 *
 * Secure defaults: the workflow, its executions, the run-log bucket and every batch are encrypted
 * with the lake's key (CMEK); the workflow runs as its own service account with
 * `roles/dataproc.editor` and `roles/logging.logWriter` on the project and
 * `roles/iam.serviceAccountUser` on each step's service account only (no data access of its own);
 * Cloud Scheduler calls the Workflows API with an OAuth token of a second service account that
 * holds `roles/workflows.invoker` only (Workflows has no per-workflow IAM, so that role is
 * project-level; the account serves this schedule alone). No service account has keys. An alert
 * policy fires on any FAILED execution (failed or timed-out step) and another when the schedule
 * cannot start a run, both to `notificationTarget`; the run logs (workflow, schedule, batches) are
 * routed to the pipeline's own CMEK log bucket and kept `logRetentionDays` (365), retained on
 * delete unless DESTROY is requested and allowed by the `data-platform-kit:removeDataOnDestroy` flag.
 *
 * Deployable as is: the Workflows service agent and the project's Cloud Logging service account are
 * granted `roles/cloudkms.cryptoKeyEncrypterDecrypter` before the workflow and the log bucket
 * exist; the schedule is created only after every grant a run needs (the steps' service agents'
 * key grants included), so the first run cannot beat its permissions. The Workflows, Cloud
 * Scheduler, Cloud Logging, Cloud Monitoring, Dataproc, Compute Engine and IAM APIs are enabled
 * first. Prerequisites: the Workflows service agent must exist before its key grant (it is made on
 * first use; create it with `gcloud beta services identity create --service=workflows.googleapis.com`);
 * the deployer needs `roles/workflows.admin`, `roles/cloudscheduler.admin`,
 * `roles/iam.serviceAccountAdmin`, `roles/iam.serviceAccountUser` (to attach the two service
 * accounts), `roles/resourcemanager.projectIamAdmin`, `roles/logging.admin`,
 * `roles/monitoring.alertPolicyEditor`, the key's IAM admin role and, while `enableApis` is on,
 * `roles/serviceusage.serviceUsageAdmin`. Runs that overlap (a run longer than the schedule's
 * interval) are not prevented.
 *
 * @see https://cloud.google.com/workflows/docs/use-cmek
 * @see https://cloud.google.com/workflows/docs/reference/googleapis/dataproc/Overview
 * @see https://cloud.google.com/scheduler/docs/http-target-auth
 * @example
 * const pipeline = new Pipeline(stack, 'Daily', {
 *   platformName: 'sales', pipelineName: 'daily', lake, network, notificationTarget: alerts,
 *   schedule: { cron: '0 3 * * *', timeZone: 'Europe/Brussels' },
 *   steps: [
 *     { name: 'clean', sourceZone: 'raw', targetZone: 'curated', mainPythonFileUri: 'gs://acme-code/clean.py' },
 *     { name: 'publish', sourceZone: 'curated', targetZone: 'serving', mainPythonFileUri: 'gs://acme-code/publish.py' },
 *   ],
 * });
 */
export class Pipeline extends Construct {
  /** Time zone a schedule's cron is read in. */
  public static readonly DEFAULT_TIME_ZONE = 'Etc/UTC';
  /** When a pipeline runs: every day at 02:00 UTC. */
  public static readonly DEFAULT_SCHEDULE: Required<PipelineSchedule> = {
    cron: '0 2 * * *',
    timeZone: Pipeline.DEFAULT_TIME_ZONE,
  };
  /** Whether the schedule starts paused when the stack deploys every step's code (else it is paused). */
  public static readonly DEFAULT_PAUSED = false;
  /** Days deleted objects of the code and staging buckets stay restorable (soft delete). */
  public static readonly BUCKET_SOFT_DELETE_DAYS = 7;
  /** Days Dataproc's staging objects are kept. */
  public static readonly STAGING_RETENTION_DAYS = 30;
  /** Seconds fresh grants are given to propagate before their first consumer. */
  public static readonly GRANT_PROPAGATION_SECONDS = 60;
  /** Attempts per step. */
  public static readonly DEFAULT_MAX_ATTEMPTS = 3;
  /** Seconds between a failed attempt and the next. */
  public static readonly DEFAULT_RETRY_DELAY_SECONDS = 300;
  /** Seconds between two looks at a running batch. */
  public static readonly DEFAULT_POLL_INTERVAL_SECONDS = 60;
  /** Days run logs are kept. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS = 365;
  /** Call logging of workflow executions. */
  public static readonly DEFAULT_CALL_LOG_LEVEL = WorkflowCallLogLevel.LOG_ERRORS_ONLY;
  /** Hours before an incident that stopped reporting closes. */
  public static readonly DEFAULT_ALERT_AUTO_CLOSE_HOURS = 24;
  /** Whether the kit enables the APIs the pipeline uses. */
  public static readonly DEFAULT_ENABLE_APIS = true;
  /** Steps a pipeline may have: 1 to 20, kit policy (the workflow source stays under its size limit). */
  public static readonly STEPS_RANGE = { min: 1, max: 20 } as const;
  /** Minutes the workflow waits for a batch beyond its own timeout (start-up and tear-down). */
  public static readonly RUN_TIMEOUT_MARGIN_MINUTES = 15;
  /** Retries of a schedule attempt that could not reach the Workflows API, and their backoff. */
  public static readonly SCHEDULER_RETRY_COUNT = 3;
  public static readonly SCHEDULER_MIN_BACKOFF_SECONDS = 30;
  public static readonly SCHEDULER_MAX_BACKOFF_SECONDS = 300;
  /** Seconds Cloud Scheduler waits for the Workflows API to accept an execution. */
  public static readonly SCHEDULER_ATTEMPT_DEADLINE_SECONDS = 180;

  /** The pipeline name. */
  public readonly pipelineName: string;
  /** The workflow's name (what operators' IAM conditions name). */
  public readonly workflowName: string;
  /** The region of the workflow, schedule, log bucket and batches (the network's). */
  public readonly region: string;
  /** The project, or undefined for the provider's project. */
  public readonly project?: string;
  /** The key of the workflow, its executions, the log bucket and the batches. */
  public readonly encryptionKey: IEncryptionKey;
  /** One Spark job per step, in order. */
  public readonly jobs: readonly SparkJob[];
  /** The workflow's `google_service_account`, and it as a principal. */
  public readonly workflowServiceAccount: ServiceAccount;
  public readonly workflowPrincipal: IPrincipal;
  /** The schedule's `google_service_account`, and it as a principal. */
  public readonly schedulerServiceAccount: ServiceAccount;
  public readonly schedulerPrincipal: IPrincipal;
  /** The workflow's `roles/dataproc.editor` and `roles/logging.logWriter` on the project. */
  public readonly batchEditorGrant: ProjectIamMember;
  public readonly logWriterGrant: ProjectIamMember;
  /** The workflow's `roles/iam.serviceAccountUser` on each step's service account, in step order. */
  public readonly actAsGrants: readonly ServiceAccountIamMember[];
  /** The schedule's `roles/workflows.invoker` on the project. */
  public readonly invokerGrant: ProjectIamMember;
  /** The `data.google_project` the Cloud Storage agent's email is built from (no `depends_on`). */
  public readonly projectData: DataGoogleProject;
  /** The Workflows service agent, created with `google_project_service_identity` (google-beta). */
  public readonly workflowsIdentity: GoogleProjectServiceIdentity;
  /**
   * The CMEK bucket the steps' code is uploaded to (`SparkJobScript.fromAsset`); only the
   * deployer writes it, the steps read it. Undefined when no step uploads code.
   */
  public readonly codeBucket?: StorageBucket;
  /** The uploaded step code, by step name. */
  public readonly scripts: Readonly<Record<string, StorageBucketObject>>;
  /** The CMEK bucket Dataproc stages the batches' dependencies and run metadata in. */
  public readonly stagingBucket: StorageBucket;
  /** The steps' grants on the code and staging buckets. */
  public readonly bucketGrants: readonly StorageBucketIamMember[];
  /** Whether the schedule was created paused. */
  public readonly paused: boolean;
  /** The `google_logging_project_exclusion` keeping the run logs out of the `_Default` bucket. */
  public readonly defaultBucketExclusion: LoggingProjectExclusion;
  /** The waits between grants and their first consumers (key users, the schedule). */
  public readonly keyGrantWait: Sleep;
  public readonly runGrantWait: Sleep;
  /** The Workflows service agent's grant on the key; the workflow depends on it. */
  public readonly workflowsAgentKeyGrant: KmsCryptoKeyIamMember;
  /** The `google_workflows_workflow`. */
  public readonly workflow: WorkflowsWorkflow;
  /** The `google_cloud_scheduler_job` that starts the runs. */
  public readonly schedulerJob: CloudSchedulerJob;
  /** The project's Cloud Logging CMEK settings lookup, and its service account's key grant. */
  public readonly loggingSettings: DataGoogleLoggingProjectCmekSettings;
  public readonly loggingAgentKeyGrant: KmsCryptoKeyIamMember;
  /** The run-log `google_logging_project_bucket_config`, and the sink routing into it. */
  public readonly logBucket: LoggingProjectBucketConfig;
  public readonly logSink: LoggingProjectSink;
  /** The failed-run and failed-schedule `google_monitoring_alert_policy`s. */
  public readonly runFailedAlert: MonitoringAlertPolicy;
  public readonly scheduleFailedAlert: MonitoringAlertPolicy;
  /** The `google_project_service` resources the pipeline waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  /** The pipeline's identity, key, settings and names, resolved before any resource. */
  private readonly config: PipelineConfig;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    this.config = resolvePipelineConfig(this, props, Pipeline);
    this.pipelineName = this.config.pipelineName;
    this.project = this.config.project;
    this.region = this.config.region;
    this.encryptionKey = this.config.encryptionKey;
    this.workflowName = this.config.names.workflow;
    this.paused = this.config.settings.paused;
    const apis = this.createApis();
    this.projectData = this.createProjectData();
    const storageKeyWait = this.createStorageKeyWait();
    this.stagingBucket = this.createBucket('staging', storageKeyWait);
    const code = createStepCode(this, props.steps, () => this.createBucket('code', storageKeyWait));
    this.codeBucket = code.codeBucket;
    this.scripts = code.scripts;
    this.jobs = createJobs(this, this.config, props, code.runtimes, this.stagingBucket);
    this.apiServices = unique([...this.jobs.flatMap((j) => j.apiServices), ...apis.afterJobs]);
    const ids = this.createIdentities(apis.iam);
    this.workflowServiceAccount = ids.workflowServiceAccount;
    this.workflowPrincipal = ids.workflowPrincipal;
    this.batchEditorGrant = ids.batchEditorGrant;
    this.logWriterGrant = ids.logWriterGrant;
    this.actAsGrants = ids.actAsGrants;
    this.schedulerServiceAccount = ids.schedulerServiceAccount;
    this.schedulerPrincipal = ids.schedulerPrincipal;
    this.invokerGrant = ids.invokerGrant;
    this.bucketGrants = createBucketGrants(this, this.jobs, this.stagingBucket, this.codeBucket);
    this.workflowsIdentity = this.createWorkflowsIdentity();
    this.workflowsAgentKeyGrant = this.createWorkflowsAgentKeyGrant();
    this.keyGrantWait = this.createKeyGrantWait();
    this.workflow = createWorkflow(this, this.config, props.steps, Pipeline, apis.workflows);
    this.runGrantWait = this.createRunGrantWait();
    this.schedulerJob = createSchedule(this, this.config, Pipeline, apis.scheduler);
    const logs = this.createRunLogs(apis.logging);
    this.loggingSettings = logs.settings;
    this.loggingAgentKeyGrant = logs.keyGrant;
    this.logBucket = logs.bucket;
    this.logSink = logs.sink;
    this.defaultBucketExclusion = createDefaultBucketExclusion(this, this.config);
    const alerts = createAlerts(this, this.config, props.notificationTarget, apis.monitoring);
    this.runFailedAlert = alerts.runFailed;
    this.scheduleFailedAlert = alerts.scheduleFailed;
    retainData(this, this.config.removal, [this.logBucket, this.stagingBucket, ...this.codeBuckets()]);
  }

  /**
   * Makes the schedule wait for `grants` (given to the steps after the pipeline was built, e.g.
   * catalog grants to create tables) and their propagation, so the first run cannot beat them.
   */
  public waitBeforeFirstRun(id: string, grants: readonly ITerraformDependable[]): Sleep {
    const wait = propagationWait(this, `${id}Wait`, grants, Pipeline.GRANT_PROPAGATION_SECONDS);
    this.schedulerJob.dependsOn = [...(this.schedulerJob.dependsOn ?? []), wait.fqn];
    return wait;
  }

  /**
   * Lets `principal` start this pipeline and read its runs: `roles/workflows.invoker` and
   * `roles/workflows.viewer` on the project, each with an IAM condition limiting it to this
   * pipeline's workflow (Workflows has no per-workflow IAM policy). Granting twice returns the
   * first resources.
   */
  public grantOperate(principal: IPrincipal): ProjectIamMember[] {
    const suffix = grantSuffix(this, principal);
    const workflowResource = `projects/${this.config.projectId}/locations/${this.region}/workflows/${this.workflowName}`;
    return ORCHESTRATION_ROLES.operator.map((role, i) => {
      const id = `Operate${i === 0 ? 'Invoker' : 'Viewer'}${suffix}`;
      return (
        (this.node.tryFindChild(id) as ProjectIamMember | undefined) ??
        new ProjectIamMember(this, id, {
          project: this.config.projectId,
          role,
          member: principal.iamMember,
          condition: {
            title: `${this.pipelineName} pipeline only`,
            expression: `resource.name == "${workflowResource}"`,
          },
        })
      );
    });
  }

  /** The job of step `name`; throws `DPK_INVALID_NAME` for a step the pipeline does not have. */
  public jobFor(name: string): SparkJob {
    const job = this.jobs.find((j) => j.jobName === name);
    if (job) return job;
    throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
      prop: 'step',
      received: name,
      allowed: `one of the steps: ${this.jobs.map((j) => j.jobName).join(', ')}`,
    });
  }

  /** The IAM, Workflows, Cloud Scheduler, Cloud Logging and Cloud Monitoring APIs, in that order. */
  private createApis(): PipelineApis {
    const [iam, workflows, scheduler, logging, monitoring] = PIPELINE_APIS.map((api) =>
      enableApis(this, this.config.settings.enableApis, this.project, api),
    );
    const afterJobs = [...workflows, ...scheduler, ...logging, ...monitoring];
    return { iam, workflows, scheduler, logging, monitoring, afterJobs };
  }

  /** The project lookup the Cloud Storage agent's email is built from (no `depends_on`). */
  private createProjectData(): DataGoogleProject {
    return new DataGoogleProject(this, 'Project', { projectId: this.project });
  }

  /** The Cloud Storage agent (every project has it) holds the key before a CMEK bucket exists. */
  private createStorageKeyWait(): Sleep {
    const grant = this.encryptionKey.grantEncryptDecrypt(
      serviceAgent(this, ServiceAgent.STORAGE, this.projectData.number, this.project),
    );
    return propagationWait(this, 'StorageKeyGrantWait', [grant], Pipeline.GRANT_PROPAGATION_SECONDS);
  }

  /** The CMEK staging bucket (objects kept `STAGING_RETENTION_DAYS`) or code bucket. */
  private createBucket(purpose: 'staging' | 'code', storageKeyWait: Sleep): StorageBucket {
    const staging = purpose === 'staging';
    return newPipelineBucket(this, {
      id: staging ? 'StagingBucket' : 'CodeBucket',
      name: staging ? this.config.names.stagingBucket : this.config.names.codeBucket,
      project: this.project,
      region: this.region,
      key: this.encryptionKey,
      softDeleteSeconds: daysToSeconds(this, 'softDelete', Pipeline.BUCKET_SOFT_DELETE_DAYS),
      lifecycleDays: staging ? Pipeline.STAGING_RETENTION_DAYS : undefined,
      labels: this.config.labels,
      dependsOn: [storageKeyWait],
    });
  }

  /** The workflow's and the schedule's service accounts and their grants. */
  private createIdentities(iamApis: readonly ProjectService[]): PipelineIdentities {
    return newPipelineIdentities(this, {
      project: this.project,
      projectId: this.config.projectId,
      platform: this.config.platform,
      pipeline: this.pipelineName,
      workflowAccountId: this.config.names.workflowAccountId,
      schedulerAccountId: this.config.names.schedulerAccountId,
      jobs: this.jobs,
      apiServices: iamApis,
    });
  }

  /** The Workflows service agent (google-beta), after the API. */
  private createWorkflowsIdentity(): GoogleProjectServiceIdentity {
    return ProjectServices.of(this).identity(
      this,
      this.project,
      GoogleApi.WORKFLOWS,
      this.config.settings.enableApis,
    );
  }

  /** The Workflows service agent's grant on the key; the workflow depends on it. */
  private createWorkflowsAgentKeyGrant(): KmsCryptoKeyIamMember {
    return this.encryptionKey.grantEncryptDecrypt(
      serviceAgentMember(this, ServiceAgent.WORKFLOWS, this.workflowsIdentity.member, this.project),
    );
  }

  /** The wait after every key grant of the workflow and the steps' service agents. */
  private createKeyGrantWait(): Sleep {
    return propagationWait(
      this,
      'KeyGrantWait',
      unique([this.workflowsAgentKeyGrant, ...this.jobs.flatMap((j) => j.serviceAgentKeyGrants)]),
      Pipeline.GRANT_PROPAGATION_SECONDS,
    );
  }

  /** The wait after every grant a run needs, before the schedule exists. */
  private createRunGrantWait(): Sleep {
    return propagationWait(
      this,
      'RunGrantWait',
      [
        this.invokerGrant,
        this.batchEditorGrant,
        this.logWriterGrant,
        ...this.actAsGrants,
        ...this.bucketGrants,
        ...Object.values(this.scripts),
      ],
      Pipeline.GRANT_PROPAGATION_SECONDS,
    );
  }

  /** The run-log bucket (CMEK, retention) and the sink routing the run logs into it. */
  private createRunLogs(apis: readonly ProjectService[]): RunLogs {
    const { platform, settings, names } = this.config;
    return newRunLogs(this, {
      project: this.project,
      projectId: this.config.projectId,
      region: this.region,
      bucketId: names.logBucket,
      sinkName: names.logSink,
      description: `Run logs of the ${this.pipelineName} pipeline of the ${platform} data platform.`,
      retentionDays: settings.logRetentionDays,
      key: this.encryptionKey,
      workflowName: this.workflowName,
      schedulerJobName: names.schedulerJob,
      batchIdPrefixes: this.jobs.map((j) => j.batchIdPrefix),
      apiServices: apis,
    });
  }

  /** The code bucket, when a step uploads code. */
  private codeBuckets(): StorageBucket[] {
    return this.codeBucket ? [this.codeBucket] : [];
  }
}
