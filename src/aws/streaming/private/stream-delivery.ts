import { Arn, ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledgeWildcards } from '../../private/acknowledgements';
import { encryptedLogGroup } from '../../private/log-groups';
import type { IEncryptionKey } from '../../security/encryption-key';
import { deliveryPolicyStatements } from '../perms';

/** Name of the log stream Firehose writes delivery errors to. */
export const DELIVERY_LOG_STREAM_NAME = 'S3Delivery';

/** Everything the Firehose delivery is made from. */
export interface DeliveryOptions {
  readonly deliveryStreamName: string;
  readonly stream: kinesis.IStream;
  readonly streamKey: IEncryptionKey;
  readonly bucket: s3.IBucket;
  readonly destinationKey: IEncryptionKey;
  readonly dataPrefix: string;
  readonly errorPrefix: string;
  /** The object prefixes the role may write (the data and error prefixes without expressions). */
  readonly writablePrefixes: readonly string[];
  readonly bufferingIntervalSeconds: number;
  readonly bufferingSizeMiB: number;
  readonly compressionFormat: string;
  readonly logRetentionDays: number;
  /** Removal of the log group and its log stream (the decision already made). */
  readonly logRemovalPolicy: RemovalPolicy;
}

/** What the delivery made. */
export interface Delivery {
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly logStream: logs.LogStream;
  readonly deliveryStream: firehose.CfnDeliveryStream;
}

/**
 * A Firehose stream from the Kinesis stream into the bucket, with its role and error log.
 *
 * Deployability: the role carries its whole policy inline, so the Firehose stream (which
 * references the role) is created only once every permission exists; the log group is
 * encrypted with the stream key, whose policy lets the regional logs service use it for that
 * log group only, before the log group exists; the Firehose stream references the log group
 * and log stream, so they exist before it logs.
 */
export function createDelivery(scope: Construct, o: DeliveryOptions): Delivery {
  const stack = Stack.of(scope);
  const logGroupName = `/aws/kinesisfirehose/${o.deliveryStreamName}`;
  const logGroup = encryptedLogGroup(scope, 'DeliveryLogGroup', {
    logGroupName,
    key: o.streamKey,
    retentionDays: o.logRetentionDays,
    removalPolicy: o.logRemovalPolicy,
  });
  const logStream = new logs.LogStream(scope, 'DeliveryLogStream', {
    logGroup,
    logStreamName: DELIVERY_LOG_STREAM_NAME,
    removalPolicy: o.logRemovalPolicy,
  });
  const logStreamArn = Arn.format(
    {
      service: 'logs',
      resource: 'log-group',
      resourceName: `${logGroupName}:log-stream:${DELIVERY_LOG_STREAM_NAME}`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    },
    stack,
  );

  const role = new iam.Role(scope, 'DeliveryRole', {
    // Firehose passes the account as the external id: no other account's stream can use the role.
    assumedBy: new iam.ServicePrincipal('firehose.amazonaws.com', {
      conditions: { StringEquals: { 'sts:ExternalId': stack.account } },
    }),
    description: `Firehose delivery of ${o.deliveryStreamName}: reads its stream, writes its prefixes`,
    inlinePolicies: {
      Delivery: new iam.PolicyDocument({
        statements: deliveryPolicyStatements({
          stream: o.stream,
          streamKey: o.streamKey,
          bucket: o.bucket,
          destinationKey: o.destinationKey,
          prefixes: o.writablePrefixes,
          logStreamArn,
        }),
      }),
    },
  });
  acknowledgeWildcards(
    role,
    o.writablePrefixes.map((prefix) => o.bucket.arnForObjects(`${prefix}*`)),
    'Firehose names each object at delivery time (time partitions, random suffix), so writing is scoped to ' +
      "the stream's own data and error prefixes rather than to single objects.",
  );

  const deliveryStream = new firehose.CfnDeliveryStream(scope, 'Delivery', {
    deliveryStreamName: o.deliveryStreamName,
    deliveryStreamType: 'KinesisStreamAsSource',
    kinesisStreamSourceConfiguration: { kinesisStreamArn: o.stream.streamArn, roleArn: role.roleArn },
    extendedS3DestinationConfiguration: {
      bucketArn: o.bucket.bucketArn,
      roleArn: role.roleArn,
      prefix: o.dataPrefix,
      errorOutputPrefix: o.errorPrefix,
      bufferingHints: { intervalInSeconds: o.bufferingIntervalSeconds, sizeInMBs: o.bufferingSizeMiB },
      compressionFormat: o.compressionFormat,
      encryptionConfiguration: { kmsEncryptionConfig: { awskmsKeyArn: o.destinationKey.keyArn } },
      cloudWatchLoggingOptions: {
        enabled: true,
        logGroupName: logGroup.logGroupName,
        logStreamName: logStream.logStreamName,
      },
      s3BackupMode: 'Disabled',
    },
  });
  return { role, logGroup, logStream, deliveryStream };
}
