import * as path from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { ACME_MESH } from '../data-mesh-spec';
import { DataMesh, SparkJobScript } from 'data-platform-kit/aws';

/** Adds the ACME data mesh's stacks to `app` and returns them. */
export function build(app: App): Stack[] {
  // example:start
  // The shared mesh spec, rendered on AWS across two accounts: governance and sales in one,
  // marketing and finance in the other. Stacks deploy governance → identities → products.
  const CENTRAL = { account: '111111111111', region: 'eu-west-1' }; // placeholder accounts
  const ANALYTICS = { account: '222222222222', region: 'eu-west-1' };
  const jobs = path.join(__dirname, '..', 'jobs');
  const mesh = new DataMesh(app, 'AcmeMesh', {
    ...ACME_MESH,
    governanceEnv: CENTRAL,
    domainOptions: {
      sales: {
        env: CENTRAL,
        stepScripts: {
          'daily/clean': SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
          'daily/publish': SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
        },
      },
      marketing: { env: ANALYTICS },
      finance: { env: ANALYTICS },
    },
    // Subscriptions are checked against a fixed day so the example synthesizes the same output every day.
    today: '2027-01-15',
  });
  // example:end
  return Object.values(mesh.stacks);
}
