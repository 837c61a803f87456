/**
 * Progress of a synthesis that writes several stacks (a data mesh of a hundred domains takes
 * tens of seconds): on an interactive terminal one line on standard error, redrawn in place;
 * elsewhere (CI, a pipe) one line per stack as it is written. A single stack shows none.
 */
import type { CliIo } from '../io';
import type { CloudName } from '../spec/spec-file';

/** What a renderer reports while it works. */
export interface SynthProgress {
  /** The cloud's constructs are being built (before any stack is written). */
  building(cloud: CloudName): void;
  /** `total` stacks of `cloud` are being written: `stackWritten` follows once per stack. */
  writing(cloud: CloudName, total: number): void;
  /** One stack is written (and checked, when compliance gates the synthesis). */
  stackWritten(cloud: CloudName, stack: string): void;
  /** Everything is written: clears the redrawn line. */
  finish(): void;
}

/** Erases the terminal's current line and returns the cursor to its start. */
const CLEAR_LINE = '\r\x1b[2K';

/** A progress display on `io`'s standard error. */
export function progressOn(io: CliIo): SynthProgress {
  let total = 0;
  let written = 0;
  let drawn = false;
  const draw = (text: string): void => {
    if (!io.interactive) return;
    io.err(`${CLEAR_LINE}${text}`);
    drawn = true;
  };
  return {
    building: (cloud) => draw(`${cloud}: building the constructs…`),
    writing: (cloud, stacks) => {
      total = stacks;
      written = 0;
      draw(`${cloud}: writing ${stacks} stack${stacks === 1 ? '' : 's'}…`);
    },
    stackWritten: (cloud, stack) => {
      written += 1;
      if (total <= 1) return;
      const line = `${cloud}: ${written}/${total} stacks written (${stack})`;
      if (io.interactive) draw(line);
      else io.err(`${line}\n`);
    },
    finish: () => {
      if (drawn) io.err(CLEAR_LINE);
      drawn = false;
    },
  };
}

/** A progress display that shows nothing (for callers such as `dpk check` that print their own). */
export const SILENT_PROGRESS: SynthProgress = {
  building: () => undefined,
  writing: () => undefined,
  stackWritten: () => undefined,
  finish: () => undefined,
};
