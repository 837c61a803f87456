import * as os from 'node:os';
import { App } from 'cdktf';
import { blocksOf, buildMesh, CENTRAL, FINANCE, MARKETING, MESH_PROPS, TODAY } from './support';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh, type DataMeshProps, PrivateDnsZoneName } from '../../../src/azure';
import { checkCompliance } from '../../../src/azure/compliance';
import {
  checkRoleAssignmentLimit,
  resolveAzureMeshSettings,
} from '../../../src/azure/mesh/private/mesh-settings';
import { checkRoleAssignments } from '../../../src/azure/mesh/private/role-assignments';
import { ErrorCode } from '../../../src/core/internal';
import { MeshStackKind } from '../../../src/patterns';
import { TerraformStack } from '../../../src/terraform';
import { expectClean } from '../../helpers/compliance';
import { newScope } from '../../helpers/scope';
import type { TfDocument } from '../../helpers/tf-template';

const { app, mesh, docs } = buildMesh();
const PRODUCTS = (domain: string) => docs[`acme-${domain}-products`];
const IDENTITY = (domain: string) => docs[`acme-${domain}-identity`];
const GOVERNANCE = docs['acme-governance'];
const DOMAINS = ['sales', 'marketing', 'finance'];

/** The address (`type.name`, `data.type.name`) a `${…}` reference points at. */
const refOf = (value: unknown) => /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_]+)[.}]/.exec(String(value))?.[1];
/** The config of the block at `address` in `doc`. */
function blockAt(doc: TfDocument, address: string): any {
  const parts = address.split('.');
  return parts[0] === 'data'
    ? blocksOf(doc, `data.${parts[1]}`)[parts[2]]
    : blocksOf(doc, parts[0])[parts[1]];
}
/** Every provider of a document, as `alias → subscription`. */
const providersOf = (doc: TfDocument) =>
  Object.fromEntries(
    ((doc as any).provider.azurerm as any[]).map((p) => [p.alias ?? '(default)', p.subscription_id]),
  );

describe('azure.DataMesh: stacks and deploy order', () => {
  test('one stack per planned stack, named as planned, after the stacks the plan puts before it', () => {
    expect(Object.keys(mesh.stacks)).toEqual(mesh.plan.stacks.map((s) => s.name));
    for (const planned of mesh.plan.stacks) {
      const stack = mesh.stacks[planned.name];
      expect({
        name: planned.name,
        id: stack.node.id,
        after: stack.dependencies.map((d) => d.node.id).sort(),
      }).toEqual({
        name: planned.name,
        id: planned.name,
        after: [...planned.dependsOn].sort(),
      });
    }
  });

  test('governance first, then every identity stack, then the products stacks, which never wait for each other', () => {
    const kinds = mesh.plan.stacks.map((s) => s.kind);
    expect(kinds).toEqual([
      MeshStackKind.GOVERNANCE,
      ...DOMAINS.map(() => MeshStackKind.IDENTITY),
      ...DOMAINS.map(() => MeshStackKind.PRODUCTS),
    ]);
    for (const domain of DOMAINS) {
      const after = mesh.stacks[`acme-${domain}-products`].dependencies.map((d) => d.node.id);
      expect(after.filter((n) => n.endsWith('-products'))).toEqual([]);
    }
  });

  test('no remote state and no outputs: stacks find each other by deterministic names (data sources)', () => {
    for (const doc of Object.values(docs)) {
      expect((doc as any).data?.terraform_remote_state).toBeUndefined();
      expect((doc as any).output).toBeUndefined();
    }
    expect(blocksOf(PRODUCTS('sales'), 'data.azurerm_user_assigned_identity').AnalystPersona).toMatchObject({
      name: 'id-acme-sales-analyst',
      resource_group_name: 'rg-acme-sales',
    });
  });

  test("each stack's default provider deploys into its subscription; aliased ones reach the hub's and consumers'", () => {
    expect(providersOf(GOVERNANCE)).toEqual({ '(default)': CENTRAL });
    expect(providersOf(IDENTITY('marketing'))).toEqual({ '(default)': MARKETING, hub: CENTRAL });
    expect(providersOf(PRODUCTS('sales'))).toEqual({
      '(default)': CENTRAL,
      hub: CENTRAL,
      domain_marketing: MARKETING,
      domain_finance: FINANCE,
    });
    expect(providersOf(PRODUCTS('finance'))).toEqual({ '(default)': FINANCE, hub: CENTRAL });
  });
});

