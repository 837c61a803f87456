import { renderDot } from './dot';
import type { DiagramFormat } from './format';
import { renderMermaid } from './mermaid';
import type { DiagramModel } from './model';
import { type PngOptions, renderPng } from './png';
import { renderSvg } from './svg';

/**
 * The model drawn in `format`: text for mermaid, dot and svg, bytes for png. Graphviz loads
 * only for svg and png, resvg only for png.
 */
export async function renderDiagram(
  model: DiagramModel,
  format: DiagramFormat,
  pngOptions: PngOptions = {},
): Promise<string | Buffer> {
  if (format === 'mermaid') return renderMermaid(model);
  const dot = renderDot(model);
  if (format === 'dot') return dot;
  const svg = await renderSvg(dot);
  if (format === 'svg') return svg;
  return renderPng(svg, pngOptions);
}

/** Text as a Markdown document's Mermaid block, for `--output *.md`. */
export function mermaidMarkdown(mermaid: string): string {
  return `\`\`\`mermaid\n${mermaid}\`\`\`\n`;
}
