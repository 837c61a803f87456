import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { ErrorCode, ValidationError } from '../../../src/core/internal';
import {
  type DataMeshSpec,
  type DataProduct,
  type MeshDomain,
  ProductFormat,
  validateDataMeshSpec,
} from '../../../src/patterns';
import { MARKETING_READS_ORDERS } from '../../helpers/mesh-variants';
import { newScope } from '../../helpers/scope';

/** The violations `spec` is rejected with, as `CODE prop` lines (fails when it is accepted). */
function violations(spec: DataMeshSpec, columnFiltering = true): string[] {
  try {
    validateDataMeshSpec(newScope(), spec, { columnFiltering });
  } catch (e) {
    if (!ValidationError.isValidationError(e)) throw e;
    return e.violations.map((v) => `${v.code} ${v.prop}`);
  }
  throw new Error('expected the spec to be rejected');
}

const [SALES, , FINANCE] = ACME_MESH.domains;
/** A mesh of two bare domains, for checks of the mesh's own fields. */
const BARE: DataMeshSpec = {
  name: 'acme',
  governance: { admins: ['governance@example.com'] },
  domains: [
    { name: 'sales', owner: 'sales@example.com', description: 'Sales.' },
    { name: 'marketing', owner: 'marketing@example.com', description: 'Marketing.' },
  ],
};
/** The example with one domain changed. */
const withDomain = (index: number, change: Partial<MeshDomain>): DataMeshSpec => ({
  ...ACME_MESH,
  domains: ACME_MESH.domains.map((d, i) => (i === index ? { ...d, ...change } : d)),
});
/** The example with the sales domain's first product (orders) changed. */
const withOrders = (change: Partial<DataProduct>): DataMeshSpec =>
  withDomain(0, { products: SALES.products!.map((p, i) => (i === 0 ? { ...p, ...change } : p)) });

test('the example mesh is valid', () => {
  expect(() => validateDataMeshSpec(newScope(), ACME_MESH)).not.toThrow();
});

