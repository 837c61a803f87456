import * as os from 'node:os';
import { App } from 'cdktf';
import { build, DEPLOYER_REACHES_WORKSPACE_CONTEXT } from '../../examples/lakehouse-azure/app';
import { StreamIngestion } from '../../src/azure/streaming/stream-ingestion';
import { synthesizeStack } from '../../src/terraform';
import { TfGraph } from '../helpers/tf-graph';
import type { TfDocument } from '../helpers/tf-template';

/** The lakehouse example's Terraform graph, first pass (default) or data-plane pass. */
function graphOf(dataPlanePass: boolean): { graph: TfGraph; doc: TfDocument } {
  const context = dataPlanePass ? { [DEPLOYER_REACHES_WORKSPACE_CONTEXT]: true } : {};
  const [stack] = build(new App({ outdir: os.tmpdir(), stackTraces: false, context }));
  const doc = synthesizeStack(stack) as TfDocument;
  return { graph: new TfGraph(doc), doc };
}

const KEY_USER = 'Key Vault Crypto Service Encryption User';

/** Addresses of role assignments of `role` whose principal is `principalAddress`'s. */
function grantsOf(graph: TfGraph, role: string, principalAddress?: string): string[] {
  return graph.addressesOf('azurerm_role_assignment').filter((a) => {
    const c = graph.configs.get(a) as any;
    return (
      c.role_definition_name === role &&
      (principalAddress === undefined || String(c.principal_id).includes(`{${principalAddress}.`))
    );
  });
}

/** The one block of `type` whose address contains `part`. */
function one(graph: TfGraph, type: string, part = ''): string {
  const found = graph.addressesOf(type).filter((a) => a.includes(part));
  expect({ type, part, found: found.length }).toEqual({ type, part, found: 1 });
  return found[0];
}

