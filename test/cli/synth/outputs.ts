import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ExampleStack, synthesizeExample } from '../../guards/examples';

/** Every stack's document in a cloud's output folder, by stack name: templates (AWS) or cdk.tf.json. */
export function readOutput(cloud: string, dir: string): Record<string, any> {
  if (cloud === 'aws') {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    return Object.fromEntries(
      Object.entries<any>(manifest.artifacts)
        .filter(([, a]) => a.type === 'aws:cloudformation:stack')
        .map(([id, a]) => [
          a.properties.stackName ?? id,
          JSON.parse(fs.readFileSync(path.join(dir, a.properties.templateFile), 'utf8')),
        ]),
    );
  }
  const stacks = path.join(dir, 'stacks');
  return Object.fromEntries(
    fs
      .readdirSync(stacks)
      .map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacks, name, 'cdk.tf.json'), 'utf8'))]),
  );
}

/**
 * The TypeScript example's stacks by name, synthesized in this process as test/guards does
 * (aws-cdk-lib's own template validation off, as `npm run synth` runs the examples).
 */
export function exampleOutput(example: string): Record<string, any> {
  return Object.fromEntries(
    synthesizeExample(example, {}, { engineValidation: false }).map((s: ExampleStack) => [
      s.stack,
      s.document,
    ]),
  );
}

/** An io that records what a command writes, for in-process runs. */
export function recordingIo(cwd: string): {
  io: import('../../../src/cli/io').CliIo;
  out: () => string;
  err: () => string;
} {
  let out = '';
  let err = '';
  return {
    io: { cwd, interactive: false, out: (t) => (out += t), err: (t) => (err += t) },
    out: () => out,
    err: () => err,
  };
}
