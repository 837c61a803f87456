/**
 * The raw-layer baseline: re-creates an example's synthesized output through the engine's
 * lowest layer, so the kit's cost is measured against what the engine alone costs for the same
 * resources. AWS: `CfnInclude` of each template. cdktf: one bare `TerraformProvider`,
 * `TerraformResource` or `TerraformDataSource` per block of each `cdk.tf.json`.
 *
 * Usage: node --require tsx/cjs scripts/bench/raw-app.ts <aws|cdktf> <kit outdir> <raw outdir>
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the engine is loaded on demand (and its load is what is timed) */
import * as fs from 'node:fs';
import * as path from 'node:path';

const [engine, kitOut, rawOut] = process.argv.slice(2);

function rawAws(): void {
  // Loaded only for AWS examples, as a user's app would.
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { CfnInclude } =
    require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include');
  const app = new cdk.App({ outdir: rawOut });
  for (const file of fs.readdirSync(kitOut).filter((f) => f.endsWith('.template.json'))) {
    const stack = new cdk.Stack(app, file.replace('.template.json', ''), {
      synthesizer: new cdk.BootstraplessSynthesizer(),
    });
    new CfnInclude(stack, 'Template', { templateFile: path.join(kitOut, file) });
  }
  app.synth();
}

function rawCdktf(): void {
  const cdktf = require('cdktf') as typeof import('cdktf');
  type Config = Record<string, unknown>;
  const strip = (config: Config) => Object.fromEntries(Object.entries(config).filter(([k]) => k !== '//'));
  class RawProvider extends cdktf.TerraformProvider {
    public constructor(
      scope: import('constructs').Construct,
      id: string,
      type: string,
      private readonly config: Config,
    ) {
      super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: { providerName: type } });
    }
    protected synthesizeAttributes(): Config {
      return this.config;
    }
  }
  class RawResource extends cdktf.TerraformResource {
    public constructor(
      scope: import('constructs').Construct,
      id: string,
      type: string,
      private readonly config: Config,
    ) {
      super(scope, id, { terraformResourceType: type });
      this.overrideLogicalId(id);
    }
    protected synthesizeAttributes(): Config {
      return strip(this.config);
    }
  }
  class RawDataSource extends cdktf.TerraformDataSource {
    public constructor(
      scope: import('constructs').Construct,
      id: string,
      type: string,
      private readonly config: Config,
    ) {
      super(scope, id, { terraformResourceType: type });
      this.overrideLogicalId(id);
    }
    protected synthesizeAttributes(): Config {
      return strip(this.config);
    }
  }
  const app = new cdktf.App({ outdir: rawOut });
  const stacksDir = path.join(kitOut, 'stacks');
  for (const name of fs.readdirSync(stacksDir)) {
    const doc = JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8'));
    const stack = new cdktf.TerraformStack(app, name);
    for (const [type, configs] of Object.entries<Config[]>(doc.provider ?? {})) {
      configs.forEach((config, i) => new RawProvider(stack, `${type}${i}`, type, config));
    }
    for (const [type, byName] of Object.entries<Record<string, Config>>(doc.resource ?? {})) {
      for (const [id, config] of Object.entries(byName)) new RawResource(stack, id, type, config);
    }
    for (const [type, byName] of Object.entries<Record<string, Config>>(doc.data ?? {})) {
      for (const [id, config] of Object.entries(byName)) new RawDataSource(stack, id, type, config);
    }
    for (const key of ['output', 'variable', 'locals'] as const) {
      if (doc[key]) stack.addOverride(key, doc[key]);
    }
  }
  app.synth();
}

if (engine === 'aws') rawAws();
else rawCdktf();
