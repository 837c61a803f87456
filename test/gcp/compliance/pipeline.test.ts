import * as os from 'node:os';
import { DataprocBatch } from '@cdktf/provider-google/lib/dataproc-batch';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { build } from '../../../examples/pipeline-gcp/app';
import { RuleLevel } from '../../../src/core/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import {
  EncryptionKey,
  LakeStorage,
  Network,
  NotificationTarget,
  Pipeline,
  SparkJob,
  WorkflowCallLogLevel,
} from '../../../src/gcp';
import {
  checkCompliance,
  DATA_PLATFORM_RULES,
  DPK_GCP_SCHEDULER_AUTHENTICATED,
  DPK_GCP_WORKFLOWS_CMEK,
  DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT,
} from '../../../src/gcp/compliance';
import { App, type TerraformStack } from '../../../src/terraform';
import { ACKNOWLEDGEMENT_METADATA, DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean, terraformAcknowledgements } from '../../helpers/compliance';
import { newGcpStack } from '../support';

/**
 * The GCP rule pack over the processing and orchestration blocks (SparkJob, Pipeline) and the
 * pipeline-gcp example: zero unacknowledged findings, bought with no suppression, and a weakened
 * resource is reported.
 */

const expectCompliant = (stack: TerraformStack): ComplianceReport => expectClean(checkCompliance(stack));

const acknowledgements = terraformAcknowledgements;

function base(stack: TerraformStack, project?: string) {
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    project,
    region: 'europe-west1',
    allowInternalIngress: true,
  });
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', project, location: 'europe-west1' });
  return { network, lake };
}

/** A pipeline in its maximal configuration: every prop set, three steps, a JVM step among them. */
function maximalStack(context: Record<string, unknown> = {}): { stack: TerraformStack; pipeline: Pipeline } {
  const stack = newGcpStack(context);
  const project = 'acme-data-prod';
  const { network, lake } = base(stack, project);
  const key = new EncryptionKey(stack, 'PipelineKey', {
    platformName: 'sales',
    purpose: 'pipeline',
    project,
    location: 'europe-west1',
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    project,
    emailAddresses: ['oncall@acme.com'],
  });
  const pipeline = new Pipeline(stack, 'Hourly', {
    platformName: 'sales',
    pipelineName: 'hourly',
    lake,
    network,
    project,
    encryptionKey: key,
    notificationTarget: alerts,
    schedule: { cron: '15 * * * *', timeZone: 'Europe/Brussels' },
    paused: true,
    maxAttempts: 10,
    retryDelaySeconds: 3600,
    pollIntervalSeconds: 10,
    logRetentionDays: 3650,
    callLogLevel: WorkflowCallLogLevel.LOG_ALL_CALLS,
    alertAutoCloseHours: 168,
    removalPolicy: DataRemovalPolicy.RETAIN,
    tags: { team: 'sales' },
    steps: [
      {
        name: 'clean',
        sourceZone: 'raw',
        targetZone: 'curated',
        mainPythonFileUri: 'gs://acme-code/clean.py',
        pythonFileUris: ['gs://acme-code/lib.zip'],
        fileUris: ['gs://acme-code/conf.json'],
        archiveUris: ['gs://acme-code/env.tar.gz'],
        args: ['--hour', 'last'],
        runtimeVersion: '2.3',
        properties: { 'spark.executor.instances': '8' },
        timeoutMinutes: 50,
      },
      {
        name: 'aggregate',
        sourceZone: 'curated',
        targetZone: 'serving',
        mainJarFileUri: 'gs://acme-code/aggregate.jar',
        jarFileUris: ['gs://acme-code/deps.jar'],
        stagingBucket: 'acme-dataproc-staging',
      },
      {
        name: 'backfill',
        sourceZone: 'raw',
        targetZone: 'serving',
        mainClass: 'com.acme.Backfill',
        jarFileUris: ['gs://acme-code/backfill.jar'],
      },
    ],
  });
  return { stack, pipeline };
}

