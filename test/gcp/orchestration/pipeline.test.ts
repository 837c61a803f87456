import * as path from 'node:path';
import { TerraformVariable } from 'cdktf';
import {
  ALERT,
  BUCKET_IAM,
  byId,
  dependsOf,
  KEY_IAM,
  LOG_BUCKET,
  LOG_SINK,
  newLake,
  newNetwork,
  newPipeline,
  PROJECT_IAM,
  refTo,
  SA_IAM,
  SCHEDULE,
  SERVICE,
  SERVICE_ACCOUNT,
  STEPS,
  synthPipeline,
  WORKFLOW,
} from './pipeline-fixtures';
import { programFromSource } from './workflow-interpreter';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import {
  ALERTS_WITHOUT_CHANNELS_WARNING,
  EncryptionKey,
  LakeStorage,
  NotificationTarget,
  ORCHESTRATION_ROLES,
  Pipeline,
  SparkJobScript,
  WorkflowCallLogLevel,
} from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { TfGraph } from '../../helpers/tf-graph';
import { type TfBlock, TfTemplate, warningsOf } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

/** The workflow program of a template, with Terraform's references left as `tf:<reference>`. */
function programOf(template: TfTemplate): Record<string, any> {
  const workflow = template.resources(WORKFLOW)[0];
  return programFromSource(workflow.config.source_contents as string, (ref) => `tf:${ref}`);
}

/** The args of the program's call of step `name`. */
function stepArgs(template: TfTemplate, name: string): Record<string, any> {
  const steps = programOf(template).main.steps as Record<string, any>[];
  return steps.find((s) => Object.keys(s)[0] === `run_${name}`)![`run_${name}`].args;
}

const account = (template: TfTemplate, id: string) => byId(template, SERVICE_ACCOUNT, id);
const member = (sa: TfBlock) => refTo(sa, 'member');

