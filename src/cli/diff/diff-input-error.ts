/** The `dpk diff` problem code for inputs it cannot read (a folder that is no synthesized output, a missing peer). */
export const DIFF_INPUT_ERROR_CODE = 'DPK_DIFF_INPUT';

/**
 * A `dpk diff` input that cannot be compared: the message names the folder or file, what was
 * found and what is expected. The command prints it as one line and exits 1.
 */
export class DiffInputError extends Error {
  /** Always {@link DIFF_INPUT_ERROR_CODE}. */
  public readonly code = DIFF_INPUT_ERROR_CODE;

  constructor(message: string) {
    super(message);
    this.name = 'DiffInputError';
  }
}
