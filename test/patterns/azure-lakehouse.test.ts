import { DataAzurermUserAssignedIdentity } from '@cdktf/provider-azurerm/lib/data-azurerm-user-assigned-identity';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { EncryptionKey, Lakehouse, PrivateDnsZoneName, SparkJobScript } from '../../src/azure';
import { checkCompliance, formatFindings } from '../../src/azure/compliance';
import { ErrorCode, ZoneAccess } from '../../src/core/internal';
import { type AccessMatrix, DEFAULT_PERSONA_NAMES, LakehouseDefaults } from '../../src/patterns';
import { Testing, type TerraformStack } from '../../src/terraform';
import { newAzureStack, notebookScripts, RG, SUBSCRIPTION_ID } from '../azure/azure-stack';
import { infosOf, TfTemplate, warningsOf } from '../helpers/tf-template';

const OPTIONS = { resourceGroup: RG, keyVaultAllowedIpRanges: ['20.61.10.0/24'] };

function build(spec: Partial<typeof SALES_LAKEHOUSE> = {}): { stack: TerraformStack; lakehouse: Lakehouse } {
  const stack = newAzureStack();
  const full = { platformName: 'sales', ...spec };
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...full,
    ...OPTIONS,
    stepScripts: notebookScripts(full),
  });
  return { stack, lakehouse };
}

const ROLE_ACCESS: Readonly<Record<string, ZoneAccess>> = {
  'Storage Blob Data Reader': ZoneAccess.READ,
  'Storage Blob Data Contributor': ZoneAccess.READ_WRITE,
};

/** Persona × zone access read back from the synthesized role assignments of each persona identity. */
function synthesizedMatrix(stack: TerraformStack, lakehouse: Lakehouse): AccessMatrix {
  const t = TfTemplate.fromStack(stack);
  const writerRoles = new Set(t.resources('azurerm_role_definition').map((r) => r.address));
  const zoneByScope = new Map(
    lakehouse.lake.zoneNames.map((zone) => [
      `azurerm_storage_container.${stack.getLogicalId(lakehouse.lake.containerFor(zone))}.name}`,
      zone,
    ]),
  );
  const matrix: Record<string, Record<string, ZoneAccess | undefined>> = {};
  for (const [persona, identity] of Object.entries(lakehouse.personas)) {
    const principal = `\${azurerm_user_assigned_identity.${stack.getLogicalId(identity)}.principal_id}`;
    const row: Record<string, ZoneAccess | undefined> = Object.fromEntries(
      lakehouse.lake.zoneNames.map((z) => [z, undefined]),
    );
    for (const ra of t.resources('azurerm_role_assignment', { principal_id: principal })) {
      const scope = String(ra.config.scope);
      const zone = [...zoneByScope].find(([ref]) => scope.endsWith(ref))?.[1];
      if (zone === undefined) continue;
      const byName = ROLE_ACCESS[String(ra.config.role_definition_name)];
      const custom = [...writerRoles].some((a) => String(ra.config.role_definition_id).includes(a));
      expect(row[zone]).toBeUndefined();
      row[zone] = byName ?? (custom ? ZoneAccess.WRITE : undefined);
    }
    matrix[persona] = row;
  }
  return matrix;
}

/** The properties that matter: zones encrypted with the one key, grants present, data retained. */
function expectSecure(stack: TerraformStack, lakehouse: Lakehouse): void {
  const t = TfTemplate.fromStack(stack);
  const account = t.hasResourceProperties('azurerm_storage_account', {
    is_hns_enabled: true,
    https_traffic_only_enabled: true,
    min_tls_version: 'TLS1_2',
    shared_access_key_enabled: false,
  });
  // No public caller: the endpoint is off, or on only for Capture's resource-instance rules
  const streams = Object.values(lakehouse.streams);
  expect(account.config.public_network_access_enabled).toBe(streams.length > 0);
  expect(account.config.network_rules).toEqual({
    default_action: 'Deny',
    bypass: ['AzureServices'],
    ...(streams.length > 0
      ? {
          private_link_access: streams.map((s) => ({
            endpoint_resource_id: `\${${s.namespace.terraformResourceType}.${s.namespace.friendlyUniqueId}.id}`,
          })),
        }
      : {}),
  });
  expect(JSON.stringify(account.config.customer_managed_key)).toContain(
    `azurerm_key_vault_key.${stack.getLogicalId(lakehouse.encryptionKey.key)}`,
  );
  t.hasResourceProperties('azurerm_key_vault_key', { rotation_policy: expect.anything() });
  // every zone's filesystem lives in that account; one per zone
  t.resourceCountIs('azurerm_storage_account', 1);
  t.resourceCountIs('azurerm_storage_container', lakehouse.plan.zones.length);
  expect(lakehouse.lake.zoneNames).toEqual(lakehouse.plan.zones.map((z) => z.name));
  // retained on destroy
  for (const type of [
    'azurerm_storage_account',
    'azurerm_storage_container',
    'azurerm_key_vault',
    'azurerm_key_vault_key',
  ]) {
    for (const r of t.resources(type)) {
      expect({ r: r.address, lifecycle: r.config.lifecycle }).toEqual({
        r: r.address,
        lifecycle: expect.objectContaining({ prevent_destroy: true }),
      });
    }
  }
  // one identity per persona, each granted exactly its row of the plan's matrix
  expect(Object.keys(lakehouse.personas)).toEqual(lakehouse.plan.personas.map((p) => p.name));
  expect(synthesizedMatrix(stack, lakehouse)).toEqual(lakehouse.plan.accessMatrix);
}

