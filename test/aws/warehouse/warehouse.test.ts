import { CfnParameter, type Stack, Token, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  Catalog,
  CatalogPermissionModel,
  type ICatalog,
  type ILakeStorage,
  LakeStorage,
  Network,
  Warehouse,
  WAREHOUSE_QUERY_PERMISSIONS,
  WarehouseAuditLog,
  type WarehouseProps,
  EncryptionKey,
} from '../../../src/aws';
import {
  CommonDefaults,
  DataRemovalPolicy,
  ErrorCode,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
  WarehouseSize,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';
import { logsStatementCovers } from '../support/logs-key';

const NAMESPACE = 'AWS::RedshiftServerless::Namespace';
const WORKGROUP = 'AWS::RedshiftServerless::Workgroup';
const ATHENA = 'AWS::Athena::WorkGroup';
const LOG_GROUP = 'AWS::Logs::LogGroup';

interface Platform {
  readonly stack: Stack;
  readonly lake: LakeStorage;
  readonly network: Network;
  readonly catalog: Catalog;
}

function platform(stack: Stack = newAwsStack(), catalogModel?: CatalogPermissionModel): Platform {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', { platformName: 'sales', encryptionKey: lake.encryptionKey });
  const catalog = new Catalog(stack, 'Catalog', {
    platformName: 'sales',
    lake,
    permissionModel: catalogModel,
  });
  return { stack, lake, network, catalog };
}

function build(props: Partial<WarehouseProps> = {}, p: Platform = platform()) {
  const warehouse = new Warehouse(p.stack, 'Warehouse', {
    platformName: 'sales',
    network: p.network,
    catalog: p.catalog,
    ...props,
  });
  return { ...p, warehouse, template: () => Template.fromStack(p.stack) };
}

const id = (stack: Stack, c: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(c.node.defaultChild as kms.CfnKey);
const keyArn = (p: Platform) => ({
  'Fn::GetAtt': [id(p.stack, (p.lake.encryptionKey as EncryptionKey).key), 'Arn'],
});
const expectCode = (fn: () => unknown, code: ErrorCode, prop?: string) =>
  expect(fn).toThrow(expect.objectContaining(prop ? { code, prop } : { code }));
const numberToken = (stack: Stack, name: string) =>
  Token.asNumber(new CfnParameter(stack, name, { type: 'Number' }).value);

function roleStatements(template: Template, stack: Stack, role: iam.IRole): any[] {
  const roleId = stack.getLogicalId(role.node.defaultChild as iam.CfnRole);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p: any) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
}

describe('Warehouse defaults', () => {
  test('size SMALL: base capacity 8 RPUs, max capacity (the cost cap) four times that', () => {
    const { warehouse, template } = build();
    expect(Warehouse.DEFAULT_SIZE).toBe(CommonDefaults.WAREHOUSE_SIZE);
    expect(Warehouse.BASE_CAPACITY_RPUS).toEqual({ small: 8, medium: 32, large: 128 });
    expect(warehouse.maxCapacityRpus).toBe(32);
    template().hasResourceProperties(WORKGROUP, { BaseCapacity: 8, MaxCapacity: 32 });
  });

  test('the namespace: kit key, Secrets Manager-managed admin password under the key, every audit log, retained', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    template().hasResource(NAMESPACE, {
      Properties: Match.objectLike({
        NamespaceName: Match.stringLikeRegexp('^sales-warehouse-[0-9a-f]{8}$'),
        KmsKeyId: keyArn(p),
        ManageAdminPassword: true,
        AdminPasswordSecretKmsKeyId: keyArn(p),
        AdminUsername: Warehouse.DEFAULT_ADMIN_USERNAME,
        LogExports: ['connectionlog', 'userlog', 'useractivitylog'],
        DefaultIamRoleArn: { 'Fn::GetAtt': [id(p.stack, warehouse.role), 'Arn'] },
        IamRoles: [{ 'Fn::GetAtt': [id(p.stack, warehouse.role), 'Arn'] }],
      }),
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    expect(
      template().findResources(NAMESPACE)[id(p.stack, { node: { defaultChild: warehouse.namespace } })]
        .Properties.AdminUserPassword,
    ).toBeUndefined();
  });

  test('audit logs land in log groups the kit makes first: named for Redshift, encrypted, 365 days, retained', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    const t = template();
    const groups = Object.values(WarehouseAuditLog).map((log) => id(p.stack, warehouse.auditLogGroups[log]));
    for (const log of Object.values(WarehouseAuditLog)) {
      t.hasResource(LOG_GROUP, {
        Properties: {
          LogGroupName: `/aws/redshift/${warehouse.namespaceName}/${log}`,
          KmsKeyId: keyArn(p),
          RetentionInDays: 365,
          Tags: Match.anyValue(),
        },
        DeletionPolicy: 'RetainExceptOnCreate',
      });
    }
    const namespace = Object.values(t.findResources(NAMESPACE))[0];
    expect(namespace.DependsOn).toEqual(expect.arrayContaining(groups));
    // the key policy lets the logs service use the key for exactly those groups
    const keyPolicy = Object.values(t.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy;
    for (const log of Object.values(WarehouseAuditLog)) {
      expect(logsStatementCovers(keyPolicy, `/aws/redshift/${warehouse.namespaceName}/${log}`)).toBe(true);
    }
  });

  test('the workgroup: in the three data subnets, not public, enhanced VPC routing, TLS required, user activity logged', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    template().hasResourceProperties(WORKGROUP, {
      WorkgroupName: warehouse.workgroupName,
      NamespaceName: { Ref: id(p.stack, { node: { defaultChild: warehouse.namespace } }) },
      PubliclyAccessible: false,
      EnhancedVpcRouting: true,
      Port: 5439,
      SubnetIds: p.network.selectDataSubnets().subnets.map((s) => ({ Ref: id(p.stack, s) })),
      SecurityGroupIds: [{ 'Fn::GetAtt': [id(p.stack, warehouse.securityGroup), 'GroupId'] }],
      ConfigParameters: [
        { ParameterKey: 'require_ssl', ParameterValue: 'true' },
        { ParameterKey: 'enable_user_activity_logging', ParameterValue: 'true' },
      ],
    });
    expect(p.network.selectDataSubnets().subnets).toHaveLength(3);
  });

  test("the workgroup's security group admits Redshift from the VPC range only and sends only HTTPS", () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    const sg = template().findResources('AWS::EC2::SecurityGroup')[id(p.stack, warehouse.securityGroup)];
    expect(sg.Properties.SecurityGroupIngress).toEqual([
      {
        CidrIp: '10.40.0.0/16',
        IpProtocol: 'tcp',
        FromPort: 5439,
        ToPort: 5439,
        Description: 'Redshift from the VPC',
      },
    ]);
    expect(sg.Properties.SecurityGroupEgress).toEqual([
      {
        CidrIp: '0.0.0.0/0',
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
        Description: 'HTTPS to AWS service endpoints',
      },
    ]);
  });

  test('the default role is assumed by Redshift and reads the serving zone through Lake Formation only', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    const t = template();
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({ Principal: { Service: 'redshift.amazonaws.com' } }),
          Match.objectLike({ Principal: { Service: 'redshift-serverless.amazonaws.com' } }),
        ],
      },
    });
    const roleArn = { 'Fn::GetAtt': [id(p.stack, warehouse.role), 'Arn'] };
    for (const permission of ['SELECT', 'DESCRIBE']) {
      t.hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
        Principal: { DataLakePrincipalIdentifier: roleArn },
        Resource: { Table: Match.objectLike({ DatabaseName: p.catalog.databaseNameFor('serving') }) },
        Permissions: [permission],
      });
    }
    const actions = roleStatements(t, p.stack, warehouse.role).flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(
      expect.arrayContaining(['glue:GetTable', 'lakeformation:GetDataAccess', 'kms:Decrypt']),
    );
    expect(actions.filter((a: string) => a.startsWith('s3:'))).toEqual([]);
    expect(Warehouse.DEFAULT_READ_ZONES).toEqual(['serving']);
  });

  test("the role's inherent wildcards (all tables, GetDataAccess) are acknowledged on the role only, with a reason", () => {
    const { warehouse } = build();
    const acks = warehouse.role.node.metadata.filter(
      (m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY,
    );
    const ids = acks.flatMap((m) => Object.keys(m.data));
    expect(ids).toHaveLength(2);
    expect(ids).toContain('Annotation::AwsSolutions-IAM5[Resource::*]');
    expect(
      warehouse.namespace.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY),
    ).toEqual([]);
  });

  test('the Athena workgroup enforces SSE_KMS results in the results bucket and a 1 TiB scan limit, retained', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    expect(Warehouse.DEFAULT_ATHENA_SCAN_LIMIT_PER_QUERY_GIB).toBe(1024);
    template().hasResource(ATHENA, {
      Properties: Match.objectLike({
        Name: Match.stringLikeRegexp('^sales-athena-[0-9a-f]{8}$'),
        State: 'ENABLED',
        RecursiveDeleteOption: false,
        WorkGroupConfiguration: Match.objectLike({
          EnforceWorkGroupConfiguration: true,
          BytesScannedCutoffPerQuery: 1024 ** 4,
          EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
          ResultConfiguration: {
            OutputLocation: {
              'Fn::Join': ['', ['s3://', { Ref: id(p.stack, warehouse.queryResultsBucket) }, '/']],
            },
            ExpectedBucketOwner: '111122223333',
            EncryptionConfiguration: { EncryptionOption: 'SSE_KMS', KmsKey: keyArn(p) },
          },
        }),
      }),
      DeletionPolicy: 'RetainExceptOnCreate',
    });
  });

  test("the results bucket: the lake's guarantees, logs to the lake's log bucket, results expire after 30 days, retained", () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    expect(Warehouse.DEFAULT_QUERY_RESULTS_RETENTION_DAYS).toBe(30);
    const t = template();
    const bucket = t.findResources('AWS::S3::Bucket')[id(p.stack, warehouse.queryResultsBucket)];
    expect(bucket.DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(bucket.Properties).toMatchObject({
      BucketName: expect.stringMatching(/^sales-athena-results-[0-9a-f]{8}$/),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn(p) },
          },
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: {
        DestinationBucketName: { Ref: id(p.stack, p.lake.accessLogsBucket) },
        LogFilePrefix: 'athena-results/',
      },
      LifecycleConfiguration: {
        Rules: [
          expect.objectContaining({
            ExpirationInDays: 30,
            NoncurrentVersionExpiration: {
              NoncurrentDays: Warehouse.QUERY_RESULTS_NONCURRENT_VERSION_EXPIRATION_DAYS,
            },
          }),
        ],
      },
    });
    // delivery is allowed (log bucket policy) before logging starts
    const logPolicy = Object.entries(t.findResources('AWS::S3::BucketPolicy')).find(
      ([, r]: any) => r.Properties.Bucket.Ref === id(p.stack, p.lake.accessLogsBucket),
    )!;
    expect(bucket.DependsOn).toContain(logPolicy[0]);
    expect(JSON.stringify(logPolicy[1].Properties.PolicyDocument)).toContain('athena-results/*');
  });

  test('tags: the kit tag on the namespace, workgroup, Athena workgroup and log groups', () => {
    const { template } = build({ tags: { team: 'bi' } });
    for (const type of [NAMESPACE, WORKGROUP, ATHENA]) {
      template().hasResourceProperties(type, {
        Tags: Match.arrayWith([
          { Key: 'data-platform', Value: 'sales' },
          { Key: 'team', Value: 'bi' },
        ]),
      });
    }
  });

  test('the same under the recommended feature flags', () => {
    const { template } = build({}, platform(newRecommendedAwsStack()));
    template().hasResourceProperties(WORKGROUP, { PubliclyAccessible: false, EnhancedVpcRouting: true });
  });
});

