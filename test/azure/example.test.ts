import * as os from 'node:os';
import { App } from 'cdktf';
import { build, RUNNER_EGRESS_CONTEXT } from '../../examples/lake-storage-azure/app';
import { KIT_RESOURCE_PROVIDERS } from '../../src/azure/resource-providers';
import { TfTemplate } from '../helpers/tf-template';

describe('examples/lake-storage-azure', () => {
  test('synthesizes a deployable lake: private account, reachable vault, one zone grant', () => {
    // GIVEN the example app and the runner's public egress range in context
    const app = new App({
      outdir: os.tmpdir(),
      stackTraces: false,
      context: { [RUNNER_EGRESS_CONTEXT]: '20.61.10.0/24' },
    });
    // WHEN its stack is built
    const [stack] = build(app);
    const template = TfTemplate.fromStack(stack);
    // THEN the provider never needs the account's data plane, and the deployer may reach the vault
    expect(stack.node.id).toBe('lake-storage-azure');
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
    template.hasResourceProperties('azurerm_resource_group', { location: 'westeurope' });
    template.hasResourceProperties('azurerm_key_vault', { network_acls: { ip_rules: ['20.61.10.0/24'] } });
    template.hasResourceProperties('azurerm_role_assignment', {
      role_definition_name: 'Storage Blob Data Reader',
    });
    expect(template.resourceCount()).toBe(17);
  });

  test('without a runner range the vault stays closed (a documented choice, never a placeholder range)', () => {
    const [stack] = build(new App({ outdir: os.tmpdir(), stackTraces: false }));
    TfTemplate.fromStack(stack).hasResourceProperties('azurerm_key_vault', {
      public_network_access_enabled: false,
      network_acls: { ip_rules: [] },
    });
  });
});