describe('azure.Lakehouse', () => {
  test('default spec: snapshot and the properties that matter', () => {
    // GIVEN / WHEN the default spec
    const { stack, lakehouse } = build();
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
    expectSecure(stack, lakehouse);
    expect(lakehouse.warehouse).toBeDefined();
    expect(lakehouse.catalog).toBeDefined();
    expect(lakehouse.network).toBeDefined();
    expect(lakehouse.notifications).toBeUndefined();
    expect(lakehouse.streams).toEqual({});
    expect(lakehouse.pipelines).toEqual({});
  });

  test('maximal spec (SALES_LAKEHOUSE): snapshot and the properties that matter', () => {
    // GIVEN / WHEN the shared example spec
    const { stack, lakehouse } = build(SALES_LAKEHOUSE);
    // THEN
    expect(Testing.synth(stack)).toMatchSnapshot();
    expectSecure(stack, lakehouse);
    expect(Object.keys(lakehouse.streams)).toEqual(['clickstream']);
    expect(Object.keys(lakehouse.pipelines)).toEqual(['daily-orders']);
    expect(lakehouse.notifications).toBeDefined();
    TfTemplate.fromStack(stack).hasResourceProperties('azurerm_data_factory_trigger_schedule', {
      frequency: 'Day',
      interval: 1,
      schedule: { hours: [2], minutes: [0] },
      time_zone: 'UTC',
    });
  });

  test.each([
    ['default', {}],
    ['maximal', SALES_LAKEHOUSE],
  ])('%s spec: zero unacknowledged compliance findings', (_what, spec) => {
    const { stack } = build(spec);
    expect(formatFindings(checkCompliance(stack).findings)).toBe('');
  });

  test('persona × zone grants equal the plan for custom personas and zones', () => {
    const { stack, lakehouse } = build({
      zones: ['landing', 'gold'],
      personas: [
        { name: 'loader', access: { landing: ZoneAccess.WRITE } },
        { name: 'scientist', access: { landing: ZoneAccess.READ, gold: ZoneAccess.READ_WRITE } },
        { name: 'ops', admin: true },
      ],
      warehouse: { enabled: false },
    });
    expect(synthesizedMatrix(stack, lakehouse)).toEqual(lakehouse.plan.accessMatrix);
    expect(lakehouse.warehouse).toBeUndefined();
    expect(lakehouse.network).toBeUndefined();
  });

  test('a cron Data Factory cannot run is rejected', () => {
    expect(() =>
      build({
        pipelines: [
          {
            name: 'weekly',
            steps: [{ name: 'a', sourceZone: 'raw', targetZone: 'curated' }],
            schedule: { cron: '0 2 * * 1' },
          },
        ],
      }),
    ).toThrow(/DPK_OUT_OF_RANGE/);
  });
});

describe('azure.Lakehouse personas in effect', () => {
  test('an info message lists the personas in effect, added ones with the defaults', () => {
    const { lakehouse } = build({
      additionalPersonas: [{ name: 'auditor', access: { curated: ZoneAccess.READ } }],
    });
    expect(infosOf(lakehouse)).toEqual([
      expect.stringMatching(
        /personas in effect: ingest \(raw: write\), .*admin \(admin\), auditor \(curated: read\)$/,
      ),
    ]);
  });

  test('it says when personas replaced the defaults', () => {
    const { lakehouse } = build({
      personas: [{ name: 'auditor', access: { curated: ZoneAccess.READ } }],
      warehouse: { enabled: false },
    });
    expect(infosOf(lakehouse).join('\n')).toContain('replaced the default personas');
  });
});

