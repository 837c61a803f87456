import * as os from 'node:os';
import { build } from '../../../examples/streaming-azure/app';
import { App } from '../../../src/core/tf';
import { TfTemplate } from '../../helpers/tf-template';

describe('examples/streaming-azure', () => {
  test('lands the clickstream in raw, alerts a kit-made action group, one producer and one consumer', () => {
    // GIVEN the example app / WHEN its stack is built
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const [stack] = build(app);
    const template = TfTemplate.fromStack(stack);
    // THEN the stack is kebab-case, the provider never needs the lake's data plane
    expect(stack.node.id).toBe('streaming-azure');
    expect(template.doc.provider).toEqual({
      azurerm: [{ features: [{ storage: [{ data_plane_available: false }] }], storage_use_azuread: true }],
    });
    // AND Capture writes into the raw container, the alerts notify the action group
    const raw = template
      .resources('azurerm_storage_container')
      .find((c) => String(c.config.name).startsWith('sales-raw-'));
    template.hasResourceProperties('azurerm_eventhub', {
      name: 'clickstream',
      capture_description: {
        destination: { blob_container_name: `\${azurerm_storage_container.${raw!.name}.name}` },
      },
    });
    template.allResourcesHave('azurerm_monitor_metric_alert', {
      action: [{ action_group_id: expect.stringMatching(/^\$\{azurerm_monitor_action_group\.\w+\.id\}$/) }],
    });
    // AND the producer sends to the hub, the consumer reads its own consumer group
    template.hasResourceProperties('azurerm_role_assignment', {
      role_definition_name: 'Azure Event Hubs Data Sender',
      principal_id: '${azurerm_user_assigned_identity.Producer.principal_id}',
    });
    template.hasResourceProperties('azurerm_role_assignment', {
      role_definition_name: 'Azure Event Hubs Data Receiver',
      principal_id: '${azurerm_user_assigned_identity.Consumer.principal_id}',
      scope: expect.stringMatching(/^\$\{azurerm_eventhub_consumer_group\.\w+\.id\}$/),
    });
    expect(template.resourceCount()).toBe(27);
  });
});
