import { CliInputError } from '../input-error';

/** The code `dpk check` prints for input it cannot check (a folder without output, a bad file). */
export const CHECK_INPUT_CODE = 'DPK_CHECK_INPUT';

/** Input `dpk check` cannot check (see {@link CliInputError}). */
export class CheckInputError extends CliInputError {
  constructor(message: string) {
    super(CHECK_INPUT_CODE, message);
  }
}