describe.each<[string, DataMeshSpec, string[]]>([
  ['a bad mesh name', { ...ACME_MESH, name: 'Acme!' }, [`${ErrorCode.INVALID_NAME} name`]],
  [
    'no admin, and one that is not an email',
    { ...ACME_MESH, governance: { admins: [] } },
    [`${ErrorCode.INVALID_PRINCIPAL} governance.admins`],
  ],
  [
    'one classification level, badly named',
    { ...BARE, governance: { admins: ['a@example.com'], classifications: ['Public'] } },
    [
      `${ErrorCode.INVALID_NAME} governance.classifications[0]`,
      `${ErrorCode.OUT_OF_RANGE} governance.classifications`,
    ],
  ],
  ['no domains', { ...ACME_MESH, domains: [] }, [`${ErrorCode.OUT_OF_RANGE} domains`]],
  [
    'a repeated classification level',
    { ...BARE, governance: { admins: ['a@example.com'], classifications: ['public', 'secret', 'public'] } },
    [`${ErrorCode.CONFLICTING_PROPS} governance.classifications[2].name`],
  ],
  [
    'two domains with one name',
    { ...BARE, domains: [BARE.domains[0], { ...BARE.domains[1], name: 'sales' }] },
    [`${ErrorCode.CONFLICTING_PROPS} domains[1].name`],
  ],
  [
    'an owner that is not an email',
    withDomain(1, { owner: 'marketing' }),
    [`${ErrorCode.INVALID_PRINCIPAL} domains["marketing"].owner`],
  ],
  [
    'an empty description',
    withDomain(1, { description: ' ' }),
    [`${ErrorCode.OUT_OF_RANGE} domains["marketing"].description`],
  ],
  [
    'an unknown clearance',
    withDomain(2, { clearance: 'secret' }),
    [`${ErrorCode.UNKNOWN_REFERENCE} domains["finance"].clearance`],
  ],
  [
    "a domain lakehouse's own errors, under the domain's path",
    withDomain(1, { lakehouse: { streams: [{ name: 'clicks', zone: 'bronze' }] } }),
    [`${ErrorCode.UNKNOWN_ZONE} domains["marketing"].lakehouse.streams["clicks"].zone`],
  ],
  [
    'a product name that cannot name a table',
    withDomain(2, { products: [{ ...FINANCE.products![0], name: 'Revenue-Daily' }] }),
    [`${ErrorCode.INVALID_NAME} domains["finance"].products["Revenue-Daily"].name`],
  ],
  [
    'a version that is not semver',
    withOrders({ version: 'v1' }),
    [`${ErrorCode.OUT_OF_RANGE} domains["sales"].products["orders"].version`],
  ],
  [
    'a zone the domain does not have',
    withOrders({ zone: 'gold' }),
    [`${ErrorCode.UNKNOWN_ZONE} domains["sales"].products["orders"].zone`],
  ],
  [
    'an unknown column type and a reserved column name',
    withOrders({ schema: [{ name: '_partitiontime', type: 'varchar(10)' }] }),
    [
      `${ErrorCode.INVALID_NAME} domains["sales"].products["orders"].schema["_partitiontime"].name`,
      `${ErrorCode.CONFLICTING_PROPS} domains["sales"].products["orders"].dataRetentionDays`,
      `${ErrorCode.UNKNOWN_REFERENCE} domains["sales"].products["orders"].partitionColumns[0]`,
      `${ErrorCode.OUT_OF_RANGE} domains["sales"].products["orders"].schema["_partitiontime"].type`,
    ],
  ],
  [
    'a decimal beyond what every cloud stores',
    withOrders({
      schema: [{ name: 'amount', type: 'decimal(39,2)' }],
      partitionColumns: [],
      dataRetentionDays: undefined,
    }),
    [`${ErrorCode.OUT_OF_RANGE} domains["sales"].products["orders"].schema["amount"].type`],
  ],
  [
    'two partition columns, one of them a string',
    withOrders({ partitionColumns: ['order_date', 'order_id'] }),
    [
      `${ErrorCode.CONFLICTING_PROPS} domains["sales"].products["orders"].partitionColumns[1]`,
      `${ErrorCode.OUT_OF_RANGE} domains["sales"].products["orders"].partitionColumns`,
    ],
  ],
  [
    'snapshot retention on a Parquet product',
    withOrders({ format: ProductFormat.PARQUET, snapshotRetentionDays: 3 }),
    [`${ErrorCode.CONFLICTING_PROPS} domains["sales"].products["orders"].snapshotRetentionDays`],
  ],
  [
    'data retention without a date partition',
    withOrders({ partitionColumns: [] }),
    [`${ErrorCode.CONFLICTING_PROPS} domains["sales"].products["orders"].dataRetentionDays`],
  ],
  [
    'a freshness age beyond a daily check',
    withOrders({ freshness: { maxAgeHours: 36 } }),
    [`${ErrorCode.OUT_OF_RANGE} domains["sales"].products["orders"].freshness.maxAgeHours`],
  ],
  [
    'a public product with classified columns',
    withOrders({ classification: 'public' }),
    [`${ErrorCode.CLASSIFICATION} domains["sales"].products["orders"].classification`],
  ],
  [
    'a restricted product without listed consumers',
    withDomain(0, { subscriptions: SALES.subscriptions!.filter((s) => s.product !== 'customers') }),
    [`${ErrorCode.CLASSIFICATION} domains["sales"].subscriptions`],
  ],
  [
    'a restricted product subscribed without naming personas',
    withDomain(0, {
      subscriptions: SALES.subscriptions!.map((s) =>
        s.product === 'customers' ? { ...s, personas: undefined } : s,
      ),
    }),
    [`${ErrorCode.CLASSIFICATION} domains["sales"].subscriptions[2].personas`],
  ],
  [
    'a subscription to a product whose every column is above the consumer’s clearance',
    withDomain(2, {
      subscriptions: [{ consumer: 'marketing', product: 'revenue_daily', approvedBy: 'a@example.com' }],
    }),
    [`${ErrorCode.CLASSIFICATION} domains["finance"].subscriptions[0].consumer`],
  ],
  [
    'a self-subscription, an unknown consumer and an unknown product',
    withDomain(1, {
      subscriptions: [
        { consumer: 'marketing', product: 'campaigns', approvedBy: 'a@example.com' },
        { consumer: 'legal', product: 'campaigns', approvedBy: 'a@example.com' },
        { consumer: 'sales', product: 'ads', approvedBy: 'a@example.com' },
      ],
    }),
    [
      `${ErrorCode.CONFLICTING_PROPS} domains["marketing"].subscriptions[0].consumer`,
      `${ErrorCode.UNKNOWN_REFERENCE} domains["marketing"].subscriptions[1].consumer`,
      `${ErrorCode.UNKNOWN_REFERENCE} domains["marketing"].subscriptions[2].product`,
    ],
  ],
  [
    'a repeated subscription, an unknown persona, no approver and a bad expiry',
    withDomain(1, {
      subscriptions: [
        { consumer: 'sales', product: 'campaigns', approvedBy: 'a@example.com' },
        {
          consumer: 'sales',
          product: 'campaigns',
          personas: ['auditor'],
          approvedBy: '',
          expires: '2027-02-30',
        },
      ],
    }),
    [
      `${ErrorCode.CONFLICTING_PROPS} domains["marketing"].subscriptions[1].product`,
      `${ErrorCode.UNKNOWN_REFERENCE} domains["marketing"].subscriptions[1].personas[0]`,
      `${ErrorCode.OUT_OF_RANGE} domains["marketing"].subscriptions[1].expires`,
      `${ErrorCode.INVALID_PRINCIPAL} domains["marketing"].subscriptions[1].approvedBy`,
    ],
  ],
  [
    'an unknown input domain and product',
    withDomain(2, {
      products: [
        {
          ...FINANCE.products![0],
          inputs: [
            { domain: 'legal', product: 'x' },
            { domain: 'sales', product: 'refunds' },
          ],
        },
      ],
    }),
    [
      `${ErrorCode.UNKNOWN_REFERENCE} domains["finance"].products["revenue_daily"].inputs[0].domain`,
      `${ErrorCode.UNKNOWN_REFERENCE} domains["finance"].products["revenue_daily"].inputs[1].product`,
    ],
  ],
  [
    'inputs that form a cycle across domains',
    withOrders({ inputs: [{ domain: 'marketing', product: 'attribution' }] }),
    [`${ErrorCode.LINEAGE_CYCLE} domains[*].products[*].inputs`],
  ],
])('rejects %s', (_what, spec, expected) => {
  test(`with ${expected.map((line) => line.split(' ')[0]).join(', ')}`, () => {
    expect(violations(spec)).toEqual(expected);
  });
});