describe('azure.DataMesh: network', () => {
  const ZONES = [
    PrivateDnsZoneName.BLOB,
    PrivateDnsZoneName.DFS,
    PrivateDnsZoneName.KEY_VAULT,
    PrivateDnsZoneName.SYNAPSE_SQL,
    PrivateDnsZoneName.SYNAPSE_DEV,
    PrivateDnsZoneName.SERVICE_BUS,
  ];

  test("governance makes one private DNS zone per privatelink service the domains' lakehouses use, linked to the hub", () => {
    const zones = Object.values(blocksOf(GOVERNANCE, 'azurerm_private_dns_zone')).map((z) => z.name);
    expect(zones.sort()).toEqual([...ZONES].sort());
    const links = Object.values(blocksOf(GOVERNANCE, 'azurerm_private_dns_zone_virtual_network_link'));
    expect(links).toHaveLength(ZONES.length);
    for (const link of links) {
      expect(refOf(link.virtual_network_id)).toMatch(/^azurerm_virtual_network\.Hub_/);
    }
  });

  test('no other stack makes a DNS zone: domains register in governance’s, found by name', () => {
    for (const [name, doc] of Object.entries(docs)) {
      if (name === 'acme-governance') continue;
      expect({ name, zones: Object.keys(blocksOf(doc, 'azurerm_private_dns_zone')) }).toEqual({
        name,
        zones: [],
      });
    }
    const endpoints = Object.values(blocksOf(PRODUCTS('sales'), 'azurerm_private_endpoint'));
    expect(endpoints.length).toBeGreaterThan(0);
    for (const e of endpoints) {
      const zone = refOf(e.private_dns_zone_group.private_dns_zone_ids[0])!;
      expect(zone).toMatch(/^data\.azurerm_private_dns_zone\./);
      expect(blockAt(PRODUCTS('sales'), zone)).toMatchObject({
        resource_group_name: 'rg-acme-governance',
        provider: 'azurerm.hub',
      });
      expect(refOf(e.subnet_id)).toBe('data.azurerm_subnet.PrivateEndpointSubnet');
    }
  });

  test("each domain's network is linked to every governance zone, through the hub's provider", () => {
    for (const domain of DOMAINS) {
      const links = Object.values(
        blocksOf(IDENTITY(domain), 'azurerm_private_dns_zone_virtual_network_link'),
      );
      expect(links.map((l) => l.private_dns_zone_name).sort()).toEqual([...ZONES].sort());
      for (const link of links) {
        expect(link).toMatchObject({
          provider: 'azurerm.hub',
          resource_group_name: 'rg-acme-governance',
          registration_enabled: false,
        });
        expect(refOf(link.virtual_network_id)).toMatch(/^azurerm_virtual_network\.Network_/);
      }
    }
  });

  test('each domain is peered with the hub both ways; consumers with their producers both ways; no other pair', () => {
    const hubName = mesh.hub.virtualNetwork!.nameInput;
    for (const domain of DOMAINS) {
      const peerings = blocksOf(IDENTITY(domain), 'azurerm_virtual_network_peering');
      expect(refOf(peerings.ToHub.remote_virtual_network_id)).toBe('data.azurerm_virtual_network.HubNetwork');
      expect(blockAt(IDENTITY(domain), 'data.azurerm_virtual_network.HubNetwork').name).toBe(hubName);
      expect(peerings.FromHub).toMatchObject({ provider: 'azurerm.hub', virtual_network_name: hubName });
    }
    const pairs = Object.entries(docs).flatMap(([, doc]) =>
      Object.values(blocksOf(doc, 'azurerm_virtual_network_peering'))
        .map((p) => p.name as string)
        .filter((n) => !n.includes('hub')),
    );
    expect(pairs.sort()).toEqual(
      [
        'peer-acme-sales-to-marketing',
        'peer-acme-marketing-to-sales',
        'peer-acme-sales-to-finance',
        'peer-acme-finance-to-sales',
      ].sort(),
    );
  });

  test('address ranges: the hub’s and each domain’s, by position unless given, never overlapping', () => {
    const spaces = [GOVERNANCE, ...DOMAINS.map(IDENTITY)].map(
      (doc) => Object.values(blocksOf(doc, 'azurerm_virtual_network'))[0].address_space[0],
    );
    expect(spaces).toEqual([
      '10.0.0.0/16',
      DataMesh.domainAddressSpace(0),
      DataMesh.domainAddressSpace(1),
      '10.30.0.0/16',
    ]);
    expect(new Set(spaces.map((s) => s.split('.').slice(0, 2).join('.'))).size).toBe(spaces.length);
  });
});

