import * as path from 'node:path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { type App, TerraformStack } from 'cdktf';
import { LakeStorage, Network, NotificationTarget, Pipeline, SparkJobScript } from 'data-platform-kit/gcp';

/** Adds the `pipeline-gcp` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'pipeline-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });

  // example:start
  // Dataproc Serverless needs ingress between its VMs inside the subnet.
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    region: 'europe-west1',
    allowInternalIngress: true,
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    location: 'europe-west1',
  });
  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    emailAddresses: ['data-oncall@acme.com'],
  });

  // Every day at 03:00 Brussels time: raw → curated, then curated → serving, running the scripts
  // the stack uploads to the pipeline's code bucket. Each step runs as its own service account
  // that reads its source zone and writes its target zone, nothing else.
  new Pipeline(stack, 'Daily', {
    platformName: 'sales',
    pipelineName: 'daily',
    lake,
    network,
    notificationTarget: alerts,
    schedule: { cron: '0 3 * * *', timeZone: 'Europe/Brussels' },
    steps: [
      {
        name: 'clean',
        sourceZone: 'raw',
        targetZone: 'curated',
        script: SparkJobScript.fromAsset(path.join(__dirname, '..', 'jobs', 'clean_orders.py')),
        args: ['--date', 'yesterday'],
      },
      {
        name: 'publish',
        sourceZone: 'curated',
        targetZone: 'serving',
        script: SparkJobScript.fromAsset(path.join(__dirname, '..', 'jobs', 'publish_orders.py')),
        properties: { 'spark.executor.instances': '2' },
      },
    ],
  });
  // example:end

  return [stack];
}
