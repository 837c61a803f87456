import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as kinesis from 'aws-cdk-lib/aws-kinesis';
import type { Construct } from 'constructs';
import type { INotificationTarget } from '../../monitoring/notification-target';

/** The period every stream alarm evaluates, in minutes. */
export const STREAM_ALARM_PERIOD_MINUTES = 5;

/** What the stream alarms watch and where they notify. */
export interface StreamAlarmOptions {
  /** The source stream. */
  readonly stream: kinesis.IStream;
  /** Name (or `Ref`) of the Firehose stream. */
  readonly deliveryStreamName: string;
  /** Human-readable `<platform>/<stream> to <zone>` label for the alarm descriptions. */
  readonly label: string;
  readonly iteratorAgeThresholdMilliseconds: number;
  readonly dataFreshnessThresholdSeconds: number;
  readonly target: INotificationTarget;
}

/** The stream alarms, one per signal. */
export interface StreamAlarms {
  readonly iteratorAge: cloudwatch.Alarm;
  readonly dataFreshness: cloudwatch.Alarm;
  readonly deliverySuccess: cloudwatch.Alarm;
}

/**
 * The alarms that say data is not arriving or piling up, each sending ALARM and OK to the
 * target: the Kinesis read lag (`GetRecords.IteratorAgeMilliseconds`, maximum), the age of the
 * oldest record Firehose has not delivered (`DeliveryToS3.DataFreshness`, maximum) and failed
 * S3 puts (`DeliveryToS3.Success`, minimum below 1). Firehose polls its source stream
 * continuously, so missing iterator-age data means nothing reads the stream: it breaches.
 * Idle delivery metrics are missing too, and that is not a failure.
 */
export function createStreamAlarms(scope: Construct, o: StreamAlarmOptions): StreamAlarms {
  const period = Duration.minutes(STREAM_ALARM_PERIOD_MINUTES);
  const firehoseMetric = (metricName: string, statistic: string) =>
    new cloudwatch.Metric({
      namespace: 'AWS/Firehose',
      metricName,
      dimensionsMap: { DeliveryStreamName: o.deliveryStreamName },
      statistic,
      period,
    });
  const common = { evaluationPeriods: 1, datapointsToAlarm: 1 };

  const iteratorAge = new cloudwatch.Alarm(scope, 'IteratorAgeAlarm', {
    ...common,
    metric: o.stream.metricGetRecordsIteratorAgeMilliseconds({ statistic: 'Maximum', period }),
    threshold: o.iteratorAgeThresholdMilliseconds,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    alarmDescription: `${o.label}: records wait in the Kinesis stream longer than the threshold, or nothing reads it.`,
  });
  const dataFreshness = new cloudwatch.Alarm(scope, 'DataFreshnessAlarm', {
    ...common,
    metric: firehoseMetric('DeliveryToS3.DataFreshness', 'Maximum'),
    threshold: o.dataFreshnessThresholdSeconds,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `${o.label}: the oldest record not yet delivered to S3 is older than the threshold.`,
  });
  const deliverySuccess = new cloudwatch.Alarm(scope, 'DeliverySuccessAlarm', {
    ...common,
    metric: firehoseMetric('DeliveryToS3.Success', 'Minimum'),
    threshold: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `${o.label}: Firehose failed to put objects into S3; it retries for up to 24 hours, then drops the data.`,
  });
  for (const alarm of [iteratorAge, dataFreshness, deliverySuccess]) o.target.notifyOn(alarm);
  return { iteratorAge, dataFreshness, deliverySuccess };
}