describe('azure.DataMesh: products, contracts and grants', () => {
  test('a private container per product in its producer’s lake, retained on destroy', () => {
    for (const domain of mesh.plan.domains) {
      const containers = Object.values(blocksOf(PRODUCTS(domain.name), 'azurerm_storage_container')).filter(
        (c) => String(c.name).startsWith('product-'),
      );
      expect(containers.map((c) => c.name)).toEqual(
        domain.products.map((p) => `product-${p.name.replace(/_/g, '-')}`),
      );
      for (const c of containers) {
        expect(c).toMatchObject({ container_access_type: 'private', lifecycle: { prevent_destroy: true } });
        expect(refOf(c.storage_account_id)).toBe(
          `azurerm_storage_account.${mesh.stacks[`acme-${domain.name}-products`].getLogicalId(mesh.lakehouses[domain.name].lake.storageAccount)}`,
        );
      }
    }
  });

  test('every contract is a JSON blob in the governance storage account, written after the deployer’s role propagated', () => {
    const blobs = blocksOf(GOVERNANCE, 'azurerm_storage_blob');
    expect(Object.values(blobs).map((b) => b.name)).toEqual(
      mesh.plan.products.map((p) => `${p.domain}/${p.name}.json`),
    );
    Object.values(blobs).forEach((b, i) => {
      expect(JSON.parse(b.source_content)).toEqual(JSON.parse(JSON.stringify(mesh.plan.contracts[i])));
      expect(b.content_type).toBe('application/json');
      expect(b.depends_on.some((d: string) => d.startsWith('time_sleep.'))).toBe(true);
    });
    expect(Object.values(blocksOf(GOVERNANCE, 'azurerm_storage_account'))[0]).toMatchObject({
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
    });
  });

  /** Every Storage Blob Data Reader grant to another domain's persona, as `consumer/persona/product id`. */
  function subscriberGrants(domain: string): { cell: string; scope: string; config: any }[] {
    const doc = PRODUCTS(domain);
    const containers = blocksOf(doc, 'azurerm_storage_container');
    return Object.values(blocksOf(doc, 'azurerm_role_assignment')).flatMap((ra) => {
      const principal = refOf(ra.principal_id);
      if (!principal?.startsWith('data.azurerm_user_assigned_identity.')) return [];
      const identity = blockAt(doc, principal);
      const [, consumer, persona] = /^id-acme-([a-z]+)-([a-z]+)$/.exec(identity.name) ?? [];
      if (consumer === domain) return [];
      const containerAddress = /containers\/\$\{azurerm_storage_container\.([A-Za-z0-9_]+)\.name\}$/.exec(
        String(ra.scope),
      )?.[1];
      const container = containerAddress
        ? containers[containerAddress].name
        : `(not a container: ${ra.scope})`;
      const product =
        domain +
        '.' +
        String(container)
          .replace(/^product-/, '')
          .replace(/-/g, '_');
      return [{ cell: `${consumer}/${persona}/${product}`, scope: container, config: ra }];
    });
  }

  test('each consumer persona gets Storage Blob Data Reader on the product container, exactly per subscription matrix', () => {
    const granted = DOMAINS.flatMap(subscriberGrants);
    expect(granted.map((g) => g.cell).sort()).toEqual(
      mesh.plan.subscriptions.map((g) => `${g.consumer}/${g.persona}/${g.product}`).sort(),
    );
    for (const g of granted) {
      expect(g.scope).toMatch(/^product-/);
      expect(g.config).toMatchObject({
        role_definition_name: 'Storage Blob Data Reader',
        principal_type: 'ServicePrincipal',
      });
    }
  });

  test("consumers' identities are read in their own subscription and resource group, by name", () => {
    const identities = blocksOf(PRODUCTS('sales'), 'data.azurerm_user_assigned_identity');
    expect(identities.FinanceAnalystSubscriber).toMatchObject({
      name: 'id-acme-finance-analyst',
      resource_group_name: 'rg-acme-finance',
      provider: 'azurerm.domain_finance',
    });
  });

  test("no consumer persona gets anything on the producer's zones or account", () => {
    for (const domain of DOMAINS) {
      const doc = PRODUCTS(domain);
      for (const ra of Object.values(blocksOf(doc, 'azurerm_role_assignment'))) {
        const principal = refOf(ra.principal_id);
        if (!principal?.startsWith('data.azurerm_user_assigned_identity.')) continue;
        const name: string = blockAt(doc, principal).name;
        if (name.startsWith(`id-acme-${domain}-`)) continue;
        expect({ name, scope: ra.scope }).toEqual({
          name,
          scope: expect.stringMatching(
            /containers\/\$\{azurerm_storage_container\.[A-Za-z]+Container\.name\}$/,
          ),
        });
        expect(String(ra.scope)).not.toMatch(/Lakehouse_Storage_(Raw|Curated|Serving)Container/);
      }
    }
  });

  test("one freshness rule per product on the producer's blob logs, missing data breaching, to the producer's action group", () => {
    for (const domain of mesh.plan.domains) {
      const doc = PRODUCTS(domain.name);
      const rules = Object.values(blocksOf(doc, 'azurerm_monitor_scheduled_query_rules_alert_v2'));
      expect(rules.map((r) => r.name)).toEqual(
        domain.products.map((p) => `freshness-acme-${domain.name}-${p.name.replace(/_/g, '-')}`),
      );
      domain.products.forEach((p, i) => {
        const r = rules[i];
        expect(refOf(r.scopes[0])).toMatch(/^azurerm_log_analytics_workspace\.Lakehouse_Storage_/);
        expect(refOf(r.action.action_groups[0])).toMatch(
          /^azurerm_monitor_action_group\.Lakehouse_Notifications_/,
        );
        expect(r.criteria[0]).toMatchObject({
          time_aggregation_method: 'Count',
          operator: 'LessThan',
          threshold: 1,
        });
        expect(r.criteria[0].query).toContain(`ago(${p.freshness.maxAgeHours}h)`);
        expect(r.criteria[0].query).toContain('Category == "StorageWrite"');
        expect(r.evaluation_frequency).toBe(p.freshness.maxAgeHours < 24 ? 'PT1H' : 'P1D');
      });
    }
  });

  test('zero unacknowledged findings of the Azure compliance pack on every stack', () => {
    expectClean(checkCompliance(app));
  });
});

