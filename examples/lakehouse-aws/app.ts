import * as path from 'node:path';
import { type App, Stack } from 'aws-cdk-lib';
import { SALES_LAKEHOUSE } from '../lakehouse-spec';
import { Lakehouse, SparkJobScript } from 'data-platform-kit/aws';

/** Adds the `LakehouseAws` stack to `app` and returns it. */
export function build(app: App): Stack[] {
  const stack = new Stack(app, 'LakehouseAws', { env: { region: 'eu-west-1' } });

  // example:start
  // The shared spec, plus what only AWS needs: the script each pipeline step runs.
  const jobs = path.join(__dirname, '..', 'jobs');
  new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    stepScripts: {
      'daily-orders/clean': SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
      'daily-orders/publish': SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
    },
  });
  // example:end

  return [stack];
}
