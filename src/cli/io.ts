/** Exit codes of `dpk`: documented in docs/cli.md and asserted by the end-to-end tests. */
export enum ExitCode {
  /** The command did what it was asked and found nothing wrong. */
  OK = 0,
  /** The input is invalid, or the command found problems (findings, data loss, spec errors). */
  FAILED = 1,
  /** The command line itself is wrong (unknown command or option, missing argument). */
  USAGE = 2,
  /** The kit failed unexpectedly: a bug to report (the message says where, `DPK_DEBUG=1` adds the trace). */
  INTERNAL = 3,
}

/** Where a command writes and what it resolves relative paths against; a seam for in-process tests. */
export interface CliIo {
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** Whether standard error is a terminal: progress lines are redrawn in place only then. */
  readonly interactive: boolean;
  /** Writes to standard output (a newline is not added). */
  out(text: string): void;
  /** Writes to standard error (a newline is not added). */
  err(text: string): void;
}

/** The process's own streams and working directory. */
export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && process.env.CI !== 'true',
  };
}

/** What every command receives: its streams, and how to report its exit code. */
export interface CommandContext {
  readonly io: CliIo;
  /** Records the command's exit code (the last call wins). */
  exit(code: ExitCode): void;
}
