/**
 * Line numbers of object keys in a JSON text, for pointing a finding at the line of its resource
 * (`Resources.<logicalId>` in a CloudFormation template, `resource.<type>.<name>` in a
 * cdk.tf.json). A single pass over the text, without a full parse: JSON.parse keeps no positions.
 */

/** Separates the keys of a path in the map {@link keyLines} returns. */
const SEPARATOR = '\u0000';

/** The map key of a path of object keys (e.g. `['Resources', 'Bucket83908E77']`). */
export function keyPath(keys: readonly string[]): string {
  return keys.join(SEPARATOR);
}

interface Frame {
  readonly object: boolean;
  /** The key being read or last read in this object. */
  key?: string;
  /** True while the next string in this object is a key. */
  expectingKey: boolean;
}

/**
 * Maps the path of every object key at most `maxDepth` levels deep to its 1-based line: look a
 * key up with {@link keyPath}. Array elements are not addressed (no rule needs them). A text that
 * is not well-formed JSON gives the keys read before the fault.
 */
export function keyLines(text: string, maxDepth: number): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
    } else if (c === '{' || c === '[') {
      stack.push({ object: c === '{', expectingKey: c === '{' });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectingKey = true;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (top) top.expectingKey = false;
    } else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectingKey) {
        top.key = JSON.parse(text.slice(start, i + 1)) as string;
        if (stack.length <= maxDepth) {
          const keys = stack.filter((f) => f.object).map((f) => f.key ?? '');
          if (keys.length === stack.length) lines.set(keyPath(keys), line);
        }
      }
    }
  }
  return lines;
}
