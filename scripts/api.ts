/**
 * The public API of every entry point, recorded and checked (issue 13):
 *
 * - `tsx scripts/api.ts check` (in `npm test`): the reports api-extractor writes now must equal
 *   api/<entry>.api.md, every type an entry's API uses must be exported by it or by an entry its
 *   users reach, and the reference must build without warnings;
 * - `tsx scripts/api.ts update` (`npx projen api`): records the reports after a deliberate change;
 * - `tsx scripts/api.ts docs` (`npx projen docs:api`): builds the reference into docs/api/.
 *
 * All three read the declarations the type-check emits into build/dts (see .projenrc.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { translateFile } from './api/dialect';
import { entries, REPORTS, ROOT } from './api/entries';
import { declarationFiles, extractAll, freshReport } from './api/extract';
import { problems } from './api/findings';
import { KNOWN_ISSUES } from './api/known-issues';
import { buildReference } from './api/reference';

const mode = process.argv[2];
if (!['check', 'update', 'docs'].includes(mode)) {
  console.error('usage: tsx scripts/api.ts check|update|docs');
  process.exit(2);
}

const started = Date.now();
const all = entries();
const roots = declarationFiles();
roots.forEach(translateFile);
const found = problems(extractAll(all, roots), all);
const failures: string[] = [];

const fresh = found.filter((line) => !(line in KNOWN_ISSUES));
if (fresh.length) {
  failures.push(
    'API problems (a type the API uses that no entry point exports, a broken {@link}, bad TSDoc):',
    ...fresh.map((line) => `  ${line}`),
  );
}
const fixed = Object.keys(KNOWN_ISSUES).filter((line) => !found.includes(line));
if (fixed.length) {
  failures.push('Fixed, so remove from scripts/api/known-issues.ts:', ...fixed.map((line) => `  ${line}`));
}
const known = found.length - fresh.length;
if (known) console.log(`API: ${known} known doc-comment issues (scripts/api/known-issues.ts)`);

if (mode === 'update') {
  mkdirSync(REPORTS, { recursive: true });
  for (const entry of all) copyFileSync(freshReport(entry), path.join(REPORTS, `${entry.name}.api.md`));
  console.log(`API reports recorded in ${path.relative(ROOT, REPORTS)}/ for ${all.length} entry points`);
} else if (mode === 'check') {
  const changed = all.filter((entry) => {
    const committed = path.join(REPORTS, `${entry.name}.api.md`);
    return (
      !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(freshReport(entry), 'utf8')
    );
  });
  if (changed.length) {
    failures.push(
      `The public API changed: ${changed.map((e) => e.importPath).join(', ')}.`,
      '  If the change is deliberate, record it with `npx projen api` and commit api/*.api.md;',
      `  compare first: diff -r api ${path.relative(ROOT, path.dirname(freshReport(all[0])))}`,
    );
  }
}

if (mode !== 'update') failures.push(...buildReference(all));

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`API ${mode}: ${all.length} entry points in ${((Date.now() - started) / 1000).toFixed(1)} s`);