describe('Pipeline defaults', () => {
  test('runs on DEFAULT_SCHEDULE (every day at 02:00 Etc/UTC), paused while its code is not part of the deployment', () => {
    const { template } = synthPipeline();
    expect(Pipeline.DEFAULT_SCHEDULE).toEqual({ cron: '0 2 * * *', timeZone: 'Etc/UTC' });
    expect(Pipeline.DEFAULT_TIME_ZONE).toBe('Etc/UTC');
    expect(Pipeline.DEFAULT_PAUSED).toBe(false);
    template.hasResourceProperties(SCHEDULE, { schedule: '0 2 * * *', time_zone: 'Etc/UTC', paused: true });
  });

  test('steps with SparkJobScript.fromAsset upload into a CMEK code bucket, and the schedule is live (DEFAULT_PAUSED)', () => {
    const file = path.join(__dirname, '..', '..', '..', 'examples', 'jobs', 'clean_orders.py');
    const { pipeline, template } = synthPipeline({
      steps: STEPS.map(({ mainPythonFileUri: _m, ...s }) => ({
        ...s,
        script: SparkJobScript.fromAsset(file),
      })),
    });
    template.hasResourceProperties(SCHEDULE, { paused: false });
    const code = refTo(byId(template, 'google_storage_bucket', 'CodeBucket'), 'name');
    template.hasResourceProperties('google_storage_bucket_object', {
      bucket: code,
      name: 'clean/clean_orders.py',
      content: expect.stringContaining('spark'),
    });
    expect(Object.keys(pipeline.scripts)).toEqual(['clean', 'publish']);
    expect(stepArgs(template, 'clean').body.pysparkBatch.mainPythonFileUri).toBe(
      `gs://tf:${byId(template, 'google_storage_bucket', 'CodeBucket').address}.name/tf:${byId(template, 'google_storage_bucket_object', 'CleanCode_Script').address}.name`,
    );
  });

  test('a script next to a main file is rejected', () => {
    expectValidationError(
      () =>
        synthPipeline({
          steps: [{ ...STEPS[0], script: SparkJobScript.fromBucket('acme-code', 'clean.py') }],
        }),
      ErrorCode.CONFLICTING_PROPS,
      'steps[0].mainPythonFileUri',
    );
  });

  test('a CMEK workflow in the network region, running as its own service account', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    expect(Pipeline.DEFAULT_CALL_LOG_LEVEL).toBe(WorkflowCallLogLevel.LOG_ERRORS_ONLY);
    const workflow = template.resources(WORKFLOW)[0];
    expect(workflow.config).toMatchObject({
      name: expect.stringMatching(/^sales-daily-[0-9a-f]{8}$/),
      region: 'europe-west1',
      crypto_key_name: refTo(template.resources('google_kms_crypto_key')[0], 'id'),
      service_account: refTo(account(template, 'WorkflowServiceAccount'), 'email'),
      call_log_level: 'LOG_ERRORS_ONLY',
      labels: { 'data-platform': 'sales' },
      deletion_protection: false,
      description: expect.stringContaining('clean (raw to curated), then publish (curated to serving)'),
    });
  });

  test('Cloud Scheduler starts an execution with an OAuth token of its own service account', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    const workflow = template.resources(WORKFLOW)[0];
    expect(template.resources(SCHEDULE)[0].config).toMatchObject({
      region: 'europe-west1',
      attempt_deadline: '180s',
      retry_config: { retry_count: 3, min_backoff_duration: '30s', max_backoff_duration: '300s' },
      http_target: {
        uri: `https://workflowexecutions.googleapis.com/v1/${refTo(workflow, 'id')}/executions`,
        http_method: 'POST',
        body: Buffer.from('{}').toString('base64'),
        headers: { 'Content-Type': 'application/json' },
        oauth_token: {
          service_account_email: refTo(account(template, 'SchedulerServiceAccount'), 'email'),
          scope: 'https://www.googleapis.com/auth/cloud-platform',
        },
      },
    });
    expect(Pipeline.SCHEDULER_ATTEMPT_DEADLINE_SECONDS).toBe(180);
  });

  test('one Spark job per step, in order, each submitted by the workflow', () => {
    const { pipeline, template } = synthPipeline();
    expect(pipeline.jobs.map((j) => [j.jobName, j.sourceZone, j.targetZone])).toEqual([
      ['clean', 'raw', 'curated'],
      ['publish', 'curated', 'serving'],
    ]);
    expect(pipeline.jobFor('publish')).toBe(pipeline.jobs[1]);
    const program = programOf(template);
    expect((program.main.steps as object[]).map((s) => Object.keys(s)[0])).toEqual([
      'init',
      'run_clean',
      'run_publish',
      'done',
    ]);
  });

  test('DEFAULT_MAX_ATTEMPTS (3), DEFAULT_RETRY_DELAY_SECONDS (300), DEFAULT_POLL_INTERVAL_SECONDS (60) and the job timeout plus RUN_TIMEOUT_MARGIN_MINUTES (15)', () => {
    const { pipeline, template } = synthPipeline();
    expect([
      Pipeline.DEFAULT_MAX_ATTEMPTS,
      Pipeline.DEFAULT_RETRY_DELAY_SECONDS,
      Pipeline.DEFAULT_POLL_INTERVAL_SECONDS,
    ]).toEqual([3, 300, 60]);
    expect(Pipeline.RUN_TIMEOUT_MARGIN_MINUTES).toBe(15);
    expect(stepArgs(template, 'clean')).toMatchObject({
      step: 'clean',
      batchIdPrefix: pipeline.jobs[0].batchIdPrefix,
      maxAttempts: 3,
      retryDelaySeconds: 300,
      pollSeconds: 60,
      timeoutSeconds: (240 + 15) * 60,
    });
  });

  test("each step submits its job's batch request, with the job's identity, subnet and key", () => {
    const { template } = synthPipeline();
    const body = stepArgs(template, 'publish').body;
    expect(body.environmentConfig.executionConfig).toEqual({
      serviceAccount: `tf:${account(template, 'PublishStep_ServiceAccount').address}.email`,
      subnetworkUri: `tf:${byId(template, 'google_compute_subnetwork', 'DataSubnet').address}.id`,
      kmsKey: `tf:${template.resources('google_kms_crypto_key')[0].address}.id`,
      stagingBucket: `tf:${byId(template, 'google_storage_bucket', 'StagingBucket').address}.name`,
      ttl: '14400s',
    });
    expect(body.pysparkBatch).toEqual({ mainPythonFileUri: 'gs://acme-code/sales/publish.py' });
  });

  test('run logs go to a CMEK log bucket kept DEFAULT_LOG_RETENTION_DAYS (365), retained on delete', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    expect(Pipeline.DEFAULT_LOG_RETENTION_DAYS).toBe(365);
    const bucket = template.resources(LOG_BUCKET)[0];
    expect(bucket.config).toMatchObject({
      bucket_id: expect.stringMatching(/^sales-daily-runs-[0-9a-f]{8}$/),
      location: 'europe-west1',
      retention_days: 365,
      cmek_settings: { kms_key_name: refTo(template.resources('google_kms_crypto_key')[0], 'id') },
      lifecycle: { prevent_destroy: true },
    });
    const workflowName = template.resources(WORKFLOW)[0].config.name as string;
    expect(template.resources(LOG_SINK)[0].config).toMatchObject({
      destination: `logging.googleapis.com/${refTo(bucket, 'id')}`,
      unique_writer_identity: true,
      filter: expect.stringContaining(`resource.labels.workflow_id="${workflowName}"`),
    });
  });

  test('the sink routes the workflow, schedule and batch logs of this pipeline only', () => {
    const { pipeline, template } = synthPipeline();
    const filter = template.resources(LOG_SINK)[0].config.filter as string;
    const [clean, publish] = pipeline.jobs.map((j) => j.batchIdPrefix);
    expect(filter).toContain('resource.type="workflows.googleapis.com/Workflow"');
    expect(filter).toContain(
      `resource.type="cloud_scheduler_job" AND resource.labels.job_id="${template.resources(SCHEDULE)[0].config.name}"`,
    );
    expect(filter).toContain(`resource.labels.batch_id=~"^(${clean}|${publish})-"`);
  });

  test('alerts on FAILED executions and on schedule errors, closing after DEFAULT_ALERT_AUTO_CLOSE_HOURS (24)', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    expect(Pipeline.DEFAULT_ALERT_AUTO_CLOSE_HOURS).toBe(24);
    const workflowName = template.resources(WORKFLOW)[0].config.name as string;
    expect(byId(template, ALERT, 'RunFailedAlert').config).toMatchObject({
      severity: 'ERROR',
      alert_strategy: { auto_close: '86400s' },
      conditions: [
        {
          condition_threshold: {
            filter:
              'resource.type = "workflows.googleapis.com/Workflow" AND ' +
              'metric.type = "workflows.googleapis.com/finished_execution_count" AND ' +
              `metric.labels.status = "FAILED" AND resource.labels.workflow_id = "${workflowName}" AND ` +
              'resource.labels.location = "europe-west1"',
            comparison: 'COMPARISON_GT',
            threshold_value: 0,
            duration: '0s',
            aggregations: [{ alignment_period: '60s', per_series_aligner: 'ALIGN_SUM' }],
          },
        },
      ],
      documentation: { content: expect.stringContaining('gcloud workflows run') },
    });
    expect(byId(template, ALERT, 'ScheduleFailedAlert').config).toMatchObject({
      alert_strategy: { auto_close: '86400s', notification_rate_limit: { period: '3600s' } },
      conditions: [
        {
          condition_matched_log: {
            filter: expect.stringMatching(
              /^resource\.type = "cloud_scheduler_job" AND .* AND severity >= ERROR$/,
            ),
          },
        },
      ],
    });
  });

  test('without a notification target the alerts notify nobody, and a warning says so', () => {
    const { stack, template } = synthPipeline();
    for (const alert of template.resources(ALERT)) expect(alert.config.notification_channels).toBeUndefined();
    expect(warningsOf(stack)).toEqual([expect.stringContaining(ALERTS_WITHOUT_CHANNELS_WARNING)]);
  });

  test('enables the APIs it uses (DEFAULT_ENABLE_APIS), never disabling them', () => {
    const { template } = synthPipeline();
    expect(Pipeline.DEFAULT_ENABLE_APIS).toBe(true);
    for (const service of [
      'workflows.googleapis.com',
      'cloudscheduler.googleapis.com',
      'logging.googleapis.com',
      'monitoring.googleapis.com',
      'dataproc.googleapis.com',
      'compute.googleapis.com',
      'iam.googleapis.com',
    ]) {
      template.hasResourceProperties(SERVICE, { service, disable_on_destroy: false });
    }
  });
});

