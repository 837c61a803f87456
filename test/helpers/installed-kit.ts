import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildLibrary, typeCheckBuild } from '../../scripts/library';

/** The repository root. */
const ROOT = path.resolve(__dirname, '../..');

/** This test file's scratch install, once made (removed after the file). */
let installed: string | undefined;
/** Whether the type-check build has been looked at in this test file (it is looked at once). */
let looked = false;
afterAll(() => {
  if (installed) fs.rmSync(installed, { recursive: true, force: true });
});

/**
 * The kit laid out as its package installs (package.json, bin/, lib/ with each cloud entry's
 * lazy twin, schemas/; the repository's node_modules beside them) in a scratch folder, made
 * once per test file from the test task's type-check build — or undefined when that build is
 * missing or older than a source (a lone `npx jest` after an edit), for the caller to run the
 * sources through tsx instead. Child processes that run it run what users install, without the
 * TypeScript runner's start-up in each.
 */
export function installedKit(): string | undefined {
  if (looked) return installed;
  looked = true;
  if (!typeCheckBuild()) return undefined;
  installed = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-installed-'));
  buildLibrary(path.join(installed, 'lib'));
  for (const file of ['package.json', 'bin']) {
    fs.cpSync(path.join(ROOT, file), path.join(installed, file), { recursive: true });
  }
  for (const dir of ['schemas', 'node_modules']) {
    fs.symlinkSync(path.join(ROOT, dir), path.join(installed, dir), 'dir');
  }
  return installed;
}
