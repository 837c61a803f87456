import { App, CliCredentialsStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import {
  Catalog,
  CatalogPermissionModel,
  type CatalogProps,
  EncryptionKey,
  LakeStorage,
} from '../../../src/aws';
import {
  DataRemovalPolicy,
  DEFAULT_ZONES,
  ErrorCode,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
  ZoneAccess,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const DATABASE = 'AWS::Glue::Database';
const SETTINGS = 'AWS::LakeFormation::DataLakeSettings';
const LOCATION = 'AWS::LakeFormation::Resource';
const PERMISSIONS = 'AWS::LakeFormation::PrincipalPermissions';
const EXEC_ROLE =
  'arn:${AWS::Partition}:iam::111122223333:role/cdk-hnb659fds-cfn-exec-role-111122223333-eu-west-1';

function build(props: Partial<CatalogProps> = {}, stack: Stack = newAwsStack()) {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake, ...props });
  const role = (id: string) => new iam.Role(stack, id, { assumedBy: new iam.AccountRootPrincipal() });
  return { stack, lake, catalog, role, template: () => Template.fromStack(stack) };
}

const logicalId = (stack: Stack, c: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(c.node.defaultChild as kms.CfnKey);

const expectCode = (fn: () => unknown, code: ErrorCode, prop?: string) =>
  expect(fn).toThrow(expect.objectContaining(prop ? { code, prop } : { code }));

/** Every Allow statement of the role's policies, flattened. */
function statementsOf(template: Template, stack: Stack, role: iam.Role): any[] {
  const roleId = stack.getLogicalId(role.node.defaultChild as iam.CfnRole);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (statements: any[]): string[] => statements.flatMap((s) => [s.Action].flat());

describe('Catalog defaults', () => {
  test('one Glue database per zone, at the zone bucket, named <platform>_<zone>_<hash>, retained', () => {
    const { stack, lake, catalog, template } = build();
    const t = template();
    t.resourceCountIs(DATABASE, DEFAULT_ZONES.length);
    for (const zone of DEFAULT_ZONES) {
      expect(catalog.databaseNameFor(zone)).toMatch(new RegExp(`^sales_${zone}_[0-9a-f]{8}$`));
      t.hasResource(DATABASE, {
        Properties: {
          CatalogId: { Ref: 'AWS::AccountId' },
          DatabaseInput: Match.objectLike({
            Name: catalog.databaseNameFor(zone),
            LocationUri: {
              'Fn::Join': ['', ['s3://', { Ref: logicalId(stack, lake.bucketFor(zone)) }, '/']],
            },
            CreateTableDefaultPermissions: [],
          }),
        },
        DeletionPolicy: 'RetainExceptOnCreate',
        UpdateReplacePolicy: 'Retain',
      });
    }
  });

  test("the Data Catalog's metadata and connection passwords are encrypted with the lake's key", () => {
    const { stack, lake, catalog, template } = build();
    expect(catalog.encryptionKey).toBe(lake.encryptionKey);
    const keyArn = { 'Fn::GetAtt': [logicalId(stack, (lake.encryptionKey as EncryptionKey).key), 'Arn'] };
    template().hasResourceProperties('AWS::Glue::DataCatalogEncryptionSettings', {
      DataCatalogEncryptionSettings: {
        EncryptionAtRest: { CatalogEncryptionMode: 'SSE-KMS', SseAwsKmsKeyId: keyArn },
        ConnectionPasswordEncryption: { KmsKeyId: keyArn, ReturnConnectionPasswordEncrypted: true },
      },
    });
  });

  test('Lake Formation is the default model: settings REPLACE admins with the CloudFormation execution role, no IAMAllowedPrincipals', () => {
    const { catalog, template } = build();
    expect(Catalog.DEFAULT_PERMISSION_MODEL).toBe(CatalogPermissionModel.LAKE_FORMATION);
    expect(catalog.permissionModel).toBe(CatalogPermissionModel.LAKE_FORMATION);
    template().hasResourceProperties(SETTINGS, {
      MutationType: 'REPLACE',
      Admins: [{ DataLakePrincipalIdentifier: { 'Fn::Sub': EXEC_ROLE } }],
      CreateDatabaseDefaultPermissions: [],
      CreateTableDefaultPermissions: [],
    });
  });

  test('databases are created after the encryption and data-lake settings (CloudFormation acts as an admin)', () => {
    const { stack, catalog, template } = build();
    expect(Catalog.DEFAULT_MANAGE_ACCOUNT_SETTINGS).toBe(true);
    const settings = [
      stack.getLogicalId(catalog.dataLakeSettings!),
      stack.getLogicalId(catalog.encryptionSettings!),
    ];
    for (const db of Object.values(template().findResources(DATABASE))) {
      expect(db.DependsOn).toEqual(expect.arrayContaining(settings));
    }
  });

  test('each zone bucket is registered through a location role that reads and writes it and uses the key', () => {
    const { stack, lake, catalog, template } = build();
    const t = template();
    const roleId = stack.getLogicalId(catalog.locationRole!.node.defaultChild as iam.CfnRole);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'lakeformation.amazonaws.com' } })],
      },
    });
    t.resourceCountIs(LOCATION, DEFAULT_ZONES.length);
    const policyId = stack.getLogicalId(
      catalog.locationRole!.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy,
    );
    for (const zone of DEFAULT_ZONES) {
      t.hasResource(LOCATION, {
        Properties: {
          ResourceArn: { 'Fn::GetAtt': [logicalId(stack, lake.bucketFor(zone)), 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] },
          UseServiceLinkedRole: false,
          HybridAccessEnabled: false,
        },
        // the role may use the bucket before Lake Formation first assumes it
        DependsOn: Match.arrayWith([stack.getLogicalId(catalog.dataLakeSettings!), policyId]),
      });
    }
    const actions = actionsOf(statementsOf(t, stack, catalog.locationRole!));
    expect(actions).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        's3:PutObject',
        's3:DeleteObject',
        'kms:Decrypt',
        'kms:GenerateDataKey',
      ]),
    );
  });

  test("the location role's object wildcards are acknowledged on the role itself (never a bucket), with a reason", () => {
    const { stack, lake, catalog } = build();
    const acks = catalog.locationRole!.node.metadata.filter(
      (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    );
    const ids = acks.flatMap((m) => Object.keys(m.data));
    expect(ids.sort()).toEqual(
      DEFAULT_ZONES.map(
        (z) => `Annotation::AwsSolutions-IAM5[Resource::<${logicalId(stack, lake.bucketFor(z))}.Arn>/*]`,
      ).sort(),
    );
    for (const m of acks) {
      for (const reason of Object.values<string>(m.data)) expect(reason.length).toBeGreaterThan(20);
    }
    for (const zone of DEFAULT_ZONES) {
      expect(
        lake
          .bucketFor(zone)
          .node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
      ).toEqual([]);
    }
  });

  test('the same under the recommended feature flags', () => {
    const { template } = build({}, newRecommendedAwsStack());
    template().resourceCountIs(DATABASE, 3);
    template().resourceCountIs(SETTINGS, 1);
  });
});

