import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ANALYST, buildMesh, CENTRAL, ONE_ACCOUNT_PROPS, resourcesOf, TWO_ACCOUNT_PROPS } from './support';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh, RAM_INVITATIONS_WARNING } from '../../../src/aws';
import { checkCompliance } from '../../../src/aws/compliance';
import { ErrorCode } from '../../../src/core/internal';
import { MARKETING_READS_ORDERS } from '../../helpers/mesh-variants';

/**
 * aws.DataMesh over ACME_MESH (examples/data-mesh-spec.ts). The mesh across two accounts is
 * synthesized once (GIVEN) for the describes that only read it, every other variant once per
 * describe or test: a mesh is seven stacks and ~500 resources.
 */
const LF = 'AWS::LakeFormation::PrincipalPermissions';
const json = (t: Template) => JSON.stringify(t.toJSON());
const TWO_ACCOUNTS = buildMesh();

describe('aws.DataMesh across two accounts: stacks', () => {
  const { mesh, templates } = TWO_ACCOUNTS;

  test("one stack per planned stack, named as planned, each in its domain's environment", () => {
    expect(Object.keys(mesh.stacks)).toEqual(mesh.plan.stacks.map((s) => s.name));
    expect(Object.keys(mesh.stacks)).toEqual([
      'acme-governance',
      'acme-sales-identity',
      'acme-marketing-identity',
      'acme-finance-identity',
      'acme-sales-products',
      'acme-marketing-products',
      'acme-finance-products',
    ]);
    const envOf = (name: string) => `${mesh.stacks[name].account}/${mesh.stacks[name].region}`;
    expect(envOf('acme-governance')).toBe('111111111111/eu-west-1');
    expect(envOf('acme-sales-products')).toBe('111111111111/eu-west-1');
    expect(envOf('acme-marketing-identity')).toBe('222222222222/eu-west-1');
    expect(envOf('acme-finance-products')).toBe('222222222222/eu-west-1');
    for (const [name, stack] of Object.entries(mesh.stacks)) expect(stack.stackName).toBe(name);
  });

  test('no stack exports or imports a value: stacks find each other by name', () => {
    for (const [name, template] of Object.entries(templates)) {
      const text = json(template);
      expect({ name, imports: text.includes('Fn::ImportValue'), exports: text.includes('"Export"') }).toEqual(
        {
          name,
          imports: false,
          exports: false,
        },
      );
    }
  });

  test('persona roles are named <mesh>-<domain>-<persona> in the identity stack; the products stack attaches to them by name', () => {
    templates['acme-sales-identity'].resourceCountIs('AWS::IAM::Role', 4);
    for (const persona of ['ingest', 'engineer', 'analyst', 'admin']) {
      templates['acme-sales-identity'].hasResourceProperties('AWS::IAM::Role', {
        RoleName: `acme-sales-${persona}`,
      });
    }
    expect(mesh.personaRoles.sales.analyst.roleName).toBeDefined();
    templates['acme-sales-products'].hasResourceProperties('AWS::IAM::Policy', {
      Roles: ['acme-sales-analyst'],
    });
    const products = resourcesOf(templates['acme-sales-products'], 'AWS::IAM::Role');
    expect(
      Object.values(products)
        .map((r) => r.Properties.RoleName)
        .filter((n) => String(n).startsWith('acme-')),
    ).toEqual([]);
  });

  test('one owner of the account-wide settings per account: governance in the central one, the first identity stack in the other', () => {
    const owners = Object.entries(templates)
      .filter(([, t]) => Object.keys(resourcesOf(t, 'AWS::LakeFormation::DataLakeSettings')).length > 0)
      .map(([name]) => name);
    expect(owners).toEqual(['acme-governance', 'acme-marketing-identity']);
    for (const owner of owners) {
      templates[owner].resourceCountIs('AWS::LakeFormation::DataLakeSettings', 1);
      templates[owner].resourceCountIs('AWS::Glue::DataCatalogEncryptionSettings', 1);
      templates[owner].hasResourceProperties('AWS::LakeFormation::DataLakeSettings', {
        Parameters: { CROSS_ACCOUNT_VERSION: String(DataMesh.CROSS_ACCOUNT_VERSION) },
        CreateDatabaseDefaultPermissions: [],
        CreateTableDefaultPermissions: [],
      });
      templates[owner].hasResourceProperties('AWS::LakeFormation::Tag', {
        TagKey: 'acme-classification',
        TagValues: ['public', 'internal', 'confidential', 'restricted'],
      });
    }
    expect(DataMesh.CROSS_ACCOUNT_VERSION).toBeGreaterThanOrEqual(3);
  });

  test('the catalog is encrypted with a catalog key apart from every data key', () => {
    const governance = mesh.stacks['acme-governance'];
    const catalogKeyId = governance.getLogicalId(
      mesh.catalogKeys['acme-governance'].key.node.defaultChild as any,
    );
    templates['acme-governance'].hasResourceProperties('AWS::Glue::DataCatalogEncryptionSettings', {
      DataCatalogEncryptionSettings: {
        EncryptionAtRest: { SseAwsKmsKeyId: { 'Fn::GetAtt': [catalogKeyId, 'Arn'] } },
      },
    });
    templates['acme-governance'].hasResourceProperties('AWS::KMS::Alias', {
      AliasName: 'alias/acme/catalog',
    });
    for (const domain of ['sales', 'marketing', 'finance']) {
      const lakehouse = mesh.lakehouses[domain];
      expect(lakehouse.encryptionKey).not.toBe(lakehouse.catalog.encryptionKey);
      const aliases = Object.values(resourcesOf(templates[`acme-${domain}-products`], 'AWS::KMS::Alias')).map(
        (a) => a.Properties.AliasName,
      );
      expect(aliases).not.toContain('alias/acme/catalog');
      templates[`acme-${domain}-products`].resourceCountIs('AWS::Glue::DataCatalogEncryptionSettings', 0);
    }
  });

  test("consumers in another account may decrypt the producer account's catalog key, by role ARN, never its data key", () => {
    const key = Object.values(resourcesOf(templates['acme-governance'], 'AWS::KMS::Key'))[0];
    const statement = key.Properties.KeyPolicy.Statement.find(
      (s: any) => s.Sid === 'MeshConsumersReadCatalogMetadata',
    );
    expect(statement.Action).toEqual(['kms:Decrypt', 'kms:DescribeKey']);
    expect(JSON.stringify(statement.Principal)).toContain('222222222222');
    expect(JSON.stringify(statement.Condition.ArnLike['aws:PrincipalArn'])).toContain(
      'role/acme-marketing-analyst',
    );
    for (const domain of ['sales', 'marketing', 'finance']) {
      const dataKeys = resourcesOf(templates[`acme-${domain}-products`], 'AWS::KMS::Key');
      for (const k of Object.values(dataKeys)) {
        const other = domain === 'sales' ? '222222222222' : '111111111111';
        expect(JSON.stringify(k.Properties.KeyPolicy)).not.toContain(other);
      }
    }
  });

  test('zero unacknowledged findings of cdk-nag AwsSolutions and the kit pack on every stack', () => {
    for (const [name, stack] of Object.entries(mesh.stacks)) {
      expect({ name, findings: checkCompliance(stack).findings }).toEqual({ name, findings: [] });
    }
  });

  test('the contract registry holds every contract as Open Data Contract Standard JSON, outside the tables', () => {
    const parameters = resourcesOf(templates['acme-governance'], 'AWS::SSM::Parameter');
    const byName = Object.fromEntries(
      Object.values(parameters).map((p) => [p.Properties.Name, JSON.parse(p.Properties.Value)]),
    );
    expect(Object.keys(byName).sort()).toEqual(
      mesh.plan.products.map((p) => `/acme/contracts/${p.domain}/${p.name}`).sort(),
    );
    expect(byName['/acme/contracts/sales/orders']).toEqual(mesh.plan.contracts[0]);
    for (const t of Object.values(resourcesOf(templates['acme-sales-products'], 'AWS::Glue::Table'))) {
      expect(t.Properties.TableInput.Parameters ?? {}).not.toHaveProperty('contract');
      expect(JSON.stringify(t.Properties)).not.toContain('1.2.0');
    }
  });
});

