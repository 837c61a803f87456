import { CliInputError } from '../input-error';

/** The `dpk diff` problem code for inputs it cannot read (a folder that is no synthesized output, a missing peer). */
export const DIFF_INPUT_ERROR_CODE = 'DPK_DIFF_INPUT';

/** A `dpk diff` input that cannot be compared (see {@link CliInputError}). */
export class DiffInputError extends CliInputError {
  constructor(message: string) {
    super(DIFF_INPUT_ERROR_CODE, message);
  }
}
