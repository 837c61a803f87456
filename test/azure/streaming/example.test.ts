import * as os from 'node:os';
import { build } from '../../../examples/streaming-azure/app';
import { KIT_RESOURCE_PROVIDERS } from '../../../src/azure/resource-providers';
import { App } from '../../../src/terraform';
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
    // AND clients reach the namespace through its private endpoint in privatelink.servicebus.windows.net
    template.hasResourceProperties('azurerm_private_endpoint', {
      private_service_connection: { subresource_names: ['namespace'] },
    });
    template.hasResourceProperties('azurerm_private_dns_zone', {
      name: 'privatelink.servicebus.windows.net',
    });
    // 27 before: + the network (VNet, subnet, NSG and rules, DNS zones and links, lake and namespace
    // endpoints) and two time_sleeps (deployer → key, identities → lake CMK and Capture)
    expect(template.resourceCount()).toBe(44);
  });
});
