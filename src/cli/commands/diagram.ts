import { type Command, Option } from 'commander';
import { DIAGRAM_FORMATS, type DiagramFormat } from '../diagram/format';
import { runDiagram } from '../diagram/run-diagram';
import type { CommandContext } from '../io';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/**
 * Adds `dpk diagram SPEC [--cloud aws|gcp|azure] [--format svg|png|mermaid|dot] [--output FILE]`:
 * a picture of the platform from the kit's plan, drawn offline — a lakehouse's zones, personas'
 * access, streams, pipelines and catalog; a mesh's domains, products, lineage and subscriptions.
 * `--cloud` names each part's service on that cloud; the format defaults from `--output`'s
 * extension, else Mermaid on standard output.
 */
export function register(program: Command, context: CommandContext): void {
  program
    .command('diagram')
    .description('Draw the platform a spec file declares (Mermaid, Graphviz DOT, SVG or PNG), offline')
    .argument('<spec>', 'the spec file (.yaml, .yml or .json)')
    .addOption(
      new Option(
        '--cloud <cloud>',
        "name each part's service on this cloud (default: neutral names)",
      ).choices(CLOUDS),
    )
    .addOption(
      new Option(
        '--format <format>',
        'svg, png, mermaid or dot (default: from --output: .svg, .png, .mmd/.md, .dot/.gv; else mermaid)',
      ).choices(DIAGRAM_FORMATS),
    )
    .option('--output <file>', 'where to write (default: standard output; png needs a file)')
    .action(async (spec: string, options: { cloud?: CloudName; format?: DiagramFormat; output?: string }) => {
      context.exit(await runDiagram(spec, options, context.io));
    });
}