test('a cycle is reported once, as the path that closes it', () => {
  try {
    validateDataMeshSpec(
      newScope(),
      withOrders({ inputs: [{ domain: 'marketing', product: 'attribution' }] }),
    );
  } catch (e) {
    expect((e as ValidationError).violations.map((v) => v.received)).toEqual([
      'marketing.attribution → sales.orders → sales.order_lines → marketing.attribution',
    ]);
    return;
  }
  throw new Error('expected a cycle');
});

test('where the cloud cannot hide columns, a subscription above the consumer’s clearance is rejected', () => {
  // The example is portable: marketing reads the de-identified order_lines, not orders.
  expect(() => validateDataMeshSpec(newScope(), ACME_MESH, { columnFiltering: false })).not.toThrow();
  expect(() => validateDataMeshSpec(newScope(), MARKETING_READS_ORDERS)).not.toThrow();
  expect(violations(MARKETING_READS_ORDERS, false)).toEqual([
    `${ErrorCode.CLASSIFICATION} domains["sales"].subscriptions[0].consumer`,
  ]);
});

test('the rejection names the cloud that cannot hide columns when told, and says what to do', () => {
  const allowed = (options: { cloud?: string }) => {
    try {
      validateDataMeshSpec(newScope(), MARKETING_READS_ORDERS, { columnFiltering: false, ...options });
    } catch (e) {
      if (!ValidationError.isValidationError(e)) throw e;
      return e.violations[0].allowed;
    }
    throw new Error('expected the spec to be rejected');
  };
  expect(allowed({})).toContain('this cloud cannot hide columns');
  expect(allowed({ cloud: 'Azure Storage' })).toBe(
    "a domain cleared for every column: Azure Storage cannot hide columns: customer_email are above marketing's clearance (internal); subscribe marketing to a de-identified product or clear it for confidential",
  );
});

test('every violation of a spec is reported in one error, grouped by code', () => {
  const broken = withDomain(0, {
    owner: 'nobody',
    products: SALES.products!.map((p, i) => (i === 0 ? { ...p, version: 'one', zone: 'gold' } : p)),
    subscriptions: [
      ...SALES.subscriptions!,
      { consumer: 'legal', product: 'orders', approvedBy: 'a@example.com' },
    ],
  });
  const codes = violations(broken).map((line) => line.split(' ')[0]);
  expect(codes).toEqual([
    ErrorCode.UNKNOWN_REFERENCE,
    ErrorCode.UNKNOWN_ZONE,
    ErrorCode.OUT_OF_RANGE,
    ErrorCode.INVALID_PRINCIPAL,
  ]);
});
