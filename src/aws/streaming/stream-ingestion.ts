import { type CfnResource, Duration } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, type IConstruct } from 'constructs';
import { acknowledgeStreamIngestionFindings } from './acknowledgements';
import { grantStreamAccess } from './perms';
import { CommonDefaults, isUnresolved, type StreamIngestionCommonProps } from '../../core/internal';
import { type INotificationTarget, NotificationTarget } from '../monitoring/notification-target';
import { assertNotPublic } from '../private/principals';
import { createStreamAlarms, type StreamAlarms } from './private/stream-alarms';
import { createDelivery, type Delivery } from './private/stream-delivery';
import { resolveStreamSettings, type StreamSettings } from './private/stream-settings';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** How Firehose compresses the objects it writes (its `CompressionFormat` values). */
export enum DeliveryCompression {
  /** gzip: readable by Athena, Spark and Redshift Spectrum. */
  GZIP = 'GZIP',
  /** Raw Snappy framing. */
  SNAPPY = 'Snappy',
  /** Hadoop-compatible Snappy. */
  HADOOP_SNAPPY = 'HADOOP_SNAPPY',
  /** ZIP. */
  ZIP = 'ZIP',
  /** No compression. */
  UNCOMPRESSED = 'UNCOMPRESSED',
}

/** Props of the AWS {@link StreamIngestion}. */
export interface StreamIngestionProps extends StreamIngestionCommonProps {
  /** The lake the stream lands in: Firehose writes into the bucket of `zone`. */
  readonly lake: ILakeStorage;
  /**
   * The key the Kinesis stream and the delivery log group are encrypted with. Objects in the
   * lake are always encrypted with the lake's key, so its readers can decrypt them.
   * @default - the lake's key (`lake.encryptionKey`)
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Shards of a provisioned stream (1-10000). Setting it switches the stream from on-demand to
   * provisioned capacity.
   * @default - on-demand capacity
   */
  readonly shardCount?: number;
  /**
   * Seconds Firehose buffers records before writing an object (0-900).
   * @default 300
   */
  readonly bufferingIntervalSeconds?: number;
  /**
   * MiB Firehose buffers before writing an object (1-128), whichever of interval and size
   * comes first. Larger objects mean fewer small files for the lake's readers.
   * @default 64
   */
  readonly bufferingSizeMiB?: number;
  /**
   * Compression of the delivered objects.
   * @default DeliveryCompression.GZIP
   */
  readonly compression?: DeliveryCompression;
  /**
   * Days the delivery error log keeps events (a retention CloudWatch Logs accepts: 1, 3, 5, 7,
   * 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Where the alarms notify.
   * @default - a new {@link NotificationTarget} (topic and alerts key) owned by this construct
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * Email addresses subscribed to the kit-made notification target. Cannot be combined with
   * `notificationTarget` (subscribe to your own topic yourself).
   * @default - no subscriptions
   */
  readonly alertEmailAddresses?: readonly string[];
  /**
   * Alarm when the oldest record read from the stream is older than this, in milliseconds
   * (the unit of `GetRecords.IteratorAgeMilliseconds`); below the stream's retention.
   * @default 600000 (10 minutes)
   */
  readonly iteratorAgeThresholdMilliseconds?: number;
  /**
   * Alarm when the oldest record Firehose has not delivered is older than this, in seconds
   * (the unit of `DeliveryToS3.DataFreshness`); above `bufferingIntervalSeconds`, at most 86400.
   * @default 900 (15 minutes)
   */
  readonly dataFreshnessThresholdSeconds?: number;
}

/** A stream the kit's blocks can grant on: one the kit made or one a user brought. */
export interface IStreamIngestion extends IConstruct {
  /** The Kinesis data stream. */
  readonly stream: kinesis.IStream;
  /** ARN of the Kinesis data stream. */
  readonly streamArn: string;
  /** The key the stream is encrypted with. */
  readonly encryptionKey: IEncryptionKey;
  /**
   * Lets `producer` put records into the stream (and encrypt them with its key). Returns the
   * grant. Throws `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions.
   */
  grantWrite(producer: iam.IGrantable): iam.Grant;
  /** Lets `consumer` read records from the stream (and decrypt them). Returns the grant. */
  grantRead(consumer: iam.IGrantable): iam.Grant;
}

/** What identifies a stream made elsewhere. */
export interface StreamIngestionAttributes {
  /** ARN of the Kinesis data stream. */
  readonly streamArn: string;
  /** The key the stream is encrypted with. */
  readonly encryptionKey: IEncryptionKey;
}

/** Grants shared by the kit's stream and an imported one. */
abstract class StreamIngestionBase extends Construct implements IStreamIngestion {
  public abstract readonly stream: kinesis.IStream;
  public abstract readonly encryptionKey: IEncryptionKey;

  public get streamArn(): string {
    return this.stream.streamArn;
  }

  public grantWrite(producer: iam.IGrantable): iam.Grant {
    assertNotPublic(this, producer, 'producer');
    return grantStreamAccess(producer, this.stream, this.encryptionKey, 'write');
  }

