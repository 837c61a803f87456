import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { ZoneAccess } from '../../../src/core/internal';
import {
  DataMeshDefaults,
  type DataMeshSpec,
  MeshStackKind,
  ODCS_API_VERSION,
  planDataMesh,
  ProductFormat,
  ProductStatus,
} from '../../../src/patterns';
import { MARKETING_READS_ORDERS } from '../../helpers/mesh-variants';
import { newScope } from '../../helpers/scope';

const TODAY = '2027-01-15';
const plan = (spec: DataMeshSpec = ACME_MESH, today = TODAY) => planDataMesh(newScope(), spec, { today });
const acme = plan();
const product = (id: string) => acme.products.find((p) => p.id === id)!;

describe('planDataMesh on the example mesh', () => {
  test('plans every domain with its own lakehouse, named after the domain, under the mesh tags', () => {
    expect(acme.domains.map((d) => [d.name, d.lakehouse.platformName, d.clearance])).toEqual([
      ['sales', 'sales', 'internal'],
      ['marketing', 'marketing', 'internal'],
      ['finance', 'finance', 'restricted'],
    ]);
    expect(acme.domains[0].lakehouse.tags).toMatchObject({ 'cost-center': 'data-mesh' });
    expect(acme.domains[0].lakehouse.streams.map((s) => s.name)).toEqual(['order-events']);
  });

  test("a domain's alerts default to its owner, and its freshness checks notify them", () => {
    expect(acme.domains[1].lakehouse.alertEmails).toEqual(['marketing-data@example.com']);
    expect(product('marketing.campaigns').freshness.notify).toEqual(['marketing-data@example.com']);
  });

  test('each product gets its table and location in the last zone by default, with defaults resolved', () => {
    expect(product('sales.orders')).toMatchObject({
      domain: 'sales',
      table: 'orders',
      path: 'products/orders/',
      zone: 'serving',
      format: ProductFormat.ICEBERG,
      status: ProductStatus.ACTIVE,
      owner: 'sales-data@example.com',
      majorVersion: 1,
      snapshotRetentionDays: DataMeshDefaults.SNAPSHOT_RETENTION_DAYS,
      dataRetentionDays: 3650,
      partitionColumns: ['order_date'],
    });
    expect(product('marketing.campaigns').snapshotRetentionDays).toBeUndefined();
    expect(product('sales.customers').majorVersion).toBe(2);
  });

  test("a product's classification is the highest of its columns; unclassified columns are the lowest level", () => {
    expect(product('sales.orders').classification).toBe('confidential');
    expect(product('sales.customers').classification).toBe('restricted');
    expect(product('marketing.campaigns').classification).toBe('public');
    expect(product('marketing.campaigns').columns.map((c) => c.classification)).toEqual([
      'public',
      'public',
      'public',
      'public',
    ]);
    expect(product('sales.orders').columns.find((c) => c.name === 'amount')!.type).toEqual({
      name: 'decimal',
      precision: 12,
      scale: 2,
    });
  });

  test('freshness: hourly checks for ages under a day, a daily check otherwise; missing data is a breach', () => {
    expect(product('sales.orders').freshness).toEqual({
      product: 'sales.orders',
      maxAgeHours: 6,
      schedule: { cron: DataMeshDefaults.HOURLY_CHECK_CRON, timeZone: 'Etc/UTC' },
      missingDataIsBreach: true,
      notify: ['sales-data@example.com'],
    });
    expect(product('sales.customers').freshness).toMatchObject({
      maxAgeHours: 24,
      schedule: { cron: DataMeshDefaults.DAILY_CHECK_CRON },
    });
    expect(acme.freshnessChecks).toHaveLength(acme.products.length);
  });

  test('the subscription matrix: consumer × persona × product → READ, columns above clearance hidden', () => {
    const cells = acme.subscriptions.map(
      (g) => `${g.consumer}/${g.persona} ${g.access} ${g.product} -${g.hiddenColumns.join(',')}`,
    );
    expect(cells).toEqual([
      'marketing/analyst read sales.order_lines -',
      'marketing/engineer read sales.order_lines -',
      'finance/analyst read sales.orders -',
      'finance/engineer read sales.orders -',
      'finance/analyst read sales.customers -',
      'sales/analyst read marketing.campaigns -',
      'sales/engineer read marketing.campaigns -',
    ]);
    expect(acme.subscriptions.every((g) => g.access === ZoneAccess.READ)).toBe(true);
    // Marketing is cleared for internal data: subscribed to orders itself, it reads it without
    // the confidential customer_email.
    const marketingReadsOrders = plan(MARKETING_READS_ORDERS);
    expect(marketingReadsOrders.subscriptions.filter((g) => g.consumer === 'marketing')).toMatchObject([
      { persona: 'analyst', product: 'sales.orders', hiddenColumns: ['customer_email'] },
      { persona: 'engineer', product: 'sales.orders', hiddenColumns: ['customer_email'] },
    ]);
  });

  test('an expired subscription is listed and no longer granted', () => {
    const later = plan(ACME_MESH, '2028-01-01');
    expect(later.expiredSubscriptions).toEqual([
      { consumer: 'finance', product: 'sales.customers', expires: '2027-12-31' },
    ]);
    expect(later.subscriptions.some((g) => g.product === 'sales.customers')).toBe(false);
    expect(plan(ACME_MESH, '2027-12-31').subscriptions.some((g) => g.product === 'sales.customers')).toBe(
      true,
    );
  });

  test('lineage lists every resolved input, with ids across domains', () => {
    expect(acme.lineage).toEqual([
      { from: 'sales.orders', to: 'sales.order_lines' },
      { from: 'sales.order_lines', to: 'marketing.attribution' },
      { from: 'marketing.campaigns', to: 'marketing.attribution' },
      { from: 'sales.orders', to: 'finance.revenue_daily' },
    ]);
    expect(product('marketing.attribution').inputs).toEqual(['sales.order_lines', 'marketing.campaigns']);
  });

  test('stacks deploy governance, then identities, then products; products never wait for each other', () => {
    expect(acme.stacks.map((s) => s.name)).toEqual([
      'acme-governance',
      'acme-sales-identity',
      'acme-marketing-identity',
      'acme-finance-identity',
      'acme-sales-products',
      'acme-marketing-products',
      'acme-finance-products',
    ]);
    const position = new Map(acme.stacks.map((s, i) => [s.name, i]));
    for (const stack of acme.stacks) {
      for (const dep of stack.dependsOn) expect(position.get(dep)).toBeLessThan(position.get(stack.name)!);
      if (stack.kind === MeshStackKind.PRODUCTS) {
        expect(stack.dependsOn.some((d) => d.endsWith('-products'))).toBe(false);
      }
    }
    // Sales grants to marketing and finance personas: their identities exist first.
    expect(acme.stacks[4].dependsOn).toEqual([
      'acme-governance',
      'acme-sales-identity',
      'acme-marketing-identity',
      'acme-finance-identity',
    ]);
  });

  test('the plan is plain data: a JSON round trip gives it back unchanged, and planning twice gives the same', () => {
    expect(JSON.parse(JSON.stringify(acme))).toEqual(acme);
    expect(plan()).toEqual(acme);
  });
});

