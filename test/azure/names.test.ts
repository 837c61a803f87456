import { createHash } from 'node:crypto';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { notebookScripts } from './azure-stack';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { Catalog } from '../../src/azure/catalog/catalog';
import { Lakehouse } from '../../src/azure/patterns/lakehouse';
import type { ResourceGroupRef } from '../../src/azure/resource-group';
import { newTfStack, TfTemplate } from '../helpers/tf-template';

/**
 * Names Azure keeps unique across all tenants (DNS names) or per tenant (role definitions), by
 * resource type: two deployments of one app must never derive the same one.
 */
const GLOBAL_NAME_TYPES = [
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_eventhub_namespace',
  'azurerm_synapse_workspace',
  'azurerm_data_factory',
  'azurerm_purview_account',
  'azurerm_role_definition',
] as const;

const SUBSCRIPTION_A = '0a0a0a0a-1111-4222-8333-444444444444';
const SUBSCRIPTION_B = '0b0b0b0b-1111-4222-8333-444444444444';

/** How the deployment names its subscription and resource group. */
interface Scope {
  readonly title: string;
  /** The provider's literal subscription; unset, the kit reads `azurerm_client_config`. */
  readonly literalSubscription?: string;
  /** The subscription Terraform would read from `azurerm_client_config` at plan time. */
  readonly subscription: string;
  readonly resourceGroup: string;
  /** The resource group given as a reference (a created `azurerm_resource_group`'s name). */
  readonly groupAsReference?: boolean;
}

/** Each global name of the sales lakehouse (with a Purview catalog) deployed into `scope`, evaluated as Terraform would. */
function globalNames(scope: Scope): Map<string, string> {
  const stack = newTfStack();
  new AzurermProvider(stack, 'Azurerm', { features: [{}], subscriptionId: scope.literalSubscription });
  const group: ResourceGroupRef = scope.groupAsReference
    ? new ResourceGroup(stack, 'ResourceGroup', { name: scope.resourceGroup, location: 'westeurope' })
    : { name: scope.resourceGroup, location: 'westeurope' };
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    resourceGroup: group,
    deployerInsideNetwork: true,
    stepScripts: notebookScripts(SALES_LAKEHOUSE),
  });
  new Catalog(stack, 'Governance', {
    platformName: 'sales',
    resourceGroup: group,
    lake: lakehouse.lake,
    network: lakehouse.network,
    purview: true,
  });
  const template = TfTemplate.fromStack(stack);
  const names = new Map<string, string>();
  for (const type of GLOBAL_NAME_TYPES) {
    for (const block of template.resources(type)) {
      names.set(block.address, evaluate(String(block.config.name), scope));
    }
  }
  return names;
}

/**
 * Evaluates the only Terraform expressions a derived name may hold: the resource group (a created
 * group's name), the deploying identity's subscription, and
 * `substr(sha256(join("|", [...])), 0, n)` over them — the hash Terraform computes at plan.
 */
function evaluate(name: string, scope: Scope): string {
  const value = (item: string): string => {
    const t = item.trim();
    if (/^data\.azurerm_client_config\.\w+\.subscription_id$/.test(t)) return scope.subscription;
    if (/^azurerm_resource_group\.\w+\.name$/.test(t)) return scope.resourceGroup;
    if (t.startsWith('"')) return JSON.parse(t) as string;
    throw new Error(`unexpected expression in a name: ${t}`);
  };
  return name.replace(
    /\$\{substr\(sha256\(join\("\|", \[(.*?)\]\)\), 0, (\d+)\)\}/g,
    (_, items: string, length: string) =>
      createHash('sha256')
        .update(items.split(', ').map(value).join('|'))
        .digest('hex')
        .slice(0, Number(length)),
  );
}

const SCOPES: Scope[] = [
  {
    title: 'subscription A (literal), rg-dev',
    literalSubscription: SUBSCRIPTION_A,
    subscription: SUBSCRIPTION_A,
    resourceGroup: 'rg-dev',
  },
  {
    title: 'subscription A (literal), rg-prod',
    literalSubscription: SUBSCRIPTION_A,
    subscription: SUBSCRIPTION_A,
    resourceGroup: 'rg-prod',
  },
  { title: 'subscription B (reference), rg-dev', subscription: SUBSCRIPTION_B, resourceGroup: 'rg-dev' },
  {
    title: 'subscription B (reference), rg-prod (reference)',
    subscription: SUBSCRIPTION_B,
    resourceGroup: 'rg-prod',
    groupAsReference: true,
  },
];

describe('Azure global names per deployment', () => {
  const names = new Map(SCOPES.map((s) => [s.title, globalNames(s)]));

  test('every global name of every type is derived, and all are legal literals once evaluated', () => {
    for (const [title, byAddress] of names) {
      const types = new Set([...byAddress.keys()].map((a) => a.split('.')[0]));
      expect({ title, types: [...types].sort() }).toEqual({ title, types: [...GLOBAL_NAME_TYPES].sort() });
      for (const name of byAddress.values()) expect(name).not.toMatch(/\$\{/);
    }
  });

  test.each(SCOPES.flatMap((a, i) => SCOPES.slice(i + 1).map((b) => [a.title, b.title])))(
    '%s and %s share no global name',
    (a, b) => {
      // GIVEN the same app deployed into two scopes / THEN no name of one equals a name of the other
      const left = new Set(names.get(a)!.values());
      const shared = [...names.get(b)!.values()].filter((n) => left.has(n));
      expect(shared).toEqual([]);
    },
  );

  test('a subscription read at plan time derives the very names its literal gives', () => {
    // GIVEN subscription B as a literal on the provider, and B read from azurerm_client_config
    const literal = globalNames({
      title: 'B literal',
      literalSubscription: SUBSCRIPTION_B,
      subscription: SUBSCRIPTION_B,
      resourceGroup: 'rg-dev',
    });
    // THEN both deployments of the same scope derive identical names: no rename when the provider changes
    expect([...names.get('subscription B (reference), rg-dev')!.values()].sort()).toEqual(
      [...literal.values()].sort(),
    );
  });

  test('names stay stable: the same scope synthesized twice derives the same names', () => {
    const again = globalNames(SCOPES[0]);
    expect([...again.entries()]).toEqual([...names.get(SCOPES[0].title)!.entries()]);
  });
});

test("an aliased provider for another subscription leaves the default provider's literal subscription in names", () => {
  // GIVEN a stack deploying into A (default provider) that also reads B (aliased provider, e.g. a data mesh hub)
  const stack = newTfStack();
  new AzurermProvider(stack, 'Azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_A });
  new AzurermProvider(stack, 'AzurermHub', { features: [{}], subscriptionId: SUBSCRIPTION_B, alias: 'hub' });
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    platformName: 'sales',
    resourceGroup: { name: 'rg-dev', location: 'westeurope' },
    deployerInsideNetwork: true,
  });
  // THEN the global names are literals (hashed with A), as with A's provider alone
  expect(lakehouse.lake.storageAccount.nameInput).toMatch(/^[a-z0-9]{3,24}$/);
});
