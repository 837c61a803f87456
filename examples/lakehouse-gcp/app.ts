import * as path from 'node:path';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { type App, TerraformStack } from 'cdktf';
import { SALES_LAKEHOUSE } from '../lakehouse-spec';
import { Lakehouse, SparkJobScript } from 'data-platform-kit/gcp';

/** Adds the `lakehouse-gcp` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'lakehouse-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });

  // example:start
  // The shared spec, plus where the data lives on GCP and the script each pipeline step runs.
  const jobs = path.join(__dirname, '..', 'jobs');
  new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    project: 'acme-data-dev',
    location: 'europe-west1',
    stepScripts: {
      'daily-orders/clean': SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
      'daily-orders/publish': SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
    },
  });
  // example:end

  return [stack];
}
