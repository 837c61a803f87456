import * as path from 'node:path';
import { type App, Stack, TimeZone } from 'aws-cdk-lib';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LakeStorage, Network, NotificationTarget, Pipeline, SparkJobScript } from 'data-platform-kit/aws';

/** Adds the `PipelineAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'PipelineAws', { env: { region: 'eu-west-1' } });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    encryptionKey: lake.encryptionKey,
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    emailAddresses: ['data-oncall@example.com'],
  });

  // raw -> curated -> serving, every day at 02:00 Brussels time. Each step is a Glue Spark job in
  // the private network whose role reads its source zone and writes its target zone, nothing else;
  // a failed or timed-out run alerts the topic.
  new Pipeline(stack, 'Orders', {
    platformName: 'sales',
    pipelineName: 'orders',
    lake,
    network,
    steps: [
      {
        name: 'clean',
        sourceZone: 'raw',
        targetZone: 'curated',
        script: SparkJobScript.fromAsset(path.join(__dirname, '..', 'jobs', 'clean_orders.py')),
      },
      {
        name: 'publish',
        sourceZone: 'curated',
        targetZone: 'serving',
        script: SparkJobScript.fromAsset(path.join(__dirname, '..', 'jobs', 'publish_orders.py')),
        workerCount: 4,
      },
    ],
    schedule: ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.EUROPE_BRUSSELS }),
    notificationTarget: alerts,
  });
  // example:end

  return [stack];
}