describe('azure.DataMesh options', () => {
  test('purview: a Purview account in governance, reached through the hub, with its DNS zones; none by default', () => {
    expect(blocksOf(GOVERNANCE, 'azurerm_purview_account')).toEqual({});
    const { docs: withPurview } = buildMesh({ ...MESH_PROPS, purview: true });
    const gov = withPurview['acme-governance'];
    expect(Object.values(blocksOf(gov, 'azurerm_purview_account'))).toHaveLength(1);
    const zones = Object.values(blocksOf(gov, 'azurerm_private_dns_zone')).map((z) => z.name);
    expect(zones).toEqual(
      expect.arrayContaining([PrivateDnsZoneName.PURVIEW_ACCOUNT, PrivateDnsZoneName.PURVIEW_PORTAL]),
    );
  });

  test('an expired subscription is not granted', () => {
    const { mesh: later } = buildMesh({ ...MESH_PROPS, today: '2028-01-01' });
    expect(later.plan.expiredSubscriptions.map((e) => `${e.consumer}/${e.product}`)).toEqual([
      'finance/sales.customers',
    ]);
    expect(later.plan.subscriptions.some((g) => g.product === 'sales.customers')).toBe(false);
  });

  test('one subscription for all: a single default provider per stack, no domain aliases beyond the hub', () => {
    const { docs: one } = buildMesh({
      ...ACME_MESH,
      location: 'westeurope',
      deployerInsideNetwork: true,
      today: TODAY,
      domainOptions: { sales: { stepScripts: MESH_PROPS.domainOptions!.sales.stepScripts } },
    });
    expect(providersOf(one['acme-governance'])).toEqual({ '(default)': undefined });
  });
});