describe('Pipeline least privilege', () => {
  test('each step identity reads its source zone and writes its target zone, nothing else of the lake', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    const bucket = (zone: string) => refTo(byId(template, 'google_storage_bucket', `${zone}Bucket`), 'name');
    const zoneBuckets = ['Raw', 'Curated', 'Serving'].map(bucket);
    const grantsOf = (id: string) =>
      template
        .resources(BUCKET_IAM)
        .filter((g) => g.config.member === member(account(template, id)))
        .filter((g) => zoneBuckets.includes(g.config.bucket as string))
        .map((g) => [g.config.bucket, g.config.role]);
    expect(grantsOf('CleanStep_ServiceAccount')).toEqual([
      [bucket('Raw'), 'roles/storage.objectViewer'],
      [bucket('Curated'), 'roles/storage.objectUser'],
    ]);
    expect(grantsOf('PublishStep_ServiceAccount')).toEqual([
      [bucket('Curated'), 'roles/storage.objectViewer'],
      [bucket('Serving'), 'roles/storage.objectUser'],
    ]);
  });

  test('the workflow may create batches, write logs and act as the step identities; no data access', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    const workflow = member(account(template, 'WorkflowServiceAccount'));
    expect(
      template
        .resources(PROJECT_IAM)
        .filter((g) => g.config.member === workflow)
        .map((g) => g.config.role),
    ).toEqual([ORCHESTRATION_ROLES.batchEditor, ORCHESTRATION_ROLES.logWriter]);
    expect(
      template
        .resources(SA_IAM)
        .filter((g) => g.config.member === workflow)
        .map((g) => [g.config.service_account_id, g.config.role]),
    ).toEqual([
      [refTo(account(template, 'CleanStep_ServiceAccount'), 'name'), 'roles/iam.serviceAccountUser'],
      [refTo(account(template, 'PublishStep_ServiceAccount'), 'name'), 'roles/iam.serviceAccountUser'],
    ]);
    for (const type of [BUCKET_IAM, KEY_IAM]) {
      expect(template.resources(type).filter((g) => g.config.member === workflow)).toEqual([]);
    }
  });

  test('the schedule may only start executions (workflows.invoker)', () => {
    const { template } = synthPipeline();
    const scheduler = member(account(template, 'SchedulerServiceAccount'));
    const all = [PROJECT_IAM, SA_IAM, BUCKET_IAM, KEY_IAM].flatMap((type) =>
      template.resources(type).filter((g) => g.config.member === scheduler),
    );
    expect(all.map((g) => g.config.role)).toEqual(['roles/workflows.invoker']);
  });

  test('four service accounts (two steps, workflow, schedule), none with keys, no basic role anywhere', () => {
    const { template } = synthPipeline();
    template.resourceCountIs(SERVICE_ACCOUNT, 4);
    template.resourceCountIs('google_service_account_key', 0);
    const roles = [PROJECT_IAM, SA_IAM, BUCKET_IAM, KEY_IAM].flatMap((t) =>
      template.resources(t).map((g) => g.config.role),
    );
    expect(roles).not.toEqual(expect.arrayContaining(['roles/owner']));
    for (const basic of ['roles/owner', 'roles/editor', 'roles/viewer']) expect(roles).not.toContain(basic);
  });
});

