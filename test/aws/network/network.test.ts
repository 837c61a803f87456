import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import {
  EncryptionKey,
  LakeStorage,
  LOGS_KEY_POLICY_NOT_ADDED_WARNING,
  Network,
  type NetworkProps,
} from '../../../src/aws';
import {
  CommonDefaults,
  DataRemovalPolicy,
  ErrorCode,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';
import { logsStatement, logsStatementCovers } from '../support/logs-key';

const SUBNET = 'AWS::EC2::Subnet';
const ENDPOINT = 'AWS::EC2::VPCEndpoint';
const LOG_GROUP = 'AWS::Logs::LogGroup';

function synthNetwork(props: Partial<NetworkProps> = {}, stack: Stack = newAwsStack()) {
  const network = new Network(stack, 'Network', { platformName: 'sales', ...props });
  return { network, stack, template: Template.fromStack(stack) };
}

const expectCode = (fn: () => unknown, code: ErrorCode, prop?: string) =>
  expect(fn).toThrow(expect.objectContaining(prop ? { code, prop } : { code }));

const interfaceServiceNames = (template: Template): string[] =>
  Object.values(template.findResources(ENDPOINT, { Properties: { VpcEndpointType: 'Interface' } })).map(
    (r: any) => r.Properties.ServiceName as string,
  );

describe('Network defaults', () => {
  test('a VPC with the default CIDR (10.40.0.0/16), DNS on, and no internet gateway or NAT', () => {
    const { template } = synthNetwork();
    expect(Network.DEFAULT_CIDR).toBe(CommonDefaults.NETWORK_CIDR);
    template.hasResourceProperties('AWS::EC2::VPC', {
      CidrBlock: '10.40.0.0/16',
      EnableDnsHostnames: true,
      EnableDnsSupport: true,
    });
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Route', 0);
  });

  test('one isolated subnet in each of DEFAULT_AVAILABILITY_ZONE_COUNT (3) zones, none public', () => {
    const { network, template } = synthNetwork();
    expect(Network.DEFAULT_AVAILABILITY_ZONE_COUNT).toBe(3);
    template.resourceCountIs(SUBNET, 3);
    for (const subnet of Object.values(template.findResources(SUBNET))) {
      expect(subnet.Properties.MapPublicIpOnLaunch).toBe(false);
    }
    expect(network.vpc.publicSubnets).toEqual([]);
    expect(new Set(network.selectDataSubnets().availabilityZones).size).toBe(3);
  });

  test('an environment-agnostic stack still gets three zones, as Fn::GetAZs picks', () => {
    const app = new App();
    const { template } = synthNetwork({}, new Stack(app, 'Agnostic', { env: { region: 'eu-west-1' } }));
    const zones = Object.values(template.findResources(SUBNET)).map(
      (s: any) => s.Properties.AvailabilityZone,
    );
    expect(zones).toEqual([0, 1, 2].map((i) => ({ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] })));
  });

  test('the default security group is closed', () => {
    const { template } = synthNetwork();
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });

  test('flow logs of all traffic go to a log group encrypted with a new network key, kept 365 days and retained', () => {
    const { network, stack, template } = synthNetwork();
    expect(Network.DEFAULT_FLOW_LOG_RETENTION_DAYS).toBe(365);
    expect(network.encryptionKey).toBeInstanceOf(EncryptionKey);
    template.hasResourceProperties('AWS::KMS::Alias', {
      AliasName: Match.stringLikeRegexp(`^alias/sales/${Network.KEY_PURPOSE}/`),
    });
    const keyId = stack.getLogicalId(
      (network.encryptionKey as EncryptionKey).key.node.defaultChild as kms.CfnKey,
    );
    template.hasResource(LOG_GROUP, {
      Properties: {
        KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        RetentionInDays: 365,
        LogGroupName: Match.stringLikeRegexp('^/data-platform/sales/vpc-flow-logs-[0-9a-f]{8}$'),
      },
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
    });
  });

  test('the regional logs service may use the key for the flow-log group only, in the key policy the group depends on', () => {
    const { template } = synthNetwork();
    const logGroup = Object.values(template.findResources(LOG_GROUP))[0];
    const key = Object.entries(template.findResources('AWS::KMS::Key'))[0];
    // the group references the key, whose policy holds the statement: the grant exists before first use
    expect(logGroup.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [key[0], 'Arn'] });
    const keyPolicy = key[1].Properties.KeyPolicy;
    expect(logsStatement(keyPolicy)).toEqual(
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
        Action: expect.arrayContaining(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']),
      }),
    );
    expect(logsStatementCovers(keyPolicy, logGroup.Properties.LogGroupName)).toBe(true);
    expect(logsStatementCovers(keyPolicy, '/data-platform/another/vpc-flow-logs')).toBe(false);
  });

  test('an S3 gateway endpoint on the data subnets and DEFAULT_INTERFACE_ENDPOINTS with private DNS', () => {
    const { network, template } = synthNetwork();
    template.hasResourceProperties(ENDPOINT, {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
    });
    const expected = [
      'glue',
      'lakeformation',
      'athena',
      'redshift-serverless',
      'redshift-data',
      'kms',
      'sts',
      'logs',
      'secretsmanager',
    ];
    expect(Network.DEFAULT_INTERFACE_ENDPOINTS.map((s) => s.shortName)).toEqual(expected);
    expect(interfaceServiceNames(template).sort()).toEqual(
      expected.map((s) => `com.amazonaws.eu-west-1.${s}`).sort(),
    );
    expect(Object.keys(network.interfaceEndpoints).sort()).toEqual(
      Network.DEFAULT_INTERFACE_ENDPOINTS.map((s) => s.shortName).sort(),
    );
    for (const endpoint of Object.values(
      template.findResources(ENDPOINT, { Properties: { VpcEndpointType: 'Interface' } }),
    )) {
      expect(endpoint.Properties.PrivateDnsEnabled).toBe(true);
      expect(endpoint.Properties.SubnetIds).toHaveLength(3);
    }
  });

  test('the endpoints share one security group: HTTPS from the VPC range only, no egress', () => {
    const { template } = synthNetwork();
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [
        {
          CidrIp: '10.40.0.0/16',
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          Description: 'HTTPS from the VPC',
        },
      ],
      SecurityGroupEgress: [
        Match.objectLike({ CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic' }),
      ],
    });
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test("the kit's data-platform tag on the VPC, subnets, endpoints and log group", () => {
    const { template } = synthNetwork();
    for (const type of ['AWS::EC2::VPC', SUBNET, ENDPOINT, LOG_GROUP, 'AWS::EC2::SecurityGroup']) {
      for (const r of Object.values(template.findResources(type))) {
        if (r.Properties.VpcEndpointType === 'Gateway') continue; // gateway endpoints take no tags
        expect(r.Properties.Tags).toEqual(expect.arrayContaining([{ Key: 'data-platform', Value: 'sales' }]));
      }
    }
  });

  test('the same under the recommended feature flags', () => {
    const { template } = synthNetwork({}, newRecommendedAwsStack());
    template.resourceCountIs(SUBNET, 3);
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
    template.hasResourceProperties('AWS::EC2::FlowLog', { TrafficType: 'ALL' });
  });
});

