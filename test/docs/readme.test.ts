import * as fs from 'node:fs';
import * as path from 'node:path';
import { quotedExamples, README, renderReadme } from '../../scripts/readme-snippets';

const ROOT = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(README, 'utf8');

describe('README', () => {
  test('quotes every example, and how the compliance packs run', () => {
    const examples = fs
      .readdirSync(path.join(ROOT, 'examples'))
      .filter((name) => fs.existsSync(path.join(ROOT, 'examples', name, 'app.ts')));
    expect(examples.length).toBeGreaterThanOrEqual(12);
    expect(quotedExamples(readme)).toEqual(
      expect.arrayContaining([...examples, 'lake-storage-aws/main.ts', 'lake-storage-gcp/main.ts']),
    );
  });

  test('snippets are identical to the examples (refresh with `npx projen readme`)', () => {
    expect(renderReadme(readme)).toBe(readme);
  });

  test('names the two set-up commands, and CI runs the test command', () => {
    expect(readme).toContain('npm ci && npm run synth');
    expect(readme).toContain('npm test');
    expect(fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test\b/m);
  });
});
