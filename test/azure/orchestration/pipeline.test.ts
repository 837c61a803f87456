import { Principal } from '../../../src/azure/iam/principal';
import { NotificationTarget } from '../../../src/azure/monitoring/notification-target';
import { Pipeline } from '../../../src/azure/orchestration/pipeline';
import { ScheduleFrequency } from '../../../src/azure/orchestration/pipeline-types';
import { PIPELINE_OPERATOR_ACTIONS } from '../../../src/azure/orchestration/roles';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { warningsOf } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG, SUBSCRIPTION_ID, tokens, waitsForPropagation } from '../azure-stack';
import { newPipeline, ref } from '../processing/pipeline-fixtures';

const FACTORY = 'azurerm_data_factory';
const PIPELINE = 'azurerm_data_factory_pipeline';
const TRIGGER = 'azurerm_data_factory_trigger_schedule';
const ALERT = 'azurerm_monitor_metric_alert';
const DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting';

/**
 * Parses JSON that Terraform interpolates: each `${expression}` inside a string has its quotes made
 * single, so the document parses and the reference stays visible (`connectivity_endpoints['dev']`).
 */
function parseTemplate(json: unknown): any {
  return JSON.parse(String(json).replace(/\$\{([^}]*)\}/g, (_, e: string) => `\${${e.replace(/"/g, "'")}}`));
}

/** The pipeline's activities, parsed from `activities_json`. */
function activities(template: ReturnType<ReturnType<typeof newPipeline>['template']>): any[] {
  return parseTemplate(template.resources(PIPELINE)[0].config.activities_json);
}

describe('Pipeline factory defaults', () => {
  test('a private factory in a managed virtual network, named for the platform and pipeline', () => {
    // GIVEN / WHEN defaults
    const { template } = newPipeline();
    // THEN public access off, managed VNet on, a global-hashed name and the kit's tags
    template().resourceCountIs(FACTORY, 1);
    template().hasResourceProperties(FACTORY, {
      name: expect.stringMatching(/^sales-orders-adf-[0-9a-f]{8}$/),
      public_network_enabled: false,
      managed_virtual_network_enabled: true,
      location: RG.location,
      resource_group_name: RG.name,
      tags: { 'data-platform': 'sales' },
    });
  });

  test('a system-assigned identity for Synapse and a user-assigned one for the key', () => {
    const { template } = newPipeline();
    template().hasResourceProperties(FACTORY, {
      identity: {
        type: 'SystemAssigned, UserAssigned',
        identity_ids: [ref('azurerm_user_assigned_identity', 'id')],
      },
      customer_managed_key_identity_id: ref('azurerm_user_assigned_identity', 'id'),
    });
    template().hasResourceProperties('azurerm_user_assigned_identity', {
      name: expect.stringMatching(/^sales-orders-adf-cmk-[0-9a-f]{8}$/),
    });
  });

  test('a pipeline key is created when none is given, and encrypts the factory (versionless id)', () => {
    const { template, pipeline } = newPipeline();
    expect(pipeline.encryptionKey).toBeInstanceOf(EncryptionKey);
    template().hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-pipeline-[0-9a-f]{8}$/),
    });
    template().hasResourceProperties(FACTORY, {
      customer_managed_key_id: ref('azurerm_key_vault_key', 'versionless_id'),
    });
  });

  test('CMK order: the key identity holds its key role before the factory is created', () => {
    // GIVEN / WHEN defaults
    const { template, pipeline } = newPipeline();
    // THEN the role is the key role on the pipeline key, for the key identity; the factory waits for it
    const grant = template().hasResourceProperties('azurerm_role_assignment', {
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      scope: expect.stringMatching(/azurerm_key_vault_key\.Pipeline_Key_/),
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
    });
    expect(waitsForPropagation(template().doc, FACTORY, `azurerm_role_assignment.${grant.name}`)).toBe(true);
    expect(pipeline.keyIdentityAccess.node.path).toContain('Pipeline/Key/');
  });

  test('an existing key: no vault, the factory encrypts with it', () => {
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/shared',
      keyVaultKeyId: 'https://shared.vault.azure.net/keys/data',
    });
    const { template } = newPipeline({ encryptionKey: key });
    expect(
      template().resources('azurerm_key_vault', { name: expect.stringMatching(/^sales-pipeline-/) }),
    ).toEqual([]);
    template().hasResourceProperties(FACTORY, {
      customer_managed_key_id: 'https://shared.vault.azure.net/keys/data',
    });
  });

  test("the deployer's ranges open the vault the pipeline creates", () => {
    newPipeline({ keyVaultAllowedIpRanges: ['20.61.10.0/24'] })
      .template()
      .hasResourceProperties('azurerm_key_vault', {
        name: expect.stringMatching(/^sales-pipeline-/),
        network_acls: { ip_rules: ['20.61.10.0/24'] },
      });
  });

  test('location, factory name and tags', () => {
    const { template } = newPipeline({
      location: 'northeurope',
      factoryName: 'sales-etl',
      tags: { owner: 'etl' },
    });
    template().hasResourceProperties(FACTORY, {
      name: 'sales-etl',
      location: 'northeurope',
      tags: { 'data-platform': 'sales', owner: 'etl' },
    });
    template().hasResourceProperties('azurerm_data_factory_integration_runtime_azure', {
      location: 'northeurope',
    });
  });
});

