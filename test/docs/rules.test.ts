import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRulesDocs, RULES_DOCS_DIR } from '../../scripts/rules-docs';
import { DATA_PLATFORM_RULES as AWS_RULES, ruleId } from '../../src/aws/compliance';
import { DATA_PLATFORM_RULES as AZURE_RULES } from '../../src/azure/compliance';
import { DATA_PLATFORM_RULES as GCP_RULES } from '../../src/gcp/compliance';

const pages = renderRulesDocs();

describe('docs/rules', () => {
  test.each(Object.keys(pages))(
    '%s is what the packs generate (refresh with `npx projen docs:rules`)',
    (file) => {
      const committed = path.join(RULES_DOCS_DIR, file);
      const onDisk = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '';
      if (onDisk !== pages[file]) {
        throw new Error(
          `docs/rules/${file} differs from the packs: run \`npx projen docs:rules\` and commit it`,
        );
      }
    },
  );

  test.each([
    ['aws.md', AWS_RULES.map(ruleId)],
    ['gcp.md', GCP_RULES.map((r) => r.id)],
    ['azure.md', AZURE_RULES.map((r) => r.id)],
  ])('%s lists every rule of its pack once', (file, ids) => {
    const rules = pages[file].slice(0, pages[file].indexOf('## Intents'));
    const rows = rules.split('\n').filter((l) => l.startsWith('| `'));
    for (const id of ids) {
      expect({ id, rows: rows.filter((r) => r.startsWith(`| \`${id}\` |`)).length }).toEqual({ id, rows: 1 });
    }
  });

  test.each([...GCP_RULES, ...AZURE_RULES].map((r) => [r.id, r.explanation] as const))(
    '%s says why it exists',
    (_, explanation) => expect(explanation.trim().length).toBeGreaterThan(40),
  );

  test('docs/compliance.md and docs/README.md link the three pages', () => {
    for (const [doc, prefix] of [
      ['compliance.md', 'rules/'],
      ['README.md', 'rules/'],
    ]) {
      const text = fs.readFileSync(path.join(RULES_DOCS_DIR, '..', doc), 'utf8');
      for (const file of Object.keys(pages)) expect(text).toContain(`(${prefix}${file})`);
    }
  });
});
