import { Fn, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Network, type NetworkAttributes } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

const ATTRS: NetworkAttributes = {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  vpcCidr: '10.40.0.0/16',
  availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  dataSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d', 'subnet-2a3b4c5d'],
};

describe('Network.fromNetworkAttributes', () => {
  test('the data subnets are the given ones; nothing is created for the network', () => {
    const stack = newAwsStack();
    const network = Network.fromNetworkAttributes(stack, 'Network', ATTRS);
    expect(network.vpc.vpcId).toBe(ATTRS.vpcId);
    expect(network.vpcCidr).toBe('10.40.0.0/16');
    const selected = network.selectDataSubnets();
    expect(selected.subnetIds).toEqual(ATTRS.dataSubnetIds);
    expect(selected.availabilityZones).toEqual(ATTRS.availabilityZones);
    // A consumer's own resource in the imported VPC: the only resource of the stack.
    new ec2.SecurityGroup(stack, 'JobSecurityGroup', { vpc: network.vpc });
    const template = Template.fromStack(stack);
    expect(Object.values(template.toJSON().Resources).map((r: any) => r.Type)).toEqual([
      'AWS::EC2::SecurityGroup',
    ]);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', { VpcId: ATTRS.vpcId });
  });

  test.each<[string, Partial<NetworkAttributes>, ErrorCode, string]>([
    ['a malformed VPC id', { vpcId: 'vpc-xyz' }, ErrorCode.INVALID_NAME, 'vpcId'],
    [
      'a malformed subnet id',
      { dataSubnetIds: ['subnet-0a1b2c3d', 'sn-1', 'subnet-2a3b4c5d'] },
      ErrorCode.INVALID_NAME,
      'dataSubnetIds[1]',
    ],
    [
      'a malformed route table id',
      { dataSubnetRouteTableIds: ['rtb-1'] },
      ErrorCode.INVALID_NAME,
      'dataSubnetRouteTableIds[0]',
    ],
    ['a malformed range', { vpcCidr: '10.40.0.0' }, ErrorCode.INVALID_IP_RANGE, 'vpcCidr'],
    [
      'two Availability Zones',
      {
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        dataSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'],
      },
      ErrorCode.OUT_OF_RANGE,
      'availabilityZones',
    ],
    [
      'one Availability Zone listed twice',
      { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1a'] },
      ErrorCode.OUT_OF_RANGE,
      'availabilityZones',
    ],
    ['no data subnets', { dataSubnetIds: [] }, ErrorCode.OUT_OF_RANGE, 'dataSubnetIds'],
    [
      'subnets not spread evenly',
      { dataSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] },
      ErrorCode.OUT_OF_RANGE,
      'dataSubnetIds',
    ],
  ])('%s throws its code with the prop path', (_, bad, code, prop) => {
    expect(() => Network.fromNetworkAttributes(newAwsStack(), 'Network', { ...ATTRS, ...bad })).toThrow(
      expect.objectContaining({ code, prop, constructPath: 'Test/Network' }),
    );
  });

  test('ids and zones that are tokens pass unvalidated', () => {
    const stack = newAwsStack();
    const network = Network.fromNetworkAttributes(stack, 'Network', {
      vpcId: Token.asString({ 'Fn::ImportValue': 'VpcId' }),
      vpcCidr: Token.asString({ 'Fn::ImportValue': 'VpcCidr' }),
      availabilityZones: Fn.getAzs(),
      dataSubnetIds: Fn.split(',', Fn.importValue('DataSubnetIds'), 3),
    });
    expect(Token.isUnresolved(network.vpcCidr)).toBe(true);
  });
});
