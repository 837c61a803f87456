import type { PathSegment } from './source';

/**
 * Parses a prop path as the kit's validation writes it (`zones[1].name`,
 * `domains["sales"].products["orders"].schema[3].classification`, `access["raw"]`) into
 * segments. A wildcard (`[*]`) ends the path: what follows it names no single value.
 */
export function parsePropPath(prop: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[\*\]/g;
  for (const match of prop.matchAll(pattern)) {
    const [whole, key, index, quoted] = match;
    if (whole === '[*]') break;
    if (key !== undefined) segments.push(key);
    else if (index !== undefined) segments.push(Number(index));
    else if (quoted !== undefined) segments.push({ named: JSON.parse(quoted) as string });
  }
  return segments;
}

/** Parses a JSON Pointer (ajv's `instancePath`, e.g. `/mesh/domains/0/name`) into segments. */
export function parsePointer(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** Renders segments as a path a user reads: `mesh.domains[0].products["orders"].name`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'object') out += `[${JSON.stringify(s.named)}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
