import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { Lakehouse, SparkJobScript } from '../../src/aws';

/**
 * Globally unique AWS names (S3 bucket names are the kit's only ones) must differ between two
 * deployments of the same app: two literal accounts, and an environment-agnostic stack (tokens)
 * whose account and region join the name at deploy time. Resolved here with fixed fake
 * accounts/regions standing in for what CloudFormation substitutes.
 */
const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, 'processing/fixtures/clean.py'));

type Env = { account?: string; region?: string };

/** Every S3 bucket name of the lakehouse example's app in `env`, with pseudo parameters substituted. */
function bucketNames(env: Env, deployed: { account: string; region: string }): string[] {
  const app = new App();
  const stack = new Stack(app, 'LakehouseAws', { env });
  new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    stepScripts: { 'daily-orders/clean': SCRIPT, 'daily-orders/publish': SCRIPT },
  });
  const template = app.synth().getStackByName('LakehouseAws').template;
  return Object.values<any>(template.Resources)
    .filter((r) => r.Type === 'AWS::S3::Bucket')
    .map((r) => substitute(r.Properties.BucketName, deployed));
}

/** Resolves the `Fn::Join` / `Ref` of pseudo parameters CloudFormation would substitute. */
function substitute(value: unknown, deployed: { account: string; region: string }): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v.Ref === 'AWS::AccountId') return deployed.account;
  if (v.Ref === 'AWS::Region') return deployed.region;
  if (v['Fn::Join']) {
    const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => substitute(p, deployed)).join(sep);
  }
  throw new Error(`Unexpected bucket name form: ${JSON.stringify(value)}`);
}

const S3_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

describe('globally unique names across deployments', () => {
  const DEV = { account: '111111111111', region: 'eu-west-1' };
  const PROD = { account: '222222222222', region: 'eu-west-1' };
  const PROD_US = { account: '222222222222', region: 'us-east-1' };
  const LONGEST = { account: '999999999999', region: 'ap-southeast-7' };

  const literalDev = bucketNames(DEV, DEV);
  const literalProd = bucketNames(PROD, PROD);
  const agnosticDev = bucketNames({}, DEV);
  const agnosticProd = bucketNames({}, PROD);
  const agnosticProdUs = bucketNames({}, PROD_US);
  const regionOnlyDev = bucketNames({ region: 'eu-west-1' }, DEV);
  const regionOnlyProd = bucketNames({ region: 'eu-west-1' }, PROD);

  test.each([
    ['two literal accounts', literalDev, literalProd],
    ['an env-agnostic stack in two accounts', agnosticDev, agnosticProd],
    ['an env-agnostic stack in two regions', agnosticProd, agnosticProdUs],
    ['a region-only stack in two accounts', regionOnlyDev, regionOnlyProd],
  ])('%s share no bucket name', (_, a, b) => {
    expect(a.length).toBe(5);
    expect(new Set(a).size).toBe(a.length);
    expect(a.filter((name) => b.includes(name))).toEqual([]);
  });

  test('a token account joins the name at deploy time (Fn::Join with AWS::AccountId)', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: { region: 'eu-west-1' } });
    new Lakehouse(stack, 'Lakehouse', { platformName: 'sales', warehouse: { enabled: false } });
    const buckets = Object.values<any>(app.synth().getStackByName('S').template.Resources).filter(
      (r) => r.Type === 'AWS::S3::Bucket',
    );
    for (const bucket of buckets) {
      expect(JSON.stringify(bucket.Properties.BucketName)).toContain('"Ref":"AWS::AccountId"');
    }
  });

  test('every name, literal or deploy-time, keeps to the S3 rules (3-63 of a-z, 0-9, -)', () => {
    const all = [...literalDev, ...agnosticDev, ...regionOnlyDev, ...bucketNames({}, LONGEST)];
    expect(all.filter((name) => !S3_NAME.test(name) || name.includes('--'))).toEqual([]);
  });

  test('one deployment scope gives the same names on every synth', () => {
    expect(bucketNames({}, DEV)).toEqual(agnosticDev);
    expect(bucketNames(DEV, DEV)).toEqual(literalDev);
  });
});
