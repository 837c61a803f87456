/**
 * The mesh scaling app: a generated data mesh of `n` domains (bench/generated-mesh.ts) on one
 * cloud, built and gated the way the data-mesh examples are (AWS: cdk-nag's AwsSolutions and the
 * kit's pack as validation plugins; GCP and Azure: the kit's pack before synth), so time and
 * memory can be read against the number of domains.
 *
 * Usage: node --require tsx/cjs scripts/bench/mesh-app.ts <aws|gcp|azure> <n> <outdir>
 */
/* eslint-disable @typescript-eslint/no-require-imports -- each cloud loads only its own engine, as a user's app does */
import { generatedMesh } from './generated-mesh';

const [cloud, count, outdir] = process.argv.slice(2);
const n = Number(count);
if (!['aws', 'gcp', 'azure'].includes(cloud) || !(n >= 3) || !outdir) {
  throw new Error('Usage: mesh-app.ts <aws|gcp|azure> <n ≥ 3> <outdir>');
}
const spec = generatedMesh(n);
/** Subscriptions are checked against a fixed day, as the examples do. */
const TODAY = '2027-01-15';

function aws(): void {
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { AwsSolutionsChecks } = require('cdk-nag') as typeof import('cdk-nag');
  const kit = require('data-platform-kit/aws') as typeof import('data-platform-kit/aws');
  const { DataPlatformChecks } =
    require('data-platform-kit/aws/compliance') as typeof import('data-platform-kit/aws/compliance');
  const app = new cdk.App({ outdir });
  cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
  new kit.DataMesh(app, 'Mesh', { ...spec, today: TODAY });
  app.synth();
}

function gcp(): void {
  const cdktf = require('cdktf') as typeof import('cdktf');
  const kit = require('data-platform-kit/gcp') as typeof import('data-platform-kit/gcp');
  const pack =
    require('data-platform-kit/gcp/compliance') as typeof import('data-platform-kit/gcp/compliance');
  const app = new cdktf.App({ outdir });
  new kit.DataMesh(app, 'Mesh', {
    ...spec,
    governanceProject: 'scale-mesh',
    location: 'europe-west1',
    today: TODAY,
  });
  const report = pack.checkCompliance(app);
  if (report.findings.length > 0) throw new Error(pack.formatFindings(report.findings));
  app.synth();
}

function azure(): void {
  const cdktf = require('cdktf') as typeof import('cdktf');
  const kit = require('data-platform-kit/azure') as typeof import('data-platform-kit/azure');
  const pack =
    require('data-platform-kit/azure/compliance') as typeof import('data-platform-kit/azure/compliance');
  const app = new cdktf.App({ outdir });
  new kit.DataMesh(app, 'Mesh', {
    ...spec,
    location: 'westeurope',
    governanceSubscriptionId: '11111111-1111-4111-8111-111111111111',
    deployerInsideNetwork: true,
    today: TODAY,
  });
  const report = pack.checkCompliance(app);
  if (report.findings.length > 0) throw new Error(pack.formatFindings(report.findings));
  app.synth();
}

({ aws, gcp, azure })[cloud as 'aws' | 'gcp' | 'azure']();