describe('Pipeline reach to Synapse', () => {
  test('an integration runtime in the managed virtual network', () => {
    newPipeline()
      .template()
      .hasResourceProperties('azurerm_data_factory_integration_runtime_azure', {
        name: Pipeline.INTEGRATION_RUNTIME_NAME,
        data_factory_id: ref(FACTORY, 'id'),
        virtual_network_enabled: true,
      });
  });

  test("a managed private endpoint to the workspace's development endpoint, pending approval", () => {
    const { template, pipeline } = newPipeline();
    template().hasResourceProperties('azurerm_data_factory_managed_private_endpoint', {
      name: Pipeline.SYNAPSE_ENDPOINT_NAME,
      target_resource_id: ref('azurerm_synapse_workspace', 'id'),
      subresource_name: 'Dev',
    });
    expect(warningsOf(pipeline).join('\n')).toContain(Pipeline.ENDPOINT_APPROVAL_WARNING);
  });

  test('a Synapse (Artifacts) linked service: the dev endpoint, the factory identity, the managed runtime', () => {
    const { template } = newPipeline();
    const ls = template().hasResourceProperties('azurerm_data_factory_linked_custom_service', {
      name: Pipeline.SYNAPSE_LINKED_SERVICE_NAME,
      type: 'AzureSynapseArtifacts',
      integration_runtime: { name: ref('azurerm_data_factory_integration_runtime_azure', 'name') },
    });
    expect(parseTemplate(ls.config.type_properties_json)).toEqual({
      endpoint: expect.stringMatching(
        /^\$\{azurerm_synapse_workspace\.\w+\.connectivity_endpoints\['dev'\]\}$/,
      ),
      authentication: 'MSI',
      workspaceResourceId: ref('azurerm_synapse_workspace', 'id'),
    });
  });

  test('without data-plane reach: no Synapse roles, and a warning names the ones to assign', () => {
    const { template, pipeline } = newPipeline();
    expect(pipeline.runGrants).toEqual([]);
    template().resourceCountIs('azurerm_synapse_role_assignment', 0);
    const warnings = warningsOf(pipeline).join('\n');
    expect(warnings).toContain(Pipeline.SYNAPSE_RBAC_SKIPPED_WARNING);
    expect(warnings).toContain("'Synapse Compute Operator'");
    expect(template().resources(TRIGGER)[0].config).not.toHaveProperty('depends_on');
  });

  test('with data-plane reach: the factory identity may run the job, and the trigger waits for it', () => {
    // GIVEN a warehouse the deployer reaches / WHEN the pipeline is added
    const { template, pipeline } = newPipeline({}, { dataPlane: true });
    // THEN two Synapse roles for the factory's system identity, and nothing on the lake
    expect(pipeline.runGrants).toHaveLength(2);
    const factoryPrincipal = ref(FACTORY, 'identity[0].principal_id');
    template().hasResourceProperties('azurerm_synapse_role_assignment', {
      role_name: 'Synapse Artifact User',
      principal_id: factoryPrincipal,
    });
    template().hasResourceProperties('azurerm_synapse_role_assignment', {
      role_name: 'Synapse Compute Operator',
      principal_id: factoryPrincipal,
      synapse_spark_pool_id: ref('azurerm_synapse_spark_pool', 'id'),
    });
    expect(template().resources('azurerm_role_assignment', { principal_id: factoryPrincipal })).toEqual([]);
    expect(template().resources(TRIGGER)[0].config.depends_on).toHaveLength(2);
    expect(warningsOf(pipeline).join('\n')).not.toContain(Pipeline.SYNAPSE_RBAC_SKIPPED_WARNING);
  });
});