describe('aws.DataMesh across two accounts: products, tags and grants', () => {
  const { mesh, templates } = TWO_ACCOUNTS;
  const sales = templates['acme-sales-products'];

  test('an Iceberg product is a Glue table created through OpenTableFormatInput in its zone database', () => {
    sales.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: mesh.lakehouses.sales.catalog.databaseNameFor('serving'),
      OpenTableFormatInput: { IcebergInput: { MetadataOperation: 'CREATE', Version: '2' } },
      TableInput: Match.objectLike({
        Name: 'orders',
        TableType: 'EXTERNAL_TABLE',
        StorageDescriptor: Match.objectLike({
          Columns: [
            { Name: 'order_id', Type: 'string' },
            { Name: 'customer_email', Type: 'string' },
            { Name: 'amount', Type: 'decimal(12,2)' },
            { Name: 'order_date', Type: 'date' },
          ],
        }),
      }),
    });
  });

  test('a Parquet product is a Hive table with the Parquet SerDe and no OpenTableFormatInput', () => {
    const campaigns = Object.values(
      resourcesOf(templates['acme-marketing-products'], 'AWS::Glue::Table'),
    ).find((t) => t.Properties.TableInput.Name === 'campaigns');
    expect(campaigns.Properties.OpenTableFormatInput).toBeUndefined();
    expect(campaigns.Properties.TableInput.StorageDescriptor.SerdeInfo.SerializationLibrary).toMatch(
      /ParquetHiveSerDe/,
    );
    expect(campaigns.DeletionPolicy).toMatch(/^Retain/);
  });

  test('classified columns carry the classification LF-tag, one association per level', () => {
    sales.hasResourceProperties('AWS::LakeFormation::TagAssociation', {
      LFTags: [Match.objectLike({ TagKey: 'acme-classification', TagValues: ['confidential'] })],
      Resource: { TableWithColumns: Match.objectLike({ Name: 'orders', ColumnNames: ['customer_email'] }) },
    });
    sales.hasResourceProperties('AWS::LakeFormation::TagAssociation', {
      LFTags: [Match.objectLike({ TagValues: ['restricted'] })],
      Resource: {
        TableWithColumns: Match.objectLike({ Name: 'customers', ColumnNames: ['full_name', 'email'] }),
      },
    });
  });

  const subscriberGrants = (template: Template) =>
    Object.entries(resourcesOf(template, LF))
      .filter(([id]) => id.startsWith('Subscribers'))
      .map(([id, r]) => ({ id, ...r }));

  test('a consumer cleared below a column gets SELECT on every other column (ColumnWildcard.ExcludedColumnNames)', () => {
    const variant = buildMesh({ ...TWO_ACCOUNT_PROPS, ...MARKETING_READS_ORDERS });
    const marketing = subscriberGrants(variant.templates['acme-sales-products']).filter((g) =>
      JSON.stringify(g.Properties.Principal).includes('role/acme-marketing-analyst'),
    );
    const select = marketing.find((g) => g.Properties.Permissions[0] === 'SELECT');
    expect(select.Properties.Resource.TableWithColumns.ColumnWildcard).toEqual({
      ExcludedColumnNames: ['customer_email'],
    });
    expect(JSON.stringify(select.Properties.Principal)).toContain(
      ':iam::222222222222:role/acme-marketing-analyst',
    );
    expect(marketing.map((g) => g.Properties.Permissions[0]).sort()).toEqual([
      'DESCRIBE',
      'DESCRIBE',
      'SELECT',
    ]);
  });

  test('every subscription yields exactly DESCRIBE on the database, DESCRIBE and SELECT on the table, and nothing else', () => {
    const grants = subscriberGrants(sales);
    const cells = mesh.plan.subscriptions.filter((g) => g.producer === 'sales');
    const databases = new Set(cells.map((g) => `${g.consumer}/${g.persona}`));
    expect(grants).toHaveLength(cells.length * 2 + databases.size);
    for (const g of grants) {
      expect(g.Properties.PermissionsWithGrantOption).toEqual([]);
      expect(['SELECT', 'DESCRIBE']).toContain(g.Properties.Permissions[0]);
      expect(g.Properties.Permissions).toHaveLength(1);
    }
    // The restricted product reaches only the listed consumer persona.
    const onCustomers = grants.filter((g) => JSON.stringify(g.Properties.Resource).includes('"customers"'));
    expect(new Set(onCustomers.map((g) => JSON.stringify(g.Properties.Principal)))).toEqual(
      new Set([
        JSON.stringify({
          DataLakePrincipalIdentifier: {
            'Fn::Join': [
              '',
              ['arn:', { Ref: 'AWS::Partition' }, ':iam::222222222222:role/acme-finance-analyst'],
            ],
          },
        }),
      ]),
    );
  });

  test('grants are created after the table and carry its generation in their ids', () => {
    const tableId = 'ProductOrdersTable';
    const onOrders = subscriberGrants(sales).filter((g) =>
      JSON.stringify(g.Properties.Resource).includes('"orders"'),
    );
    expect(onOrders.length).toBeGreaterThan(0);
    for (const g of onOrders) expect(g.DependsOn).toContain(tableId);
  });

  test('a cross-account consumer gets a resource link to the producer database, and DESCRIBE on it, in its own products stack', () => {
    const finance = templates['acme-finance-products'];
    const serving = mesh.lakehouses.sales.catalog.databaseNameFor('serving');
    finance.hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: {
        Name: `${serving}_link`,
        TargetDatabase: { CatalogId: CENTRAL.account, DatabaseName: serving, Region: CENTRAL.region },
      },
    });
    finance.hasResourceProperties(LF, {
      Resource: { Database: { CatalogId: { Ref: 'AWS::AccountId' }, Name: `${serving}_link` } },
      Permissions: ['DESCRIBE'],
    });
    templates['acme-sales-products'].hasResourceProperties('AWS::Glue::Database', {
      DatabaseInput: Match.objectLike({ TargetDatabase: Match.objectLike({ CatalogId: '222222222222' }) }),
    });
  });

  test('consumers never get the data key, S3 or a bucket policy: only catalog reads, Lake Formation data access and the catalog key by alias', () => {
    for (const domain of ['sales', 'marketing', 'finance']) {
      const policies = Object.entries(
        resourcesOf(templates[`acme-${domain}-products`], 'AWS::IAM::Policy'),
      ).filter(([id]) => id.startsWith('Subscriptions'));
      expect(policies.length).toBeGreaterThan(0);
      for (const [, p] of policies) {
        for (const s of p.Properties.PolicyDocument.Statement) {
          for (const action of [s.Action].flat()) {
            expect(action).toMatch(/^(glue:Get|glue:BatchGet|lakeformation:GetDataAccess$|kms:Decrypt$)/);
          }
          if ([s.Action].flat().includes('kms:Decrypt')) {
            expect(s.Condition).toEqual({
              'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/acme/catalog' },
            });
          }
        }
      }
      for (const bp of Object.values(
        resourcesOf(templates[`acme-${domain}-products`], 'AWS::S3::BucketPolicy'),
      )) {
        const other = domain === 'sales' ? '222222222222' : '111111111111';
        expect(JSON.stringify(bp.Properties.PolicyDocument)).not.toContain(other);
      }
    }
  });

  test("one freshness alarm per product, missing data breaching, to the producing domain's alert topic", () => {
    expect(Object.keys(mesh.freshnessAlarms).sort()).toEqual(mesh.plan.products.map((p) => p.id).sort());
    sales.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ExecutionsSucceeded',
      Period: 6 * 3600,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmActions: [Match.objectLike({ Ref: Match.stringLikeRegexp('LakehouseAlertsTopic') })],
    });
    // Marketing has no pipeline: its producers publish ProductPublished themselves.
    templates['acme-marketing-products'].hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'DataPlatformKit/DataMesh',
      MetricName: 'ProductPublished',
      Dimensions: [{ Name: 'Product', Value: 'marketing.campaigns' }],
      Period: 24 * 3600,
      TreatMissingData: 'breaching',
    });
  });
});

