/**
 * The scaling app: one generated lakehouse with `n` streams and `n` two-step pipelines on one
 * cloud, built and gated the way the lakehouse examples are (AWS: cdk-nag's AwsSolutions and the
 * kit's pack as validation plugins; GCP and Azure: the kit's pack before synth), so time and
 * memory can be read against size.
 *
 * Usage: node --require tsx/cjs scripts/bench/scale-app.ts <aws|gcp|azure> <n> <outdir>
 */
/* eslint-disable @typescript-eslint/no-require-imports -- each cloud loads only its own engine, as a user's app does */
import * as path from 'node:path';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import type { LakehouseSpec } from 'data-platform-kit/patterns';

const [cloud, count, outdir] = process.argv.slice(2);
const n = Number(count);
if (!['aws', 'gcp', 'azure'].includes(cloud) || !(n >= 1) || !outdir) {
  throw new Error('Usage: scale-app.ts <aws|gcp|azure> <n ≥ 1> <outdir>');
}

/** The example's spec with `n` streams and `n` pipelines (raw → curated → serving). */
const spec: LakehouseSpec = {
  ...SALES_LAKEHOUSE,
  streams: Array.from({ length: n }, (_, i) => ({ name: `stream-${i + 1}`, retentionHours: 48 })),
  pipelines: Array.from({ length: n }, (_, i) => ({
    name: `pipeline-${i + 1}`,
    steps: [
      { name: 'clean', sourceZone: 'raw', targetZone: 'curated' },
      { name: 'publish', sourceZone: 'curated', targetZone: 'serving' },
    ],
    schedule: { cron: '0 2 * * *', timeZone: 'Etc/UTC' },
  })),
};
const JOB = path.join(__dirname, '..', '..', 'examples', 'jobs', 'clean_orders.py');

/** One script per pipeline step, keyed `<pipeline>/<step>`. */
function stepScripts<S>(script: (key: string) => S): Record<string, S> {
  return Object.fromEntries(
    (spec.pipelines ?? []).flatMap((p) =>
      p.steps.map((s) => [`${p.name}/${s.name}`, script(`${p.name}/${s.name}`)]),
    ),
  );
}

function aws(): void {
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { AwsSolutionsChecks } = require('cdk-nag') as typeof import('cdk-nag');
  const kit = require('data-platform-kit/aws') as typeof import('data-platform-kit/aws');
  const { DataPlatformChecks } =
    require('data-platform-kit/aws/compliance') as typeof import('data-platform-kit/aws/compliance');
  // Past ~6 streams + pipelines one stack exceeds CloudFormation's 500 resources: deployable only
  // split across stacks. The limit check is lifted here to measure synth time against size.
  const app = new cdk.App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
  const stack = new cdk.Stack(app, 'LakehouseAws', { env: { region: 'eu-west-1' } });
  new kit.Lakehouse(stack, 'Lakehouse', {
    ...spec,
    stepScripts: stepScripts(() => kit.SparkJobScript.fromAsset(JOB)),
  });
  app.synth();
}

function gcp(): void {
  const cdktf = require('cdktf') as typeof import('cdktf');
  const { GoogleProvider } =
    require('@cdktf/provider-google/lib/provider') as typeof import('@cdktf/provider-google/lib/provider');
  const kit = require('data-platform-kit/gcp') as typeof import('data-platform-kit/gcp');
  const pack =
    require('data-platform-kit/gcp/compliance') as typeof import('data-platform-kit/gcp/compliance');
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'lakehouse-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });
  new kit.Lakehouse(stack, 'Lakehouse', {
    ...spec,
    project: 'acme-data-dev',
    location: 'europe-west1',
    stepScripts: stepScripts(() => kit.SparkJobScript.fromAsset(JOB)),
  });
  const report = pack.checkCompliance(app);
  if (report.findings.length > 0) throw new Error(pack.formatFindings(report.findings));
  app.synth();
}

function azure(): void {
  const cdktf = require('cdktf') as typeof import('cdktf');
  const { AzurermProvider } =
    require('@cdktf/provider-azurerm/lib/provider') as typeof import('@cdktf/provider-azurerm/lib/provider');
  const { ResourceGroup } =
    require('@cdktf/provider-azurerm/lib/resource-group') as typeof import('@cdktf/provider-azurerm/lib/resource-group');
  const kit = require('data-platform-kit/azure') as typeof import('data-platform-kit/azure');
  const pack =
    require('data-platform-kit/azure/compliance') as typeof import('data-platform-kit/azure/compliance');
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'lakehouse-azure');
  const provider = new AzurermProvider(stack, 'Azurerm', {
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  kit.registerKitResourceProviders(provider);
  const rg = new ResourceGroup(stack, 'ResourceGroup', {
    name: 'rg-sales-lakehouse',
    location: 'westeurope',
  });
  new kit.Lakehouse(stack, 'Lakehouse', {
    ...spec,
    resourceGroup: rg,
    deployerInsideNetwork: true,
    // Synapse notebooks, one per step (published to the workspace outside the deployment).
    stepScripts: stepScripts((key) => kit.SparkJobScript.fromNotebook(key.replace(/[^a-z0-9]/g, '_'))),
  });
  const report = pack.checkCompliance(app);
  if (report.findings.length > 0) throw new Error(pack.formatFindings(report.findings));
  app.synth();
}

({ aws, gcp, azure })[cloud as 'aws' | 'gcp' | 'azure']();
