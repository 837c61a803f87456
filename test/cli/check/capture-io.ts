import type { CliIo } from '../../../src/cli/io';

/** A CliIo that keeps what a command writes, for in-process tests. */
export interface CapturedIo extends CliIo {
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/** A CliIo rooted at `cwd` that records standard output and error. */
export function captureIo(cwd: string): CapturedIo {
  let out = '';
  let err = '';
  return {
    cwd,
    interactive: false,
    out: (text) => (out += text),
    err: (text) => (err += text),
    stdout: () => out,
    stderr: () => err,
  };
}
