import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CloudName } from '../../../src/cli/spec/spec-file';
import { ROOT } from '../run-dpk';

/** A scratch folder for one test file, removed by the caller. */
export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-diff-test-'));
}

/**
 * Synthesizes examples/lakehouse-<cloud> into `<dir>/<cloud>` as a user's app runs it (its
 * main.ts, compliance gating included), once per test file: the real outputs the fixtures are
 * copied from. Returns each cloud's output folder.
 */
export function synthesizeLakehouseExamples(
  dir: string,
  clouds: readonly CloudName[],
): Record<CloudName, string> {
  const out = {} as Record<CloudName, string>;
  for (const cloud of clouds) {
    const outdir = path.join(dir, cloud);
    const result = spawnSync(
      process.execPath,
      ['--require', 'tsx/cjs', path.join(ROOT, 'examples', `lakehouse-${cloud}`, 'main.ts')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          CDK_OUTDIR: outdir,
          CDKTF_OUTDIR: outdir,
          TSX_TSCONFIG_PATH: path.join(ROOT, 'tsconfig.dev.json'),
          CDK_DISABLE_CLI_TELEMETRY: 'true',
          CDK_VALIDATION: 'false',
          CHECKPOINT_DISABLE: '1',
        },
      },
    );
    if (result.status !== 0) throw new Error(`lakehouse-${cloud} failed to synthesize:\n${result.stderr}`);
    out[cloud] = outdir;
  }
  return out;
}

/** Copies a synthesized output folder to `to` (a fixture to mutate) and returns `to`. */
export function copyOutput(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Rewrites a JSON file through `edit`. */
export function editJson(file: string, edit: (document: any) => void): void {
  const document = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(document);
  fs.writeFileSync(file, JSON.stringify(document, null, 2));
}

/** The cdk.tf.json of a cdktf output's stack. */
export const terraformFile = (outdir: string, stack: string) =>
  path.join(outdir, 'stacks', stack, 'cdk.tf.json');

/** The first resource name of a Terraform type in a document. */
export function firstOf(document: any, type: string): string {
  const name = Object.keys(document.resource?.[type] ?? {})[0];
  if (name === undefined) throw new Error(`no ${type} in the document`);
  return name;
}