describe('aws.DataMesh deploy order', () => {
  const { app, mesh } = TWO_ACCOUNTS;

  test('governance, then every identity stack, then the products stacks; products never wait for each other', () => {
    const deps = (name: string) => mesh.stacks[name].dependencies.map((s) => s.stackName).sort();
    expect(deps('acme-governance')).toEqual([]);
    for (const d of ['sales', 'marketing', 'finance']) {
      expect(deps(`acme-${d}-identity`)).toEqual(['acme-governance']);
    }
    expect(deps('acme-sales-products')).toEqual([
      'acme-finance-identity',
      'acme-governance',
      'acme-marketing-identity',
      'acme-sales-identity',
    ]);
    // finance's account is owned by marketing's identity stack: its products wait for it.
    expect(deps('acme-finance-products')).toContain('acme-marketing-identity');
    for (const name of Object.keys(mesh.stacks)) {
      expect(deps(name).some((d) => d.endsWith('-products'))).toBe(false);
    }
    // The cloud assembly orders them the same way (`cdk deploy --all`).
    const order = app.synth().stacksRecursively.map((s) => s.stackName);
    const index = (n: string) => order.indexOf(n);
    for (const planned of mesh.plan.stacks) {
      for (const before of planned.dependsOn) expect(index(before)).toBeLessThan(index(planned.name));
    }
  });
});

