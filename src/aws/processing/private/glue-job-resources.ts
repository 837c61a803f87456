/**
 * The resources around a Glue job that its block makes: its log groups (named the way Glue names
 * them for a security configuration, so they exist, encrypted and with a retention, before the
 * first run) and its network connection. Internal: not exported from the entry point.
 */
import { Arn, ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { INetwork } from '../../network/network';
import { encryptedLogGroup } from '../../private/log-groups';
import type { IEncryptionKey } from '../../security/encryption-key';

/** Where Glue writes job logs. */
export const GLUE_JOB_LOG_ROOT = '/aws-glue/jobs';

/** One log group a Glue job writes to. */
export interface GlueLogGroupName {
  /** Construct id of the log group. */
  readonly id: string;
  readonly name: string;
}

/**
 * The log groups Glue writes a job's runs to when its security configuration encrypts CloudWatch
 * logs: `/aws-glue/jobs/<security configuration>-role/<role name>/error` (driver, executor and
 * Glue logger) and `/output` (stdout, stderr). Glue 4.0 writes continuous logs to
 * `/aws-glue/jobs/logs-v2-<security configuration>`; Glue 5.x logs every run in real time to the
 * first two.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/monitor-continuous-logging.html
 */
export function glueLogGroupNames(
  glueVersion: glue.GlueVersion,
  securityConfigurationName: string,
  roleName: string,
): GlueLogGroupName[] {
  const base = `${GLUE_JOB_LOG_ROOT}/${securityConfigurationName}-role/${roleName}`;
  const names = [
    { id: 'ErrorLogGroup', name: `${base}/error` },
    { id: 'OutputLogGroup', name: `${base}/output` },
  ];
  if (glueVersion === glue.GlueVersion.V4_0) {
    names.push({
      id: 'ContinuousLogGroup',
      name: `${GLUE_JOB_LOG_ROOT}/logs-v2-${securityConfigurationName}`,
    });
  }
  return names;
}

/** The ARN of the log group `name` in `scope`'s stack (`…:log-group:<name>`). */
export function logGroupArn(scope: Construct, name: string): string {
  return Arn.format(
    { service: 'logs', resource: 'log-group', resourceName: name, arnFormat: ArnFormat.COLON_RESOURCE_NAME },
    Stack.of(scope),
  );
}

/** The job's log groups: encrypted with `key` (the logs service allowed on it first), retained as told. */
export function glueLogGroups(
  scope: Construct,
  names: readonly GlueLogGroupName[],
  key: IEncryptionKey,
  retentionDays: number,
  removalPolicy: RemovalPolicy,
): logs.LogGroup[] {
  return names.map(({ id, name }) =>
    encryptedLogGroup(scope, id, { logGroupName: name, key, retentionDays, removalPolicy }),
  );
}

/** A Glue network connection and its security group. */
export interface GlueNetworkConnection {
  readonly connection: glue.CfnConnection;
  readonly securityGroup: ec2.SecurityGroup;
  readonly subnet: ec2.ISubnet;
}

/**
 * A Glue `NETWORK` connection named like the job, in the network's first data subnet, with a security group of the
 * job's own that admits all TCP from itself only (Spark's driver and executors talk to each
 * other, as Glue requires) and allows outbound traffic: in a kit `Network` the subnets have no
 * route to the internet, so that reaches the VPC endpoints only.
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/setup-vpc-for-glue-access.html
 */
export function glueNetworkConnection(
  scope: Construct,
  network: INetwork,
  jobName: string,
): GlueNetworkConnection {
  const subnet = network.selectDataSubnets().subnets[0];
  const securityGroup = new ec2.SecurityGroup(scope, 'SecurityGroup', {
    vpc: network.vpc,
    description: `Workers of Glue job ${jobName}`,
    allowAllOutbound: true,
  });
  securityGroup.addIngressRule(securityGroup, ec2.Port.allTcp(), 'Spark driver and executors of the job');
  const connection = new glue.CfnConnection(scope, 'Connection', {
    catalogId: Stack.of(scope).account,
    connectionInput: {
      name: jobName,
      description: `Network of Glue job ${jobName}`,
      connectionType: 'NETWORK',
      physicalConnectionRequirements: {
        subnetId: subnet.subnetId,
        availabilityZone: subnet.availabilityZone,
        securityGroupIdList: [securityGroup.securityGroupId],
      },
    },
  });
  return { connection, securityGroup, subnet };
}
