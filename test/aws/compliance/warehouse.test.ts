import { App, Stack, Validations } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lf from 'aws-cdk-lib/aws-lakeformation';
import type * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { build as buildExample } from '../../../examples/warehouse-aws/app';
import {
  Catalog,
  CatalogPermissionModel,
  EncryptionKey,
  LakeStorage,
  Network,
  Warehouse,
} from '../../../src/aws';
import {
  acknowledgeFrameworkHelpers,
  acknowledgementsIn,
  acknowledgementsOnDataResources,
  acknowledgeRule,
  checkCompliance,
  DataPlatformChecks,
  wildcardResourceFindingId,
} from '../../../src/aws/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, WarehouseSize } from '../../../src/core/internal';
import { awsAppWith as appWith, expectClean } from '../../helpers/compliance';

/**
 * cdk-nag v3 AwsSolutions plus the kit's DataPlatformChecks over Network, Catalog and Warehouse, in
 * their default and a maximal configuration with grants, under legacy and recommended feature
 * flags, and over the warehouse-aws example: zero unacknowledged findings. The blocks acknowledge
 * only the inherent wildcards of the roles they make themselves (never a data resource); the
 * grantees' acknowledgements are user code.
 */
const ENV = { account: '111122223333', region: 'eu-west-1' };
const FLAGS = [
  ['legacy', {}],
  ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
] as const;

interface Platform {
  readonly lake: LakeStorage;
  readonly network: Network;
  readonly catalog: Catalog;
  readonly warehouse: Warehouse;
}

function platformIn(stack: Stack, model = CatalogPermissionModel.LAKE_FORMATION): Platform {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', { platformName: 'sales' });
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake, permissionModel: model });
  const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', network, catalog });
  return { lake, network, catalog, warehouse };
}

/** Every block in its default configurations, one stack each (an environment-agnostic one too). */
function addDefaultBlocks(app: App): void {
  platformIn(new Stack(app, 'LakeFormationDefaults', { env: ENV }));
  platformIn(
    new Stack(app, 'IamDefaults', { env: { ...ENV, region: 'eu-central-1' } }),
    CatalogPermissionModel.IAM,
  );
  platformIn(new Stack(app, 'Agnostic'));
  new Network(new Stack(app, 'NetworkOnly', { env: ENV }), 'Network', { platformName: 'sales' });
}

/** The grantee accepts the wildcards its grants need: user code, as in the example. */
function acknowledgeGrantee(grantee: iam.Role, arns: readonly string[]): void {
  for (const arn of new Set(arns)) {
    acknowledgeRule(grantee, {
      id: wildcardResourceFindingId(grantee, arn),
      reason: 'Every table or object of the zone (or of the query results) is the intent of the grant.',
    });
  }
}