  public grantRead(consumer: iam.IGrantable): iam.Grant {
    assertNotPublic(this, consumer, 'consumer');
    return grantStreamAccess(consumer, this.stream, this.encryptionKey, 'read');
  }
}
// The public StreamIngestion extends it: exported as a type so the API can name it, not to subclass.
export type { StreamIngestionBase };

class ImportedStreamIngestion extends StreamIngestionBase {
  public readonly stream: kinesis.IStream;
  public readonly encryptionKey: IEncryptionKey;

  constructor(scope: Construct, id: string, attrs: StreamIngestionAttributes) {
    super(scope, id);
    this.encryptionKey = attrs.encryptionKey;
    this.stream = kinesis.Stream.fromStreamAttributes(this, 'Stream', {
      streamArn: attrs.streamArn,
      encryptionKey: attrs.encryptionKey.key,
    });
  }
}

/**
 * Streaming ingestion into the lake: a Kinesis data stream and a Firehose stream that lands
 * its records in one zone's bucket (the raw zone by default), with alarms.
 *
 * Secure defaults: the stream is encrypted with the kit's key (the lake's unless given),
 * on-demand, keeps records 24 hours and is retained (`DeletionPolicy: RetainExceptOnCreate`; DESTROY also
 * needs the `data-platform-kit:removeDataOnDestroy` flag). Firehose writes GZIP objects under
 * `<stream>/year=…/month=…/day=…/hour=…/`, failed records under
 * `errors/<stream>/<error type>/year=…/`, encrypted with the lake's key; delivery errors go to an
 * encrypted, retained log group (365 days). Its role reads that one stream, writes those two
 * prefixes of that one bucket and uses the keys only through Kinesis and S3. Alarms on read lag,
 * delivery freshness and failed deliveries notify a {@link NotificationTarget}.
 *
 * @see https://docs.aws.amazon.com/firehose/latest/dev/writing-with-kinesis-streams.html
 * @see https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
 * const clicks = new StreamIngestion(stack, 'Clicks', { platformName: 'sales', streamName: 'clicks', lake: lake });
 * clicks.grantWrite(webAppRole);
 */
export class StreamIngestion extends StreamIngestionBase {
  /** Zone the stream lands in when none is given. */
  public static readonly DEFAULT_ZONE: string = CommonDefaults.STREAM_ZONE;
  /** Hours the stream keeps records when none is given. */
  public static readonly DEFAULT_RETENTION_HOURS: number = CommonDefaults.STREAM_RETENTION_HOURS;
  /** Retention Kinesis allows, in hours: 24 to 8760 (365 days). */
  public static readonly RETENTION_HOURS_RANGE = { min: 24, max: 8760 } as const;
  /** Shards of a provisioned stream: 1 to 10000, kit policy (raise the account quota first). */
  public static readonly SHARD_COUNT_RANGE = { min: 1, max: 10000 } as const;
  /** Buffering interval when none is given, in seconds. */
  public static readonly DEFAULT_BUFFERING_INTERVAL_SECONDS = 300;
  /** Buffering interval Firehose allows, in seconds: 0 to 900. */
  public static readonly BUFFERING_INTERVAL_SECONDS_RANGE = { min: 0, max: 900 } as const;
  /** Buffer size when none is given, in MiB. */
  public static readonly DEFAULT_BUFFERING_SIZE_MIB = 64;
  /** Buffer size Firehose allows, in MiB: 1 to 128. */
  public static readonly BUFFERING_SIZE_MIB_RANGE = { min: 1, max: 128 } as const;
  /** Compression when none is given. */
  public static readonly DEFAULT_COMPRESSION = DeliveryCompression.GZIP;
  /** Days the delivery error log keeps events when none is given. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Iterator-age alarm threshold when none is given: 10 minutes, in milliseconds. */
  public static readonly DEFAULT_ITERATOR_AGE_THRESHOLD_MILLISECONDS = 600_000;
  /** Data-freshness alarm threshold when none is given: 15 minutes, in seconds. */
  public static readonly DEFAULT_DATA_FRESHNESS_THRESHOLD_SECONDS = 900;
  /**
   * Data-freshness alarm threshold, in seconds: 1 to 86400 (Firehose retries S3 delivery for at
   * most 24 hours); it must also exceed the buffering interval.
   */
  public static readonly DATA_FRESHNESS_THRESHOLD_SECONDS_RANGE = { min: 1, max: 86400 } as const;

  /** Wraps a Kinesis stream made elsewhere (by the kit or not) so principals can be granted on it. */
  public static fromStreamAttributes(
    scope: Construct,
    id: string,
    attrs: StreamIngestionAttributes,
  ): IStreamIngestion {
    return new ImportedStreamIngestion(scope, id, attrs);
  }