describe('Pipeline deployability', () => {
  test('the Workflows agent is created and granted the key; the workflow waits (time_sleep) for that grant', () => {
    // GIVEN / WHEN
    const { pipeline, template } = synthPipeline();
    // THEN
    const identity = template.hasResourceProperties('google_project_service_identity', {
      service: 'workflows.googleapis.com',
    });
    const grant = template.hasResourceProperties(KEY_IAM, {
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: refTo(identity, 'member'),
    });
    const workflow = template.resources(WORKFLOW)[0];
    expect(
      new TfGraph(template.doc).dependsOnOnlyThrough(workflow.address, grant.address, 'time_sleep'),
    ).toBe(true);
    expect(pipeline.workflowsAgentKeyGrant).toBeDefined();
  });

  test("the workflow also waits for the steps' service agents' key grants", () => {
    const { template } = synthPipeline();
    const workflow = template.resources(WORKFLOW)[0];
    const graph = new TfGraph(template.doc);
    const stepAgentGrants = template
      .resources(KEY_IAM)
      .filter((g) => /compute-system|google_project_service_identity/.test(g.config.member as string));
    expect(stepAgentGrants.length).toBeGreaterThanOrEqual(2);
    for (const grant of stepAgentGrants) {
      expect(graph.dependsOnOnlyThrough(workflow.address, grant.address, 'time_sleep')).toBe(true);
    }
  });

  test('the Cloud Logging service account is granted the key BEFORE the log bucket exists', () => {
    const { template } = synthPipeline();
    const settings = template.dataSources('google_logging_project_cmek_settings')[0];
    const grant = template.hasResourceProperties(KEY_IAM, {
      member: `serviceAccount:\${${settings.address}.service_account_id}`,
    });
    const graph = new TfGraph(template.doc);
    expect(
      graph.dependsOnOnlyThrough(template.resources(LOG_BUCKET)[0].address, grant.address, 'time_sleep'),
    ).toBe(true);
    expect(settings.config.depends_on).toBeUndefined();
  });

  test('the schedule waits (time_sleep) for every grant a run needs, each dependency listed once', () => {
    // GIVEN / WHEN
    const { template } = synthPipeline();
    // THEN
    const schedule = template.resources(SCHEDULE)[0];
    const deps = dependsOf(schedule);
    expect(new Set(deps).size).toBe(deps.length);
    const graph = new TfGraph(template.doc);
    const stepMembers = ['CleanStep_ServiceAccount', 'PublishStep_ServiceAccount'].map((id) =>
      member(account(template, id)),
    );
    const needed = [
      ...template.resources(PROJECT_IAM), // workers, batch editor, log writer, invoker
      ...template.resources(SA_IAM), // the workflow acting as each step
      ...template.resources(BUCKET_IAM).filter((g) => stepMembers.includes(g.config.member as string)),
      // every agent's key grant but Cloud Logging's (the log bucket, not a run, needs that one)
      ...template.resources(KEY_IAM).filter((g) => !String(g.config.member).includes('logging_project_cmek')),
    ];
    expect(needed.length).toBeGreaterThan(15);
    for (const g of needed) {
      expect([g.address, graph.dependsOnOnlyThrough(schedule.address, g.address, 'time_sleep')]).toEqual([
        g.address,
        true,
      ]);
    }
    expect(deps).toContain(
      template.resources(SERVICE, { service: 'cloudscheduler.googleapis.com' })[0].address,
    );
  });

  test('the workflow waits for the Workflows API, the alerts for the Monitoring API, the log bucket for Logging', () => {
    const { template } = synthPipeline();
    const api = (service: string) => template.resources(SERVICE, { service })[0].address;
    expect(dependsOf(template.resources(WORKFLOW)[0])).toContain(api('workflows.googleapis.com'));
    for (const alert of template.resources(ALERT)) {
      expect(dependsOf(alert)).toEqual([api('monitoring.googleapis.com')]);
    }
    expect(dependsOf(template.resources(LOG_BUCKET)[0])).toContain(api('logging.googleapis.com'));
  });

  test('passes the GCP rule pack with zero findings', () => {
    const { stack } = synthPipeline();
    expect(checkCompliance(stack).findings).toEqual([]);
  });
});