/** Every option at once, with every grant. */
function addMaximalBlocks(app: App): void {
  // Its own region: the account-wide catalog settings have one owner per account and region in an app.
  const stack = new Stack(app, 'Maximal', { env: { ...ENV, region: 'eu-north-1' } });
  const key = new EncryptionKey(stack, 'Key', { platformName: 'sales', purpose: 'platform' });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    zones: ['landing', 'raw', 'curated', 'serving'],
    encryptionKey: key,
    removalPolicy: DataRemovalPolicy.DESTROY,
  });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    cidr: '10.8.0.0/20',
    encryptionKey: key,
    flowLogRetentionDays: 731,
    interfaceEndpoints: [
      ...Network.DEFAULT_INTERFACE_ENDPOINTS,
      ec2.InterfaceVpcEndpointAwsService.KINESIS_FIREHOSE,
    ],
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data' },
  });
  const steward = new iam.Role(stack, 'Steward', { assumedBy: new iam.AccountRootPrincipal() });
  const catalog = new Catalog(stack, 'Catalog', {
    platformName: 'sales',
    lake,
    admins: [steward],
    deploymentRole: iam.Role.fromRoleArn(stack, 'Deployer', 'arn:aws:iam::111122223333:role/deployer'),
    databaseNames: { serving: 'sales_serving' },
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data' },
  });
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    network,
    catalog,
    size: WarehouseSize.LARGE,
    maxCapacityRpus: 1024,
    readZones: ['curated', 'serving'],
    adminUsername: 'dwh_owner',
    auditLogRetentionDays: 731,
    athenaScanLimitPerQueryGib: 100,
    queryResultsRetentionDays: 7,
    removalPolicy: DataRemovalPolicy.DESTROY,
    tags: { team: 'data' },
  });
  const analyst = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
  const engineer = new iam.Role(stack, 'Engineer', { assumedBy: new iam.AccountRootPrincipal() });
  const loader = new iam.Role(stack, 'Loader', { assumedBy: new iam.AccountRootPrincipal() });
  acknowledgeGrantee(analyst, [
    ...catalog.grantRead(analyst, 'serving').wildcardResourceArns,
    warehouse.queryResultsBucket.arnForObjects('*'),
  ]);
  warehouse.grantQuery(analyst);
  acknowledgeGrantee(engineer, catalog.grantReadWrite(engineer, 'curated').wildcardResourceArns);
  acknowledgeGrantee(loader, catalog.grantWrite(loader, 'landing').wildcardResourceArns);
}

/** An acknowledgement of a rule the kit's packs report (cdk-nag's AwsSolutions or DataPlatformChecks). */
const isPackRule = (a: { readonly ruleId: string }) => /^(AwsSolutions|DPK-AWS)-/.test(a.ruleId);

const expectNoFindings = (scope: IConstruct): ComplianceReport => expectClean(checkCompliance(scope));