  /** The Kinesis data stream (escape hatch). */
  public readonly stream: kinesis.Stream;
  /** The key the stream and the delivery log group are encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** The zone the stream lands in. */
  public readonly zone: string;
  /** The zone bucket Firehose writes to. */
  public readonly bucket: s3.IBucket;
  /** Object prefix of delivered records, with Firehose's time-partition expressions. */
  public readonly dataPrefix: string;
  /** Object prefix of records Firehose could not process, by error type and time. */
  public readonly errorPrefix: string;
  /** The Firehose stream (escape hatch, L1). */
  public readonly deliveryStream: firehose.CfnDeliveryStream;
  /** The role Firehose delivers with. */
  public readonly deliveryRole: iam.Role;
  /** The encrypted log group of delivery errors. */
  public readonly deliveryLogGroup: logs.LogGroup;
  /** Where the alarms notify (brought or kit-made). */
  public readonly notificationTarget: INotificationTarget;
  /** Alarm on `GetRecords.IteratorAgeMilliseconds` (maximum above the threshold). */
  public readonly iteratorAgeAlarm: cloudwatch.Alarm;
  /** Alarm on `DeliveryToS3.DataFreshness` (maximum above the threshold). */
  public readonly dataFreshnessAlarm: cloudwatch.Alarm;
  /** Alarm on `DeliveryToS3.Success` (minimum below 1: some S3 puts failed). */
  public readonly deliverySuccessAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: StreamIngestionProps) {
    super(scope, id);
    const settings = resolveStreamSettings(this, props);
    this.zone = settings.zone;
    this.bucket = props.lake.bucketFor(settings.zone);
    this.encryptionKey = settings.encryptionKey;
    this.dataPrefix = settings.dataPrefix;
    this.errorPrefix = settings.errorPrefix;

    this.stream = this.createStream(settings);
    const delivery = this.createDeliveryStream(props, settings);
    this.deliveryStream = delivery.deliveryStream;
    this.deliveryRole = delivery.role;
    this.deliveryLogGroup = delivery.logGroup;
    this.notificationTarget = props.notificationTarget ?? this.createNotificationTarget(props, settings);
    const alarms = this.createAlarms(settings);
    this.iteratorAgeAlarm = alarms.iteratorAge;
    this.dataFreshnessAlarm = alarms.dataFreshness;
    this.deliverySuccessAlarm = alarms.deliverySuccess;

    acknowledgeStreamIngestionFindings({
      stream: this.stream.node.defaultChild as CfnResource,
      delivery: this.deliveryStream,
    });
    applyTags(this, settings.tags);
  }

  /** The encrypted Kinesis data stream, on-demand unless a shard count is given. */
  private createStream(settings: StreamSettings): kinesis.Stream {
    const { retentionHours } = settings;
    const stream = new kinesis.Stream(this, 'Stream', {
      streamName: settings.streamName,
      streamMode:
        settings.shardCount === undefined ? kinesis.StreamMode.ON_DEMAND : kinesis.StreamMode.PROVISIONED,
      shardCount: settings.shardCount,
      // aws-cdk-lib compares the duration with its limits, which fails on a token: a token goes
      // straight to the CloudFormation property instead (validated at deploy time).
      retentionPeriod: isUnresolved(retentionHours) ? undefined : Duration.hours(retentionHours),
      encryption: kinesis.StreamEncryption.KMS,
      encryptionKey: this.encryptionKey.key,
      removalPolicy: settings.removalPolicy,
    });
    if (isUnresolved(retentionHours)) {
      (stream.node.defaultChild as kinesis.CfnStream).retentionPeriodHours = retentionHours;
    }
    return stream;
  }

  /** The Firehose stream into the zone's bucket, with its role and error log group. */
  private createDeliveryStream(props: StreamIngestionProps, settings: StreamSettings): Delivery {
    return createDelivery(this, {
      deliveryStreamName: settings.deliveryStreamName,
      stream: this.stream,
      streamKey: this.encryptionKey,
      bucket: this.bucket,
      destinationKey: props.lake.encryptionKey,
      dataPrefix: this.dataPrefix,
      errorPrefix: this.errorPrefix,
      writablePrefixes: settings.writablePrefixes,
      bufferingIntervalSeconds: settings.bufferingIntervalSeconds,
      bufferingSizeMiB: settings.bufferingSizeMiB,
      compressionFormat: settings.compression,
      logRetentionDays: settings.logRetentionDays,
      logRemovalPolicy: settings.removalPolicy,
    });
  }

  /** The alerts topic, when none is brought. */
  private createNotificationTarget(
    props: StreamIngestionProps,
    settings: StreamSettings,
  ): NotificationTarget {
    return new NotificationTarget(this, 'Alerts', {
      platformName: settings.platform,
      purpose: `${settings.name}-alerts`,
      emailAddresses: props.alertEmailAddresses,
      removalPolicy: props.removalPolicy,
      tags: props.tags,
    });
  }

  /** Alarms on read lag, delivery freshness and failed deliveries, to the notification target. */
  private createAlarms(settings: StreamSettings): StreamAlarms {
    return createStreamAlarms(this, {
      stream: this.stream,
      deliveryStreamName: this.deliveryStream.ref,
      label: `${settings.platform}/${settings.name} to ${settings.zone}`,
      iteratorAgeThresholdMilliseconds: settings.iteratorAgeThresholdMilliseconds,
      dataFreshnessThresholdSeconds: settings.dataFreshnessThresholdSeconds,
      target: this.notificationTarget,
    });
  }
}
