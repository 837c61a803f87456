import * as path from 'node:path';
import { type App, Stack, TimeZone } from 'aws-cdk-lib';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import {
  Catalog,
  icebergArguments,
  LakeStorage,
  Network,
  NotificationTarget,
  Pipeline,
  SparkJobScript,
} from 'data-platform-kit/aws';
import { acknowledgeRule, wildcardResourceFindingId } from 'data-platform-kit/aws/compliance';

/** Adds the `PipelineAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'PipelineAws', { env: { region: 'eu-west-1' } });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    encryptionKey: lake.encryptionKey,
  });
  // The jobs write Apache Iceberg tables through the Glue Data Catalog (Lake Formation): the step
  // that writes a zone creates and updates its tables.
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    emailAddresses: ['data-oncall@example.com'],
  });

  // raw -> curated -> serving, every day at 02:00 Brussels time. Each step is a Glue Spark job in
  // the private network whose role reads its source zone and writes its target zone, nothing else;
  // a failed or timed-out run alerts the topic.
  const pipeline = new Pipeline(stack, 'Orders', {
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
        arguments: icebergArguments(catalog, 'raw', 'curated'),
      },
      {
        name: 'publish',
        sourceZone: 'curated',
        targetZone: 'serving',
        script: SparkJobScript.fromAsset(path.join(__dirname, '..', 'jobs', 'publish_orders.py')),
        workerCount: 4,
        arguments: icebergArguments(catalog, 'curated', 'serving'),
      },
    ],
    schedule: ScheduleExpression.cron({ minute: '0', hour: '2', timeZone: TimeZone.EUROPE_BRUSSELS }),
    notificationTarget: alerts,
  });
  const jobGrants = pipeline.steps.map((step, i) => {
    const role = pipeline.jobs[i].role;
    return {
      role,
      grants: [catalog.grantRead(role, step.sourceZone), catalog.grantReadWrite(role, step.targetZone)],
    };
  });
  // example:end

  for (const { role, grants } of jobGrants) {
    for (const arn of new Set(grants.flatMap((g) => g.wildcardResourceArns))) {
      acknowledgeRule(role, {
        id: wildcardResourceFindingId(role, arn),
        reason:
          'A step reads every table of its source zone and creates and updates every table of its target zone.',
      });
    }
  }

  return [stack];
}
