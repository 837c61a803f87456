import * as path from 'node:path';

/** The formats `dpk diagram` writes. */
export type DiagramFormat = 'svg' | 'png' | 'mermaid' | 'dot';

/** Every format, in the order `--help` lists them. */
export const DIAGRAM_FORMATS: readonly DiagramFormat[] = ['svg', 'png', 'mermaid', 'dot'];

/** The format each `--output` extension implies. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DiagramFormat>> = {
  '.svg': 'svg',
  '.png': 'png',
  '.mmd': 'mermaid',
  '.md': 'mermaid',
  '.dot': 'dot',
  '.gv': 'dot',
};

/** The format when neither `--format` nor `--output` says: text a terminal or Markdown can show. */
export const DEFAULT_DIAGRAM_FORMAT: DiagramFormat = 'mermaid';

/** A command line that cannot be served (exit 2), with the message to print. */
export class DiagramUsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'DiagramUsageError';
  }
}

/**
 * The format to write: `--format` when given, else the one `--output`'s extension implies,
 * else {@link DEFAULT_DIAGRAM_FORMAT}. Throws {@link DiagramUsageError} for an output extension
 * that implies no format, and for a PNG without `--output` (binary is not for a terminal).
 */
export function resolveDiagramFormat(
  format: DiagramFormat | undefined,
  output: string | undefined,
): DiagramFormat {
  let resolved = format;
  if (resolved === undefined && output !== undefined) {
    const extension = path.extname(output).toLowerCase();
    resolved = FORMAT_BY_EXTENSION[extension];
    if (resolved === undefined) {
      const known = Object.keys(FORMAT_BY_EXTENSION).join(', ');
      throw new DiagramUsageError(
        `dpk diagram: cannot tell the format from --output ${JSON.stringify(output)}. Received extension: ${JSON.stringify(extension)}; allowed: ${known}, or give --format svg|png|mermaid|dot`,
      );
    }
  }
  resolved ??= DEFAULT_DIAGRAM_FORMAT;
  if (resolved === 'png' && output === undefined) {
    throw new DiagramUsageError(
      'dpk diagram: --format png writes a binary file and needs --output FILE (e.g. --output platform.png); to print to the terminal use --format mermaid, dot or svg',
    );
  }
  return resolved;
}