describe('Pipeline activities', () => {
  test('one Synapse notebook activity per step, in order, each after the previous succeeded', () => {
    const { template } = newPipeline();
    const acts = activities(template());
    expect(acts.map((a) => [a.name, a.type, a.dependsOn])).toEqual([
      ['clean', 'SynapseNotebook', []],
      ['publish', 'SynapseNotebook', [{ activity: 'clean', dependencyConditions: ['Succeeded'] }]],
    ]);
    expect(acts[0].typeProperties.notebook).toEqual({
      referenceName: 'clean_orders',
      type: 'NotebookReference',
    });
    expect(acts[0].linkedServiceName).toEqual({
      referenceName: ref('azurerm_data_factory_linked_custom_service', 'name'),
      type: 'LinkedServiceReference',
    });
    expect(acts[1].typeProperties.sparkPool).toEqual({
      referenceName: ref('azurerm_synapse_spark_pool', 'name'),
      type: 'BigDataPoolReference',
    });
  });

  test("each step gets its zones' abfss roots as source_path and target_path", () => {
    const [clean] = activities(newPipeline().template());
    const root = (zone: string) =>
      expect.stringMatching(
        new RegExp(
          `^abfss://\\$\\{azurerm_storage_container\\.Lake_${zone}Container_\\w+\\.name\\}@\\$\\{azurerm_storage_account\\.\\w+\\.primary_dfs_host\\}/$`,
        ),
      );
    expect(clean.typeProperties.parameters).toEqual({
      source_path: { value: root('Raw'), type: 'string' },
      target_path: { value: root('Curated'), type: 'string' },
    });
  });

  test('DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_DELAY_SECONDS, DEFAULT_STEP_TIMEOUT_MINUTES: 3 attempts (2 retries), 5 minutes apart, 2 hours', () => {
    expect([
      Pipeline.DEFAULT_MAX_ATTEMPTS,
      Pipeline.DEFAULT_RETRY_DELAY_SECONDS,
      Pipeline.DEFAULT_STEP_TIMEOUT_MINUTES,
    ]).toEqual([3, 300, 120]);
    for (const a of activities(newPipeline().template())) {
      expect(a.policy).toEqual({
        timeout: '0.02:00:00',
        retry: 2,
        retryIntervalInSeconds: 300,
        secureInput: false,
        secureOutput: false,
      });
    }
  });

  test('retry policy and timeout options (7 days is D.HH:MM:SS 7.00:00:00)', () => {
    const [a] = activities(
      newPipeline({ maxAttempts: 1, retryDelaySeconds: 30, stepTimeoutMinutes: 10080 }).template(),
    );
    expect(a.policy).toMatchObject({ timeout: '7.00:00:00', retry: 0, retryIntervalInSeconds: 30 });
    // ADF's retry counts the attempts after the first: the most attempts is 9 retries
    const [c] = activities(newPipeline({ maxAttempts: Pipeline.MAX_ATTEMPTS_RANGE.max }).template());
    expect(c.policy.retry).toBe(9);
    const [b] = activities(newPipeline({ stepTimeoutMinutes: 1505 }).template());
    expect(b.policy.timeout).toBe('1.01:05:00');
  });

  test('one run at a time', () => {
    expect(Pipeline.CONCURRENCY).toBe(1);
    newPipeline().template().hasResourceProperties(PIPELINE, { name: 'orders', concurrency: 1 });
  });

  test('an unresolved attempt count becomes a Terraform expression: the attempts after the first', () => {
    const json = String(
      newPipeline({ maxAttempts: tokens.number() }).template().resources(PIPELINE)[0].config.activities_json,
    );
    expect(json).toContain('"retry":${sum([tonumber("30"), -1])},');
  });
});

