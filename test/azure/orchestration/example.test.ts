import * as os from 'node:os';
import { build, DEPLOYER_REACHES_WORKSPACE_CONTEXT } from '../../../examples/pipeline-azure/app';
import { KIT_RESOURCE_PROVIDERS } from '../../../src/azure/resource-providers';
import { App } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';

function synth(context: Record<string, unknown> = {}) {
  const app = new App({ outdir: os.tmpdir(), stackTraces: false, context });
  const [stack] = build(app);
  return { stack, template: TfTemplate.fromStack(stack) };
}

describe('examples/pipeline-azure', () => {
  test('first apply: raw -> curated -> serving daily on a Spark pool, private factory, alerts to on-call', () => {
    // GIVEN / WHEN the example with its default context
    const { stack, template } = synth();
    // THEN the documented stack: kebab id, provider without storage data plane
    expect(stack.node.id).toBe('pipeline-azure');
    expect(template.doc.provider).toEqual({
      azurerm: [
        {
          features: [{ storage: [{ data_plane_available: false }] }],
          storage_use_azuread: true,
          // Not in azurerm 4.x's default registrations: see KIT_RESOURCE_PROVIDERS.
          resource_providers_to_register: [...KIT_RESOURCE_PROVIDERS].sort(),
        },
      ],
      // time_sleep: role assignments propagate before their consumers.
      time: [{}],
    });
    // AND one shared vault, a Spark pool, a private CMK factory running two notebooks daily
    template.resourceCountIs('azurerm_key_vault', 1);
    template.resourceCountIs('azurerm_synapse_spark_pool', 1);
    template.hasResourceProperties('azurerm_data_factory', {
      public_network_enabled: false,
      managed_virtual_network_enabled: true,
      customer_managed_key_id: expect.stringMatching(
        /^\$\{azurerm_key_vault_key\.Key_\w+\.versionless_id\}$/,
      ),
    });
    const activities = String(template.resources('azurerm_data_factory_pipeline')[0].config.activities_json);
    expect(activities.match(/"type":"SynapseNotebook"/g)).toHaveLength(2);
    template.hasResourceProperties('azurerm_data_factory_trigger_schedule', {
      frequency: 'Day',
      schedule: { hours: [2], minutes: [0] },
      time_zone: 'UTC',
    });
    // AND both failure alerts notify the example's action group
    template.allResourcesHave('azurerm_monitor_metric_alert', {
      action: [
        { action_group_id: expect.stringMatching(/^\$\{azurerm_monitor_action_group\.Alerts_\w+\.id\}$/) },
      ],
    });
    // AND the workspace identity holds exactly the steps' zones
    const storageRoles = template
      .resources('azurerm_role_assignment')
      .filter((r) => String(r.config.principal_id).includes('azurerm_synapse_workspace'))
      .map((r) => String(r.config.role_definition_name))
      .filter((role) => role.startsWith('Storage '))
      .sort();
    expect(storageRoles).toEqual([
      'Storage Blob Data Contributor',
      'Storage Blob Data Contributor',
      'Storage Blob Data Reader',
    ]);
    template.resourceCountIs('azurerm_synapse_role_assignment', 0);
    // +4 time_sleep: deployer → key; identities → lake CMK, Synapse key activation, factory CMK
    expect(template.resourceCount()).toBe(58);
    expect(template.doc.output).toHaveProperty('DataFactoryName');
  });

  test("second apply from inside the network: the warehouse's endpoints and the factory's Synapse roles", () => {
    const { template } = synth({ [DEPLOYER_REACHES_WORKSPACE_CONTEXT]: true });
    template.resourceCountIs('azurerm_synapse_managed_private_endpoint', 2);
    template.hasResourceProperties('azurerm_synapse_role_assignment', { role_name: 'Synapse Artifact User' });
    template.hasResourceProperties('azurerm_synapse_role_assignment', {
      role_name: 'Synapse Compute Operator',
    });
    expect(template.resourceCount()).toBe(62);
  });
});