describe.each(FLAGS)(
  'AwsSolutions + DataPlatformChecks over the warehouse blocks under %s flags',
  (_, context) => {
    test('the blocks in their default configurations: zero findings', () => {
      expectNoFindings(appWith(context, addDefaultBlocks));
    });

    test('the blocks in a maximal configuration with every grant: zero findings', () => {
      expectNoFindings(appWith(context, addMaximalBlocks));
    });

    test('the warehouse-aws example: zero findings', () => {
      expectNoFindings(appWith(context, buildExample));
    });

    test('the packs agree when run the cdk-nag way (validateScope)', () => {
      const app = appWith(context, (a) => {
        addDefaultBlocks(a);
        addMaximalBlocks(a);
        buildExample(a);
      });
      acknowledgeFrameworkHelpers(app);
      expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
      expect(new DataPlatformChecks().validateScope(app).violations).toEqual([]);
    });

    test("the blocks' own acknowledgements are IAM5 wildcards on the roles they made, never on data", () => {
      const app = appWith(context, addDefaultBlocks);
      const acks = acknowledgementsIn(app).filter(isPackRule);
      expect(acks.length).toBeGreaterThan(0);
      for (const ack of acks) {
        expect(ack.ruleId).toMatch(/^AwsSolutions-IAM5\[Resource::/);
        expect(ack.path).toMatch(/\/(Catalog\/LocationRole|Warehouse\/Role)$/);
        expect(ack.resourceTypes.every((t) => t.startsWith('AWS::IAM::'))).toBe(true);
      }
      const everything = appWith(context, (a) => {
        addDefaultBlocks(a);
        addMaximalBlocks(a);
        buildExample(a);
      });
      acknowledgeFrameworkHelpers(everything);
      expect(acknowledgementsOnDataResources(everything).filter(isPackRule)).toEqual([]);
    });

    test("aws-cdk-lib's own cfn-lint acknowledgements (W3010 on the stack) are not counted as the kit's", () => {
      const app = appWith(context, addDefaultBlocks);
      const raw = app.node
        .findAll()
        .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
        .flatMap((m) => Object.keys(m.data as Record<string, string>));
      expect(raw).toEqual(expect.arrayContaining([expect.stringContaining('W3010')]));
      expect(acknowledgementsIn(app).every(isPackRule)).toBe(true);
    });
  },
);

describe('weakening the warehouse blocks through the L1 escape hatch is reported', () => {
  function weakened(weaken: (p: Platform) => void): [string, string][] {
    const app = new App();
    const p = platformIn(new Stack(app, 'Weakened', { env: ENV }));
    weaken(p);
    return checkCompliance(app).findings.map((f) => [f.ruleId, f.path ?? '']);
  }

  test('a public workgroup without enhanced VPC routing', () => {
    expect(
      weakened((p) => {
        p.warehouse.workgroup.publiclyAccessible = true;
        p.warehouse.workgroup.enhancedVpcRouting = false;
      }),
    ).toEqual(
      expect.arrayContaining([
        ['DPK-AWS-RedshiftServerlessWorkgroupNotPublic', 'Weakened/Warehouse/Workgroup'],
        ['DPK-AWS-RedshiftServerlessEnhancedVpcRouting', 'Weakened/Warehouse/Workgroup'],
      ]),
    );
  });

  test('a namespace without the kit key', () => {
    expect(weakened((p) => ((p.warehouse.namespace as redshift.CfnNamespace).kmsKeyId = undefined))).toEqual([
      ['DPK-AWS-RedshiftServerlessNamespaceKMS', 'Weakened/Warehouse/Namespace'],
    ]);
  });

  test('an Athena workgroup that neither enforces nor encrypts', () => {
    expect(
      weakened((p) => {
        const workGroup = p.warehouse.athenaWorkGroup as athena.CfnWorkGroup;
        workGroup.addPropertyOverride('WorkGroupConfiguration.EnforceWorkGroupConfiguration', false);
        workGroup.addPropertyOverride('WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration', {
          EncryptionOption: 'SSE_S3',
        });
      }),
    ).toEqual([
      ['DPK-AWS-AthenaWorkGroupEnforced', 'Weakened/Warehouse/AthenaWorkGroup'],
      ['DPK-AWS-AthenaResultsKMSEncrypted', 'Weakened/Warehouse/AthenaWorkGroup'],
    ]);
  });

  test('a catalog without encryption and with IAMAllowedPrincipals defaults', () => {
    expect(
      weakened((p) => {
        (p.catalog.encryptionSettings as glue.CfnDataCatalogEncryptionSettings).addPropertyOverride(
          'DataCatalogEncryptionSettings',
          {
            EncryptionAtRest: { CatalogEncryptionMode: 'DISABLED' },
            ConnectionPasswordEncryption: { ReturnConnectionPasswordEncrypted: false },
          },
        );
        (p.catalog.dataLakeSettings as lf.CfnDataLakeSettings).addPropertyOverride(
          'CreateTableDefaultPermissions',
          [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }],
        );
      }),
    ).toEqual([
      ['DPK-AWS-GlueCatalogEncrypted', 'Weakened/Catalog/AccountSettings/EncryptionSettings'],
      ['DPK-AWS-GlueConnectionPasswordEncrypted', 'Weakened/Catalog/AccountSettings/EncryptionSettings'],
      ['DPK-AWS-LakeFormationNoIAMAllowedPrincipals', 'Weakened/Catalog/AccountSettings/DataLakeSettings'],
    ]);
  });

  test('an unencrypted flow-log group and an endpoint group open to the internet', () => {
    const findings = weakened((p) => {
      (p.network.flowLogGroup.node.defaultChild as any).kmsKeyId = undefined;
      p.network.endpointSecurityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443));
    });
    expect(findings).toEqual(
      expect.arrayContaining([
        ['DPK-AWS-CloudWatchLogGroupEncrypted', 'Weakened/Network/FlowLogGroup/Resource'],
        ['AwsSolutions-EC23', 'Weakened/Network/EndpointSecurityGroup/Resource'],
      ]),
    );
  });
});
