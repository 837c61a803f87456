import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import type { IPrincipal } from '../../../src/azure/iam/principal';
import { Pipeline } from '../../../src/azure/orchestration/pipeline';
import { SparkJob } from '../../../src/azure/processing/spark-job';
import type { SparkStep } from '../../../src/azure/processing/spark-step';
import type { ILakeStorage } from '../../../src/azure/storage/lake-storage';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { ZoneAccess } from '../../../src/core/blocks';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG } from '../azure-stack';
import { newPlatform, TWO_STEPS } from '../processing/pipeline-fixtures';

const PIPELINE = 'azurerm_data_factory_pipeline';
const WORKSPACE = 'azurerm_log_analytics_workspace';
const ACCOUNT = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/foreignlake';

/** A lake the kit did not make (no log workspace exposed); grants go to a kit lake underneath. */
class ForeignLake extends Construct implements ILakeStorage {
  public readonly storageAccountId = ACCOUNT;
  public readonly storageAccountName = 'foreignlake';
  constructor(
    scope: Construct,
    id: string,
    private readonly inner: LakeStorage,
  ) {
    super(scope, id);
  }
  public get zoneNames(): readonly string[] {
    return this.inner.zoneNames;
  }
  public containerResourceId(zone: string): string {
    return `${ACCOUNT}/blobServices/default/containers/f-${zone}`;
  }
  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment {
    return this.inner.grant(principal, zone, access);
  }
  public grantRead(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.READ);
  }
  public grantWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }
  public grantReadWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }
}

/** Parses JSON that Terraform interpolates (quotes inside `${…}` made single). */
function parseTemplate(json: unknown): any {
  return JSON.parse(String(json).replace(/\$\{([^}]*)\}/g, (_, e: string) => `\${${e.replace(/"/g, "'")}}`));
}

/** A pipeline on a job with `steps`, in a stack with `context`; `lake` picks the job's lake. */
function build(options: { steps?: SparkStep[]; foreign?: boolean; context?: Record<string, unknown> } = {}) {
  const stack = newAzureStack(options.context);
  const platform = newPlatform({}, stack);
  const lake = options.foreign ? new ForeignLake(stack, 'Foreign', platform.lake) : platform.lake;
  const job = new SparkJob(stack, 'Job', {
    platformName: 'sales',
    jobName: 'orders',
    warehouse: platform.warehouse,
    lake,
    steps: [...(options.steps ?? TWO_STEPS)],
  });
  return { stack, job, lake };
}

describe('Pipeline step kinds and parameters', () => {
  test('a Spark job definition step runs as a SparkJob activity with path arguments, then its own', () => {
    // GIVEN a job definition step with a parameter
    const { stack, job } = build({
      steps: [
        {
          name: 'load',
          sourceZone: 'raw',
          targetZone: 'serving',
          sparkJobDefinition: 'load-orders',
          parameters: { run_date: '@pipeline().TriggerTime' },
        },
      ],
    });
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
    });
    // WHEN synthesized
    const [load] = parseTemplate(TfTemplate.fromStack(stack).resources(PIPELINE)[0].config.activities_json);
    // THEN a SparkJob activity on the pool, arguments: the kit's paths first, then the step's
    expect(load.type).toBe('SparkJob');
    expect(load.typeProperties.sparkJob).toEqual({
      referenceName: 'load-orders',
      type: 'SparkJobDefinitionReference',
    });
    expect(load.typeProperties.targetBigDataPool.type).toBe('BigDataPoolReference');
    expect(load.typeProperties.args).toEqual([
      '--source_path',
      expect.stringMatching(/^abfss:\/\/\$\{azurerm_storage_container\.Lake_RawContainer_/),
      '--target_path',
      expect.stringMatching(/^abfss:\/\/\$\{azurerm_storage_container\.Lake_ServingContainer_/),
      '--run_date',
      '@pipeline().TriggerTime',
    ]);
  });

  test("a notebook step's own parameters follow the kit's", () => {
    const { stack, job } = build({ steps: [{ ...TWO_STEPS[0], parameters: { full_refresh: 'true' } }] });
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
    });
    const [clean] = parseTemplate(TfTemplate.fromStack(stack).resources(PIPELINE)[0].config.activities_json);
    expect(Object.keys(clean.typeProperties.parameters)).toEqual([
      'source_path',
      'target_path',
      'full_refresh',
    ]);
    expect(clean.typeProperties.parameters.full_refresh).toEqual({ value: 'true', type: 'string' });
  });
});

describe('Pipeline on a lake the kit did not make', () => {
  test('public-cloud abfss roots from the container ids, and a run-log workspace of its own (365 days)', () => {
    // GIVEN a job on a foreign lake (no log workspace to reuse)
    const { stack, job } = build({ foreign: true });
    const pipeline = new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
    });
    const template = TfTemplate.fromStack(stack);
    // THEN paths come from the ids; the pipeline keeps its logs DEFAULT_LOG_RETENTION_DAYS
    const [clean] = parseTemplate(template.resources(PIPELINE)[0].config.activities_json);
    expect(clean.typeProperties.parameters.source_path.value).toBe(
      'abfss://f-raw@foreignlake.dfs.core.windows.net/',
    );
    expect(pipeline.logWorkspace).toBeDefined();
    template.hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-orders-logs-/),
      retention_in_days: Pipeline.DEFAULT_LOG_RETENTION_DAYS,
    });
  });
});

describe('Pipeline removal guard', () => {
  test('its run-log workspace is retained by default; the factory holds no data and is not', () => {
    const { stack, job } = build();
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
      logRetentionDays: 30,
    });
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-orders-logs-/),
      lifecycle: { prevent_destroy: true },
    });
    expect(template.resources('azurerm_data_factory')[0].config).not.toHaveProperty('lifecycle');
  });

  test('DESTROY without the flag: retained, with a warning', () => {
    const { stack, job } = build();
    const pipeline = new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
      logRetentionDays: 30,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    TfTemplate.fromStack(stack).hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-orders-logs-/),
      lifecycle: { prevent_destroy: true },
    });
    expect(warningsOf(pipeline).join('\n')).toContain(REMOVAL_DOWNGRADED_WARNING);
  });

  test('DESTROY with the flag: the workspace and the pipeline key may be destroyed', () => {
    const { stack, job } = build({ context: { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true } });
    new Pipeline(stack, 'Pipeline', {
      platformName: 'sales',
      pipelineName: 'orders',
      resourceGroup: RG,
      sparkJob: job,
      logRetentionDays: 30,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(WORKSPACE, {
      name: expect.stringMatching(/^sales-orders-logs-/),
      lifecycle: { prevent_destroy: false },
    });
    template.hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-pipeline-/),
      lifecycle: { prevent_destroy: false },
    });
  });
});