describe.each([
  ['first apply', false],
  ['data-plane pass', true],
])('lakehouse-azure deploy order (%s)', (_title, dataPlanePass) => {
  const { graph, doc } = graphOf(dataPlanePass);
  const through = (from: string, to: string) => ({
    from,
    to,
    waits: graph.dependsOnOnlyThrough(from, to, 'time_sleep'),
  });

  test("the key waits for the deployer's Crypto Officer role to propagate, and for the vault endpoint", () => {
    const key = one(graph, 'azurerm_key_vault_key');
    const [officer] = grantsOf(graph, 'Key Vault Crypto Officer');
    expect(through(key, officer)).toEqual({ from: key, to: officer, waits: true });
    expect(graph.dependsOn(key, one(graph, 'azurerm_private_endpoint', 'KeyVault'))).toBe(true);
  });

  test("every user of the key waits for its identity's key grant through a time_sleep", () => {
    const users: [string, string][] = [
      [
        one(graph, 'azurerm_storage_account'),
        one(graph, 'azurerm_user_assigned_identity', 'Storage_Identity'),
      ],
      [one(graph, 'azurerm_synapse_workspace_key'), one(graph, 'azurerm_synapse_workspace')],
      [one(graph, 'azurerm_data_factory'), one(graph, 'azurerm_user_assigned_identity', 'KeyIdentity')],
    ];
    for (const [consumer, identity] of users) {
      const [grant] = grantsOf(graph, KEY_USER, identity);
      expect({ consumer, grant: grant !== undefined }).toEqual({ consumer, grant: true });
      expect(through(consumer, grant)).toEqual({ from: consumer, to: grant, waits: true });
    }
  });

  test("Capture waits for the namespace identity's lake grant and the deployer's linked-access grant", () => {
    const hub = one(graph, 'azurerm_eventhub');
    const identity = one(graph, 'azurerm_user_assigned_identity', 'ClickstreamStream_Identity');
    const grants = [
      ...grantsOf(graph, 'Storage Blob Data Contributor', identity),
      one(graph, 'azurerm_role_assignment', 'DeployerCaptureAccess'),
    ];
    expect(grants).toHaveLength(2);
    for (const grant of grants) expect(through(hub, grant)).toEqual({ from: hub, to: grant, waits: true });
    // Capture authenticates as that identity, so the lake's firewall admits the namespace
    const capture = (doc.resource as any).azurerm_eventhub[hub.split('.')[1]].capture_description.destination;
    expect(capture.storage_authentication_type).toBe('UserAssigned');
    expect(String(capture.storage_authentication_id)).toContain(`{${identity}.id}`);
    const account = graph.configs.get(one(graph, 'azurerm_storage_account')) as any;
    expect(account.network_rules.private_link_access).toEqual([
      { endpoint_resource_id: `\${${one(graph, 'azurerm_eventhub_namespace')}.id}` },
    ]);
    expect((doc as any).terraform.required_providers.azurerm.version).toBe(
      StreamIngestion.AZURERM_VERSION_CONSTRAINT,
    );
  });

  test('clients reach the namespace through its private endpoint in privatelink.servicebus.windows.net', () => {
    const endpoint = one(graph, 'azurerm_private_endpoint', 'ClickstreamStreamNamespace');
    expect(graph.dependsOn(endpoint, one(graph, 'azurerm_eventhub_namespace'))).toBe(true);
    expect(graph.dependsOn(endpoint, one(graph, 'azurerm_private_dns_zone', 'ServiceBus'))).toBe(true);
  });

  test('everything that talks to the workspace waits for its key activation', () => {
    const activation = one(graph, 'azurerm_synapse_workspace_key');
    const consumers = [
      ...graph
        .addressesOf('azurerm_private_endpoint')
        .filter((a) => /Warehouse(Sql|SqlOnDemand|Dev)Endpoint/.test(a)),
      one(graph, 'azurerm_data_factory_managed_private_endpoint'),
      ...graph.addressesOf('azurerm_synapse_spark_pool'),
      ...graph.addressesOf('azurerm_synapse_sql_pool'),
      one(graph, 'azurerm_synapse_workspace_aad_admin'),
      ...graph.addressesOf('azurerm_synapse_managed_private_endpoint'),
      ...graph.addressesOf('azurerm_synapse_role_assignment'),
    ];
    expect(consumers.length).toBeGreaterThanOrEqual(dataPlanePass ? 8 : 6);
    for (const c of consumers) {
      expect({ c, after: graph.dependsOn(c, activation) }).toEqual({ c, after: true });
    }
  });

  test('workspace data-plane resources wait for the private development endpoint', () => {
    const dev = one(graph, 'azurerm_private_endpoint', 'WarehouseDevEndpoint');
    const dataPlane = [
      ...graph.addressesOf('azurerm_synapse_managed_private_endpoint'),
      ...graph.addressesOf('azurerm_synapse_role_assignment'),
    ];
    expect(dataPlane.length > 0).toBe(dataPlanePass);
    for (const r of dataPlane) expect({ r, after: graph.dependsOn(r, dev) }).toEqual({ r, after: true });
  });

  test("the schedule is active only after the data-plane pass, and then waits for the factory's Synapse roles", () => {
    const trigger = one(graph, 'azurerm_data_factory_trigger_schedule');
    expect((graph.configs.get(trigger) as any).activated).toBe(dataPlanePass);
    const roles = graph
      .addressesOf('azurerm_synapse_role_assignment')
      .filter((a) => String((graph.configs.get(a) as any).principal_id).includes('azurerm_data_factory.'));
    if (dataPlanePass) expect(roles.length).toBeGreaterThan(0);
    for (const r of roles) expect(graph.dependsOn(trigger, r)).toBe(true);
  });

  test("later applies stay no-ops: key expiry is the rotation policy's, the notebook activity has no snapshot", () => {
    const key = graph.configs.get(one(graph, 'azurerm_key_vault_key')) as any;
    expect(key.lifecycle.ignore_changes).toEqual(['expiration_date']);
    const pipeline = graph.configs.get(one(graph, 'azurerm_data_factory_pipeline')) as any;
    const activities = JSON.parse(pipeline.activities_json);
    expect(activities.length).toBeGreaterThan(0);
    for (const a of activities) expect(a.typeProperties).not.toHaveProperty('snapshot');
  });
});
