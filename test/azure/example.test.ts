import * as os from 'node:os';
import { App } from 'cdktf';
import { build } from '../../examples/lake-storage-azure/app';
import { TfTemplate } from '../helpers/tf-template';

describe('examples/lake-storage-azure', () => {
  test('synthesizes a deployable lake: private account, reachable vault, one zone grant', () => {
    // GIVEN the example app
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    // WHEN its stack is built
    const [stack] = build(app);
    const template = TfTemplate.fromStack(stack);
    // THEN the provider never needs the account's data plane, and the deployer may reach the vault
    expect(stack.node.id).toBe('lake-storage-azure');
    expect(template.doc.provider).toEqual({
      azurerm: [{ features: [{ storage: [{ data_plane_available: false }] }], storage_use_azuread: true }],
    });
    template.hasResourceProperties('azurerm_resource_group', { location: 'westeurope' });
    template.hasResourceProperties('azurerm_key_vault', { network_acls: { ip_rules: ['203.0.113.0/24'] } });
    template.hasResourceProperties('azurerm_role_assignment', {
      role_definition_name: 'Storage Blob Data Reader',
    });
    expect(template.resourceCount()).toBe(15);
  });
});
