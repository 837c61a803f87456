import {
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLError,
} from 'yaml';
import { SPEC_FILE_CODE, type SpecProblem } from './problems';

/**
 * One step of a path into a document: a mapping key, a list index, or a list element picked by
 * its `name` field (the kit names elements so: `domains["sales"]`; on a mapping, the key).
 */
export type PathSegment = string | number | { readonly named: string };

/** A 1-based line and column in a spec file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Where a path points in the document: the deepest node reached, and how many segments it took. */
export interface Location extends Position {
  /** How many segments of the path were found (all of them when the value exists). */
  readonly matched: number;
}

/** The first line of a parser's message (yaml appends a code excerpt after it). */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A spec file's text parsed with source positions (yaml's CST, also for JSON), so every problem
 * can name the line and column of the value it is about.
 */
export class SpecSource {
  /**
   * Parses `text` (YAML, or strict JSON when `json`); returns the source, or the syntax problems
   * (each at its position) when it cannot be parsed.
   */
  public static parse(
    file: string,
    text: string,
    json: boolean,
  ): { readonly source?: SpecSource; readonly problems: readonly SpecProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    const problem = (position: Position, message: string): SpecProblem => ({
      file,
      ...position,
      code: SPEC_FILE_CODE,
      path: '',
      message,
    });
    const at = (offset: number): Position => {
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    };
    if (json) {
      try {
        JSON.parse(text);
      } catch (e) {
        const message = (e as Error).message;
        const offset = /position (\d+)/.exec(message);
        return {
          problems: [
            problem(offset ? at(Number(offset[1])) : { line: 1, column: 1 }, `not valid JSON: ${message}`),
          ],
        };
      }
    }
    if (doc.errors.length > 0) {
      return {
        problems: doc.errors.map((e: YAMLError) =>
          problem(at(e.pos[0]), `not valid ${json ? 'JSON' : 'YAML'}: ${firstLine(e.message)}`),
        ),
      };
    }
    return { source: new SpecSource(file, doc, lines), problems: [] };
  }

  /** The document as plain data (what the schema and the kit's validation read). */
  public readonly data: unknown;

  private constructor(
    /** The file, as problems name it. */
    public readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {
    this.data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  }

  /**
   * Where `path` points: the value's position (or its key's, with `key`), or — when only part of
   * the path exists — the deepest value found (`matched` says how deep; 0 is the whole document,
   * at line 1, column 1).
   */
  public locate(path: readonly PathSegment[], options: { readonly key?: boolean } = {}): Location {
    let node = this.resolve(this.doc.contents as Node | null);
    let keyNode: Node | undefined;
    let matched = 0;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (next === undefined) break;
      node = this.resolve(next.value);
      keyNode = next.key;
      matched++;
    }
    const target = options.key && matched === path.length && keyNode ? keyNode : node;
    const offset = matched === 0 && !options.key ? 0 : (target?.range?.[0] ?? 0);
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col, matched };
  }

  /** The position of a character offset in the text. */
  public position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  private resolve(node: Node | null | undefined): Node | undefined {
    let current: unknown = node ?? undefined;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(this.doc);
    return current as Node | undefined;
  }

  private child(
    node: Node | undefined,
    segment: PathSegment,
  ): { readonly value: Node | undefined; readonly key?: Node } | undefined {
    if (isMap(node)) {
      const wanted = typeof segment === 'object' ? segment.named : String(segment);
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === wanted);
      if (!pair) return undefined;
      // A key with no value (`zones:`) points at the key itself.
      const value = (pair.value as Node | null) ?? (pair.key as Node);
      return { value, key: pair.key as Node };
    }
    if (isSeq(node)) {
      if (typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        return item === undefined ? undefined : { value: item };
      }
      if (typeof segment === 'object') {
        const item = node.items.find((i) => {
          const element = this.resolve(i as Node);
          return isMap(element) && String(element.get('name')) === segment.named;
        }) as Node | undefined;
        return item === undefined ? undefined : { value: item };
      }
    }
    return undefined;
  }
}