describe('Warehouse options', () => {
  test.each([
    [WarehouseSize.MEDIUM, 32, 128],
    [WarehouseSize.LARGE, 128, 512],
  ])('size %s: base %d, max %d', (size, base, max) => {
    build({ size }).template().hasResourceProperties(WORKGROUP, { BaseCapacity: base, MaxCapacity: max });
  });

  test('maxCapacityRpus sets the cost cap', () => {
    build({ maxCapacityRpus: 64 }).template().hasResourceProperties(WORKGROUP, { MaxCapacity: 64 });
  });

  test('readZones grants the role each zone', () => {
    const p = platform();
    build({ readZones: ['curated', 'serving'] }, p)
      .template()
      .hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
        Resource: { Table: Match.objectLike({ DatabaseName: p.catalog.databaseNameFor('curated') }) },
      });
  });

  test('with an IAM catalog the role reads the zone through IAM (S3 read of the zone)', () => {
    const p = platform(newAwsStack(), CatalogPermissionModel.IAM);
    const { warehouse, template } = build({}, p);
    const actions = roleStatements(template(), p.stack, warehouse.role).flatMap((s) => [s.Action].flat());
    expect(actions).toEqual(expect.arrayContaining(['glue:GetTable', 's3:GetObject', 'kms:Decrypt']));
    expect(actions).not.toContain('lakeformation:GetDataAccess');
  });

  test('adminUsername, auditLogRetentionDays, athenaScanLimitPerQueryGib and queryResultsRetentionDays', () => {
    const { template } = build({
      adminUsername: 'dwh_owner',
      auditLogRetentionDays: 90,
      athenaScanLimitPerQueryGib: 10,
      queryResultsRetentionDays: 7,
    });
    const t = template();
    t.hasResourceProperties(NAMESPACE, { AdminUsername: 'dwh_owner' });
    t.hasResourceProperties(LOG_GROUP, {
      LogGroupName: Match.stringLikeRegexp('^/aws/redshift/'),
      RetentionInDays: 90,
    });
    t.hasResourceProperties(ATHENA, {
      WorkGroupConfiguration: Match.objectLike({ BytesScannedCutoffPerQuery: 10 * 1024 ** 3 }),
    });
    t.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 7 })] },
    });
  });

  test('encryptionKey replaces the catalog key', () => {
    const p = platform();
    const key = new EncryptionKey(p.stack, 'WarehouseKey', { platformName: 'sales', purpose: 'warehouse' });
    build({ encryptionKey: key }, p)
      .template()
      .hasResourceProperties(NAMESPACE, {
        KmsKeyId: { 'Fn::GetAtt': [id(p.stack, key.key), 'Arn'] },
      });
  });

  test('accessLogsBucket receives the results bucket logs instead', () => {
    const p = platform();
    const logs = new s3.Bucket(p.stack, 'Logs', { encryption: s3.BucketEncryption.S3_MANAGED });
    const { warehouse, template } = build({ accessLogsBucket: logs }, p);
    expect(
      template().findResources('AWS::S3::Bucket')[id(p.stack, warehouse.queryResultsBucket)].Properties
        .LoggingConfiguration,
    ).toEqual({
      DestinationBucketName: { Ref: id(p.stack, logs) },
      LogFilePrefix: 'athena-results/',
    });
  });

  test('in a network brought with Network.fromVpc', () => {
    const p = platform();
    const vpc = ec2.Vpc.fromVpcAttributes(p.stack, 'Existing', {
      vpcId: 'vpc-00000001',
      vpcCidrBlock: '10.9.0.0/16',
      availabilityZones: ['a', 'b', 'c'],
      isolatedSubnetIds: ['subnet-00000001', 'subnet-00000002', 'subnet-00000003'],
    });
    const { template } = build({ network: Network.fromVpc(p.stack, 'Brought', { vpc }) }, p);
    template().hasResourceProperties(WORKGROUP, {
      SubnetIds: ['subnet-00000001', 'subnet-00000002', 'subnet-00000003'],
    });
    template().hasResourceProperties('AWS::EC2::SecurityGroup', {
      VpcId: 'vpc-00000001',
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.9.0.0/16', FromPort: 5439 })],
    });
  });

  test('removalPolicy DESTROY without the flag keeps everything and warns', () => {
    const p = platform();
    const { template } = build({ removalPolicy: DataRemovalPolicy.DESTROY }, p);
    template().hasResource(NAMESPACE, { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(p.stack).hasWarning(
      '/Test/Warehouse',
      Match.stringLikeRegexp(REMOVAL_DOWNGRADED_WARNING),
    );
  });

  test('removalPolicy DESTROY with the flag deletes the namespace, log groups, results bucket and Athena workgroup', () => {
    const { template } = build(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      platform(newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true })),
    );
    for (const type of [NAMESPACE, ATHENA]) template().hasResource(type, { DeletionPolicy: 'Delete' });
    template().hasResource(LOG_GROUP, {
      Properties: Match.objectLike({ LogGroupName: Match.stringLikeRegexp('^/aws/redshift/') }),
      DeletionPolicy: 'Delete',
    });
    template().hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({ BucketName: Match.stringLikeRegexp('athena-results') }),
      DeletionPolicy: 'Delete',
    });
  });
});

