import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Network, type NetworkProps } from '../../../src/aws';
import { ErrorCode } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way Network rejects input, in one table: each row builds it with one bad prop and names
 * the ErrorCode and prop. Where the prop accepts a deploy-time value, the row also builds it with
 * a token, which validation must skip. The CIDR and the zone count shape the subnets at synth time,
 * so they must be literals. The network has no public-access prop: it never has public subnets.
 */
type Row = BadInputRow<Stack> & { readonly prop: string };

const network = (stack: Stack, props: Partial<NetworkProps> = {}) =>
  new Network(stack, 'Network', { platformName: 'sales', ...props });
const numberToken = (stack: Stack) =>
  Token.asNumber(new CfnParameter(stack, 'Days', { type: 'Number' }).value);
const stringToken = (stack: Stack) => new CfnParameter(stack, 'Param').valueAsString;
const twoZoneVpc = (stack: Stack) =>
  ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-00000001',
    availabilityZones: ['eu-west-1a', 'eu-west-1b'],
    isolatedSubnetIds: ['subnet-00000001', 'subnet-00000002'],
  });

const ROWS: Row[] = [
  ...['s', 'Sales', 'sales_', '1sales', ''].map((name): Row => ({
    description: `platformName ${JSON.stringify(name)}`,
    build: (s) => network(s, { platformName: name }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  {
    description: 'platformName as a token (it names the flow-log group)',
    build: (s) => network(s, { platformName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  },
  ...['10.0.0.0', '10.0.0.0/15', '10.0.0.0/25', '256.1.0.0/16', '10.0.0/16', '0.0.0.0/0'].map(
    (cidr): Row => ({
      description: `cidr ${cidr} (a /16 to /24 IPv4 range)`,
      build: (s) => network(s, { cidr }),
      code: ErrorCode.INVALID_IP_RANGE,
      prop: 'cidr',
    }),
  ),
  {
    description: 'cidr as a token (it is split into subnets at synth time)',
    build: (s) => network(s, { cidr: stringToken(s) }),
    code: ErrorCode.INVALID_IP_RANGE,
    prop: 'cidr',
  },
  ...[0, 2, 7, 3.5].map((count): Row => ({
    description: `availabilityZoneCount ${count} (3-6: Redshift Serverless needs three)`,
    build: (s) => network(s, { availabilityZoneCount: count }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'availabilityZoneCount',
  })),
  ...[0, 2, 364, 9999, -1].map((days): Row => ({
    description: `flowLogRetentionDays ${days} (a CloudWatch Logs retention period)`,
    build: (s) => network(s, { flowLogRetentionDays: days }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'flowLogRetentionDays',
    withToken: (s) => network(s, { flowLogRetentionDays: numberToken(s) }),
  })),
  {
    description: 'tags with the reserved aws: prefix',
    build: (s) => network(s, { tags: { 'aws:team': 'data' } }),
    code: ErrorCode.INVALID_TAGS,
    prop: 'tags key',
    withToken: (s) => network(s, { tags: { team: stringToken(s) } }),
  },
  {
    description: 'Network.fromVpc with data subnets in two zones',
    build: (s) => Network.fromVpc(s, 'Brought', { vpc: twoZoneVpc(s) }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'subnets',
  },
];

describeBadInput('AWS Network bad input', ROWS, {
  newStack: () => newAwsStack(),
  synth: (stack) => Template.fromStack(stack),
  codes: {
    title: 'the table covers every code Network can raise from input',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.INVALID_IP_RANGE,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.INVALID_TAGS,
    ],
  },
});
