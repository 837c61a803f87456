import { type FontSearch, findSansSerifFont } from './fonts';
import { loadModule } from './load-module';

/** The part of @resvg/resvg-js the diagram uses. */
interface ResvgModule {
  readonly Resvg: new (
    svg: string,
    options: {
      readonly fitTo: { readonly mode: 'zoom'; readonly value: number };
      readonly background: string;
      readonly logLevel: 'off';
      readonly font: {
        readonly loadSystemFonts: boolean;
        readonly fontFiles?: readonly string[];
        readonly defaultFontFamily?: string;
        readonly sansSerifFamily?: string;
      };
    },
  ) => { render(): { asPng(): Buffer } };
}

/** How much larger than the SVG's own size the PNG is drawn, for sharp text. */
export const PNG_ZOOM = 2;

/** What to do about fonts; a seam for tests. */
export interface PngOptions {
  /**
   * The font search to use.
   * @default - `findSansSerifFont()` over the system's font folders
   */
  readonly fonts?: FontSearch;
  /** Where a note goes (no font found). @default - nowhere */
  readonly warn?: (message: string) => void;
}

/**
 * Draws an SVG as a PNG on a white background with @resvg/resvg-js (an optional peer of the kit:
 * a clear error when it is not installed). Text uses the first sans-serif font found on the
 * machine (Liberation Sans, DejaVu Sans, …), else the system's fonts; with none at all, the
 * PNG is still written, without text, and `warn` says so.
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Buffer> {
  const { Resvg } = await loadModule<ResvgModule>(
    '@resvg/resvg-js',
    'dpk diagram: PNG output needs @resvg/resvg-js, an optional peer of data-platform-kit: run `npm install --save-dev @resvg/resvg-js`, or use --format svg',
  );
  const search = options.fonts ?? findSansSerifFont();
  const font = search.font
    ? {
        loadSystemFonts: false,
        fontFiles: search.font.files,
        defaultFontFamily: search.font.family,
        sansSerifFamily: search.font.family,
      }
    : { loadSystemFonts: true };
  if (
    !search.font &&
    search.fontFiles === 0 &&
    process.platform !== 'darwin' &&
    process.platform !== 'win32'
  ) {
    options.warn?.(
      'dpk diagram: no fonts found in the system font folders, so the PNG has no text: install a font package (Debian: fonts-dejavu-core or fonts-liberation), or use --format svg',
    );
  }
  const scale = search.font?.scale ?? 1;
  const sized = scale === 1 ? svg : scaleFontSizes(svg, scale);
  const resvg = new Resvg(sized, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: 'white',
    logLevel: 'off',
    font,
  });
  return resvg.render().asPng();
}

/** The SVG with every `font-size` attribute times `scale` (text stays centred: Graphviz anchors it in the middle). */
export function scaleFontSizes(svg: string, scale: number): string {
  return svg.replace(
    /font-size="([0-9.]+)"/g,
    (_, size: string) => `font-size="${(Number(size) * scale).toFixed(2)}"`,
  );
}