describe('aws.DataMesh in one account', () => {
  const { mesh, templates } = buildMesh(ONE_ACCOUNT_PROPS);

  test('governance alone owns the account settings; no resource link; grants name the deploying account', () => {
    const owners = Object.entries(templates).filter(
      ([, t]) => Object.keys(resourcesOf(t, 'AWS::LakeFormation::DataLakeSettings')).length > 0,
    );
    expect(owners.map(([n]) => n)).toEqual(['acme-governance']);
    for (const t of Object.values(templates)) {
      expect(
        Object.values(resourcesOf(t, 'AWS::Glue::Database')).filter(
          (d) => d.Properties.DatabaseInput.TargetDatabase,
        ),
      ).toEqual([]);
    }
    templates['acme-sales-products'].hasResourceProperties(LF, {
      Principal: {
        DataLakePrincipalIdentifier: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':iam::',
              { Ref: 'AWS::AccountId' },
              ':role/acme-marketing-analyst',
            ],
          ],
        },
      },
    });
    expect(mesh.stacks['acme-sales-products'].dependencies.map((s) => s.stackName)).toContain(
      'acme-governance',
    );
  });

  test('zero unacknowledged findings of cdk-nag AwsSolutions and the kit pack on every stack', () => {
    for (const [name, stack] of Object.entries(mesh.stacks)) {
      expect({ name, findings: checkCompliance(stack).findings }).toEqual({ name, findings: [] });
    }
  });
});

