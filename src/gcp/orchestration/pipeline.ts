import type { CloudSchedulerJob } from '@cdktf/provider-google/lib/cloud-scheduler-job';
import type { DataGoogleLoggingProjectCmekSettings } from '@cdktf/provider-google/lib/data-google-logging-project-cmek-settings';
import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { LoggingProjectBucketConfig } from '@cdktf/provider-google/lib/logging-project-bucket-config';
import { LoggingProjectExclusion } from '@cdktf/provider-google/lib/logging-project-exclusion';
import type { LoggingProjectSink } from '@cdktf/provider-google/lib/logging-project-sink';
import type { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import type { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import { WorkflowsWorkflow } from '@cdktf/provider-google/lib/workflows-workflow';
import type { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import {
  type PipelineProps,
  type PipelineSchedule,
  type PipelineStep,
  WorkflowCallLogLevel,
} from './pipeline-types';
import { ORCHESTRATION_ROLES } from './roles';
import { ErrorCode, ValidationError } from '../../core/errors';
import {
  type NameRule,
  NameRules,
  physicalName,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
} from '../../core/naming';
import { decideRemoval } from '../../core/removal';
import { resourceTags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom } from '../../core/zones';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import type { IPrincipal } from '../iam/principal';
import { projectIdOf } from '../private/bigquery';
import { hardenedBucketConfig } from '../private/buckets';
import { grantSuffix } from '../private/members';
import { newRunLogs, pipelineAlerts, runLogFilter } from './private/pipeline-monitoring';
import { PipelineNameRules } from '../private/pipeline-names';
import { newPipelineIdentities, newSchedule } from './private/pipeline-resources';
import { resolvePipelineSettings, validateSteps } from './private/pipeline-settings';
import { validateProject } from '../private/project';
import { enableApis, GoogleApi, ProjectServices } from '../private/project-services';
import { gcpDeploymentScope } from '../private/providers';
import { retainData } from '../private/removal';
import { serviceAgent, ServiceAgent, serviceAgentMember } from '../private/service-agents';
import { daysToSeconds } from '../private/units';
import { renderWorkflowSource, workflowProgram } from './private/workflow-source';
import { PROCESSING_ROLES } from '../processing/roles';
import { SparkJob } from '../processing/spark-job';
import type { SparkJobRuntimeOptions } from '../processing/spark-job-types';
import type { IEncryptionKey } from '../security/encryption-key';
import { ALERTS_WITHOUT_CHANNELS_WARNING } from '../streaming/stream-ingestion-types';

/** `items` without repeats, first occurrence kept (a `depends_on` lists each resource once). */
function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
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
  /** The project id (the provider's at plan time when `project` is unset). */
  private readonly projectId: string;
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

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const platform = validatePlatformName(this, props.platformName);
    this.pipelineName = validateName(
      this,
      NameRules.COMPONENT,
      'pipelineName',
      validateLiteralNamePart(this, 'pipelineName', props.pipelineName),
    );
    this.project = validateProject(this, props.project);
    validateSteps(this, props.steps, Pipeline.STEPS_RANGE);
    const settings = resolvePipelineSettings(this, props, Pipeline);
    this.region = props.network.region;
    this.encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
    this.checkKeyLocation();
    const labels = resourceTags(this, TagRules.GCP, platform, props.tags);
    const projectId = projectIdOf(this, this.project);
    this.projectId = projectId;
    // The role joins the hash too: two names that truncation cuts to one body still differ.
    const name = (rule: NameRule, parts: string[]) =>
      physicalName(this, rule, { platform, parts: [this.pipelineName, ...parts], uniqueness: parts });

    const apis = (...list: GoogleApi[]) => enableApis(this, settings.enableApis, this.project, ...list);
    const iamApis = apis(GoogleApi.IAM);
    const workflowApis = apis(GoogleApi.WORKFLOWS);
    const schedulerApis = apis(GoogleApi.CLOUD_SCHEDULER);
    const loggingApis = apis(GoogleApi.LOGGING);
    const monitoringApis = apis(GoogleApi.MONITORING);

    // The Cloud Storage agent (every project has it) must hold the key before a CMEK bucket exists.
    this.projectData = new DataGoogleProject(this, 'Project', { projectId: this.project });
    const storageAgentKeyGrant = this.encryptionKey.grantEncryptDecrypt(
      serviceAgent(this, ServiceAgent.STORAGE, this.projectData.number, this.project),
    );
    const storageKeyWait = propagationWait(
      this,
      'StorageKeyGrantWait',
      [storageAgentKeyGrant],
      Pipeline.GRANT_PROPAGATION_SECONDS,
    );
    const bucket = (bucketId: string, purpose: string, lifecycleDays?: number) =>
      new StorageBucket(this, bucketId, {
        ...hardenedBucketConfig({
          project: this.project,
          location: this.region,
          name: physicalName(this, NameRules.GCS_BUCKET, {
            platform,
            parts: [this.pipelineName, purpose],
            deploymentScope: gcpDeploymentScope(this, this.project),
          }),
          kmsKeyName: this.encryptionKey.cryptoKeyId,
          softDeleteSeconds: daysToSeconds(this, 'softDelete', Pipeline.BUCKET_SOFT_DELETE_DAYS),
          labels,
          dependsOn: [storageKeyWait],
        }),
        lifecycleRule: [
          ...(lifecycleDays === undefined
            ? []
            : [{ action: { type: 'Delete' }, condition: { age: lifecycleDays } }]),
          { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: 7, withState: 'ARCHIVED' } },
        ],
      });
    this.stagingBucket = bucket('StagingBucket', 'staging', Pipeline.STAGING_RETENTION_DAYS);
    let codeBucket: StorageBucket | undefined;
    const scripts: Record<string, StorageBucketObject> = {};
    const runtimes = props.steps.map((step, i) =>
      this.stepRuntime(
        step,
        i,
        () => {
          codeBucket ??= bucket('CodeBucket', 'code');
          return codeBucket;
        },
        scripts,
      ),
    );
    this.codeBucket = codeBucket;
    this.scripts = scripts;

    this.jobs = props.steps.map(({ name: step, sourceZone, targetZone }, i) => {
      return new SparkJob(this, `${constructIdFrom(step)}Step`, {
        stagingBucket: this.stagingBucket.name,
        ...runtimes[i],
        platformName: platform,
        jobName: step,
        lake: props.lake,
        network: props.network,
        sourceZone,
        targetZone,
        encryptionKey: this.encryptionKey,
        project: this.project,
        tags: props.tags,
        enableApis: settings.enableApis,
      });
    });
    this.apiServices = unique([
      ...this.jobs.flatMap((j) => j.apiServices),
      ...workflowApis,
      ...schedulerApis,
      ...loggingApis,
      ...monitoringApis,
    ]);

    const ids = newPipelineIdentities(this, {
      project: this.project,
      projectId,
      platform,
      pipeline: this.pipelineName,
      workflowAccountId: name(PipelineNameRules.SERVICE_ACCOUNT, ['run']),
      schedulerAccountId: name(PipelineNameRules.SERVICE_ACCOUNT, ['start']),
      jobs: this.jobs,
      apiServices: iamApis,
    });
    this.workflowServiceAccount = ids.workflowServiceAccount;
    this.workflowPrincipal = ids.workflowPrincipal;
    this.batchEditorGrant = ids.batchEditorGrant;
    this.logWriterGrant = ids.logWriterGrant;
    this.actAsGrants = ids.actAsGrants;
    this.schedulerServiceAccount = ids.schedulerServiceAccount;
    this.schedulerPrincipal = ids.schedulerPrincipal;
    this.invokerGrant = ids.invokerGrant;

    const bucketGrants: StorageBucketIamMember[] = [];
    const bucketGrant = (grantId: string, target: StorageBucket, role: string, job: SparkJob) => {
      const grant = new StorageBucketIamMember(this, `${grantId}${constructIdFrom(job.jobName)}`, {
        bucket: target.name,
        role,
        member: job.principal.iamMember,
      });
      bucketGrants.push(grant);
    };
    for (const job of this.jobs) {
      bucketGrant('StagingUser', this.stagingBucket, PROCESSING_ROLES.staging, job);
      bucketGrant('StagingReader', this.stagingBucket, PROCESSING_ROLES.stagingBucket, job);
      if (this.codeBucket) bucketGrant('CodeReader', this.codeBucket, PROCESSING_ROLES.code, job);
    }
    this.bucketGrants = bucketGrants;

    this.workflowsIdentity = ProjectServices.of(this).identity(
      this,
      this.project,
      GoogleApi.WORKFLOWS,
      settings.enableApis,
    );
    this.workflowsAgentKeyGrant = this.encryptionKey.grantEncryptDecrypt(
      serviceAgentMember(this, ServiceAgent.WORKFLOWS, this.workflowsIdentity.member, this.project),
    );
    this.keyGrantWait = propagationWait(
      this,
      'KeyGrantWait',
      unique([this.workflowsAgentKeyGrant, ...this.jobs.flatMap((j) => j.serviceAgentKeyGrants)]),
      Pipeline.GRANT_PROPAGATION_SECONDS,
    );
    const workflowName = name(PipelineNameRules.WORKFLOW, []);
    this.workflowName = workflowName;
    this.workflow = new WorkflowsWorkflow(this, 'Workflow', {
      project: this.project,
      region: this.region,
      name: workflowName,
      // Workflows takes at most 1000 characters.
      description: `Runs the ${this.pipelineName} pipeline of the ${platform} data platform: ${props.steps
        .map((s) => `${s.name} (${s.sourceZone} to ${s.targetZone})`)
        .join(', then ')}.`.slice(0, 1000),
      serviceAccount: this.workflowServiceAccount.email,
      cryptoKeyName: this.encryptionKey.cryptoKeyId,
      callLogLevel: settings.callLogLevel,
      labels: { ...labels },
      // Holds no data: its source is in the stack, its run logs in the log bucket.
      deletionProtection: false,
      sourceContents: renderWorkflowSource(
        workflowProgram({
          steps: this.jobs.map((job) => ({
            name: job.jobName,
            batchIdPrefix: job.batchIdPrefix,
            body: job.batchRequest,
            timeoutSeconds: (job.timeoutMinutes + Pipeline.RUN_TIMEOUT_MARGIN_MINUTES) * 60,
          })),
          maxAttempts: settings.maxAttempts,
          retryDelaySeconds: settings.retryDelaySeconds,
          pollSeconds: settings.pollSeconds,
        }),
      ),
      dependsOn: unique([this.keyGrantWait, ...workflowApis]),
    });
    this.runGrantWait = propagationWait(
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
    this.paused = settings.paused;

    const schedulerJobName = name(PipelineNameRules.SCHEDULER_JOB, []);
    this.schedulerJob = newSchedule(this, {
      project: this.project,
      region: this.region,
      name: schedulerJobName,
      description: `Starts the ${this.pipelineName} pipeline of the ${platform} data platform.`,
      cron: settings.cron,
      timeZone: settings.timeZone,
      paused: settings.paused,
      attemptDeadlineSeconds: Pipeline.SCHEDULER_ATTEMPT_DEADLINE_SECONDS,
      retryCount: Pipeline.SCHEDULER_RETRY_COUNT,
      minBackoffSeconds: Pipeline.SCHEDULER_MIN_BACKOFF_SECONDS,
      maxBackoffSeconds: Pipeline.SCHEDULER_MAX_BACKOFF_SECONDS,
      workflowId: this.workflow.id,
      serviceAccountEmail: this.schedulerServiceAccount.email,
      // The first run waits for every permission it needs.
      dependsOn: unique([
        this.runGrantWait,
        ...this.jobs.flatMap((j) => j.deployDependencies),
        ...schedulerApis,
      ]),
    });

    const logs = newRunLogs(this, {
      project: this.project,
      projectId,
      region: this.region,
      bucketId: name(PipelineNameRules.LOGGING, ['runs']),
      sinkName: name(PipelineNameRules.LOGGING, ['runs']),
      description: `Run logs of the ${this.pipelineName} pipeline of the ${platform} data platform.`,
      retentionDays: settings.logRetentionDays,
      key: this.encryptionKey,
      workflowName,
      schedulerJobName,
      batchIdPrefixes: this.jobs.map((j) => j.batchIdPrefix),
      apiServices: loggingApis,
    });
    this.loggingSettings = logs.settings;
    this.loggingAgentKeyGrant = logs.keyGrant;
    this.logBucket = logs.bucket;
    this.logSink = logs.sink;
    // The sink copies the run logs into the CMEK bucket; the legacy exclusions API applies to the
    // _Default sink only, so they no longer also land in _Default (Google-managed encryption).
    this.defaultBucketExclusion = new LoggingProjectExclusion(this, 'DefaultBucketExclusion', {
      project: this.project,
      name: name(PipelineNameRules.LOGGING, ['default', 'exclusion']),
      description: `Keeps the ${this.pipelineName} pipeline's run logs (kept in its CMEK log bucket) out of _Default.`,
      filter: runLogFilter({
        region: this.region,
        workflowName,
        schedulerJobName,
        batchIdPrefixes: this.jobs.map((j) => j.batchIdPrefix),
      }),
      dependsOn: [this.logSink],
    });

    const alerts = pipelineAlerts(this, {
      warningId: ALERTS_WITHOUT_CHANNELS_WARNING,
      project: this.project,
      region: this.region,
      name: `${platform}/${this.pipelineName}`,
      workflowName,
      schedulerJobName,
      logBucketId: this.logBucket.bucketId,
      target: props.notificationTarget,
      autoCloseSeconds: settings.alertAutoCloseSeconds,
      labels,
      apiServices: monitoringApis,
    });
    this.runFailedAlert = alerts.runFailed;
    this.scheduleFailedAlert = alerts.scheduleFailed;
    retainData(this, decideRemoval(this, props.removalPolicy), [
      this.logBucket,
      this.stagingBucket,
      ...(this.codeBucket ? [this.codeBucket] : []),
    ]);
  }

  /**
   * The runtime of step `i`: its own main file, or its `script` bound (a local file is uploaded
   * into the code bucket). Throws `DPK_CONFLICTING_PROPS` for a script next to a main file and
   * `DPK_INVALID_LOCATION` for neither.
   */
  private stepRuntime(
    step: PipelineStep,
    i: number,
    codeBucket: () => StorageBucket,
    scripts: Record<string, StorageBucketObject>,
  ): SparkJobRuntimeOptions {
    const { name, sourceZone: _s, targetZone: _t, script, ...runtime } = step;
    const main = (['mainPythonFileUri', 'mainJarFileUri', 'mainClass'] as const).find(
      (k) => runtime[k] !== undefined,
    );
    if (script === undefined) return runtime;
    if (main !== undefined) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: `steps[${i}].${main}`,
        received: runtime[main],
        allowed: `unset with steps[${i}].script (the script is the step's main Python file)`,
      });
    }
    const location = script.bind(new Construct(this, `${constructIdFrom(name)}Code`), name, codeBucket);
    if (location.object) scripts[name] = location.object;
    return { ...runtime, mainPythonFileUri: location.uri };
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
    const workflowResource = `projects/${this.projectId}/locations/${this.region}/workflows/${this.workflowName}`;
    return ORCHESTRATION_ROLES.operator.map((role, i) => {
      const id = `Operate${i === 0 ? 'Invoker' : 'Viewer'}${suffix}`;
      return (
        (this.node.tryFindChild(id) as ProjectIamMember | undefined) ??
        new ProjectIamMember(this, id, {
          project: this.projectId,
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

  /** Workflows and log buckets take a key in their own region (`DPK_INVALID_LOCATION`). */
  private checkKeyLocation(): void {
    const actual = this.encryptionKey.location;
    if (isUnresolved(actual) || isUnresolved(this.region) || actual === this.region) return;
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
      prop: 'encryptionKey',
      received: actual,
      allowed: `a key in the pipeline's region ${JSON.stringify(this.region)} (the network's): pass encryptionKey when the lake's key is elsewhere`,
    });
  }
}
