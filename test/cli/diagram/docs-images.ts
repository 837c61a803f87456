import * as path from 'node:path';
import { ROOT } from '../run-dpk';

/** The env variable that makes the docs-images test rewrite the images instead of comparing them. */
export const UPDATE_IMAGES_ENV = 'DPK_UPDATE_IMAGES';

/** The command that refreshes the committed images. */
export const REFRESH_COMMAND = `${UPDATE_IMAGES_ENV}=1 npx jest test/cli/diagram/docs-images.test.ts`;

/** One picture the docs show: where it is committed and the `dpk diagram` arguments that draw it. */
export interface DocsImage {
  readonly file: string;
  readonly args: readonly string[];
}

/** The pictures README.md and docs/cli.md show, each drawn from an example spec file. */
export const DOCS_IMAGES: readonly DocsImage[] = [
  {
    file: path.join(ROOT, 'docs/images/lakehouse-aws.svg'),
    args: ['diagram', 'examples/specs/lakehouse.yaml', '--cloud', 'aws', '--format', 'svg'],
  },
  {
    file: path.join(ROOT, 'docs/images/data-mesh.svg'),
    args: ['diagram', 'examples/specs/mesh.yaml', '--format', 'svg'],
  },
];

/** The Mermaid block docs/cli.md quotes, and the arguments that draw it. */
export const DOCS_MERMAID = {
  file: path.join(ROOT, 'docs/cli.md'),
  args: ['diagram', 'examples/specs/lakehouse.yaml', '--cloud', 'aws'],
} as const;

/** The ```mermaid blocks of a Markdown text, their contents without the fences. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}
