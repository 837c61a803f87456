import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { kitProblems } from './kit';
import { displayPath } from './locate';
import { SPEC_FILE_CODE, SpecFileError, type SpecProblem, sortProblems } from './problems';
import { schemaProblems } from './schema';
import { SpecSource } from './source';
import { CLOUDS, type CloudName, type PatternName, type SpecFile } from './spec-file';

/** The extensions a spec file may have, and whether each is read as strict JSON. */
export const SPEC_EXTENSIONS: Readonly<Record<string, { readonly json: boolean }>> = {
  '.yaml': { json: false },
  '.yml': { json: false },
  '.json': { json: true },
};

/** The top-level keys naming a pattern. */
const PATTERN_KEYS: readonly PatternName[] = ['lakehouse', 'mesh'];

/** Options of {@link loadSpecFile}. */
export interface LoadSpecFileOptions {
  /**
   * The directory a relative `file` is resolved against, and problems' file names are shown relative to.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

/** The problems of the document's top level: not a mapping, no pattern or two, unknown keys. */
function topLevelProblems(source: SpecSource): { pattern?: PatternName; problems: SpecProblem[] } {
  const at = (segments: string[], code: string, pathText: string, message: string): SpecProblem => ({
    file: source.file,
    ...source.locate(segments, { key: true }),
    code,
    path: pathText,
    message,
  });
  const data = source.data;
  const expected = `a top-level \`lakehouse:\` (a lakehouse spec) or \`mesh:\` (a data mesh spec), and optionally \`aws:\`, \`gcp:\`, \`azure:\``;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const received =
      data === null || data === undefined
        ? 'an empty document'
        : Array.isArray(data)
          ? 'a list'
          : `${JSON.stringify(data)}`;
    return {
      problems: [
        at([], SPEC_FILE_CODE, '', `a spec file must be a mapping with ${expected}. Received: ${received}`),
      ],
    };
  }
  const keys = Object.keys(data);
  const patterns = PATTERN_KEYS.filter((k) => keys.includes(k));
  const problems: SpecProblem[] = [];
  for (const key of keys) {
    if (PATTERN_KEYS.includes(key as PatternName) || CLOUDS.includes(key as CloudName)) continue;
    problems.push(
      at(
        [key],
        SPEC_FILE_CODE,
        key,
        `unknown top-level key. Received: ${JSON.stringify(key)}; allowed: lakehouse or mesh, aws, gcp, azure`,
      ),
    );
  }
  if (patterns.length === 0) {
    problems.unshift(
      at(
        [],
        SPEC_FILE_CODE,
        '',
        `no pattern: a spec file needs ${expected}. Received keys: ${keys.join(', ') || '(none)'}`,
      ),
    );
  } else if (patterns.length > 1) {
    problems.push(
      at(
        ['mesh'],
        SPEC_FILE_CODE,
        'mesh',
        'a spec file declares one pattern: `lakehouse:` or `mesh:`, not both (use two files)',
      ),
    );
  }
  return { pattern: patterns.length === 1 ? patterns[0] : undefined, problems };
}

/** A problem with the file as a whole (at line 1, column 1). */
function fileProblem(file: string, message: string): SpecFileError {
  return new SpecFileError([{ file, line: 1, column: 1, code: SPEC_FILE_CODE, path: '', message }]);
}

/** Reads the file's text, or throws a `SpecFileError` saying why it cannot be read. */
async function readSpecText(absolute: string, shown: string): Promise<string> {
  const extension = path.extname(absolute).toLowerCase();
  const allowed = Object.keys(SPEC_EXTENSIONS).join(', ');
  let stat;
  try {
    stat = await fs.stat(absolute);
  } catch {
    throw fileProblem(shown, `no such file (a spec file: ${allowed}; \`dpk init\` writes one)`);
  }
  if (stat.isDirectory()) throw fileProblem(shown, `is a directory: give a spec file (${allowed})`);
  if (!(extension in SPEC_EXTENSIONS)) {
    throw fileProblem(
      shown,
      `unknown extension ${JSON.stringify(extension || '(none)')}: a spec file is ${allowed}`,
    );
  }
  try {
    return await fs.readFile(absolute, 'utf8');
  } catch (e) {
    throw fileProblem(shown, `cannot be read: ${(e as Error).message}`);
  }
}

/**
 * Reads a spec file (YAML or JSON, by extension: `.yaml`, `.yml`, `.json`), checks it against
 * its pattern's JSON Schema and with the kit's own validation (`validateLakehouseSpec` /
 * `validateDataMeshSpec`), and returns it. Throws `SpecFileError` listing every problem at once,
 * each at the line and column of the value it is about: syntax errors, then the top level and
 * schema problems, then the kit's.
 *
 * @example
 * const file = await loadSpecFile('lakehouse.yaml');
 * if (file.pattern === 'lakehouse') console.log(file.spec.platformName);
 */
export async function loadSpecFile(file: string, options: LoadSpecFileOptions = {}): Promise<SpecFile> {
  const cwd = options.cwd ?? process.cwd();
  const absolute = path.resolve(cwd, file);
  const shown = displayPath(absolute, cwd);
  const text = await readSpecText(absolute, shown);
  const parsed = SpecSource.parse(shown, text, SPEC_EXTENSIONS[path.extname(absolute).toLowerCase()].json);
  if (!parsed.source) throw new SpecFileError(parsed.problems);
  const source = parsed.source;
  const top = topLevelProblems(source);
  if (!top.pattern) throw new SpecFileError(top.problems);
  const shapeProblems = [...top.problems, ...schemaProblems(source, top.pattern)];
  let kit: SpecProblem[] = [];
  try {
    kit = kitProblems(source, top.pattern);
  } catch (e) {
    // The kit's validation assumes the schema's shapes; with schema problems, those explain the crash.
    if (shapeProblems.length === 0) throw e;
  }
  const taken = new Set(shapeProblems.map((p) => `${p.line}:${p.column}`));
  const problems = [
    ...sortProblems(shapeProblems),
    ...sortProblems(kit.filter((p) => !taken.has(`${p.line}:${p.column}`))),
  ];
  if (problems.length > 0) throw new SpecFileError(problems);
  const data = source.data as Record<string, unknown>;
  const clouds: Partial<Record<CloudName, unknown>> = {};
  for (const cloud of CLOUDS) if (data[cloud] !== undefined) clouds[cloud] = data[cloud];
  return top.pattern === 'lakehouse'
    ? { pattern: 'lakehouse', path: absolute, spec: data.lakehouse as never, clouds, source }
    : { pattern: 'mesh', path: absolute, spec: data.mesh as never, clouds, source };
}
