import * as os from 'node:os';
import * as path from 'node:path';
import { build, RUNNER_EGRESS_CONTEXT } from '../../../examples/pipeline-azure/app';
import { checkCompliance, DATA_PLATFORM_RULES } from '../../../src/azure/compliance';
import { Principal } from '../../../src/azure/iam/principal';
import { NotificationTarget } from '../../../src/azure/monitoring/notification-target';
import { Pipeline } from '../../../src/azure/orchestration/pipeline';
import { ScheduleFrequency } from '../../../src/azure/orchestration/pipeline-types';
import { SparkJob, SparkNodeSize, SparkVersion } from '../../../src/azure/processing/spark-job';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { App, type TerraformStack } from '../../../src/terraform';
import { checkTerraform, DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean } from '../../helpers/compliance';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';
import { newPipeline, newPlatform, newSparkJob, TWO_STEPS } from '../processing/pipeline-fixtures';

const LOGS =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central';

/** The job and pipeline with every option, on a platform the deployer reaches. */
function maximal(): TerraformStack {
  const { stack, warehouse, lake } = newPlatform({ dataPlane: true });
  const job = new SparkJob(stack, 'Job', {
    platformName: 'sales',
    jobName: 'orders',
    warehouse,
    lake,
    steps: [
      TWO_STEPS[0],
      {
        name: 'publish',
        sourceZone: 'curated',
        targetZone: 'serving',
        sparkJobDefinition: 'publish-orders',
        parameters: { mode: 'full' },
      },
    ],
    nodeSize: SparkNodeSize.XXXLARGE,
    computeIsolation: true,
    minNodes: 3,
    maxNodes: 20,
    autoPauseDelayMinutes: 30,
    sparkVersion: SparkVersion.V3_4,
    sparkPoolName: 'ordersPool',
    tags: { owner: 'etl' },
  });
  job.grantRun(Principal.group(OBJECT_ID));
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    resourceGroup: RG,
    emailAddresses: ['oncall@example.com'],
  });
  new Pipeline(stack, 'Pipeline', {
    platformName: 'sales',
    pipelineName: 'orders',
    resourceGroup: RG,
    location: 'northeurope',
    sparkJob: job,
    schedule: {
      frequency: ScheduleFrequency.WEEK,
      interval: 2,
      hours: [1, 13],
      minutes: [30],
      startTime: '2026-12-01T00:00:00Z',
      timeZone: 'W. Europe Standard Time',
    },
    maxAttempts: 6,
    retryDelaySeconds: 600,
    stepTimeoutMinutes: 480,
    notificationTarget: alerts,
    keyVaultAllowedIpRanges: ['20.61.10.0/24'],
    logRetentionDays: 730,
    factoryName: 'sales-orders-etl',
    removalPolicy: DataRemovalPolicy.RETAIN,
    tags: { owner: 'etl' },
  });
  return stack;
}

/** Every configuration held to zero findings, by name. */
const CONFIGURATIONS: Record<string, () => TerraformStack> = {
  'SparkJob defaults': () => newSparkJob().stack,
  'Pipeline defaults': () => newPipeline().stack,
  'Pipeline with the data plane: Synapse roles for the factory': () =>
    newPipeline({}, { dataPlane: true }).stack,
  'Pipeline with an existing log workspace': () => newPipeline({ logAnalyticsWorkspaceId: LOGS }).stack,
  'Pipeline sharing the platform key': () => {
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, platformName: 'sales' });
    const { warehouse, lake } = newPlatform({ warehouse: { encryptionKey: key } }, stack);
    const job = new SparkJob(stack, 'Job', {
      platformName: 'sales',
      jobName: 'orders',
      warehouse,
      lake,
      steps: TWO_STEPS,
    });
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
      encryptionKey: key,
    });
    return stack;
  },
  'SparkJob and Pipeline maximal': () => maximal(),
};