describe('contracts in the Open Data Contract Standard shape', () => {
  const orders = acme.contracts.find((c) => c.id === 'acme.sales.orders')!;

  test('fundamentals, owner and the schema object with its properties', () => {
    expect(orders).toMatchObject({
      apiVersion: ODCS_API_VERSION,
      kind: 'DataContract',
      name: 'orders',
      version: '1.2.0',
      status: 'active',
      domain: 'sales',
      dataProduct: 'orders',
      description: { purpose: 'Every confirmed order, one row per order line.' },
      team: [{ username: 'sales-data@example.com', role: 'owner' }],
      tags: ['confidential'],
    });
    expect(orders.schema[0].properties).toEqual([
      {
        name: 'order_id',
        logicalType: 'string',
        physicalType: 'string',
        required: true,
        classification: 'internal',
        partitioned: false,
      },
      {
        name: 'customer_email',
        logicalType: 'string',
        physicalType: 'string',
        required: false,
        classification: 'confidential',
        partitioned: false,
      },
      {
        name: 'amount',
        logicalType: 'number',
        physicalType: 'decimal(12,2)',
        required: false,
        classification: 'internal',
        partitioned: false,
      },
      {
        name: 'order_date',
        logicalType: 'date',
        physicalType: 'date',
        required: true,
        classification: 'internal',
        partitioned: true,
        partitionKeyPosition: 1,
      },
    ]);
  });

  test('freshness and retention as service-level properties; format, zone and lineage as custom ones', () => {
    expect(orders.slaProperties).toEqual([
      {
        property: 'freshness',
        value: 6,
        unit: 'h',
        element: 'orders',
        schedule: DataMeshDefaults.HOURLY_CHECK_CRON,
      },
      { property: 'retention', value: 3650, unit: 'd', element: 'orders' },
    ]);
    const attribution = acme.contracts.find((c) => c.id === 'acme.marketing.attribution')!;
    expect(attribution.customProperties).toContainEqual({
      property: 'inputs',
      value: ['sales.order_lines', 'marketing.campaigns'],
    });
    expect(attribution.customProperties).toContainEqual({ property: 'format', value: 'iceberg' });
  });

  test('one contract per product, in product order', () => {
    expect(acme.contracts.map((c) => c.id)).toEqual(acme.products.map((p) => `acme.${p.id}`));
  });
});

describe('stack estimates', () => {
  const many = (products: number): DataMeshSpec => ({
    ...ACME_MESH,
    domains: [
      ...ACME_MESH.domains.slice(1),
      {
        ...ACME_MESH.domains[0],
        products: [
          ...ACME_MESH.domains[0].products!,
          ...Array.from({ length: products }, (_, i) => ({
            name: `p${i}`,
            version: '1.0.0',
            description: 'A generated product.',
            schema: [{ name: 'id', type: 'string' }],
          })),
        ],
      },
    ],
  });

  test('grow with products and fail early, naming the stack, when one would pass the limit', () => {
    const small = plan(many(10)).stacks.find((s) => s.name === 'acme-sales-products')!;
    const larger = plan(many(20)).stacks.find((s) => s.name === 'acme-sales-products')!;
    expect(larger.estimatedResources - small.estimatedResources).toBe(
      10 * DataMeshDefaults.RESOURCE_MODEL.products.perProduct,
    );
    expect(() => plan(many(60))).toThrow(/DPK_STACK_TOO_LARGE.*domains\["sales"\].*acme-sales-products/s);
  });

  test('a calibrated model and limit replace the defaults', () => {
    const model = DataMeshDefaults.RESOURCE_MODEL;
    const calibrated = planDataMesh(newScope(), ACME_MESH, {
      today: TODAY,
      resourceModel: { ...model, identity: { base: 1, perPersona: 0 } },
    });
    expect(
      calibrated.stacks.filter((s) => s.kind === MeshStackKind.IDENTITY).map((s) => s.estimatedResources),
    ).toEqual([1, 1, 1]);
    expect(() => planDataMesh(newScope(), ACME_MESH, { today: TODAY, maxResourcesPerStack: 50 })).toThrow(
      /DPK_STACK_TOO_LARGE/,
    );
  });
});