describe('Warehouse.grantQuery', () => {
  test('Athena in the workgroup, Redshift IAM credentials, the results bucket and the key: WAREHOUSE_QUERY_PERMISSIONS', () => {
    const p = platform();
    const { warehouse, template } = build({}, p);
    const analyst = new iam.Role(p.stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    warehouse.grantQuery(analyst);
    const statements = roleStatements(template(), p.stack, analyst);
    const perms = WAREHOUSE_QUERY_PERMISSIONS;
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: [...perms.athenaActions],
          Resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                `:athena:eu-west-1:111122223333:workgroup/${warehouse.athenaWorkGroupName}`,
              ],
            ],
          },
        }),
        expect.objectContaining({
          Action: [...perms.redshiftActions],
          Resource: {
            'Fn::GetAtt': [
              id(p.stack, { node: { defaultChild: warehouse.workgroup } }),
              'Workgroup.WorkgroupArn',
            ],
          },
        }),
        expect.objectContaining({
          Action: [...perms.resultsObjectActions],
          Resource: {
            'Fn::Join': ['', [{ 'Fn::GetAtt': [id(p.stack, warehouse.queryResultsBucket), 'Arn'] }, '/*']],
          },
        }),
        expect.objectContaining({ Action: [...perms.keyActions], Resource: keyArn(p) }),
      ]),
    );
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions.filter((a: string) => a.endsWith('*'))).toEqual([]);
    expect(actions.filter((a: string) => /Delete|Update|Create/.test(a))).toEqual([]);
  });

  test('to everyone is DPK_INVALID_PRINCIPAL', () => {
    const { warehouse } = build();
    expectCode(() => warehouse.grantQuery(new iam.AnyPrincipal()), ErrorCode.INVALID_PRINCIPAL);
  });
});

