import { CfnParameter, Token } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ALARM, idOf, synthStream } from './support';
import { NotificationTarget, StreamIngestion } from '../../../src/aws';
import { STREAM_ALARM_PERIOD_MINUTES } from '../../../src/aws/streaming/private/stream-alarms';
import { newAwsStack } from '../../helpers/aws-stack';

/** The alarm on `metricName` (exactly one). */
function alarmOn(template: Template, metricName: string): Record<string, any> {
  const found = Object.values(template.findResources(ALARM, { Properties: { MetricName: metricName } }));
  expect(found).toHaveLength(1);
  return found[0].Properties;
}

describe('StreamIngestion alarms', () => {
  test('three alarms, each evaluating one STREAM_ALARM_PERIOD_MINUTES (5) period', () => {
    const { template } = synthStream();
    expect(STREAM_ALARM_PERIOD_MINUTES).toBe(5);
    template.resourceCountIs(ALARM, 3);
    template.allResourcesProperties(ALARM, { Period: 300, EvaluationPeriods: 1, DatapointsToAlarm: 1 });
  });

  test('iterator age: Kinesis GetRecords.IteratorAgeMilliseconds, maximum above DEFAULT_ITERATOR_AGE_THRESHOLD_MILLISECONDS (600000); no data breaches', () => {
    const { ingestion, stack, template } = synthStream();
    expect(StreamIngestion.DEFAULT_ITERATOR_AGE_THRESHOLD_MILLISECONDS).toBe(600_000);
    expect(alarmOn(template, 'GetRecords.IteratorAgeMilliseconds')).toMatchObject({
      Namespace: 'AWS/Kinesis',
      Dimensions: [{ Name: 'StreamName', Value: { Ref: idOf(stack, ingestion.stream) } }],
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 600_000,
      TreatMissingData: 'breaching',
    });
    expect(stack.resolve(ingestion.iteratorAgeAlarm.alarmArn)).toEqual({
      'Fn::GetAtt': [idOf(stack, ingestion.iteratorAgeAlarm), 'Arn'],
    });
  });

  test('data freshness: Firehose DeliveryToS3.DataFreshness, maximum above DEFAULT_DATA_FRESHNESS_THRESHOLD_SECONDS (900)', () => {
    const { ingestion, stack, template } = synthStream();
    expect(StreamIngestion.DEFAULT_DATA_FRESHNESS_THRESHOLD_SECONDS).toBe(900);
    expect(alarmOn(template, 'DeliveryToS3.DataFreshness')).toMatchObject({
      Namespace: 'AWS/Firehose',
      Dimensions: [
        { Name: 'DeliveryStreamName', Value: { Ref: stack.getLogicalId(ingestion.deliveryStream) } },
      ],
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 900,
      TreatMissingData: 'notBreaching',
    });
  });

  test('delivery failures: Firehose DeliveryToS3.Success, minimum below 1', () => {
    const { ingestion, stack, template } = synthStream();
    expect(alarmOn(template, 'DeliveryToS3.Success')).toMatchObject({
      Namespace: 'AWS/Firehose',
      Dimensions: [
        { Name: 'DeliveryStreamName', Value: { Ref: stack.getLogicalId(ingestion.deliveryStream) } },
      ],
      Statistic: 'Minimum',
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  test('every alarm sends ALARM and OK to the kit-made topic', () => {
    const { ingestion, stack, template } = synthStream();
    const topic = { Ref: idOf(stack, (ingestion.notificationTarget as NotificationTarget).topic) };
    for (const metric of [
      'GetRecords.IteratorAgeMilliseconds',
      'DeliveryToS3.DataFreshness',
      'DeliveryToS3.Success',
    ]) {
      expect(alarmOn(template, metric)).toMatchObject({ AlarmActions: [topic], OKActions: [topic] });
    }
  });

  test('iteratorAgeThresholdMilliseconds and dataFreshnessThresholdSeconds set the thresholds', () => {
    const { template } = synthStream({
      iteratorAgeThresholdMilliseconds: 60_000,
      dataFreshnessThresholdSeconds: 3600,
    });
    expect(alarmOn(template, 'GetRecords.IteratorAgeMilliseconds').Threshold).toBe(60_000);
    expect(alarmOn(template, 'DeliveryToS3.DataFreshness').Threshold).toBe(3600);
  });

  test('thresholds as tokens go straight to the alarms', () => {
    const stack = newAwsStack();
    const param = (id: string) => Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
    const { template } = synthStream(
      { iteratorAgeThresholdMilliseconds: param('Age'), dataFreshnessThresholdSeconds: param('Freshness') },
      stack,
    );
    expect(alarmOn(template, 'GetRecords.IteratorAgeMilliseconds').Threshold).toEqual({ Ref: 'Age' });
    expect(alarmOn(template, 'DeliveryToS3.DataFreshness').Threshold).toEqual({ Ref: 'Freshness' });
  });

  test("a user's topic receives every alarm's ALARM and OK", () => {
    const stack = newAwsStack();
    const topic = new sns.Topic(stack, 'Ops');
    const { template } = synthStream({ notificationTarget: NotificationTarget.fromTopic(topic) }, stack);
    template.allResourcesProperties(ALARM, {
      AlarmActions: [{ Ref: idOf(stack, topic) }],
      OKActions: [{ Ref: idOf(stack, topic) }],
    });
  });
});
