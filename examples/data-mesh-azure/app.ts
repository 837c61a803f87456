import type { App, TerraformStack } from 'cdktf';
import { ACME_MESH } from '../data-mesh-spec';
import { DataMesh, SparkJobScript } from 'data-platform-kit/azure';

/** Adds the ACME data mesh's stacks to `app` and returns them. */
export function build(app: App): TerraformStack[] {
  // example:start
  // The shared mesh spec, rendered on Azure: governance (the data management zone) and sales in
  // one subscription, marketing and finance each in its own landing zone. Stacks deploy
  // governance → identities → products.
  const CENTRAL = '11111111-1111-4111-8111-111111111111'; // placeholder subscriptions
  const mesh = new DataMesh(app, 'AcmeMesh', {
    ...ACME_MESH,
    location: 'westeurope',
    governanceSubscriptionId: CENTRAL,
    domainOptions: {
      sales: {
        subscriptionId: CENTRAL,
        // The Synapse notebooks each pipeline step runs (published in the sales workspace).
        stepScripts: {
          'daily/clean': SparkJobScript.fromNotebook('clean_orders'),
          'daily/publish': SparkJobScript.fromNotebook('publish_orders'),
        },
      },
      marketing: { subscriptionId: '22222222-2222-4222-8222-222222222222' },
      finance: { subscriptionId: '33333333-3333-4333-8333-333333333333', addressSpace: '10.30.0.0/16' },
    },
    // terraform apply runs on a runner inside the hub (or a network peered with it): the vaults
    // and the contract store have no public endpoint.
    deployerInsideNetwork: true,
    // Subscriptions are checked against a fixed day so the example synthesizes the same output every day.
    today: '2027-01-15',
  });
  // example:end
  return Object.values(mesh.stacks);
}
