/**
 * Keeps the README's code snippets identical to the runnable examples (examples are the single source of every README snippet).
 * A README block preceded by `<!-- example: <name> -->` holds the lines of
 * `examples/<name>/app.ts` between `// example:start` and `// example:end`;
 * `<!-- example: <name>/<file> -->` quotes another file of the example the same way, and
 * `<!-- example: <file>.ts -->` a file shared by several examples (`examples/<file>.ts`), and
 * `<!-- example: specs/<file>.yaml -->` (a ```yaml block) a spec file of `dpk`, whole.
 *
 * `npx projen readme` rewrites the blocks; the docs test fails when they drift.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const README = path.join(ROOT, 'README.md');
const BLOCK = /(<!-- example: ([a-z0-9-]+(?:\.ts|\/[a-z0-9-]+\.ts)?) -->\n```ts\n)([\s\S]*?)(```)/g;
/** A quoted `dpk` spec file: the whole file, so the README shows what `dpk synth` reads. */
const SPEC_BLOCK = /(<!-- example: (specs\/[a-z0-9-]+\.yaml) -->\n```yaml\n)([\s\S]*?)(```)/g;

/** The file's import statements (single- or multi-line), in order, so a snippet shows where names come from. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/^import [\s\S]*?from '[^']+';$/gm)].map((m) => m[0]);
}

/**
 * The marked region of an example's file, dedented, preceded by the file's imports so a reader
 * sees where every name comes from.
 */
export function exampleSnippet(name: string): string {
  const file = path.join(ROOT, 'examples', name.endsWith('.ts') ? name : path.join(name, 'app.ts'));
  const text = fs.readFileSync(file, 'utf8');
  const match = /\/\/ example:start\n([\s\S]*?)\n[ \t]*\/\/ example:end/.exec(text);
  if (!match) throw new Error(`${file} has no // example:start … // example:end region`);
  const lines = match[1].split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const region = lines.map((l) => l.slice(indent)).join('\n') + '\n';
  const imports = importsOf(text);
  return imports.length > 0 ? `${imports.join('\n')}\n\n${region}` : region;
}

/** The README with every example block replaced by its current snippet. */
export function renderReadme(readme: string): string {
  return readme
    .replace(
      BLOCK,
      (_, open: string, name: string, _old: string, close: string) => open + exampleSnippet(name) + close,
    )
    .replace(
      SPEC_BLOCK,
      (_, open: string, name: string, _old: string, close: string) =>
        open + fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8') + close,
    );
}

/** The example names the README quotes. */
export function quotedExamples(readme: string): string[] {
  return [...readme.matchAll(BLOCK), ...readme.matchAll(SPEC_BLOCK)].map((m) => m[2]);
}

if (require.main === module) {
  fs.writeFileSync(README, renderReadme(fs.readFileSync(README, 'utf8')));
  console.log(`README snippets refreshed: ${quotedExamples(fs.readFileSync(README, 'utf8')).join(', ')}`);
}
