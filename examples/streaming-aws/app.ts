import { type App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { LakeStorage, StreamIngestion } from 'data-platform-kit/aws';

/** Adds the `StreamingAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'StreamingAws', { env: { region: 'eu-west-1' } });

  // example:start
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
  });

  // Kinesis stream -> Firehose -> raw zone, with alarms to a kit-made, encrypted SNS topic.
  const clickstream = new StreamIngestion(stack, 'Clickstream', {
    platformName: 'sales',
    streamName: 'clickstream',
    lake: lake,
    alertEmailAddresses: ['data-oncall@example.com'],
  });

  const producer = new iam.Role(stack, 'WebApp', {
    assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
    description: 'Web app that sends click events',
  });
  clickstream.grantWrite(producer);

  const consumer = new iam.Role(stack, 'Personalizer', {
    assumedBy: new iam.AccountRootPrincipal(),
    description: 'Reads click events as they happen',
  });
  clickstream.grantRead(consumer);
  // example:end

  return [stack];
}