describe('Catalog options', () => {
  test('encryptionKey replaces the lake key for the catalog', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'CatalogKey', { platformName: 'sales', purpose: 'catalog' });
    const { template } = build({ encryptionKey: key }, stack);
    template().hasResourceProperties('AWS::Glue::DataCatalogEncryptionSettings', {
      DataCatalogEncryptionSettings: {
        EncryptionAtRest: { SseAwsKmsKeyId: { 'Fn::GetAtt': [logicalId(stack, key.key), 'Arn'] } },
      },
    });
  });

  test('admins join the deployment role, once each', () => {
    const stack = newAwsStack();
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    const user = new iam.User(stack, 'Steward');
    const { template } = build({ admins: [admin, user, admin] }, stack);
    template().hasResourceProperties(SETTINGS, {
      Admins: [
        {
          DataLakePrincipalIdentifier: {
            'Fn::GetAtt': [stack.getLogicalId(admin.node.defaultChild as iam.CfnRole), 'Arn'],
          },
        },
        {
          DataLakePrincipalIdentifier: {
            'Fn::GetAtt': [stack.getLogicalId(user.node.defaultChild as iam.CfnUser), 'Arn'],
          },
        },
        { DataLakePrincipalIdentifier: { 'Fn::Sub': EXEC_ROLE } },
      ],
    });
  });

  test('deploymentRole replaces the synthesizer default', () => {
    const stack = newAwsStack();
    const deployer = iam.Role.fromRoleArn(stack, 'Deployer', 'arn:aws:iam::111122223333:role/deployer');
    build({ deploymentRole: deployer }, stack)
      .template()
      .hasResourceProperties(SETTINGS, {
        Admins: [{ DataLakePrincipalIdentifier: 'arn:aws:iam::111122223333:role/deployer' }],
      });
  });

  test('with another synthesizer, deploymentRole is required (DPK_INVALID_PRINCIPAL) and then used', () => {
    const stackWith = () =>
      new Stack(new App(), 'Cli', {
        env: { account: '111122223333', region: 'eu-west-1' },
        synthesizer: new CliCredentialsStackSynthesizer(),
      });
    expectCode(() => build({}, stackWith()), ErrorCode.INVALID_PRINCIPAL, 'deploymentRole');
    const stack = stackWith();
    const deployer = iam.Role.fromRoleArn(stack, 'Deployer', 'arn:aws:iam::111122223333:role/deployer');
    expect(() => build({ deploymentRole: deployer }, stack)).not.toThrow();
  });

  test('manageAccountSettings false leaves the account-wide settings to their owner', () => {
    const { catalog, role, template } = build({ manageAccountSettings: false });
    catalog.grantRead(role('Analyst'), 'serving');
    const t = template();
    t.resourceCountIs(SETTINGS, 0);
    t.resourceCountIs('AWS::Glue::DataCatalogEncryptionSettings', 0);
    t.resourceCountIs(PERMISSIONS, 3);
    for (const db of Object.values(t.findResources(DATABASE))) expect(db.DependsOn).toBeUndefined();
  });

  test('databaseNames sets exact names for some zones', () => {
    const { catalog, template } = build({ databaseNames: { serving: 'sales_serving' } });
    expect(catalog.databaseNameFor('serving')).toBe('sales_serving');
    template().hasResourceProperties(DATABASE, {
      DatabaseInput: Match.objectLike({ Name: 'sales_serving' }),
    });
  });

  test('removalPolicy DESTROY without the flag keeps the databases and warns', () => {
    const { stack, template } = build({ removalPolicy: DataRemovalPolicy.DESTROY });
    template().hasResource(DATABASE, { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Catalog',
      Match.stringLikeRegexp(REMOVAL_DOWNGRADED_WARNING),
    );
  });

  test('removalPolicy DESTROY with the flag deletes the databases', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    build({ removalPolicy: DataRemovalPolicy.DESTROY }, stack)
      .template()
      .hasResource(DATABASE, { DeletionPolicy: 'Delete' });
  });

  test('tags go on the location role with the kit tag', () => {
    build({ tags: { team: 'data' } })
      .template()
      .hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Principal: { Service: 'lakeformation.amazonaws.com' } })],
        }),
        Tags: Match.arrayWith([
          { Key: 'data-platform', Value: 'sales' },
          { Key: 'team', Value: 'data' },
        ]),
      });
  });

  test('permissionModel IAM: no Lake Formation resources, and new tables get the IAMAllowedPrincipals default IAM needs', () => {
    const { catalog, template } = build({ permissionModel: CatalogPermissionModel.IAM });
    const t = template();
    for (const type of [SETTINGS, LOCATION, PERMISSIONS]) t.resourceCountIs(type, 0);
    expect(catalog.locationRole).toBeUndefined();
    t.resourceCountIs('AWS::Glue::DataCatalogEncryptionSettings', 1);
    t.hasResourceProperties(DATABASE, {
      DatabaseInput: Match.objectLike({
        CreateTableDefaultPermissions: [
          {
            Principal: { DataLakePrincipalIdentifier: Catalog.IAM_ALLOWED_PRINCIPALS },
            Permissions: ['ALL'],
          },
        ],
      }),
    });
  });
});

