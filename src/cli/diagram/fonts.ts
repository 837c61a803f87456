import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A sans-serif font found on this machine: its family and files (regular, and bold when found). */
export interface DiagramFont {
  readonly family: string;
  readonly files: readonly string[];
  /**
   * The size to draw text at, relative to the SVG's: Graphviz sizes labels with Helvetica's
   * metrics, so a wider font is drawn smaller to stay inside its box (1 for Helvetica's metrics).
   */
  readonly scale: number;
}

/** What the font search found. */
export interface FontSearch {
  /** The preferred font found, if any. */
  readonly font?: DiagramFont;
  /** How many font files the folders hold in all (0: this machine has no fonts there). */
  readonly fontFiles: number;
}

/**
 * Sans-serif fonts in order of preference, by the file names Linux distributions install them
 * under: first those with Helvetica's metrics (the labels are sized with them), then wider ones.
 */
const CANDIDATES: readonly {
  family: string;
  regular: readonly string[];
  bold: readonly string[];
  scale: number;
}[] = [
  {
    family: 'Liberation Sans',
    regular: ['LiberationSans-Regular.ttf'],
    bold: ['LiberationSans-Bold.ttf'],
    scale: 1,
  },
  { family: 'Arimo', regular: ['Arimo-Regular.ttf'], bold: ['Arimo-Bold.ttf'], scale: 1 },
  { family: 'Nimbus Sans', regular: ['NimbusSans-Regular.otf'], bold: ['NimbusSans-Bold.otf'], scale: 1 },
  {
    family: 'FreeSans',
    regular: ['FreeSans.ttf', 'FreeSans.otf'],
    bold: ['FreeSansBold.ttf', 'FreeSansBold.otf'],
    scale: 1,
  },
  { family: 'DejaVu Sans', regular: ['DejaVuSans.ttf'], bold: ['DejaVuSans-Bold.ttf'], scale: 0.85 },
  { family: 'Noto Sans', regular: ['NotoSans-Regular.ttf'], bold: ['NotoSans-Bold.ttf'], scale: 0.94 },
];

/** Where Linux and BSD systems keep fonts (macOS and Windows match the SVG's Helvetica and Arial by themselves). */
export function defaultFontDirs(): string[] {
  const home = os.homedir();
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.local/share/fonts'),
    path.join(home, '.fonts'),
  ];
}

/** Font files under `dir`, by file name (first found wins), at most `depth` folders down. */
function scan(dir: string, depth: number, found: Map<string, string>, counter: { n: number }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // a folder that does not exist or cannot be read holds no fonts for us
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) {
      scan(full, depth - 1, found, counter);
    } else if (/\.(ttf|otf|ttc)$/i.test(entry.name)) {
      counter.n++;
      if (!found.has(entry.name)) found.set(entry.name, full);
    }
  }
}

/** Looks for the preferred sans-serif font in `dirs` (default: {@link defaultFontDirs}). */
export function findSansSerifFont(dirs: readonly string[] = defaultFontDirs()): FontSearch {
  const found = new Map<string, string>();
  const counter = { n: 0 };
  for (const dir of dirs) scan(dir, 4, found, counter);
  for (const candidate of CANDIDATES) {
    const regular = candidate.regular.map((f) => found.get(f)).find((f) => f !== undefined);
    if (regular === undefined) continue;
    const bold = candidate.bold.map((f) => found.get(f)).find((f) => f !== undefined);
    return {
      font: {
        family: candidate.family,
        files: bold === undefined ? [regular] : [regular, bold],
        scale: candidate.scale,
      },
      fontFiles: counter.n,
    };
  }
  return { fontFiles: counter.n };
}
