/** The code of a problem with the file itself: unreadable, not YAML or JSON, no pattern key. */
export const SPEC_FILE_CODE = 'DPK_SPEC_FILE';
/** The code of a problem the spec file's JSON Schema found: a wrong type, an unknown key, a missing field. */
export const SCHEMA_CODE = 'DPK_SCHEMA';

/** One problem found in a spec file, at the position of the value it is about. */
export interface SpecProblem {
  /** The spec file, as the user named it (relative to the working directory when under it). */
  readonly file: string;
  /** 1-based line of the value (or key) the problem is about. */
  readonly line: number;
  /** 1-based column of the value (or key) the problem is about. */
  readonly column: number;
  /** A kit `ErrorCode`, `DPK_SCHEMA` or `DPK_SPEC_FILE`. */
  readonly code: string;
  /** Where in the document, e.g. `lakehouse.zones[1].name` (empty for the file as a whole). */
  readonly path: string;
  /** What is wrong: the value received and what is allowed. */
  readonly message: string;
}

/** A spec file that cannot be used, with every problem found in it (at least one), in file order. */
export class SpecFileError extends Error {
  /** Every problem found, in the order they are reported. */
  public readonly problems: readonly SpecProblem[];

  public constructor(problems: readonly SpecProblem[]) {
    super(formatProblems(problems));
    this.name = 'SpecFileError';
    this.problems = problems;
  }
}

/** Whether `x` is a `SpecFileError` (also from another copy of the kit: checks its shape). */
export function isSpecFileError(x: unknown): x is SpecFileError {
  return x instanceof SpecFileError || (x instanceof Error && x.name === 'SpecFileError' && 'problems' in x);
}

/** One line per problem: `file:line:col  CODE  path: message` (no path part for whole-file problems). */
export function formatProblems(problems: readonly SpecProblem[]): string {
  return problems
    .map((p) => `${p.file}:${p.line}:${p.column}  ${p.code}  ${p.path ? `${p.path}: ` : ''}${p.message}`)
    .join('\n');
}

/** Problems in file order (line, then column), keeping the given order among equal positions. */
export function sortProblems(problems: readonly SpecProblem[]): SpecProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}