describe('Pipeline options', () => {
  test('schedule sets the cron and time zone; paused pauses it', () => {
    const { template } = synthPipeline({
      schedule: { cron: '30 5 * * MON-FRI', timeZone: 'Europe/Brussels' },
      paused: true,
    });
    template.hasResourceProperties(SCHEDULE, {
      schedule: '30 5 * * MON-FRI',
      time_zone: 'Europe/Brussels',
      paused: true,
    });
  });

  test('STEPS_RANGE.max (20) steps fit the workflow: description cut to 1000 characters, source under 128 KiB', () => {
    const zones = Array.from(
      { length: Pipeline.STEPS_RANGE.max + 1 },
      (_, i) => `zone-long-name-${String(i).padStart(5, '0')}`,
    );
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1', zones });
    newPipeline(stack, {
      lake,
      steps: zones.slice(1).map((zone, i) => ({
        name: `step-number-${String(i).padStart(8, '0')}`,
        sourceZone: zones[i],
        targetZone: zone,
        mainPythonFileUri: `gs://acme-code/step-${i}.py`,
      })),
    });
    const workflow = TfTemplate.fromStack(stack).resources(WORKFLOW)[0].config;
    expect(Pipeline.STEPS_RANGE.max).toBe(20);
    expect((workflow.description as string).length).toBe(1000);
    expect((workflow.source_contents as string).length).toBeLessThan(128 * 1024);
  });

  test('long platform and pipeline names still give two distinct service account ids of 30 characters at most', () => {
    const { template } = synthPipeline({
      platformName: 'sales-analytics-eu',
      pipelineName: 'nightly-rebuild',
    });
    const ids = ['WorkflowServiceAccount', 'SchedulerServiceAccount'].map(
      (id) => account(template, id).config.account_id as string,
    );
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/);
  });

  test('a schedule without a time zone uses DEFAULT_TIME_ZONE', () => {
    const { template } = synthPipeline({ schedule: { cron: '0 */6 * * *' } });
    template.hasResourceProperties(SCHEDULE, { schedule: '0 */6 * * *', time_zone: 'Etc/UTC' });
  });

  test('maxAttempts, retryDelaySeconds and pollIntervalSeconds go into the program', () => {
    const { template } = synthPipeline({ maxAttempts: 10, retryDelaySeconds: 0, pollIntervalSeconds: 600 });
    expect(stepArgs(template, 'clean')).toMatchObject({
      maxAttempts: 10,
      retryDelaySeconds: 0,
      pollSeconds: 600,
    });
  });

  test("a step's runtime options reach its job; its timeout sets the wait", () => {
    const { template } = synthPipeline({
      steps: [
        {
          name: 'load',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainClass: 'com.acme.Load',
          timeoutMinutes: 60,
          args: ['--full'],
        },
      ],
    });
    const args = stepArgs(template, 'load');
    expect(args.body.sparkBatch).toEqual({ mainClass: 'com.acme.Load', args: ['--full'] });
    expect(args.timeoutSeconds).toBe((60 + 15) * 60);
  });

  test('logRetentionDays, callLogLevel and alertAutoCloseHours', () => {
    const { template } = synthPipeline({
      logRetentionDays: 3650,
      callLogLevel: WorkflowCallLogLevel.LOG_ALL_CALLS,
      alertAutoCloseHours: 168,
    });
    template.hasResourceProperties(LOG_BUCKET, { retention_days: 3650 });
    template.hasResourceProperties(WORKFLOW, { call_log_level: 'LOG_ALL_CALLS' });
    template.allResourcesHave(ALERT, { alert_strategy: { auto_close: `${168 * 3600}s` } });
  });

  test('notificationTarget: both alerts notify its channels, without a warning', () => {
    const stack = newGcpStack();
    const alerts = new NotificationTarget(stack, 'Alerts', {
      platformName: 'sales',
      emailAddresses: ['oncall@acme.com'],
    });
    newPipeline(stack, { notificationTarget: alerts });
    const template = TfTemplate.fromStack(stack);
    const channel = refTo(template.resources('google_monitoring_notification_channel')[0], 'name');
    template.allResourcesHave(ALERT, { notification_channels: [channel] });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('encryptionKey encrypts the workflow, run logs and batches with another key, granted to the agents', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'PipelineKey', {
      platformName: 'sales',
      purpose: 'pipeline',
      location: 'europe-west1',
    });
    // WHEN
    newPipeline(stack, { encryptionKey: key });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const id = refTo(byId(template, 'google_kms_crypto_key', 'PipelineKey_CryptoKey'), 'id');
    template.hasResourceProperties(WORKFLOW, { crypto_key_name: id });
    template.hasResourceProperties(LOG_BUCKET, { cmek_settings: { kms_key_name: id } });
    expect(stepArgs(template, 'clean').body.environmentConfig.executionConfig.kmsKey).toBe(
      `tf:${byId(template, 'google_kms_crypto_key', 'PipelineKey_CryptoKey').address}.id`,
    );
    const agents = template.resources(KEY_IAM).filter((g) => g.config.crypto_key_id === id);
    expect(agents).toHaveLength(5); // Workflows, Cloud Logging, Dataproc, Compute Engine, Cloud Storage
  });

  test('project puts the pipeline in that project', () => {
    const { template } = synthPipeline({ project: 'acme-data-prod' });
    for (const type of [WORKFLOW, SCHEDULE, SERVICE_ACCOUNT]) {
      template.allResourcesHave(type, { project: 'acme-data-prod' });
    }
    template.allResourcesHave(PROJECT_IAM, { project: 'acme-data-prod' });
    template.hasResourceProperties(LOG_BUCKET, { project: 'acme-data-prod' });
    template.allResourcesHave(ALERT, { project: 'acme-data-prod' });
  });

  test('tags label the workflow, the alerts and the batches', () => {
    const { template } = synthPipeline({ tags: { team: 'sales' } });
    template.hasResourceProperties(WORKFLOW, { labels: { 'data-platform': 'sales', team: 'sales' } });
    template.allResourcesHave(ALERT, { user_labels: { 'data-platform': 'sales', team: 'sales' } });
    expect(stepArgs(template, 'clean').body.labels).toEqual({
      'data-platform': 'sales',
      'data-zone': 'curated',
      team: 'sales',
    });
  });

  test('enableApis false enables no API of its own', () => {
    const { template } = synthPipeline({ enableApis: false });
    const services = template.resources(SERVICE).map((s) => s.config.service);
    expect(services.sort()).toEqual([
      'cloudkms.googleapis.com',
      'compute.googleapis.com',
      'storage.googleapis.com',
    ]);
  });
});

