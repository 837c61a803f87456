/**
 * Input a command cannot use — a folder without synthesized output, a file that is not JSON, a
 * missing optional peer. The command prints the message as one line (no stack trace) and exits 1.
 */
export class CliInputError extends Error {
  /**
   * @param code the command's problem code (e.g. `DPK_CHECK_INPUT`)
   * @param message names the folder or file, what was found and what is expected
   */
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