describe('GCP rule pack over the processing and orchestration constructs', () => {
  test('SparkJob with defaults', () => {
    const stack = newGcpStack();
    const { network, lake } = base(stack);
    new SparkJob(stack, 'Clean', {
      platformName: 'sales',
      jobName: 'clean',
      lake,
      network,
      sourceZone: 'raw',
      targetZone: 'curated',
      mainPythonFileUri: 'gs://acme-code/clean.py',
    });
    expectCompliant(stack);
  });

  test('Pipeline with defaults', () => {
    const stack = newGcpStack();
    const { network, lake } = base(stack);
    new Pipeline(stack, 'Daily', {
      platformName: 'sales',
      pipelineName: 'daily',
      lake,
      network,
      steps: [
        {
          name: 'clean',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainPythonFileUri: 'gs://acme-code/clean.py',
        },
      ],
    });
    expectCompliant(stack);
  });

  test('Pipeline in its maximal configuration', () => {
    expectCompliant(maximalStack().stack);
  });

  test('the pipeline-gcp example, per stack and as a whole app', () => {
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const stacks = build(app);
    expect(stacks.map((s) => s.node.id)).toEqual(['pipeline-gcp']);
    for (const stack of stacks) expectCompliant(stack);
    expect(checkCompliance(app).findings).toEqual([]);
  });

  test('the blocks acknowledge nothing by default, nor for DESTROY without the flag', () => {
    expect(acknowledgements(maximalStack().stack)).toEqual([]);
    const stack = newGcpStack();
    const { network, lake } = base(stack);
    new Pipeline(stack, 'Daily', {
      platformName: 'sales',
      pipelineName: 'daily',
      lake,
      network,
      removalPolicy: DataRemovalPolicy.DESTROY,
      steps: [
        {
          name: 'clean',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainPythonFileUri: 'gs://acme-code/clean.py',
        },
      ],
    });
    expect(acknowledgements(stack)).toEqual([]);
  });

  test('a flag-guarded DESTROY acknowledges the retention rule on the log, staging (and code) buckets, with the reason', () => {
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { network, lake } = base(stack);
    const pipeline = new Pipeline(stack, 'Daily', {
      platformName: 'sales',
      pipelineName: 'daily',
      lake,
      network,
      removalPolicy: DataRemovalPolicy.DESTROY,
      steps: [
        {
          name: 'clean',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainPythonFileUri: 'gs://acme-code/clean.py',
        },
      ],
    });
    expect(checkCompliance(stack).findings).toEqual([]);
    expect(new Set(acknowledgements(pipeline).map((a) => JSON.stringify(a)))).toEqual(
      new Set([
        JSON.stringify({ ruleId: 'DPK_GCP_PREVENT_DESTROY', reason: DESTROY_ACKNOWLEDGEMENT_REASON }),
      ]),
    );
    expect(pipeline.stagingBucket.node.metadata.some((m) => m.type === ACKNOWLEDGEMENT_METADATA)).toBe(true);
    expect(pipeline.logBucket.node.metadata.some((m) => m.type === ACKNOWLEDGEMENT_METADATA)).toBe(true);
  });
});

describe('the pack can fail on a pipeline', () => {
  test("weakening the pipeline's own resources through the escape hatch is reported", () => {
    // GIVEN a workflow without its key and its service account, and a schedule calling anonymously
    const { stack, pipeline } = maximalStack();
    pipeline.workflow.addOverride('crypto_key_name', null);
    pipeline.workflow.addOverride('service_account', null);
    pipeline.schedulerJob.addOverride('http_target.oauth_token', null);
    // WHEN
    const report = checkCompliance(stack);
    // THEN exactly those are reported, at the pipeline's construct paths
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['DPK_GCP_WORKFLOWS_CMEK', 'Test/Hourly/Workflow'],
      ['DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT', 'Test/Hourly/Workflow'],
      ['DPK_GCP_SCHEDULER_AUTHENTICATED', 'Test/Hourly/Schedule'],
    ]);
  });

  test('a broader grant to the workflow beside the block is reported', () => {
    const { stack, pipeline } = maximalStack();
    for (const [id, role] of [
      ['Editor', 'roles/editor'],
      ['ActAsAnyone', 'roles/iam.serviceAccountUser'],
    ]) {
      new ProjectIamMember(stack, id, {
        project: 'acme-data-prod',
        role,
        member: pipeline.workflowPrincipal.iamMember,
      });
    }
    expect(checkCompliance(stack).findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['CKV_GCP_117', 'Test/Editor'],
      ['CKV_GCP_41', 'Test/ActAsAnyone'],
    ]);
  });

  test('a Dataproc batch made beside the block without its key or service account is reported', () => {
    const { stack } = maximalStack();
    new DataprocBatch(stack, 'Adhoc', {
      location: 'europe-west1',
      pysparkBatch: { mainPythonFileUri: 'gs://acme-code/adhoc.py' },
    });
    expect(checkCompliance(stack).findings.map((f) => f.ruleId)).toEqual([
      'DPK_GCP_DATAPROC_SERVERLESS_CMEK',
      'DPK_GCP_DATAPROC_SERVERLESS_SERVICE_ACCOUNT',
    ]);
  });

  test('the Workflows rules are errors, the scheduler rule a hardening warning, all in the pack', () => {
    for (const rule of [
      DPK_GCP_WORKFLOWS_CMEK,
      DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT,
      DPK_GCP_SCHEDULER_AUTHENTICATED,
    ]) {
      expect(DATA_PLATFORM_RULES).toContain(rule);
    }
    expect(DPK_GCP_WORKFLOWS_CMEK.level).toBe(RuleLevel.ERROR);
    expect(DPK_GCP_WORKFLOWS_SERVICE_ACCOUNT.level).toBe(RuleLevel.ERROR);
    expect(DPK_GCP_SCHEDULER_AUTHENTICATED.level).toBe(RuleLevel.WARNING);
  });
});
