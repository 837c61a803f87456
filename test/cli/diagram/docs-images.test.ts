import * as fs from 'node:fs';
import { DOCS_IMAGES, DOCS_MERMAID, mermaidBlocks, REFRESH_COMMAND, UPDATE_IMAGES_ENV } from './docs-images';
import { runDpk } from '../run-dpk';

describe.each(DOCS_IMAGES)('$file', ({ file, args }) => {
  test('is what dpk diagram draws now', () => {
    const run = runDpk(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    if (process.env[UPDATE_IMAGES_ENV] === '1') fs.writeFileSync(file, run.stdout);
    const committed = fs.readFileSync(file, 'utf8');
    if (committed !== run.stdout) {
      throw new Error(`${file} is stale: the diagram drawn now differs. Refresh it with: ${REFRESH_COMMAND}`);
    }
  });
});

test('docs/cli.md quotes the Mermaid that dpk diagram draws now', () => {
  const run = runDpk(DOCS_MERMAID.args);
  expect(run.code).toBe(0);
  const markdown = fs.readFileSync(DOCS_MERMAID.file, 'utf8');
  const [block, ...others] = mermaidBlocks(markdown).filter(
    (b) => b.split('\n')[1] === run.stdout.split('\n')[1],
  );
  expect(others).toEqual([]);
  if (process.env[UPDATE_IMAGES_ENV] === '1' && block !== undefined) {
    fs.writeFileSync(
      DOCS_MERMAID.file,
      markdown.replace(block, () => run.stdout),
    );
    return;
  }
  if (block !== run.stdout) {
    throw new Error(
      `${DOCS_MERMAID.file}'s mermaid block is stale or missing. Refresh it with: ${REFRESH_COMMAND}`,
    );
  }
});