describe('Pipeline removal guard', () => {
  test('DESTROY without the context flag keeps the log bucket, with one warning', () => {
    const { stack, template } = synthPipeline({ removalPolicy: DataRemovalPolicy.DESTROY });
    template.hasResourceProperties(LOG_BUCKET, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(stack).filter((w) => w.includes(REMOVAL_DOWNGRADED_WARNING))).toHaveLength(1);
  });

  test('DESTROY with the context flag lifts prevent_destroy on the log bucket', () => {
    const { template } = synthPipeline(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true },
    );
    template.hasResourceProperties(LOG_BUCKET, { lifecycle: { prevent_destroy: false } });
  });
});

describe('Pipeline tokens', () => {
  test('a deploy-time cron, time zone, log retention and project pass validation', () => {
    const stack = newGcpStack();
    const v = (id: string, type = 'string') => new TerraformVariable(stack, id, { type });
    newPipeline(stack, {
      schedule: { cron: v('Cron').stringValue, timeZone: v('Zone').stringValue },
      logRetentionDays: v('Days', 'number').numberValue,
      project: v('Project').stringValue,
    });
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(SCHEDULE, { schedule: '${var.Cron}', time_zone: '${var.Zone}' });
    template.hasResourceProperties(LOG_BUCKET, { retention_days: '${var.Days}' });
  });

  test('a deploy-time maxAttempts is rejected: it is written into the workflow program', () => {
    const stack = newGcpStack();
    const attempts = new TerraformVariable(stack, 'Attempts', { type: 'number' }).numberValue;
    expect(() => newPipeline(stack, { maxAttempts: attempts })).toThrow(/maxAttempts/);
  });
});

test('fixtures: a lake and a network in europe-west1', () => {
  const stack = newGcpStack();
  expect(newLake(stack).location).toBe('europe-west1');
  expect(newNetwork(stack).region).toBe('europe-west1');
});
