import * as os from 'node:os';
import type { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { App } from 'cdktf';
import { addressOf, AzureAccess } from './azure/access';
import { ACME_MESH } from '../../examples/data-mesh-spec';
import { DataMesh } from '../../src/azure';
import { ErrorCode } from '../../src/core/internal';
import { MeshStackKind } from '../../src/patterns';
import { blocksOf, buildMesh, MESH_PROPS } from '../azure/mesh/support';
import { TfGraph } from '../helpers/tf-graph';
import type { TfDocument } from '../helpers/tf-template';

/**
 * Data mesh journeys on Azure, evaluated on the synthesized Terraform of ACME_MESH across three
 * subscriptions: every role assignment of a producer's products stack resolved to its
 * permissions through the kit's built-in role table (test/journeys/azure/roles.ts), a consumer
 * persona being the identity its identity stack makes, which the producer reads by name.
 */
const { mesh, docs } = buildMesh();
const READ_BLOB = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
const WRITE_BLOB = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write';
const productsDoc = (domain: string) => docs[`acme-${domain}-products`];

/** The user-assigned identity a persona's identity stack makes, by the name its config carries. */
function identityOf(domain: string, persona: string): { name: string; resourceGroup: string } {
  const identity = mesh.personaIdentities[domain][persona];
  return { name: identity.nameInput!, resourceGroup: `rg-acme-${domain}` };
}

/** The address a producer's products stack reads `domain`'s `persona` identity at (none: it cannot name it). */
function principalIn(producer: string, domain: string, persona: string): string | undefined {
  const { name, resourceGroup } = identityOf(domain, persona);
  const found = Object.entries(blocksOf(productsDoc(producer), 'data.azurerm_user_assigned_identity')).filter(
    ([, c]) => c.name === name && c.resource_group_name === resourceGroup,
  );
  return found.length === 0 ? undefined : `data.azurerm_user_assigned_identity.${found[0][0]}`;
}

/** A container's Resource Manager id as the producer's stack renders it. */
function scopeOf(producer: string, container: StorageContainer): string {
  const stack = mesh.stacks[`acme-${producer}-products`];
  const account = stack.getLogicalId(mesh.lakehouses[producer].lake.storageAccount);
  return `\${azurerm_storage_account.${account}.id}/blobServices/default/containers/\${azurerm_storage_container.${stack.getLogicalId(container)}.name}`;
}

/** Whether `domain`'s `persona` may make `dataAction` in `productId`'s container, as its producer granted. */
function mayOnProduct(domain: string, persona: string, productId: string, dataAction = READ_BLOB): boolean {
  const producer = productId.split('.')[0];
  const principal = principalIn(producer, domain, persona);
  if (principal === undefined) return false;
  const scope = scopeOf(producer, mesh.productContainers[productId]);
  return new AzureAccess(productsDoc(producer)).hasDataAction(principal, scope, dataAction);
}

/** Whether `domain`'s `persona` may read a blob in any zone container of `producer`'s lake. */
function mayReadAZone(domain: string, persona: string, producer: string): boolean {
  const principal = principalIn(producer, domain, persona);
  if (principal === undefined) return false;
  const lake = mesh.lakehouses[producer].lake;
  const access = new AzureAccess(productsDoc(producer));
  return lake.zoneNames.some((zone) =>
    access.hasDataAction(principal, `${scopeOf(producer, lake.containerFor(zone))}/x`, READ_BLOB),
  );
}

describe('a consumer analyst reads a subscribed product', () => {
  test('marketing’s analyst reads sales.order_lines (Blob Data Reader data actions at the container’s scope), never writes it', () => {
    expect(mayOnProduct('marketing', 'analyst', 'sales.order_lines')).toBe(true);
    expect(mayOnProduct('marketing', 'analyst', 'sales.order_lines', WRITE_BLOB)).toBe(false);
  });

  test('finance’s analyst reads sales.orders and sales.customers; its engineer orders only (customers lists the analyst)', () => {
    expect(mayOnProduct('finance', 'analyst', 'sales.orders')).toBe(true);
    expect(mayOnProduct('finance', 'analyst', 'sales.customers')).toBe(true);
    expect(mayOnProduct('finance', 'engineer', 'sales.orders')).toBe(true);
    expect(mayOnProduct('finance', 'engineer', 'sales.customers')).toBe(false);
  });

  test('sales’s analyst reads marketing.campaigns, its subscription the other way', () => {
    expect(mayOnProduct('sales', 'analyst', 'marketing.campaigns')).toBe(true);
  });
});

describe('a consumer reads nothing else', () => {
  test('marketing’s analyst cannot read the unsubscribed sales.orders (its customer_email is confidential) nor sales.customers', () => {
    expect(mayOnProduct('marketing', 'analyst', 'sales.orders')).toBe(false);
    expect(mayOnProduct('marketing', 'analyst', 'sales.customers')).toBe(false);
  });

  test('no consumer persona reads a zone of its producer’s lake: only product containers', () => {
    for (const g of mesh.plan.subscriptions) {
      expect({ ...g, zone: mayReadAZone(g.consumer, g.persona, g.producer) }).toEqual({ ...g, zone: false });
    }
  });

  test('every product no one subscribed to is read by no other domain', () => {
    for (const product of mesh.plan.products) {
      for (const domain of mesh.plan.domains.filter((d) => d.name !== product.domain)) {
        for (const persona of domain.lakehouse.personas) {
          const subscribed = mesh.plan.subscriptions.some(
            (g) => g.consumer === domain.name && g.persona === persona.name && g.product === product.id,
          );
          expect({
            who: `${domain.name}/${persona.name}`,
            product: product.id,
            reads: mayOnProduct(domain.name, persona.name, product.id),
          }).toEqual({
            who: `${domain.name}/${persona.name}`,
            product: product.id,
            reads: subscribed,
          });
        }
      }
    }
  });

  test('marketing subscribing to sales.orders is rejected before synthesis, naming Azure Storage', () => {
    const [sales, ...rest] = ACME_MESH.domains;
    const readsOrders = {
      ...sales,
      subscriptions: sales.subscriptions!.map((s, i) => (i === 0 ? { ...s, product: 'orders' } : s)),
    };
    const app = new App({ outdir: os.tmpdir() });
    expect(() => new DataMesh(app, 'Mesh', { ...MESH_PROPS, domains: [readsOrders, ...rest] })).toThrow(
      expect.objectContaining({
        code: ErrorCode.CLASSIFICATION,
        message: expect.stringContaining('Azure Storage cannot hide columns'),
      }),
    );
    expect(app.node.findAll().some((c) => c.node.id.endsWith('-products'))).toBe(false);
  });
});

describe('deploy order', () => {
  const order = mesh.plan.stacks.map((s) => s.name);
  /** Every stack `name` waits for, transitively. */
  function before(name: string): Set<string> {
    const all = new Set<string>();
    const walk = (n: string) => {
      for (const d of mesh.stacks[n].dependencies) {
        if (!all.has(d.node.id)) {
          all.add(d.node.id);
          walk(d.node.id);
        }
      }
    };
    walk(name);
    return all;
  }
  /** A config value, following a `${type.name.attr}` reference within the document. */
  function valueOf(doc: TfDocument, value: unknown): unknown {
    const address = addressOf(value);
    if (address === undefined || address.startsWith('data.')) return value;
    const [type, name] = address.split('.');
    const attr = /\.([a-z_]+)\}$/.exec(String(value))![1];
    return valueOf(doc, blocksOf(doc, type)[name][attr]);
  }

  test('governance first, every identity stack before every products stack', () => {
    expect(before('acme-governance').size).toBe(0);
    for (const planned of mesh.plan.stacks.filter((s) => s.kind === MeshStackKind.PRODUCTS)) {
      expect([...before(planned.name)]).toEqual(
        expect.arrayContaining(['acme-governance', `acme-${planned.domain}-identity`]),
      );
    }
    for (const planned of mesh.plan.stacks.filter((s) => s.kind === MeshStackKind.IDENTITY)) {
      expect([...before(planned.name)]).toEqual(['acme-governance']);
    }
  });

  test('everything a stack reads by name is made by a stack deployed before it', () => {
    const keys: Record<string, string[]> = {
      azurerm_user_assigned_identity: ['name', 'resource_group_name'],
      azurerm_virtual_network: ['name', 'resource_group_name'],
      azurerm_subnet: ['name', 'virtual_network_name', 'resource_group_name'],
      azurerm_private_dns_zone: ['name', 'resource_group_name'],
    };
    const made = (stack: string, type: string, want: Record<string, unknown>) =>
      Object.values(blocksOf(docs[stack], type)).some((c) =>
        Object.entries(want).every(([k, v]) => valueOf(docs[stack], c[k]) === v),
      );
    for (const name of order) {
      for (const [type, byName] of Object.entries(((docs[name] as any).data ?? {}) as Record<string, any>)) {
        if (keys[type] === undefined) continue;
        for (const [id, config] of Object.entries(byName)) {
          const want = Object.fromEntries(keys[type].map((k) => [k, (config as any)[k]]));
          const makers = order.filter((s) => made(s, type, want));
          expect({
            reader: `${name}:${type}.${id}`,
            makers,
            before: makers.every((m) => before(name).has(m)) && makers.length === 1,
          }).toEqual({
            reader: `${name}:${type}.${id}`,
            makers,
            before: true,
          });
        }
      }
    }
  });

  test("a products stack's consumer grants read the consumer's principal id from its identity stack, in the consumer's subscription", () => {
    for (const g of mesh.plan.subscriptions) {
      const doc = productsDoc(g.producer);
      const principal = principalIn(g.producer, g.consumer, g.persona)!;
      const graph = new TfGraph(doc);
      const grants = graph
        .addressesOf('azurerm_role_assignment')
        .filter((a) => addressOf((graph.configs.get(a) as any).principal_id) === principal);
      expect(grants.length).toBeGreaterThan(0);
      for (const grant of grants) expect(graph.dependsOn(grant, principal)).toBe(true);
      expect(blocksOf(doc, 'data.azurerm_user_assigned_identity')[principal.split('.')[2]].provider).toBe(
        `azurerm.domain_${g.consumer}`,
      );
      expect(before(`acme-${g.producer}-products`).has(`acme-${g.consumer}-identity`)).toBe(true);
    }
  });
});