describe('Network options', () => {
  test('cidr is split into the data subnets', () => {
    const { template } = synthNetwork({ cidr: '10.7.0.0/20' });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.7.0.0/20' });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [Match.objectLike({ CidrIp: '10.7.0.0/20' })],
    });
  });

  test('availabilityZoneCount spreads the subnets further', () => {
    const app = new App();
    const { template } = synthNetwork({ availabilityZoneCount: 4 }, new Stack(app, 'Agnostic'));
    template.resourceCountIs(SUBNET, 4);
  });

  test('an encryptionKey is used instead of a new key (the lake key: one platform key)', () => {
    const stack = newAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const { network, template } = synthNetwork({ encryptionKey: lake.encryptionKey }, stack);
    expect(network.encryptionKey).toBe(lake.encryptionKey);
    template.resourceCountIs('AWS::KMS::Key', 1);
  });

  test('an imported key cannot be changed: the log statement is a warning', () => {
    const stack = newAwsStack();
    const imported = kms.Key.fromKeyArn(
      stack,
      'Imported',
      'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555',
    );
    synthNetwork({ encryptionKey: EncryptionKey.fromKey(stack, 'Key', imported) }, stack);
    Annotations.fromStack(stack).hasWarning(
      '/Test/Network',
      Match.stringLikeRegexp(
        `CloudWatch Logs cannot be allowed.*\\[ack: ${LOGS_KEY_POLICY_NOT_ADDED_WARNING}\\]`,
      ),
    );
  });

  test('flowLogRetentionDays sets the retention', () => {
    synthNetwork({ flowLogRetentionDays: 90 }).template.hasResourceProperties(LOG_GROUP, {
      RetentionInDays: 90,
    });
  });

  test('interfaceEndpoints replaces the list (duplicates are made once)', () => {
    const { template } = synthNetwork({
      interfaceEndpoints: [ec2.InterfaceVpcEndpointAwsService.GLUE, ec2.InterfaceVpcEndpointAwsService.GLUE],
    });
    expect(interfaceServiceNames(template)).toEqual(['com.amazonaws.eu-west-1.glue']);
  });

  test('tags are added to the kit tag', () => {
    synthNetwork({ tags: { team: 'data' } }).template.hasResourceProperties('AWS::EC2::VPC', {
      Tags: Match.arrayWith([{ Key: 'team', Value: 'data' }]),
    });
  });

  test('removalPolicy DESTROY without the flag keeps the flow logs and warns', () => {
    const { stack, template } = synthNetwork({ removalPolicy: DataRemovalPolicy.DESTROY });
    template.hasResource(LOG_GROUP, { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(stack).hasWarning(
      '/Test/Network',
      Match.stringLikeRegexp(REMOVAL_DOWNGRADED_WARNING),
    );
  });

  test('removalPolicy DESTROY with the flag deletes the flow-log group and the key it made', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthNetwork({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    template.hasResource(LOG_GROUP, { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
  });
});

describe('Network.fromVpc', () => {
  const vpcWith = (stack: Stack, zones: string[], kind: 'isolated' | 'private') =>
    ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-00001234',
      vpcCidrBlock: '10.0.0.0/16',
      availabilityZones: zones,
      ...(kind === 'isolated'
        ? { isolatedSubnetIds: zones.map((_, i) => `subnet-1000000${i}`) }
        : { privateSubnetIds: zones.map((_, i) => `subnet-2000000${i}`) }),
    });

  test('creates nothing and uses the isolated subnets', () => {
    const stack = newAwsStack();
    const network = Network.fromVpc(stack, 'Network', { vpc: vpcWith(stack, ['a', 'b', 'c'], 'isolated') });
    expect(network.selectDataSubnets().subnetIds).toEqual([
      'subnet-10000000',
      'subnet-10000001',
      'subnet-10000002',
    ]);
    expect(network.vpcCidr).toBe('10.0.0.0/16');
    expect(stack.node.findAll().filter(CfnResource.isCfnResource)).toEqual([]);
  });

  test('falls back to the private (with egress) subnets when there are no isolated ones', () => {
    const stack = newAwsStack();
    const network = Network.fromVpc(stack, 'Network', { vpc: vpcWith(stack, ['a', 'b', 'c'], 'private') });
    expect(network.selectDataSubnets().subnetIds).toEqual([
      'subnet-20000000',
      'subnet-20000001',
      'subnet-20000002',
    ]);
  });

  test('subnets selects the data subnets explicitly', () => {
    const stack = newAwsStack();
    const vpc = vpcWith(stack, ['a', 'b', 'c'], 'isolated');
    const network = Network.fromVpc(stack, 'Network', { vpc, subnets: { subnets: vpc.isolatedSubnets } });
    expect(network.dataSubnets).toEqual({ subnets: vpc.isolatedSubnets });
  });

  test('vpcCidr gives the range of a VPC imported without one; without either, reading it is DPK_INVALID_IP_RANGE', () => {
    const stack = newAwsStack();
    const attrs = {
      vpcId: 'vpc-00000009',
      availabilityZones: ['a', 'b', 'c'],
      isolatedSubnetIds: ['subnet-00000001', 'subnet-00000002', 'subnet-00000003'],
    };
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'NoCidr', attrs);
    expect(Network.fromVpc(stack, 'Given', { vpc, vpcCidr: '10.1.0.0/16' }).vpcCidr).toBe('10.1.0.0/16');
    const missing = Network.fromVpc(stack, 'Missing', { vpc });
    expect(() => missing.vpcCidr).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_IP_RANGE, prop: 'vpcCidr' }),
    );
  });

  test('subnets in fewer than three zones are DPK_OUT_OF_RANGE, naming the zones', () => {
    const stack = newAwsStack();
    const vpc = vpcWith(stack, ['eu-west-1a', 'eu-west-1b'], 'isolated');
    expect(() => Network.fromVpc(stack, 'Network', { vpc })).toThrow(
      expect.objectContaining({
        code: ErrorCode.OUT_OF_RANGE,
        prop: 'subnets',
        received: ['eu-west-1a', 'eu-west-1b'],
        message: expect.stringContaining('at least 3 Availability Zones'),
      }),
    );
  });
});

