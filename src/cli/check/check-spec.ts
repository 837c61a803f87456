import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkDirectory } from './check-directory';
import type { CheckReport } from './findings';
import type { CliIo } from '../io';
import { loadSpecFile, SPEC_EXTENSIONS } from '../spec/load';
import { SpecSource } from '../spec/source';
import { CLOUDS, type CloudName, type SpecFile } from '../spec/spec-file';
import { synthesizeSpecFile } from '../synth/synthesize';

/** Synthesized files `dpk check` reads itself, though they end in `.json`. */
const OUTPUT_FILE = /(\.tf\.json|\.template\.json)$/i;

/** True when `target` names a spec file (by its extension) rather than synthesized output. */
export function isSpecFilePath(target: string): boolean {
  return (
    Object.keys(SPEC_EXTENSIONS).includes(path.extname(target).toLowerCase()) && !OUTPUT_FILE.test(target)
  );
}

/** A checked spec file: the report, and the line of each cloud's section (for SARIF locations). */
export interface SpecCheck {
  readonly report: CheckReport;
  /** The spec file (absolute). */
  readonly specFile: string;
  /** The line of each cloud's section in the spec file, or of the pattern key when it has none. */
  readonly sectionLines: Readonly<Record<CloudName, number>>;
}

/**
 * The clouds to render a spec on: those asked for or, when every cloud is asked for (`--cloud
 * all`), the clouds the file has a section for — every cloud when it has none, so that a missing
 * section is reported where to add it.
 */
export function specClouds(spec: SpecFile, clouds: readonly CloudName[]): readonly CloudName[] {
  const present = CLOUDS.filter((c) => spec.clouds[c] !== undefined);
  return CLOUDS.every((c) => clouds.includes(c)) && present.length > 0 ? present : clouds;
}

/**
 * Loads and validates a spec file, synthesizes it (on {@link specClouds}) into a temporary folder
 * with the compliance gate off (`dpk check` reports the findings itself), checks that output like
 * a folder, and removes the folder. Spec problems throw `SpecFileError`, positioned in the file.
 */
export async function checkSpecFile(
  file: string,
  clouds: readonly CloudName[],
  io: CliIo,
): Promise<SpecCheck> {
  const spec = await loadSpecFile(file, { cwd: io.cwd });
  const targets = specClouds(spec, clouds);
  const outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'dpk-check-'));
  try {
    await synthesizeSpecFile(spec, { clouds: targets, outDir, io, compliance: false });
    const report = await checkDirectory(outDir, targets);
    return { report, specFile: spec.path, sectionLines: await sectionLines(spec.path, spec.pattern) };
  } finally {
    await fs.rm(outDir, { recursive: true, force: true });
  }
}

async function sectionLines(file: string, pattern: string): Promise<Record<CloudName, number>> {
  const text = await fs.readFile(file, 'utf8');
  const { source } = SpecSource.parse(
    file,
    text,
    SPEC_EXTENSIONS[path.extname(file).toLowerCase()]?.json ?? false,
  );
  const lineOf = (key: string) => {
    const at = source?.locate([key], { key: true });
    return at && at.matched === 1 ? at.line : undefined;
  };
  const patternLine = lineOf(pattern) ?? 1;
  return Object.fromEntries(CLOUDS.map((c) => [c, lineOf(c) ?? patternLine])) as Record<CloudName, number>;
}