describe('Warehouse validation', () => {
  test.each([12, 4, 16, 5640, 33.5])('maxCapacityRpus %p is DPK_OUT_OF_RANGE', (max) => {
    expectCode(() => build({ maxCapacityRpus: max }), ErrorCode.OUT_OF_RANGE, 'maxCapacityRpus');
  });

  test('maxCapacityRpus below a larger size base is DPK_OUT_OF_RANGE', () => {
    expectCode(
      () => build({ size: WarehouseSize.LARGE, maxCapacityRpus: 64 }),
      ErrorCode.OUT_OF_RANGE,
      'maxCapacityRpus',
    );
  });

  test('an unknown size is DPK_OUT_OF_RANGE', () => {
    expectCode(() => build({ size: 'huge' as WarehouseSize }), ErrorCode.OUT_OF_RANGE, 'size');
  });

  test.each(['1admin', 'ad-min', ''])('adminUsername %p is DPK_INVALID_NAME', (name) => {
    expectCode(() => build({ adminUsername: name }), ErrorCode.INVALID_NAME, 'adminUsername');
  });

  test.each([0, 100])('auditLogRetentionDays %p is DPK_OUT_OF_RANGE', (days) => {
    expectCode(() => build({ auditLogRetentionDays: days }), ErrorCode.OUT_OF_RANGE, 'auditLogRetentionDays');
  });

  test.each([0, 1.5, 1048577])('athenaScanLimitPerQueryGib %p is DPK_OUT_OF_RANGE', (gib) => {
    expectCode(
      () => build({ athenaScanLimitPerQueryGib: gib }),
      ErrorCode.OUT_OF_RANGE,
      'athenaScanLimitPerQueryGib',
    );
  });

  test('athenaScanLimitPerQueryGib as a token is DPK_OUT_OF_RANGE (the kit converts it to bytes)', () => {
    const p = platform();
    expectCode(
      () => build({ athenaScanLimitPerQueryGib: numberToken(p.stack, 'Gib') }, p),
      ErrorCode.OUT_OF_RANGE,
      'athenaScanLimitPerQueryGib',
    );
  });

  test.each([0, 36501])('queryResultsRetentionDays %p is DPK_OUT_OF_RANGE', (days) => {
    expectCode(
      () => build({ queryResultsRetentionDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'queryResultsRetentionDays',
    );
  });

  test('an unknown read zone is DPK_UNKNOWN_ZONE', () => {
    expectCode(() => build({ readZones: ['gold'] }), ErrorCode.UNKNOWN_ZONE, 'readZones[0]');
  });

  test('a network in two Availability Zones is DPK_OUT_OF_RANGE (Redshift Serverless needs three)', () => {
    const p = platform();
    const vpc = ec2.Vpc.fromVpcAttributes(p.stack, 'Two', {
      vpcId: 'vpc-00000002',
      vpcCidrBlock: '10.9.0.0/16',
      availabilityZones: ['a', 'b'],
      isolatedSubnetIds: ['subnet-00000001', 'subnet-00000002'],
    });
    // a network is checked where it is brought…
    expectCode(() => Network.fromVpc(p.stack, 'TwoZones', { vpc }), ErrorCode.OUT_OF_RANGE, 'subnets');
    // …and again by the warehouse, for any INetwork
    const network = {
      vpc,
      vpcCidr: '10.9.0.0/16',
      dataSubnets: {},
      selectDataSubnets: () => vpc.selectSubnets(),
    } as never;
    expectCode(() => build({ network }, p), ErrorCode.OUT_OF_RANGE, 'network');
  });

  test('without accessLogsBucket, a catalog whose lake is not a LakeStorage is DPK_CONFLICTING_PROPS', () => {
    const p = platform();
    const lake = p.lake;
    // the same lake seen through ILakeStorage only, as a user's own implementation would be
    const view = {
      node: lake.node,
      zones: lake.zones,
      zoneNames: lake.zoneNames,
      encryptionKey: lake.encryptionKey,
      bucketFor: (z: string) => lake.bucketFor(z),
    } as unknown as ILakeStorage;
    const catalog: ICatalog = Object.assign(Object.create(p.catalog) as Catalog, { lake: view });
    expectCode(() => build({ catalog }, p), ErrorCode.CONFLICTING_PROPS, 'accessLogsBucket');
  });

  test('tokens are skipped: maxCapacityRpus, auditLogRetentionDays and queryResultsRetentionDays', () => {
    const p = platform();
    expect(() =>
      build(
        {
          maxCapacityRpus: numberToken(p.stack, 'Max'),
          auditLogRetentionDays: numberToken(p.stack, 'Audit'),
          queryResultsRetentionDays: numberToken(p.stack, 'Results'),
        },
        p,
      ).template(),
    ).not.toThrow();
  });

  test('a bad platform name is DPK_INVALID_NAME', () => {
    expectCode(() => build({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName');
  });
});
