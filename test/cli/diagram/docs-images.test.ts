import * as fs from 'node:fs';
import { DOCS_IMAGES, REFRESH_COMMAND, UPDATE_IMAGES_ENV } from './docs-images';
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