describe('Catalog grants (Lake Formation)', () => {
  test('grantRead: DESCRIBE on the database, SELECT and DESCRIBE on all its tables, after the settings and the database', () => {
    const { stack, catalog, role, template } = build();
    const analyst = role('Analyst');
    const grant = catalog.grantRead(analyst, 'serving');
    const t = template();
    const principal = {
      DataLakePrincipalIdentifier: {
        'Fn::GetAtt': [stack.getLogicalId(analyst.node.defaultChild as iam.CfnRole), 'Arn'],
      },
    };
    const db = catalog.databaseNameFor('serving');
    const after = Match.arrayWith([
      stack.getLogicalId(catalog.dataLakeSettings!),
      stack.getLogicalId(catalog.databases.serving),
    ]);
    t.hasResource(PERMISSIONS, {
      Properties: {
        Principal: principal,
        Resource: { Database: { CatalogId: { Ref: 'AWS::AccountId' }, Name: db } },
        Permissions: ['DESCRIBE'],
        PermissionsWithGrantOption: [],
      },
      DependsOn: after,
    });
    // one resource per permission: changing the grant adds or removes permissions, never replaces one
    for (const permission of ['SELECT', 'DESCRIBE']) {
      t.hasResource(PERMISSIONS, {
        Properties: {
          Principal: principal,
          Resource: { Table: { CatalogId: { Ref: 'AWS::AccountId' }, DatabaseName: db, TableWildcard: {} } },
          Permissions: [permission],
          PermissionsWithGrantOption: [],
        },
        DependsOn: after,
      });
    }
    expect(grant.lakeFormationPermissions).toHaveLength(3);
    t.resourceCountIs(PERMISSIONS, 3);
  });

  test('grantRead IAM side: Glue reads on the catalog, database and tables, GetDataAccess, decrypt; no S3 (data comes vended)', () => {
    const { stack, catalog, role, template } = build();
    const analyst = role('Analyst');
    const grant = catalog.grantRead(analyst, 'serving');
    const statements = statementsOf(template(), stack, analyst);
    const actions = actionsOf(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'glue:GetTable',
        'glue:GetPartitions',
        'lakeformation:GetDataAccess',
        'kms:Decrypt',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(statements.find((s) => s.Action === 'lakeformation:GetDataAccess').Resource).toBe('*');
    expect(grant.wildcardResourceArns).toHaveLength(2);
    expect(grant.wildcardResourceArns).toContain('*');
  });

  test('grantReadWrite adds CREATE_TABLE, table writes and data-location access (after the registration) and S3 read/write', () => {
    const { stack, catalog, role, template } = build();
    const engineer = role('Engineer');
    const grant = catalog.grantReadWrite(engineer, 'curated');
    const t = template();
    t.hasResourceProperties(PERMISSIONS, {
      Resource: { Database: Match.anyValue() },
      Permissions: ['CREATE_TABLE'],
    });
    for (const permission of ['SELECT', 'DESCRIBE', 'INSERT', 'ALTER', 'DELETE', 'DROP']) {
      t.hasResourceProperties(PERMISSIONS, {
        Resource: { Table: Match.anyValue() },
        Permissions: [permission],
      });
    }
    t.hasResource(PERMISSIONS, {
      Properties: { Permissions: ['DATA_LOCATION_ACCESS'] },
      DependsOn: Match.arrayWith([stack.getLogicalId(catalog.locations.curated)]),
    });
    expect(grant.lakeFormationPermissions).toHaveLength(9);
    expect(actionsOf(statementsOf(t, stack, engineer))).toEqual(
      expect.arrayContaining([
        'glue:CreateTable',
        'glue:DeleteTable',
        's3:PutObject',
        's3:DeleteObject',
        'kms:GenerateDataKey',
      ]),
    );
    expect(grant.wildcardResourceArns).toHaveLength(3);
  });

  test('grantWrite adds tables without reading them', () => {
    const { catalog, role, template } = build();
    catalog.grantWrite(role('Loader'), 'raw');
    const t = template();
    for (const permission of ['INSERT', 'ALTER', 'DESCRIBE']) {
      t.hasResourceProperties(PERMISSIONS, {
        Resource: { Table: Match.anyValue() },
        Permissions: [permission],
      });
    }
    expect(
      Object.values(t.findResources(PERMISSIONS)).filter((p) => p.Properties.Permissions.includes('SELECT')),
    ).toEqual([]);
  });

  test('grant(…) with an intent equals the named method, and granting twice returns the first grant', () => {
    const { catalog, role, template } = build();
    const analyst = role('Analyst');
    const first = catalog.grant(analyst, 'serving', ZoneAccess.READ);
    expect(catalog.grantRead(analyst, 'serving')).toBe(first);
    template().resourceCountIs(PERMISSIONS, 3);
  });

  test('an imported role and a user are Lake Formation principals', () => {
    const { stack, catalog, template } = build();
    catalog.grantRead(
      iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::111122223333:role/bi'),
      'serving',
    );
    catalog.grantRead(new iam.User(stack, 'User'), 'serving');
    template().hasResourceProperties(PERMISSIONS, {
      Principal: { DataLakePrincipalIdentifier: 'arn:aws:iam::111122223333:role/bi' },
    });
  });
});

describe('Catalog grants (IAM)', () => {
  test('grantRead: Glue reads, S3 read of the zone and decrypt; no Lake Formation', () => {
    const { stack, catalog, role, template } = build({ permissionModel: CatalogPermissionModel.IAM });
    const analyst = role('Analyst');
    const grant = catalog.grantRead(analyst, 'serving');
    const actions = actionsOf(statementsOf(template(), stack, analyst));
    expect(actions).toEqual(
      expect.arrayContaining(['glue:GetTable', 's3:GetObject', 's3:ListBucket', 'kms:Decrypt']),
    );
    expect(actions).not.toContain('lakeformation:GetDataAccess');
    expect(grant.lakeFormationPermissions).toEqual([]);
  });

  test('grantReadWrite: Glue writes and S3 read/write', () => {
    const { stack, catalog, role, template } = build({ permissionModel: CatalogPermissionModel.IAM });
    const engineer = role('Engineer');
    catalog.grantReadWrite(engineer, 'curated');
    expect(actionsOf(statementsOf(template(), stack, engineer))).toEqual(
      expect.arrayContaining(['glue:CreateTable', 's3:PutObject', 's3:DeleteObject']),
    );
  });
});

describe('Catalog validation', () => {
  test('a grant on an unknown zone is DPK_UNKNOWN_ZONE', () => {
    const { catalog, role } = build();
    expectCode(() => catalog.grantRead(role('A'), 'gold'), ErrorCode.UNKNOWN_ZONE, 'zone');
  });

  test('a grant to everyone is DPK_INVALID_PRINCIPAL', () => {
    const { catalog } = build();
    expectCode(() => catalog.grantRead(new iam.AnyPrincipal(), 'serving'), ErrorCode.INVALID_PRINCIPAL);
  });

  test.each([
    ['a service principal', () => new iam.ServicePrincipal('glue.amazonaws.com')],
    ['another account', () => new iam.AccountPrincipal('444455556666')],
  ])('a grant to %s is DPK_INVALID_PRINCIPAL (catalog grants name a role or user)', (_, principal) => {
    const { catalog } = build();
    expectCode(() => catalog.grantRead(principal(), 'serving'), ErrorCode.INVALID_PRINCIPAL, 'principal');
  });

  test.each(['admins', 'deploymentRole'] as const)(
    '%s with the IAM model is DPK_CONFLICTING_PROPS',
    (prop) => {
      const stack = newAwsStack();
      const role = iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::111122223333:role/r');
      const value = prop === 'admins' ? { admins: [role] } : { deploymentRole: role };
      expectCode(
        () => build({ permissionModel: CatalogPermissionModel.IAM, ...value }, stack),
        ErrorCode.CONFLICTING_PROPS,
        prop,
      );
    },
  );

  test('a databaseNames key that is not a zone is DPK_UNKNOWN_ZONE', () => {
    expectCode(
      () => build({ databaseNames: { gold: 'gold' } }),
      ErrorCode.UNKNOWN_ZONE,
      'databaseNames.gold',
    );
  });

  test.each(['Sales', 'sales-raw', '1sales', ''])('databaseNames %p is DPK_INVALID_NAME', (name) => {
    expectCode(() => build({ databaseNames: { raw: name } }), ErrorCode.INVALID_NAME, 'databaseNames.raw');
  });

  test('two zones with one database name are DPK_INVALID_NAME', () => {
    expectCode(
      () => build({ databaseNames: { raw: 'same', curated: 'same' } }),
      ErrorCode.INVALID_NAME,
      'databaseNames.curated',
    );
  });

  test('a bad platform name is DPK_INVALID_NAME', () => {
    expectCode(() => build({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName');
  });
});