describe('azure.DataMesh bad input', () => {
  const expectError = (props: Partial<DataMeshProps>, code: ErrorCode, prop: string, scope?: () => any) =>
    expect(
      () => new DataMesh(scope?.() ?? new App({ outdir: os.tmpdir() }), 'Mesh', { ...MESH_PROPS, ...props }),
    ).toThrow(expect.objectContaining({ code, message: expect.stringContaining(prop) }));

  test('a scope that is not the App → DPK_CONFLICTING_PROPS', () => {
    expectError(
      {},
      ErrorCode.CONFLICTING_PROPS,
      "'scope'",
      () => new TerraformStack(new App({ outdir: os.tmpdir() }), 'S'),
    );
  });

  test('domainOptions for an unknown domain → DPK_UNKNOWN_REFERENCE', () => {
    expectError(
      { domainOptions: { ...MESH_PROPS.domainOptions, hr: {} } },
      ErrorCode.UNKNOWN_REFERENCE,
      'domainOptions["hr"]',
    );
  });

  test('a malformed subscription id → DPK_OUT_OF_RANGE; a domain subscription without governance’s → DPK_CONFLICTING_PROPS', () => {
    expectError({ governanceSubscriptionId: 'prod' }, ErrorCode.OUT_OF_RANGE, 'governanceSubscriptionId');
    expectError(
      { governanceSubscriptionId: undefined },
      ErrorCode.CONFLICTING_PROPS,
      'governanceSubscriptionId',
    );
  });

  test('a malformed location → DPK_INVALID_LOCATION', () => {
    expectError({ location: 'West Europe' }, ErrorCode.INVALID_LOCATION, "'location'");
  });

  test('overlapping address spaces → DPK_CONFLICTING_PROPS; a public one → DPK_INVALID_IP_RANGE', () => {
    expectError(
      {
        domainOptions: {
          ...MESH_PROPS.domainOptions,
          marketing: { subscriptionId: MARKETING, addressSpace: '10.1.128.0/17' },
        },
      },
      ErrorCode.CONFLICTING_PROPS,
      'domainOptions["marketing"].addressSpace',
    );
    expectError(
      { hubAddressSpace: '10.0.0.0/8' },
      ErrorCode.CONFLICTING_PROPS,
      'domainOptions["sales"].addressSpace',
    );
    expectError({ hubAddressSpace: '8.8.0.0/16' }, ErrorCode.INVALID_IP_RANGE, 'hubAddressSpace');
  });

  test('a freshness longer than a scheduled query looks back → DPK_OUT_OF_RANGE', () => {
    const [sales, ...rest] = ACME_MESH.domains;
    const stale = {
      ...sales,
      products: sales.products!.map((p, i) => (i === 0 ? { ...p, freshness: { maxAgeHours: 72 } } : p)),
    };
    expectError(
      { domains: [stale, ...rest] },
      ErrorCode.OUT_OF_RANGE,
      'domains["sales"].products["orders"].freshness.maxAgeHours',
    );
  });

  test('a subscription to columns above the consumer’s clearance → DPK_CLASSIFICATION naming Azure Storage', () => {
    const [sales, ...rest] = ACME_MESH.domains;
    const readsOrders = {
      ...sales,
      subscriptions: sales.subscriptions!.map((s, i) => (i === 0 ? { ...s, product: 'orders' } : s)),
    };
    expect(
      () =>
        new DataMesh(new App({ outdir: os.tmpdir() }), 'Mesh', {
          ...MESH_PROPS,
          domains: [readsOrders, ...rest],
        }),
    ).toThrow(
      expect.objectContaining({
        code: ErrorCode.CLASSIFICATION,
        message: expect.stringContaining(
          "Azure Storage cannot hide columns: customer_email are above marketing's clearance (internal); subscribe marketing to a de-identified product or clear it for confidential",
        ),
      }),
    );
  });

  test('a products stack estimated past the limit → DPK_STACK_TOO_LARGE before synthesis', () => {
    const many = Array.from({ length: 100 }, (_, i) => ({
      name: `product_${i}`,
      version: '1.0.0',
      description: 'One of many.',
      schema: [{ name: 'id', type: 'string' }],
    }));
    const domains = ACME_MESH.domains.map((d) =>
      d.name === 'marketing' ? { ...d, products: [...(d.products ?? []), ...many] } : d,
    );
    expectError({ domains }, ErrorCode.STACK_TOO_LARGE, 'acme-marketing-products');
  });

  test("more role assignments in a subscription than Azure's 4000 → DPK_OUT_OF_RANGE naming the subscription", () => {
    expect(DataMesh.MAX_ROLE_ASSIGNMENTS_PER_SUBSCRIPTION).toBe(4000);
    const counts = new Map([[CENTRAL, { count: 4001, stacks: ['acme-governance', 'acme-sales-products'] }]]);
    expect(() => checkRoleAssignmentLimit(newScope(), counts)).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        message: expect.stringContaining(`4001 role assignments in subscription ${CENTRAL}`),
      }),
    );
    expect(() =>
      checkRoleAssignmentLimit(newScope(), new Map([[CENTRAL, { count: 4000, stacks: [] }]])),
    ).not.toThrow();
  });

  test('role assignments are counted per subscription, on a scratch copy, only when the estimates could pass the limit', () => {
    const target = new App({ outdir: os.tmpdir() });
    const settings = resolveAzureMeshSettings(newScope(), target, MESH_PROPS, DataMesh.RESOURCE_MODEL);
    const build = jest.fn((scratch: App) => new DataMesh(scratch, 'Mesh', MESH_PROPS).stacks);
    // Estimates within the limit: nothing is built.
    checkRoleAssignments(newScope(), target, settings, build);
    expect(build).not.toHaveBeenCalled();
    // A limit below the central subscription's count (governance 3 + sales products 36): counted exactly, rejected.
    expect(() => checkRoleAssignments(newScope(), target, settings, build, 30)).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        message: expect.stringContaining(
          `39 role assignments in subscription ${CENTRAL} (stacks acme-governance, acme-sales-identity, acme-sales-products)`,
        ),
      }),
    );
    expect(build).toHaveBeenCalledTimes(1);
    expect(target.node.children).toEqual([]);
  });
});