describe('aws.DataMesh options', () => {
  test('sameOrganization false warns each cross-account consumer to accept the RAM invitations first', () => {
    const { mesh } = buildMesh({ ...TWO_ACCOUNT_PROPS, sameOrganization: false });
    const warnings = Annotations.fromStack(mesh.stacks['acme-finance-products']).findWarning(
      '*',
      Match.stringLikeRegexp('RAM invitations'),
    );
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0].entry.data)).toContain(RAM_INVITATIONS_WARNING);
    expect(
      Annotations.fromStack(mesh.stacks['acme-governance']).findWarning('*', Match.stringLikeRegexp('RAM')),
    ).toHaveLength(0);
    expect(DataMesh.DEFAULT_SAME_ORGANIZATION).toBe(true);
  });

  test('an expired subscription is not granted', () => {
    const { templates } = buildMesh({ ...TWO_ACCOUNT_PROPS, today: '2028-01-01' });
    expect(json(templates['acme-sales-products'])).not.toMatch(/FinanceAnalystCustomers/);
    expect(json(templates['acme-sales-products'])).toMatch(/FinanceAnalystOrders/);
  });

  test('existingLakeFormationAdminArns are kept as administrators of their account', () => {
    const admin = 'arn:aws:iam::222222222222:role/BreakGlass';
    const { templates } = buildMesh({
      ...TWO_ACCOUNT_PROPS,
      existingLakeFormationAdminArns: { '222222222222': [admin] },
    });
    templates['acme-marketing-identity'].hasResourceProperties('AWS::LakeFormation::DataLakeSettings', {
      Admins: Match.arrayWith([{ DataLakePrincipalIdentifier: admin }]),
    });
    expect(json(templates['acme-governance'])).not.toContain('BreakGlass');
  });

  test('personaPrincipals decide who assumes a persona role', () => {
    const { templates } = buildMesh({
      ...ONE_ACCOUNT_PROPS,
      domainOptions: {
        ...ONE_ACCOUNT_PROPS.domainOptions,
        finance: { personaPrincipals: { analyst: ANALYST } },
      },
    });
    templates['acme-finance-identity'].hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'acme-finance-analyst',
      AssumeRolePolicyDocument: Match.objectLike({
        Statement: [Match.objectLike({ Principal: { AWS: ANALYST.arn } })],
      }),
    });
  });
});