describe('azure.Lakehouse runner reach', () => {
  test('without runner ranges or deployerInsideNetwork → DPK_INVALID_IP_RANGE naming the prop', () => {
    // GIVEN a lakehouse whose network is created in the same apply, and no way for the runner to reach the vault
    const stack = newAzureStack();
    // THEN it is rejected with the prop and what to pass
    expect(() => new Lakehouse(stack, 'Lakehouse', { platformName: 'sales', resourceGroup: RG })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_IP_RANGE, prop: 'keyVaultAllowedIpRanges' }),
    );
  });

  test('deployerInsideNetwork: true keeps the vault closed, without the reach warning', () => {
    const stack = newAzureStack();
    const lakehouse = new Lakehouse(stack, 'Lakehouse', {
      platformName: 'sales',
      resourceGroup: RG,
      deployerInsideNetwork: true,
    });
    TfTemplate.fromStack(stack).hasResourceProperties('azurerm_key_vault', {
      public_network_access_enabled: false,
    });
    expect(warningsOf(lakehouse).join('\n')).not.toContain(EncryptionKey.NO_NETWORK_REACH_WARNING);
  });

  test('a documentation range is rejected as the runner range', () => {
    const stack = newAzureStack();
    expect(
      () =>
        new Lakehouse(stack, 'Lakehouse', {
          platformName: 'sales',
          resourceGroup: RG,
          keyVaultAllowedIpRanges: ['203.0.113.0/24'],
        }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_IP_RANGE, prop: 'allowedIpRanges[0]' }));
  });
});

describe('azure.Lakehouse stepScripts', () => {
  const lakehouseWith = (stepScripts: Record<string, SparkJobScript>, spec = SALES_LAKEHOUSE) => {
    const stack = newAzureStack();
    const lakehouse = new Lakehouse(stack, 'Lakehouse', { ...spec, ...OPTIONS, stepScripts });
    return { stack, lakehouse };
  };
  const clean = SparkJobScript.fromNotebook('Clean orders');
  const publish = SparkJobScript.fromNotebook('publish_orders_v2');

  test('each step runs the notebook its <pipeline>/<step> entry names', () => {
    // GIVEN notebooks named freely, not after the steps
    const { stack } = lakehouseWith({ 'daily-orders/clean': clean, 'daily-orders/publish': publish });
    // THEN the activities reference them, in step order
    const [pipeline] = TfTemplate.fromStack(stack).resources('azurerm_data_factory_pipeline');
    const activities = JSON.parse(String(pipeline.config.activities_json));
    expect(activities.map((a: any) => [a.name, a.typeProperties.notebook.referenceName])).toEqual([
      ['clean', 'Clean orders'],
      ['publish', 'publish_orders_v2'],
    ]);
  });

  test('a step without an entry → DPK_CONFLICTING_PROPS naming the key, before any resource exists', () => {
    const stack = newAzureStack();
    expect(
      () =>
        new Lakehouse(stack, 'Lakehouse', {
          ...SALES_LAKEHOUSE,
          ...OPTIONS,
          stepScripts: { 'daily-orders/clean': clean },
        }),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.CONFLICTING_PROPS,
        violations: [
          {
            prop: "stepScripts['daily-orders/publish']",
            received: 'undefined',
            allowed: 'a SparkJobScript for every pipeline step, keyed <pipeline>/<step>',
          },
        ],
      }),
    );
    expect(stack.node.findAll().some((c) => c.node.path.includes('Lakehouse/Key'))).toBe(false);
  });

  test('an entry for no step of the spec → DPK_CONFLICTING_PROPS listing the steps', () => {
    expect(() =>
      lakehouseWith({
        'daily-orders/clean': clean,
        'daily-orders/publish': publish,
        'daily-orders/load': clean,
      }),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.CONFLICTING_PROPS,
        prop: "stepScripts['daily-orders/load']",
        allowed: 'a key naming a pipeline step of the spec: daily-orders/clean, daily-orders/publish',
      }),
    );
    expect(() => lakehouseWith({ 'x/y': clean }, { ...SALES_LAKEHOUSE, pipelines: [] })).toThrow(
      expect.objectContaining({
        prop: "stepScripts['x/y']",
        allowed: 'a key naming a pipeline step of the spec: none (no pipelines)',
      }),
    );
  });

  test('a notebook name Synapse rejects → DPK_INVALID_NAME naming the entry', () => {
    expect(() =>
      lakehouseWith({
        'daily-orders/clean': SparkJobScript.fromNotebook('clean.orders'),
        'daily-orders/publish': publish,
      }),
    ).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: "stepScripts['daily-orders/clean']" }),
    );
  });
});

