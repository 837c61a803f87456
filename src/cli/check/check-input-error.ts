/** The code `dpk check` prints for input it cannot check (a folder without output, a bad file). */
export const CHECK_INPUT_CODE = 'DPK_CHECK_INPUT';

/**
 * Input `dpk check` cannot check: a folder that holds no synthesized output, a file that is not
 * JSON, a missing optional peer. The command prints the message (no stack trace) and exits 1.
 */
export class CheckInputError extends Error {
  public readonly code = CHECK_INPUT_CODE;

  constructor(message: string) {
    super(message);
    this.name = 'CheckInputError';
  }
}
