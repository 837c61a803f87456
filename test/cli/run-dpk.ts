import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { installedKit } from '../helpers/installed-kit';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');

/** What one `dpk` run printed and returned. */
export interface DpkRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * How `dpk` starts: the built command of the kit as installed (test/helpers/installed-kit.ts)
 * when the type-check has just compiled it, so `npm test` and CI run what users install; from
 * its sources through tsx otherwise.
 */
function dpkCommand(): string[] {
  const kit = installedKit();
  return kit
    ? [path.join(kit, 'bin', 'dpk.js')]
    : ['--require', 'tsx/cjs', path.join(ROOT, 'src/cli/main.ts')];
}

/**
 * Runs `dpk <args>` as a child process (as a user's shell would), from `cwd` (default: the
 * repository root; any folder works), with CI=true so no progress line is redrawn. The packed
 * package's own install is exercised by test/package.
 */
export function runDpk(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): DpkRun {
  const result = spawnSync(process.execPath, [...dpkCommand(), ...args], {
    cwd: options.cwd ?? ROOT,
    // NODE_PATH: tsx resolves from the repository even when `cwd` is a scratch folder elsewhere.
    env: {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      NODE_PATH: path.join(ROOT, 'node_modules'),
      ...options.env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
