import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh, type DataMeshProps, SparkJobScript } from '../../../src/aws';

/** The accounts of the two-account mesh: governance and sales; marketing and finance. */
export const CENTRAL = { account: '111111111111', region: 'eu-west-1' };
export const ANALYTICS = { account: '222222222222', region: 'eu-west-1' };
/** The day subscriptions are checked against: ACME's finance → customers subscription is live. */
export const TODAY = '2027-01-15';

const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../processing/fixtures/clean.py'));

/** ACME_MESH across two accounts, as the example renders it. */
export const TWO_ACCOUNT_PROPS: DataMeshProps = {
  ...ACME_MESH,
  governanceEnv: CENTRAL,
  domainOptions: {
    sales: { env: CENTRAL, stepScripts: { 'daily/clean': SCRIPT, 'daily/publish': SCRIPT } },
    marketing: { env: ANALYTICS },
    finance: { env: ANALYTICS },
  },
  today: TODAY,
};

/** ACME_MESH in one environment-agnostic account. */
export const ONE_ACCOUNT_PROPS: DataMeshProps = {
  ...TWO_ACCOUNT_PROPS,
  governanceEnv: undefined,
  domainOptions: { sales: { stepScripts: TWO_ACCOUNT_PROPS.domainOptions!.sales.stepScripts } },
};

/** A fresh app with the mesh, and each stack's template by its planned name. */
export function buildMesh(
  props: DataMeshProps = TWO_ACCOUNT_PROPS,
  context: Record<string, unknown> = {},
): { app: App; mesh: DataMesh; templates: Record<string, Template> } {
  const app = new App({ context });
  const mesh = new DataMesh(app, 'Mesh', props);
  const templates = Object.fromEntries(
    Object.entries(mesh.stacks).map(([name, stack]) => [name, Template.fromStack(stack)]),
  );
  return { app, mesh, templates };
}

/** Resources of `type` in a template, as logical id → resource. */
export function resourcesOf(template: Template, type: string): Record<string, any> {
  return template.findResources(type);
}

/** An SSO role a persona may be assumed from. */
export const ANALYST = new iam.ArnPrincipal(
  'arn:aws:iam::222222222222:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Analysts_0123456789abcdef',
);
