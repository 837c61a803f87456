import * as os from 'node:os';
import { build, DEPLOYER_REACHES_WORKSPACE_CONTEXT } from '../../../examples/warehouse-azure/app';
import { App } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';

function synth(context: Record<string, unknown> = {}) {
  const app = new App({ outdir: os.tmpdir(), stackTraces: false, context });
  const [stack] = build(app);
  return { stack, template: TfTemplate.fromStack(stack) };
}

describe('examples/warehouse-azure', () => {
  test('first apply: network, lake, catalog and a private warehouse; storage grants for the personas', () => {
    // GIVEN / WHEN the example with its default context
    const { stack, template } = synth();
    // THEN the documented stack: one shared vault, lake endpoints, the workspace on the lake
    expect(stack.node.id).toBe('warehouse-azure');
    template.resourceCountIs('azurerm_key_vault', 1);
    template.resourceCountIs('azurerm_private_endpoint', 6);
    template.hasResourceProperties('azurerm_synapse_workspace', {
      public_network_access_enabled: false,
      azuread_authentication_only: true,
      managed_virtual_network_enabled: true,
      data_exfiltration_protection_enabled: true,
    });
    template.hasResourceProperties('azurerm_role_assignment', {
      principal_type: 'Group',
      role_definition_name: 'Storage Blob Data Reader',
    });
    template.hasResourceProperties('azurerm_role_assignment', {
      principal_type: 'Group',
      role_definition_name: 'Storage Blob Data Contributor',
    });
    template.resourceCountIs('azurerm_synapse_role_assignment', 0);
    // +3 time_sleep: deployer → key, lake identity → account CMK, workspace identity → key activation
    expect(template.resourceCount()).toBe(45);
    expect(template.doc.output).toHaveProperty('ServingDatabaseLocation');
  });

  test('second apply from inside the network adds the managed endpoints and Synapse RBAC', () => {
    // GIVEN the context flag the runner sets / WHEN synthesized
    const { template } = synth({ [DEPLOYER_REACHES_WORKSPACE_CONTEXT]: true });
    // THEN dfs and blob managed endpoints, and the analysts' and engineers' Synapse roles
    template.resourceCountIs('azurerm_synapse_managed_private_endpoint', 2);
    template.hasResourceProperties('azurerm_synapse_role_assignment', { role_name: 'Synapse Artifact User' });
    template.hasResourceProperties('azurerm_synapse_role_assignment', { role_name: 'Synapse Contributor' });
    expect(template.resourceCount()).toBe(49);
  });
});