describe('Network validation', () => {
  test.each(['10.0.0.0', '10.0.0.0/8', '10.0.0.0/25', '300.0.0.0/16', 'ten'])(
    'cidr %p is DPK_INVALID_IP_RANGE',
    (cidr) => {
      expectCode(() => synthNetwork({ cidr }), ErrorCode.INVALID_IP_RANGE, 'cidr');
    },
  );

  test.each([2, 7, 2.5])('availabilityZoneCount %p is DPK_OUT_OF_RANGE', (count) => {
    expectCode(
      () => synthNetwork({ availabilityZoneCount: count }),
      ErrorCode.OUT_OF_RANGE,
      'availabilityZoneCount',
    );
  });

  test('more zones than the stack region has are DPK_OUT_OF_RANGE', () => {
    // the env-aware test stack knows three (dummy) zones
    expectCode(
      () => synthNetwork({ availabilityZoneCount: 4 }),
      ErrorCode.OUT_OF_RANGE,
      'availabilityZoneCount',
    );
  });

  test.each([0, 10, 366])('flowLogRetentionDays %p is DPK_OUT_OF_RANGE', (days) => {
    expectCode(
      () => synthNetwork({ flowLogRetentionDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'flowLogRetentionDays',
    );
  });

  test('a bad platform name is DPK_INVALID_NAME', () => {
    expectCode(() => synthNetwork({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName');
  });

  test('bad tags are DPK_INVALID_TAGS', () => {
    expectCode(() => synthNetwork({ tags: { 'aws:x': 'y' } }), ErrorCode.INVALID_TAGS);
  });
});