describe('Pipeline schedule', () => {
  test('DEFAULT_SCHEDULE_*: daily at 02:00 UTC, deactivated until the data-plane pass', () => {
    expect([
      Pipeline.DEFAULT_SCHEDULE_FREQUENCY,
      Pipeline.DEFAULT_SCHEDULE_INTERVAL,
      Pipeline.DEFAULT_SCHEDULE_HOUR,
      Pipeline.DEFAULT_SCHEDULE_MINUTE,
      Pipeline.DEFAULT_SCHEDULE_TIME_ZONE,
    ]).toEqual([ScheduleFrequency.DAY, 1, 2, 0, 'UTC']);
    const trigger = newPipeline()
      .template()
      .hasResourceProperties(TRIGGER, {
        name: 'orders-schedule',
        pipeline_name: ref(PIPELINE, 'name'),
        frequency: 'Day',
        interval: 1,
        schedule: { hours: [2], minutes: [0] },
        time_zone: 'UTC',
        // The factory has no Synapse roles yet (deployerReachesWorkspace is off): no paging runs.
        activated: false,
      });
    expect(trigger.config).not.toHaveProperty('start_time');
  });

  test('every 6 hours at minute 15, from a start time, in a named time zone', () => {
    newPipeline({
      schedule: {
        frequency: ScheduleFrequency.HOUR,
        interval: 6,
        minutes: [15],
        startTime: '2026-12-01T00:00:00Z',
        timeZone: 'W. Europe Standard Time',
      },
    })
      .template()
      .hasResourceProperties(TRIGGER, {
        frequency: 'Hour',
        interval: 6,
        schedule: { minutes: [15] },
        start_time: '2026-12-01T00:00:00Z',
        time_zone: 'W. Europe Standard Time',
      });
  });

  test('an hourly schedule gets minute 0 and no hours; a minute schedule gets neither', () => {
    const hourly = newPipeline({ schedule: { frequency: ScheduleFrequency.HOUR } }).template();
    expect(hourly.resources(TRIGGER)[0].config.schedule).toEqual({ minutes: [0] });
    const minutely = newPipeline({
      schedule: { frequency: ScheduleFrequency.MINUTE, interval: 15 },
    }).template();
    expect(minutely.resources(TRIGGER)[0].config).not.toHaveProperty('schedule');
  });

  test('weekly at two hours', () => {
    newPipeline({ schedule: { frequency: ScheduleFrequency.WEEK, hours: [1, 13], minutes: [30] } })
      .template()
      .hasResourceProperties(TRIGGER, { frequency: 'Week', schedule: { hours: [1, 13], minutes: [30] } });
  });

  test('an unresolved start time is passed through', () => {
    newPipeline({ schedule: { startTime: tokens.string() } })
      .template()
      .hasResourceProperties(TRIGGER, { start_time: '${lower("NAME")}' });
  });
});

