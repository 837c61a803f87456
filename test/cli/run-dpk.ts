import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');
/** The CLI's entry, run from its sources with the project's runner (tsx). */
const MAIN = path.join(ROOT, 'src/cli/main.ts');

/** What one `dpk` run printed and returned. */
export interface DpkRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `dpk <args>` as a child process (as a user's shell would), from `cwd` (default: the
 * repository root; any folder works), with CI=true so no progress line is redrawn. The packed package's own
 * `bin/dpk.js` is exercised by test/package.
 */
export function runDpk(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): DpkRun {
  const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', MAIN, ...args], {
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
