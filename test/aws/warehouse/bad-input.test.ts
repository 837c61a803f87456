import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  Catalog,
  type ICatalog,
  LakeStorage,
  Network,
  Warehouse,
  type WarehouseProps,
} from '../../../src/aws';
import { ErrorCode, WarehouseSize } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way Warehouse rejects input, in one table (ErrorCode and prop per row; a token where the
 * prop takes one must be skipped). The warehouse has no public-access or routing prop: the
 * workgroup is never publicly accessible and always uses enhanced VPC routing, so neither can be
 * weakened through input.
 */
type Row = BadInputRow<Stack> & { readonly prop: string };

function warehouse(stack: Stack, props: Partial<WarehouseProps> = {}): Warehouse {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', { platformName: 'sales', encryptionKey: lake.encryptionKey });
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
  return new Warehouse(stack, 'Warehouse', { platformName: 'sales', network, catalog, ...props });
}
const numberToken = (stack: Stack) =>
  Token.asNumber(new CfnParameter(stack, 'Number', { type: 'Number' }).value);
const stringToken = (stack: Stack) => new CfnParameter(stack, 'Param').valueAsString;

/** A network whose data subnets span two zones, as any INetwork could (the warehouse checks again). */
function twoZoneNetwork(stack: Stack) {
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-00000001',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    isolatedSubnetIds: ['subnet-00000001', 'subnet-00000002'],
  });
  return {
    node: vpc.node,
    vpc,
    vpcCidr: '10.0.0.0/16',
    dataSubnets: {},
    selectDataSubnets: () => vpc.selectSubnets(),
  };
}

/** The same platform, but the catalog's lake is not a LakeStorage (so it has no default log bucket). */
function foreignLakeCatalog(stack: Stack): ICatalog {
  const lake = new LakeStorage(stack, 'Other', { platformName: 'sales' });
  const catalog = new Catalog(stack, 'OtherCatalog', {
    platformName: 'sales',
    lake,
    manageAccountSettings: false,
  });
  const view = {
    ...Object.fromEntries(['zones', 'zoneNames', 'encryptionKey', 'node'].map((k) => [k, (lake as any)[k]])),
  };
  for (const m of ['bucketFor', 'grant', 'grantRead', 'grantWrite', 'grantReadWrite']) {
    (view as any)[m] = (lake as any)[m].bind(lake);
  }
  return Object.assign(Object.create(catalog) as Catalog, { lake: view });
}

const ROWS: Row[] = [
  ...['Sales', 's', 'sales-'].map((name): Row => ({
    description: `platformName ${JSON.stringify(name)}`,
    build: (s) => warehouse(s, { platformName: name }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  {
    description: 'platformName as a token (it names the namespace and workgroups)',
    build: (s) => warehouse(s, { platformName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  },
  {
    description: 'an unknown size',
    build: (s) => warehouse(s, { size: 'xl' as WarehouseSize }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'size',
  },
  ...[0, 4, 12, 24, 5640, 16.5].map((rpus): Row => ({
    description: `maxCapacityRpus ${rpus} (a multiple of 8 from 32 and the base capacity to 5632)`,
    build: (s) => warehouse(s, { maxCapacityRpus: rpus }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'maxCapacityRpus',
    withToken: (s) => warehouse(s, { maxCapacityRpus: numberToken(s) }),
  })),
  {
    description: 'maxCapacityRpus 64 for a LARGE (128 RPU) warehouse',
    build: (s) => warehouse(s, { size: WarehouseSize.LARGE, maxCapacityRpus: 64 }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'maxCapacityRpus',
  },
  ...['1admin', 'admin-user', 'admin user', ''].map((name): Row => ({
    description: `adminUsername ${JSON.stringify(name)}`,
    build: (s) => warehouse(s, { adminUsername: name }),
    code: ErrorCode.INVALID_NAME,
    prop: 'adminUsername',
    withToken: (s) => warehouse(s, { adminUsername: stringToken(s) }),
  })),
  ...[0, 2, 366, -1].map((days): Row => ({
    description: `auditLogRetentionDays ${days} (a CloudWatch Logs retention period)`,
    build: (s) => warehouse(s, { auditLogRetentionDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'auditLogRetentionDays',
    withToken: (s) => warehouse(s, { auditLogRetentionDays: numberToken(s) }),
  })),
  ...[0, 0.5, 1048577].map((gib): Row => ({
    description: `athenaScanLimitPerQueryGib ${gib} (1-1048576)`,
    build: (s) => warehouse(s, { athenaScanLimitPerQueryGib: gib }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'athenaScanLimitPerQueryGib',
  })),
  {
    description: 'athenaScanLimitPerQueryGib as a token (the kit converts it to bytes)',
    build: (s) => warehouse(s, { athenaScanLimitPerQueryGib: numberToken(s) }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'athenaScanLimitPerQueryGib',
  },
  ...[0, 36501, 2.5].map((days): Row => ({
    description: `queryResultsRetentionDays ${days} (1-36500)`,
    build: (s) => warehouse(s, { queryResultsRetentionDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'queryResultsRetentionDays',
    withToken: (s) => warehouse(s, { queryResultsRetentionDays: numberToken(s) }),
  })),
  ...['gold', '*'].map((zone): Row => ({
    description: `readZones with ${JSON.stringify(zone)}, which the lake does not have`,
    build: (s) => warehouse(s, { readZones: ['serving', zone] }),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'readZones[1]',
  })),
  {
    description: 'a network whose data subnets span two Availability Zones',
    build: (s) => warehouse(s, { network: twoZoneNetwork(s) as never }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'network',
  },
  {
    description: "no accessLogsBucket while the catalog's lake is not a LakeStorage",
    build: (s) => warehouse(s, { catalog: foreignLakeCatalog(s) }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'accessLogsBucket',
  },
  {
    description: 'tags with the reserved aws: prefix',
    build: (s) => warehouse(s, { tags: { 'aws:x': 'y' } }),
    code: ErrorCode.INVALID_TAGS,
    prop: 'tags key',
  },
  ...[
    ['everyone', () => new iam.AnyPrincipal()],
    ["everyone as ArnPrincipal('*')", () => new iam.ArnPrincipal('*')],
  ].map(([what, principal]): Row => ({
    description: `grantQuery to ${what as string}`,
    build: (s) => warehouse(s).grantQuery((principal as () => iam.IPrincipal)()),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'principal',
  })),
];

describeBadInput('AWS Warehouse bad input', ROWS, {
  newStack: () => newAwsStack(),
  synth: (stack) => Template.fromStack(stack),
  codes: {
    title: 'the table covers every code Warehouse can raise from input',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.INVALID_TAGS,
      ErrorCode.INVALID_PRINCIPAL,
    ],
  },
});