describe('Azure pack on the processing and orchestration blocks', () => {
  test.each(Object.keys(CONFIGURATIONS))('%s: zero unacknowledged findings', (name) => {
    expectClean(checkCompliance(CONFIGURATIONS[name]()));
  });

  test("the blocks acknowledge nothing; only the pipeline vault opened to the deployer's range is", () => {
    const acknowledged = Object.values(CONFIGURATIONS).flatMap(
      (make) => checkCompliance(make()).acknowledged,
    );
    expect(acknowledged.map((a) => `${a.ruleId} ${a.path}`)).toEqual([
      'CKV_AZURE_189 Test/Pipeline/Key/Vault',
    ]);
    expect(acknowledged[0].reason).toBe(EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT.reason);
  });

  test.each([
    'CKV_AZURE_104',
    'CKV2_AZURE_15',
    'DPK_AZURE_DATA_FACTORY_MANAGED_VNET',
    'DPK_AZURE_DATA_FACTORY_MANAGED_IDENTITY',
    'DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET',
    'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS',
    'DPK_AZURE_DATA_FACTORY_FAILURE_ALERT',
    'DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE',
    'DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES',
    'DPK_AZURE_PREVENT_DESTROY',
  ])('%s runs on the maximal configuration, and passes', (id) => {
    // GIVEN the maximal configuration / WHEN one rule runs / THEN it checked something, cleanly
    const rule = DATA_PLATFORM_RULES.find((r) => r.id === id)!;
    const report = checkTerraform(maximal(), [rule]);
    expect(report.checks).toBeGreaterThan(0);
    expect(report.findings).toEqual([]);
  });

  test('DESTROY with the flag: the run-log workspace and the pipeline key are acknowledged with the guard reason', () => {
    // GIVEN a pipeline whose own workspace and key may be destroyed
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { warehouse, lake } = newPlatform({}, stack);
    const job = new SparkJob(stack, 'Job', {
      platformName: 'sales',
      jobName: 'orders',
      warehouse,
      lake,
      steps: TWO_STEPS,
    });
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
      logRetentionDays: 30,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    // WHEN checked / THEN no finding; the retention rule is acknowledged on the pipeline's own stateful resources
    const report = expectClean(checkCompliance(stack));
    const ours = report.acknowledged.filter((a) => a.path?.startsWith('Test/Pipeline/'));
    expect(ours.map((a) => a.address.split('.')[0]).sort()).toEqual([
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_log_analytics_workspace',
    ]);
    expect(new Set(ours.map((a) => a.reason))).toEqual(new Set([DESTROY_ACKNOWLEDGEMENT_REASON]));
  });
});

describe('Azure pack: weakened processing and orchestration resources are reported', () => {
  test('a factory opened, its runtime outside the managed network, its logs and alert removed', () => {
    const { stack, pipeline } = newPipeline();
    pipeline.factory.addOverride('public_network_enabled', true);
    pipeline.factory.addOverride('customer_managed_key_id', null);
    pipeline.integrationRuntime.addOverride('virtual_network_enabled', false);
    pipeline.runLogs.addOverride('target_resource_id', '${azurerm_data_factory.other.id}');
    pipeline.failedRunsAlert.addOverride('enabled', false);
    expect(
      checkCompliance(stack)
        .findings.map((f) => `${f.ruleId} ${f.path}`)
        .sort(),
    ).toEqual([
      'CKV2_AZURE_15 Test/Pipeline/Factory',
      'CKV_AZURE_104 Test/Pipeline/Factory',
      'DPK_AZURE_DATA_FACTORY_DIAGNOSTIC_LOGS Test/Pipeline/Factory',
      'DPK_AZURE_DATA_FACTORY_FAILURE_ALERT Test/Pipeline/Factory',
      'DPK_AZURE_DATA_FACTORY_IR_MANAGED_VNET Test/Pipeline/IntegrationRuntime',
    ]);
  });

  test('a Spark pool that never pauses and lets sessions install packages', () => {
    const { stack, job } = newSparkJob();
    job.sparkPool.addOverride('auto_pause', null);
    job.sparkPool.addOverride('session_level_packages_enabled', true);
    expect(
      checkCompliance(stack)
        .findings.map((f) => `${f.ruleId} ${f.path}`)
        .sort(),
    ).toEqual([
      'DPK_AZURE_SYNAPSE_SPARK_AUTO_PAUSE Test/Job/Pool',
      'DPK_AZURE_SYNAPSE_SPARK_SESSION_PACKAGES Test/Job/Pool',
    ]);
  });
});

describe('Azure pack: the pipeline-azure example', () => {
  test('zero unacknowledged findings; the shared vault opened to the deployer is acknowledged', () => {
    // GIVEN the example app with the runner's egress range / WHEN checked as a whole app
    const app = new App({
      outdir: path.join(os.tmpdir(), 'data-platform-kit-tests'),
      stackTraces: false,
      context: { [RUNNER_EGRESS_CONTEXT]: '20.61.10.0/24' },
    });
    const [stack] = build(app);
    const report = expectClean(checkCompliance(app));
    // THEN clean, and the example is the documented shape
    expect(stack.node.id).toBe('pipeline-azure');
    expect(report.acknowledged.map((a) => `${a.ruleId} ${a.path}`)).toEqual([
      'CKV_AZURE_189 pipeline-azure/Key/Vault',
    ]);
    expect(report.checks).toBeGreaterThanOrEqual(50);
  });
});
