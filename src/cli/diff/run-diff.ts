import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiffInputError } from './diff-input-error';
import { diffOutputs } from './diff-outputs';
import { readSynthesizedOutput, type SynthesizedStackDocument } from './outputs';
import type { DiffReport } from './report';
import type { CliIo } from '../io';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** Keeps the stacks of one cloud, or all when none is named. */
function onCloud(stacks: readonly SynthesizedStackDocument[], cloud?: CloudName): SynthesizedStackDocument[] {
  return stacks.filter((s) => cloud === undefined || s.cloud === cloud);
}

/**
 * Compares two synthesized output folders (`dpk diff OLD_DIR NEW_DIR`, relative to `cwd`): what
 * deploying the new one where the old one is deployed would do to the data. Only `cloud`'s
 * stacks when given.
 */
export function diffFolders(
  beforeDir: string,
  afterDir: string,
  options: { readonly cloud?: CloudName; readonly cwd?: string } = {},
): DiffReport {
  const { cloud, cwd } = options;
  const before = onCloud(readSynthesizedOutput(beforeDir, cwd), cloud);
  const after = onCloud(readSynthesizedOutput(afterDir, cwd), cloud);
  if (cloud !== undefined && before.length === 0 && after.length === 0) {
    throw new DiffInputError(
      `neither ${beforeDir} nor ${afterDir} holds any ${cloud} stack (--cloud ${cloud}).`,
    );
  }
  return diffOutputs(before, after);
}

/**
 * `dpk diff SPEC --against DIR`: synthesizes the spec file (compliance off, into a temporary
 * folder removed afterwards) on `cloud`, or on the clouds DIR holds stacks of, and compares
 * DIR (the deployed output) with it. Throws `SpecFileError` for a spec that cannot be rendered.
 */
export async function diffSpecAgainst(
  specFile: string,
  againstDir: string,
  options: { readonly cloud?: CloudName; readonly io: CliIo },
): Promise<DiffReport> {
  const before = onCloud(readSynthesizedOutput(againstDir, options.io.cwd), options.cloud);
  if (before.length === 0) {
    const which = options.cloud ? ` of ${options.cloud} (--cloud ${options.cloud})` : '';
    throw new DiffInputError(`${againstDir} holds no stack${which} to compare the spec with.`);
  }
  const clouds = CLOUDS.filter((c) => before.some((s) => s.cloud === c));
  // Loaded on use: the spec reader brings its YAML and schema libraries, the synthesis the engines.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadSpecFile } = require('../spec/load') as typeof import('../spec/load');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { synthesizeSpecFile } = require('../synth/synthesize') as typeof import('../synth/synthesize');
  const file = await loadSpecFile(specFile, { cwd: options.io.cwd });
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-diff-'));
  try {
    await synthesizeSpecFile(file, { clouds, outDir, io: options.io, compliance: false });
    return diffOutputs(before, onCloud(readSynthesizedOutput(outDir, options.io.cwd), options.cloud));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