describe('aws.DataMesh bad input', () => {
  const expectError = (fn: () => unknown, code: ErrorCode, prop: string) =>
    expect(fn).toThrow(expect.objectContaining({ code, message: expect.stringContaining(prop) }));

  test('a scope that is not the App or a Stage → DPK_CONFLICTING_PROPS', () => {
    const stack = new Stack(new App(), 'S');
    expectError(() => new DataMesh(stack, 'Mesh', ONE_ACCOUNT_PROPS), ErrorCode.CONFLICTING_PROPS, "'scope'");
  });

  test('domainOptions for an unknown domain, a principal for an unknown persona → DPK_UNKNOWN_REFERENCE', () => {
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...ONE_ACCOUNT_PROPS,
          domainOptions: { ...ONE_ACCOUNT_PROPS.domainOptions, hr: {} },
        }),
      ErrorCode.UNKNOWN_REFERENCE,
      'domainOptions["hr"]',
    );
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...ONE_ACCOUNT_PROPS,
          domainOptions: {
            ...ONE_ACCOUNT_PROPS.domainOptions,
            finance: { personaPrincipals: { auditor: ANALYST } },
          },
        }),
      ErrorCode.UNKNOWN_REFERENCE,
      'domainOptions["finance"].personaPrincipals["auditor"]',
    );
  });

  test('a malformed account or region → DPK_OUT_OF_RANGE', () => {
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...TWO_ACCOUNT_PROPS,
          governanceEnv: { account: '1234', region: 'eu-west-1' },
        }),
      ErrorCode.OUT_OF_RANGE,
      'governanceEnv.account',
    );
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...TWO_ACCOUNT_PROPS,
          governanceEnv: { account: CENTRAL.account, region: 'Europe' },
        }),
      ErrorCode.OUT_OF_RANGE,
      'governanceEnv.region',
    );
  });

  test('several accounts with one part left to the deploying account → DPK_CONFLICTING_PROPS', () => {
    expectError(
      () => new DataMesh(new App(), 'Mesh', { ...TWO_ACCOUNT_PROPS, governanceEnv: undefined }),
      ErrorCode.CONFLICTING_PROPS,
      'governanceEnv',
    );
  });

  test("the longest names the spec allows give persona role names within IAM's 64 characters", () => {
    // GIVEN a 20-character mesh, domain and persona name (the spec's limits)
    const persona = 'persona-of-twenty-ch';
    const { templates } = buildMesh({
      name: 'mesh-of-twenty-chars',
      governance: { admins: ['governance@example.com'] },
      domains: [
        {
          name: 'domain-twenty-chars',
          owner: 'owner@example.com',
          description: 'Long names.',
          lakehouse: { additionalPersonas: [{ name: persona }], warehouse: { enabled: false } },
        },
      ],
    });
    // THEN
    const name = 'mesh-of-twenty-chars-domain-twenty-chars-persona-of-twenty-ch';
    templates['mesh-of-twenty-chars-domain-twenty-chars-identity'].hasResourceProperties('AWS::IAM::Role', {
      RoleName: name,
    });
    expect(name.length).toBeLessThanOrEqual(64);
  });

  test('existingLakeFormationAdminArns for an account outside the mesh → DPK_UNKNOWN_REFERENCE', () => {
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...TWO_ACCOUNT_PROPS,
          existingLakeFormationAdminArns: { '333333333333': ['arn:aws:iam::333333333333:role/X'] },
        }),
      ErrorCode.UNKNOWN_REFERENCE,
      'existingLakeFormationAdminArns["333333333333"]',
    );
  });

  test('a products stack estimated past the limit → DPK_STACK_TOO_LARGE before synthesis', () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      name: `product_${i}`,
      version: '1.0.0',
      description: 'One of many.',
      schema: [{ name: 'id', type: 'string' }],
    }));
    expectError(
      () =>
        new DataMesh(new App(), 'Mesh', {
          ...ONE_ACCOUNT_PROPS,
          domains: ACME_MESH.domains.map((d) =>
            d.name === 'marketing' ? { ...d, products: [...(d.products ?? []), ...many] } : d,
          ),
        }),
      ErrorCode.STACK_TOO_LARGE,
      'acme-marketing-products',
    );
  });
});
