import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSansSerifFont } from '../../../src/cli/diagram/fonts';
import { resolveDiagramFormat } from '../../../src/cli/diagram/format';
import { loadModule, MissingModuleError } from '../../../src/cli/diagram/load-module';
import { DiagramIds } from '../../../src/cli/diagram/model';
import { PNG_ZOOM, renderPng, scaleFontSizes } from '../../../src/cli/diagram/png';

const ROOT = path.resolve(__dirname, '../../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

// Graphviz is an ES module, which this test runner cannot load in-process: SVG is tested through
// the CLI (cli.test.ts, docs-images.test.ts); PNG from the committed SVG.
const svg = fs.readFileSync(path.join(ROOT, 'docs/images/lakehouse-aws.svg'), 'utf8');

test('GIVEN an SVG WHEN drawn as PNG with the fonts found here THEN a PNG at twice its size', async () => {
  const png = await renderPng(svg);
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const svgWidth = Number(svg.match(/<svg width="(\d+)pt"/)![1]);
  // Graphviz sizes in points, resvg draws at 96 pixels an inch: 4/3 pixels a point.
  expect(Math.abs(pngSize(png).width - (PNG_ZOOM * svgWidth * 4) / 3)).toBeLessThanOrEqual(2);
});

test('GIVEN a machine without fonts WHEN drawn as PNG THEN a PNG all the same, and a note saying the text is missing', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-no-fonts-'));
  try {
    const search = findSansSerifFont([empty]);
    expect(search).toEqual({ fontFiles: 0 });
    const notes: string[] = [];
    const png = await renderPng(svg, { fonts: search, warn: (m) => notes.push(m) });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png).width).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      expect(notes).toEqual([expect.stringMatching(/no fonts found .* fonts-dejavu-core/)]);
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});

test('GIVEN font folders WHEN searched THEN the metric-compatible font is preferred, its bold too', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-fonts-'));
  try {
    fs.mkdirSync(path.join(dir, 'truetype/dejavu'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'truetype/liberation'), { recursive: true });
    for (const f of [
      'dejavu/DejaVuSans.ttf',
      'liberation/LiberationSans-Regular.ttf',
      'liberation/LiberationSans-Bold.ttf',
    ]) {
      fs.writeFileSync(path.join(dir, 'truetype', f), '');
    }
    expect(findSansSerifFont([dir])).toEqual({
      font: {
        family: 'Liberation Sans',
        files: [
          path.join(dir, 'truetype/liberation/LiberationSans-Regular.ttf'),
          path.join(dir, 'truetype/liberation/LiberationSans-Bold.ttf'),
        ],
        scale: 1,
      },
      fontFiles: 3,
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('GIVEN a package that is not installed WHEN loaded THEN the message given, not a stack', async () => {
  await expect(loadModule('@dpk-test/not-installed', 'install it')).rejects.toThrow(MissingModuleError);
  await expect(loadModule('@dpk-test/not-installed', 'install it')).rejects.toThrow('install it');
});

test('format: from --format, else from --output, else mermaid; png only to a file', () => {
  expect(resolveDiagramFormat('dot', 'x.svg')).toBe('dot');
  expect(resolveDiagramFormat(undefined, 'out/x.SVG')).toBe('svg');
  expect(resolveDiagramFormat(undefined, 'x.png')).toBe('png');
  expect(resolveDiagramFormat(undefined, 'x.md')).toBe('mermaid');
  expect(resolveDiagramFormat(undefined, 'x.gv')).toBe('dot');
  expect(resolveDiagramFormat(undefined, undefined)).toBe('mermaid');
  expect(() => resolveDiagramFormat(undefined, 'x.jpg')).toThrow(
    'cannot tell the format from --output "x.jpg". Received extension: ".jpg"; allowed: .svg, .png, .mmd, .md, .dot, .gv',
  );
  expect(() => resolveDiagramFormat('png', undefined)).toThrow(/needs --output FILE/);
});

test('ids: readable, unique when names differ only in punctuation, stable per name', () => {
  const ids = new DiagramIds();
  expect(ids.of('product', 'sales.order_lines')).toBe('product_sales_order_lines');
  expect(ids.of('product', 'sales-order.lines')).toBe('product_sales_order_lines_2');
  expect(ids.of('product', 'sales.order_lines')).toBe('product_sales_order_lines');
  expect(ids.of('zone', 'end')).toBe('zone_end');
});

test('GIVEN a font wider than Helvetica WHEN drawn THEN every font size is scaled, nothing else', () => {
  expect(scaleFontSizes('<text font-size="10.00" x="5">a</text><text font-size="14">b</text>', 0.88)).toBe(
    '<text font-size="8.80" x="5">a</text><text font-size="12.32">b</text>',
  );
});