describe('Pipeline monitoring', () => {
  test("run logs (pipeline, activity, trigger runs) go to the kit lake's workspace by default", () => {
    const { template, pipeline } = newPipeline();
    expect(pipeline.logWorkspace).toBeUndefined();
    template().hasResourceProperties(DIAGNOSTICS, {
      name: 'data-factory-run-logs',
      target_resource_id: ref(FACTORY, 'id'),
      log_analytics_workspace_id: expect.stringMatching(
        /^\$\{azurerm_log_analytics_workspace\.Lake_AccessLogWorkspace_\w+\.id\}$/,
      ),
      log_analytics_destination_type: 'Dedicated',
      enabled_log: [{ category: 'PipelineRuns' }, { category: 'ActivityRuns' }, { category: 'TriggerRuns' }],
    });
    template().resourceCountIs('azurerm_log_analytics_workspace', 1);
  });

  test('DEFAULT_LOG_RETENTION_DAYS: 365; logRetentionDays makes a retained workspace of the pipeline', () => {
    expect(Pipeline.DEFAULT_LOG_RETENTION_DAYS).toBe(365);
    const { template, pipeline } = newPipeline({ logRetentionDays: 90 });
    expect(pipeline.logWorkspace).toBeDefined();
    template().hasResourceProperties('azurerm_log_analytics_workspace', {
      name: expect.stringMatching(/^sales-orders-logs-[0-9a-f]{8}$/),
      retention_in_days: 90,
      local_authentication_enabled: false,
      lifecycle: { prevent_destroy: true },
    });
    template().hasResourceProperties(DIAGNOSTICS, {
      name: 'data-factory-run-logs',
      log_analytics_workspace_id: expect.stringMatching(/Pipeline_LogWorkspace_/),
    });
  });

  test('an existing workspace', () => {
    const id =
      '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central';
    newPipeline({ logAnalyticsWorkspaceId: id })
      .template()
      .hasResourceProperties(DIAGNOSTICS, { name: 'data-factory-run-logs', log_analytics_workspace_id: id });
  });

  test('a failed run (or a step timed out) alerts the notification target', () => {
    const base = newPipeline();
    const alerts = new NotificationTarget(base.stack, 'Alerts', {
      platformName: 'sales',
      resourceGroup: RG,
      emailAddresses: ['oncall@example.com'],
    });
    new Pipeline(base.stack, 'Second', {
      platformName: 'sales',
      pipelineName: 'second',
      resourceGroup: RG,
      sparkJob: base.job,
      notificationTarget: alerts,
      logRetentionDays: 30,
    });
    const template = base.template();
    const failed = template.hasResourceProperties(ALERT, {
      name: expect.stringMatching(/^sales-second-failed-runs-[0-9a-f]{8}$/),
      scopes: [expect.stringMatching(/Second_Factory_/)],
      severity: 1,
      frequency: 'PT5M',
      window_size: 'PT15M',
      auto_mitigate: true,
      criteria: [
        {
          metric_namespace: 'Microsoft.DataFactory/factories',
          metric_name: 'PipelineFailedRuns',
          aggregation: 'Total',
          operator: 'GreaterThan',
          threshold: 0,
          dimension: [{ name: 'Name', operator: 'Include', values: ['second'] }],
        },
      ],
    });
    expect(failed.config.action).toEqual([{ action_group_id: ref('azurerm_monitor_action_group', 'id') }]);
  });

  test('a trigger that failed to start a run alerts too', () => {
    newPipeline()
      .template()
      .hasResourceProperties(ALERT, {
        name: expect.stringMatching(/^sales-orders-failed-triggers-[0-9a-f]{8}$/),
        criteria: [
          {
            metric_name: 'TriggerFailedRuns',
            dimension: [{ name: 'Name', operator: 'Include', values: [ref(TRIGGER, 'name')] }],
          },
        ],
      });
  });

  test('without a notification target the alerts still exist, and a warning says no one is told', () => {
    const { template, pipeline } = newPipeline();
    template().resourceCountIs(ALERT, 2);
    for (const a of template().resources(ALERT)) expect(a.config).not.toHaveProperty('action');
    expect(warningsOf(pipeline).join('\n')).toContain(Pipeline.NO_NOTIFICATION_WARNING);
  });
});

describe('Pipeline grantOperate', () => {
  test('one run-and-observe custom role, assignable in the resource group, assigned on the factory', () => {
    // GIVEN a pipeline / WHEN two principals may operate it
    const { template, pipeline } = newPipeline();
    pipeline.grantOperate(Principal.group('0f0e0d0c-0b0a-4908-8706-050403020100'));
    const again = pipeline.grantOperate(Principal.group('0f0e0d0c-0b0a-4908-8706-050403020100'));
    pipeline.grantOperate(Principal.servicePrincipal(OBJECT_ID));
    // THEN one definition with exactly the operator actions, no data actions
    const group = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RG.name}`;
    template().resourceCountIs('azurerm_role_definition', 1);
    template().hasResourceProperties('azurerm_role_definition', {
      name: expect.stringMatching(/^sales-orders-operator-[0-9a-f]{8}-[0-9a-f]{8}$/),
      scope: group,
      assignable_scopes: [group],
      permissions: [{ actions: [...PIPELINE_OPERATOR_ACTIONS], data_actions: [] }],
    });
    expect(PIPELINE_OPERATOR_ACTIONS).toContain('Microsoft.DataFactory/factories/pipelines/createrun/action');
    expect(PIPELINE_OPERATOR_ACTIONS.some((a) => a.includes('*') || /\/write$|\/delete$/.test(a))).toBe(
      false,
    );
    // AND each principal is assigned it once, on the factory only
    const assignments = template().resources('azurerm_role_assignment', {
      role_definition_id: ref('azurerm_role_definition', 'role_definition_resource_id'),
    });
    expect(assignments).toHaveLength(2);
    for (const a of assignments) expect(a.config.scope).toEqual(ref(FACTORY, 'id'));
    expect(again.node.path).toContain('Pipeline/Operate');
  });
});
