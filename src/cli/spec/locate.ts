import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatPath, parsePropPath } from './paths';
import type { SpecProblem } from './problems';
import { type PathSegment, SpecSource } from './source';
import type { CloudName, SpecFile } from './spec-file';
import { formatReceived, type ValidationError, type Violation } from '../../core/errors';

/** How the kit reports a lineage cycle: no single prop, the cycle in `received`. */
const CYCLE_PROP = 'domains[*].products[*].inputs';

/** A kit violation's message: what is allowed and what was received, as the kit words it. */
export function violationMessage(v: Violation): string {
  return `must be ${v.allowed}. Received: ${formatReceived(v.received)}`;
}

/** A path relative to `cwd` when the file is under it, else the absolute path. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/**
 * The input a lineage cycle's first edge comes through: for `a.x → b.y → a.x`, product `y` of
 * domain `b` lists `a.x` among its inputs; that input is where the cycle is reported.
 */
function cycleInput(data: unknown, patternKey: string, cycle: unknown): PathSegment[] | undefined {
  if (typeof cycle !== 'string') return undefined;
  const ids = cycle.split(' → ');
  if (ids.length < 2) return undefined;
  const split = (id: string) => {
    const dot = id.indexOf('.');
    return { domain: id.slice(0, dot), product: id.slice(dot + 1) };
  };
  const from = split(ids[0]);
  const to = split(ids[1]);
  type Input = { domain?: string; product?: string };
  type Mesh = { domains?: { name?: string; products?: { name?: string; inputs?: Input[] }[] }[] };
  const mesh = (data as Record<string, Mesh> | undefined)?.[patternKey];
  const product = mesh?.domains
    ?.find((d) => d.name === to.domain)
    ?.products?.find((p) => p.name === to.product);
  const index = (product?.inputs ?? []).findIndex(
    (i) => (i.domain ?? to.domain) === from.domain && i.product === from.product,
  );
  if (index < 0) return undefined;
  return [patternKey, 'domains', { named: to.domain }, 'products', { named: to.product }, 'inputs', index];
}

/**
 * Maps kit violations to problems at their values' positions. Each prop is looked up under each
 * root in turn (the pattern's section, then the cloud's); the root where more of it exists wins.
 * A prop found under no root (or only as a root itself) points at `fallback` (a section's key)
 * when given — at line 1 when that section is absent — and is named under it; otherwise it
 * points at the root it names.
 */
export function problemsFromViolations(
  source: SpecSource,
  violations: readonly Violation[],
  defaultCode: string,
  roots: readonly (readonly PathSegment[])[],
  fallback?: readonly PathSegment[],
): SpecProblem[] {
  const patternKey = roots[0]?.[0];
  return violations.map((v) => {
    const code = v.code ?? defaultCode;
    const cycle = v.prop === CYCLE_PROP && typeof patternKey === 'string';
    const exact = cycle ? cycleInput(source.data, patternKey, v.received) : undefined;
    const candidates = exact ? [{ root: [] as PathSegment[], segments: exact }] : [];
    for (const root of roots) {
      candidates.push({ root: [...root], segments: [...root, ...parsePropPath(v.prop)] });
    }
    let best: {
      readonly line: number;
      readonly column: number;
      readonly depth: number;
      readonly path: string;
    } = {
      line: 1,
      column: 1,
      depth: -1,
      path: roots[0] ? `${formatPath(roots[0])}.${v.prop}` : v.prop,
    };
    for (const { root, segments } of candidates) {
      const at = source.locate(segments);
      const depth = at.matched - root.length;
      if (at.matched < root.length || depth <= best.depth) continue;
      const complete = at.matched === segments.length;
      // A path the kit wrote with names (`domains["sales"]`) is shown as written; a located cycle by its input.
      const shown = exact && root.length === 0 ? formatPath(segments) : `${formatPath(root)}.${v.prop}`;
      best = {
        line: at.line,
        column: at.column,
        depth: complete ? Number.MAX_SAFE_INTEGER : depth,
        path: shown,
      };
    }
    if (best.depth <= 0 && fallback) {
      // Found nowhere: a cloud option the file does not set, named under the section it belongs in.
      const at = source.locate(fallback, { key: true });
      const found = at.matched === fallback.length;
      const named = `${formatPath(fallback)}.${v.prop}`;
      best = { ...best, line: found ? at.line : 1, column: found ? at.column : 1, path: named };
    }
    return {
      file: source.file,
      line: best.line,
      column: best.column,
      code,
      path: best.path,
      message: violationMessage(v),
    };
  });
}

/** The parsed source of a loaded spec file: the one it was loaded from, or the file read again. */
function sourceOf(file: SpecFile): SpecSource | undefined {
  if (file.source) return file.source;
  try {
    const text = fs.readFileSync(file.path, 'utf8');
    return SpecSource.parse(displayPath(file.path), text, file.path.endsWith('.json')).source;
  } catch {
    return undefined;
  }
}

/**
 * Maps a `ValidationError` a cloud construct threw while rendering `file` on `cloud` back to
 * positions in the file: each violation's prop is a construct prop, either a field of the
 * pattern's spec (under `lakehouse:` / `mesh:`) or one of the cloud's options (under the cloud's
 * section). A prop found in neither points at the cloud's section, else at line 1.
 */
export function problemsFromValidationError(
  file: SpecFile,
  cloud: CloudName,
  error: ValidationError,
): SpecProblem[] {
  const source = sourceOf(file);
  if (!source) {
    return error.violations.map((v) => ({
      file: displayPath(file.path),
      line: 1,
      column: 1,
      code: v.code ?? error.code,
      path: `${cloud}.${v.prop}`,
      message: violationMessage(v),
    }));
  }
  return problemsFromViolations(source, error.violations, error.code, [[file.pattern], [cloud]], [cloud]);
}
