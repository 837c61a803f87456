/**
 * Where one example's synth time goes, measured in one process: module load (the engine, the
 * kit and the example), construction, the engine's own template validation (AWS), the
 * compliance packs (cdk-nag + the kit's pack on AWS, the kit's pack on GCP/Azure) and synthesis
 * with writing. Prints one JSON object of milliseconds.
 *
 * Usage: node --require tsx/cjs scripts/bench/phases.ts <example dir> <aws|cdktf> <scratch dir>
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the engine is loaded on demand (and its load is what is timed) */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const [exampleDir, engine, scratch] = process.argv.slice(2);
const time = <T>(fn: () => T): [T, number] => {
  const started = performance.now();
  const result = fn();
  return [result, performance.now() - started];
};
const outdir = (name: string) => fs.mkdtempSync(path.join(scratch, `${name}-`));

function awsPhases(): Record<string, number> {
  const [modules, load] = time(() => ({
    cdk: require('aws-cdk-lib') as typeof import('aws-cdk-lib'),
    nag: require('cdk-nag') as typeof import('cdk-nag'),
    pack: require(path.resolve('src/aws/compliance')) as typeof import('../../src/aws/compliance'),
    example: require(path.join(exampleDir, 'app.ts')) as { build(app: unknown): unknown },
  }));
  const { cdk, nag, pack, example } = modules;
  // aws-cdk-lib validates every template against CloudFormation's rules at synth unless
  // CDK_VALIDATION=false (read at synth time).
  const newApp = (validate: boolean, name: string) => {
    if (validate) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = 'false';
    return new cdk.App({ outdir: outdir(name) });
  };

  const plain = newApp(false, 'plain');
  const [, construct] = time(() => example.build(plain));
  const [, synth] = time(() => plain.synth());

  const checked = newApp(false, 'checked');
  const [, checkedTotal] = time(() => {
    cdk.Validations.of(checked).addPlugins(
      new nag.AwsSolutionsChecks(checked),
      new pack.DataPlatformChecks(checked),
    );
    example.build(checked);
    checked.synth();
  });

  const validated = newApp(true, 'validated');
  const [, validatedTotal] = time(() => {
    example.build(validated);
    validated.synth();
  });
  return {
    load,
    construct,
    engineValidation: Math.max(0, validatedTotal - construct - synth),
    compliance: Math.max(0, checkedTotal - construct - synth),
    synthAndWrite: synth,
  };
}

function cdktfPhases(): Record<string, number> {
  const [modules, load] = time(() => ({
    cdktf: require('cdktf') as typeof import('cdktf'),
    example: require(path.join(exampleDir, 'app.ts')) as { build(app: unknown): unknown },
    check: (fs.existsSync(path.join(exampleDir, 'cdktf.json')) &&
    /azurerm/.test(fs.readFileSync(path.join(exampleDir, 'cdktf.json'), 'utf8'))
      ? require(path.resolve('src/azure/compliance'))
      : require(path.resolve('src/gcp/compliance'))) as { checkCompliance(app: unknown): unknown },
  }));
  const { cdktf, example, check } = modules;
  const app = new cdktf.App({ outdir: outdir('tf') });
  const [, construct] = time(() => example.build(app));
  const [, compliance] = time(() => check.checkCompliance(app));
  const [, synth] = time(() => app.synth());
  return { load, construct, engineValidation: 0, compliance, synthAndWrite: synth };
}

process.stdout.write(JSON.stringify(engine === 'aws' ? awsPhases() : cdktfPhases()));
