import { PolicySimulator } from './aws/simulator';
import { ACCOUNT, LakeFormationModel, REGION, TemplateModel } from './aws/template-model';
import { buildMesh, ONE_ACCOUNT_PROPS } from '../aws/mesh/support';
import { MARKETING_READS_ORDERS } from '../helpers/mesh-variants';

/**
 * Data mesh journeys on AWS, evaluated on the synthesized templates of ACME_MESH in one account
 * (the simulator resolves every account to one; the cross-account wiring is asserted in
 * test/aws/mesh/data-mesh.test.ts): Lake Formation grants from the producer's products stack,
 * IAM policies from the consumer's products stack (attached to its identity stack's roles by
 * name), through the IAM policy simulator.
 */
const { mesh, templates } = buildMesh(ONE_ACCOUNT_PROPS);
const model = (name: string) => new TemplateModel(templates[name].toJSON());
const sales = model('acme-sales-products');
const marketing = model('acme-marketing-products');
const finance = model('acme-finance-products');
const salesLf = new LakeFormationModel(sales);
const role = (domain: string, persona: string) => `arn:aws:iam::${ACCOUNT}:role/acme-${domain}-${persona}`;
const serving = mesh.lakehouses.sales.catalog.databaseNameFor('serving');
const glueArn = (r: string) => `arn:aws:glue:${REGION}:${ACCOUNT}:${r}`;

/** Whether the consumer persona may make `action` on `resource` with the policies its products stack attaches. */
async function consumerMay(
  consumer: TemplateModel,
  domain: string,
  persona: string,
  action: string,
  resource: string,
) {
  const sim = new PolicySimulator(consumer);
  const roleName = `acme-${domain}-${persona}`;
  return sim.allowsRoleNamed(roleName, sim.policiesOfRoleNamed(roleName), { action, resource });
}

describe('a consumer analyst queries a subscribed product', () => {
  const analyst = role('marketing', 'analyst');

  test('Lake Formation: DESCRIBE on the database and table, SELECT on the columns within its clearance', () => {
    expect(salesLf.onDatabase(analyst, serving, 'DESCRIBE')).toBe(true);
    expect(salesLf.onTable(analyst, serving, 'order_lines', 'DESCRIBE')).toBe(true);
    for (const column of ['order_id', 'amount', 'order_date']) {
      expect(salesLf.canSelectColumn(analyst, serving, 'order_lines', column)).toBe(true);
    }
  });

  test('IAM: reads the table from the catalog and asks Lake Formation for data access', async () => {
    for (const action of ['glue:GetTable', 'glue:GetPartitions']) {
      expect(
        await consumerMay(marketing, 'marketing', 'analyst', action, glueArn(`table/${serving}/order_lines`)),
      ).toBe(true);
    }
    expect(
      await consumerMay(
        marketing,
        'marketing',
        'analyst',
        'glue:GetDatabase',
        glueArn(`database/${serving}`),
      ),
    ).toBe(true);
    expect(await consumerMay(marketing, 'marketing', 'analyst', 'lakeformation:GetDataAccess', '*')).toBe(
      true,
    );
  });
});

describe('what a consumer must not do', () => {
  const analyst = role('marketing', 'analyst');

  test('query a product it is not subscribed to', async () => {
    expect(salesLf.onTable(analyst, serving, 'customers', 'SELECT')).toBe(false);
    expect(salesLf.canSelectColumn(analyst, serving, 'customers', 'customer_id')).toBe(false);
    expect(salesLf.onTables(analyst, serving, 'SELECT')).toBe(false);
    expect(
      await consumerMay(
        marketing,
        'marketing',
        'analyst',
        'glue:GetTable',
        glueArn(`table/${serving}/customers`),
      ),
    ).toBe(false);
  });

  test('query the product its de-identified subscription derives from', () => {
    expect(salesLf.onTable(analyst, serving, 'orders', 'SELECT')).toBe(false);
    expect(salesLf.canSelectColumn(analyst, serving, 'orders', 'order_id')).toBe(false);
  });

  test('select a column above its clearance, when subscribed to the product holding it', () => {
    const variant = buildMesh({ ...ONE_ACCOUNT_PROPS, ...MARKETING_READS_ORDERS });
    const lf = new LakeFormationModel(new TemplateModel(variant.templates['acme-sales-products'].toJSON()));
    for (const column of ['order_id', 'amount', 'order_date']) {
      expect(lf.canSelectColumn(analyst, serving, 'orders', column)).toBe(true);
    }
    expect(lf.canSelectColumn(analyst, serving, 'orders', 'customer_email')).toBe(false);
  });

  test("write the producer's zones, through Lake Formation or S3", async () => {
    for (const persona of ['analyst', 'engineer']) {
      expect(
        salesLf.permissionsOf(role('marketing', persona)).filter((p) => !['SELECT', 'DESCRIBE'].includes(p)),
      ).toEqual([]);
    }
    const lake = mesh.lakehouses.sales.lake;
    const sim = new PolicySimulator(marketing);
    const policies = sim.policiesOfRoleNamed('acme-marketing-analyst');
    for (const zone of lake.zoneNames) {
      const bucketId = mesh.stacks['acme-sales-products'].getLogicalId(
        lake.bucketFor(zone).node.defaultChild as any,
      );
      const arn = sales.getAtt(bucketId, 'Arn');
      const salesSim = new PolicySimulator(sales);
      for (const action of ['s3:PutObject', 's3:GetObject']) {
        const allowed = await salesSim.allowsRoleNamed('acme-marketing-analyst', policies, {
          action,
          resource: `${arn}/products/orders/part-0.parquet`,
          resourcePolicyOf: { type: 'bucket', id: bucketId },
        });
        expect({ zone, action, allowed }).toEqual({ zone, action, allowed: false });
      }
    }
  });

  test('a persona the restricted product does not list gets nothing of it; the listed one reads it whole', () => {
    expect(salesLf.canSelectColumn(role('finance', 'analyst'), serving, 'customers', 'full_name')).toBe(true);
    expect(salesLf.onTable(role('finance', 'engineer'), serving, 'customers', 'SELECT')).toBe(false);
    expect(salesLf.onTable(role('finance', 'engineer'), serving, 'customers', 'DESCRIBE')).toBe(false);
  });
});

describe("the producer's own journeys still hold", () => {
  test("the producer's analyst queries every table of its serving zone, the engineer writes its curated zone", async () => {
    expect(salesLf.onTables(role('sales', 'analyst'), serving, 'SELECT')).toBe(true);
    const curated = mesh.lakehouses.sales.catalog.databaseNameFor('curated');
    expect(salesLf.onDatabase(role('sales', 'engineer'), curated, 'CREATE_TABLE')).toBe(true);
    expect(
      await consumerMay(sales, 'sales', 'analyst', 'glue:GetTable', glueArn(`table/${serving}/orders`)),
    ).toBe(true);
  });

  test('finance, a consumer without products of its own subscribed to, reads nothing of marketing', () => {
    const marketingLf = new LakeFormationModel(marketing);
    expect(marketingLf.permissionsOf(role('finance', 'analyst'))).toEqual([]);
    expect(new LakeFormationModel(finance).permissionsOf(role('marketing', 'analyst'))).toEqual([]);
  });
});