describe('azure.Lakehouse stream retention', () => {
  const withRetention = (retentionHours: number) => ({
    ...SALES_LAKEHOUSE,
    streams: [{ name: 'clickstream', zone: 'raw', retentionHours }],
  });

  test('the spec allows 744 hours, Event Hubs Standard keeps 168: more is rejected before any resource exists', () => {
    // GIVEN a stream the spec accepts but Event Hubs Standard cannot keep
    const stack = newAzureStack();
    expect(LakehouseDefaults.STREAM_RETENTION_HOURS_RANGE.max).toBeGreaterThan(168);
    // THEN the lakehouse names the spec's stream and the Azure range
    expect(
      () =>
        new Lakehouse(stack, 'Lakehouse', {
          ...withRetention(169),
          ...OPTIONS,
          stepScripts: notebookScripts(SALES_LAKEHOUSE),
        }),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        violations: [
          {
            prop: 'streams[0].retentionHours',
            received: 169,
            allowed:
              'an integer from 24 to 168 on Azure (its streams use Event Hubs Standard, which keeps events at most 7 days)',
          },
        ],
      }),
    );
    expect(stack.node.findAll().some((c) => c.node.path.includes('Lakehouse/Key'))).toBe(false);
  });

  test('7 days is kept', () => {
    const { stack } = build(withRetention(168));
    TfTemplate.fromStack(stack).hasResourceProperties('azurerm_eventhub', {
      retention_description: { cleanup_policy: 'Delete', retention_time_in_hours: 168 },
    });
  });
});

describe('personaIdentities and network: a lakehouse on identities and a network made elsewhere', () => {
  const ZONE_ID = (zone: string) =>
    `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-hub/providers/Microsoft.Network/privateDnsZones/${zone}`;
  const SUBNET = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-test/providers/Microsoft.Network/virtualNetworks/vnet-sales/subnets/private-endpoints`;
  /** A lakehouse without streams, pipelines or warehouse, on given identities and network. */
  function buildOnGiven(personas: readonly string[]) {
    const stack = newAzureStack();
    const identities = Object.fromEntries(
      personas.map((p) => [
        p,
        new DataAzurermUserAssignedIdentity(stack, `Given${p}`, {
          name: `id-sales-${p}`,
          resourceGroupName: RG.name,
        }),
      ]),
    );
    const lakehouse = new Lakehouse(stack, 'Lakehouse', {
      platformName: 'sales',
      warehouse: { enabled: false },
      ...OPTIONS,
      personaIdentities: identities,
      network: {
        existingNetwork: { virtualNetworkId: SUBNET.split('/subnets/')[0], privateEndpointSubnetId: SUBNET },
        privateDnsZoneIds: Object.fromEntries(
          [PrivateDnsZoneName.BLOB, PrivateDnsZoneName.DFS, PrivateDnsZoneName.KEY_VAULT].map((z) => [
            z,
            ZONE_ID(z),
          ]),
        ),
      },
    });
    return { stack, lakehouse, identities };
  }
  const PERSONAS: readonly string[] = DEFAULT_PERSONA_NAMES;

  test('no identity is made; the spec’s access matrix goes to the given ones', () => {
    const { stack, lakehouse, identities } = buildOnGiven(PERSONAS);
    const t = TfTemplate.fromStack(stack);
    expect(lakehouse.personas).toEqual(identities);
    expect(t.resources('azurerm_user_assigned_identity').map((r) => r.address)).toEqual([
      expect.stringContaining('Lakehouse_Storage_Identity'),
    ]);
    for (const persona of PERSONAS) {
      const principal = `\${data.azurerm_user_assigned_identity.${stack.getLogicalId(identities[persona])}.principal_id}`;
      expect({
        persona,
        grants: t.resources('azurerm_role_assignment', { principal_id: principal }).length > 0,
      }).toEqual({
        persona,
        grants: true,
      });
    }
  });

  test('endpoints go into the given subnet and zones, even without streams or pipelines; no network or zone is made', () => {
    const { stack, lakehouse } = buildOnGiven(PERSONAS);
    const t = TfTemplate.fromStack(stack);
    expect(lakehouse.network).toBeDefined();
    for (const type of [
      'azurerm_virtual_network',
      'azurerm_subnet',
      'azurerm_private_dns_zone',
      'azurerm_private_dns_zone_virtual_network_link',
    ]) {
      t.resourceCountIs(type, 0);
    }
    const endpoints = t.resources('azurerm_private_endpoint');
    expect(endpoints).toHaveLength(3);
    for (const e of endpoints) {
      expect(e.config.subnet_id).toBe(SUBNET);
      expect((e.config.private_dns_zone_group as any).private_dns_zone_ids[0]).toMatch(
        /^\/subscriptions\/.+\/privateDnsZones\/privatelink\./,
      );
    }
  });

  test('an identity missing for a persona, or given for none → DPK_CONFLICTING_PROPS', () => {
    expect(() => buildOnGiven([...PERSONAS.slice(1), 'auditor'])).toThrow(
      expect.objectContaining({
        code: ErrorCode.CONFLICTING_PROPS,
        violations: [
          expect.objectContaining({
            prop: `personaIdentities[${JSON.stringify(PERSONAS[0])}]`,
            received: 'undefined',
          }),
          expect.objectContaining({ prop: 'personaIdentities["auditor"]', received: 'auditor' }),
        ],
      }),
    );
  });
});
