import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { diagramOfSpecFile } from './build';
import { type DiagramFormat, DiagramUsageError, resolveDiagramFormat } from './format';
import { MissingModuleError } from './load-module';
import { mermaidMarkdown, renderDiagram } from './render';
import { type CliIo, ExitCode } from '../io';
import { loadSpecFile } from '../spec/load';
import { displayPath } from '../spec/locate';
import { formatProblems, isSpecFileError } from '../spec/problems';
import type { CloudName } from '../spec/spec-file';

/** The options of `dpk diagram`, as parsed. */
export interface DiagramCommandOptions {
  readonly cloud?: CloudName;
  readonly format?: DiagramFormat;
  readonly output?: string;
}

/**
 * Runs `dpk diagram SPEC`: loads and validates the spec file, builds its diagram from the kit's
 * plan and writes it to `--output` (folders made as needed) or standard output. Resolves to the
 * exit code: 2 for a command line it cannot serve, 1 for an invalid spec, a missing renderer or
 * an unwritable output.
 */
export async function runDiagram(spec: string, options: DiagramCommandOptions, io: CliIo): Promise<ExitCode> {
  const started = process.hrtime.bigint();
  let format: DiagramFormat;
  try {
    format = resolveDiagramFormat(options.format, options.output);
  } catch (error) {
    if (!(error instanceof DiagramUsageError)) throw error;
    io.err(`${error.message}\n`);
    return ExitCode.USAGE;
  }
  try {
    const file = await loadSpecFile(spec, { cwd: io.cwd });
    const model = diagramOfSpecFile(file, options.cloud);
    const drawn = await renderDiagram(model, format, { warn: (m) => io.err(`${m}\n`) });
    if (options.output === undefined) {
      io.out(typeof drawn === 'string' ? drawn : drawn.toString('utf8'));
      return ExitCode.OK;
    }
    const target = path.resolve(io.cwd, options.output);
    const body =
      format === 'mermaid' && path.extname(target).toLowerCase() === '.md'
        ? mermaidMarkdown(drawn as string)
        : drawn;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, body);
    } catch (error) {
      io.err(`dpk diagram: cannot write ${options.output}: ${(error as Error).message}\n`);
      return ExitCode.FAILED;
    }
    const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);
    const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    io.out(
      `${displayPath(target, io.cwd)}: ${format}, ${model.nodes.length} nodes, ${model.edges.length} edges, ${bytes} bytes in ${seconds} s\n`,
    );
    return ExitCode.OK;
  } catch (error) {
    if (isSpecFileError(error)) {
      const n = error.problems.length;
      io.err(
        `${formatProblems(error.problems)}\n${spec}: ${n} problem${n === 1 ? '' : 's'}; nothing drawn\n`,
      );
      return ExitCode.FAILED;
    }
    if (error instanceof MissingModuleError) {
      io.err(`${error.message}\n`);
      return ExitCode.FAILED;
    }
    throw error;
  }
}
