// @slow: runs dpk as a child process ten times (about 1 s each: tsx, then Graphviz for SVG and PNG)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runDpk } from '../run-dpk';

const LAKEHOUSE = 'examples/specs/lakehouse.yaml';
const MESH = 'examples/specs/mesh.yaml';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-diagram-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('GIVEN no --format or --output THEN Mermaid on standard output, neutral names', () => {
  const run = runDpk(['diagram', MESH]);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^---\ntitle: "data mesh acme"\n---\nflowchart LR\n/);
  expect(run.stdout).toContain('product_sales_orders -.->|"input of"| product_sales_order_lines');
  expect(run.stderr).toBe('');
});

test('GIVEN --format dot --cloud gcp THEN DOT naming the Google services', () => {
  const run = runDpk(['diagram', LAKEHOUSE, '--format', 'dot', '--cloud', 'gcp']);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^digraph platform \{/);
  expect(run.stdout).toContain('Cloud Storage bucket');
  expect(run.stdout).toContain('Dataproc Serverless Spark');
});

test('GIVEN --output *.svg and *.png THEN each file in its format, a line saying what was written', () => {
  const svg = runDpk([
    'diagram',
    LAKEHOUSE,
    '--cloud',
    'azure',
    '--output',
    path.join(dir, 'nested/lakehouse.svg'),
  ]);
  expect(svg.code).toBe(0);
  expect(svg.stdout).toMatch(/lakehouse\.svg: svg, 13 nodes, 17 edges, \d+ bytes in \d+\.\d\d s\n$/);
  const text = fs.readFileSync(path.join(dir, 'nested/lakehouse.svg'), 'utf8');
  expect(text).toContain('<svg ');
  expect(text).toContain('ADLS Gen2 container');

  const png = runDpk(['diagram', MESH, '--output', path.join(dir, 'mesh.png')]);
  expect(png.code).toBe(0);
  const bytes = fs.readFileSync(path.join(dir, 'mesh.png'));
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(10_000);
});

test('GIVEN --output *.md THEN a Markdown file with a mermaid block', () => {
  const run = runDpk(['diagram', MESH, '--cloud', 'aws', '--output', path.join(dir, 'mesh.md')]);
  expect(run.code).toBe(0);
  const text = fs.readFileSync(path.join(dir, 'mesh.md'), 'utf8');
  expect(text).toMatch(/^```mermaid\n---\ntitle: "data mesh acme on AWS"/);
  expect(text.endsWith('```\n')).toBe(true);
});

test('GIVEN a bad --format, a png to the terminal or an unknown extension THEN exit 2 with what is allowed', () => {
  const format = runDpk(['diagram', MESH, '--format', 'jpg']);
  expect(format.code).toBe(2);
  expect(format.stderr).toContain("argument 'jpg' is invalid. Allowed choices are svg, png, mermaid, dot.");

  const png = runDpk(['diagram', MESH, '--format', 'png']);
  expect(png.code).toBe(2);
  expect(png.stderr).toContain('--format png writes a binary file and needs --output FILE');
  expect(png.stdout).toBe('');

  const extension = runDpk(['diagram', MESH, '--output', path.join(dir, 'x.jpg')]);
  expect(extension.code).toBe(2);
  expect(extension.stderr).toContain('Received extension: ".jpg"; allowed: .svg, .png, .mmd, .md, .dot, .gv');
});

test('GIVEN a spec with a problem THEN exit 1, the problem at its line, nothing drawn', () => {
  const spec = path.join(dir, 'bad.yaml');
  fs.writeFileSync(
    spec,
    'lakehouse:\n  platformName: sales\n  streams:\n    - { name: clicks, zone: nowhere }\n',
  );
  const run = runDpk(['diagram', spec, '--output', path.join(dir, 'bad.svg')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(
    'bad.yaml:4:29  DPK_UNKNOWN_ZONE  lakehouse.streams["clicks"].zone: must be one of the declared zones: raw, curated, serving. Received: "nowhere"',
  );
  expect(run.stderr).toContain('1 problem; nothing drawn');
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(path.join(dir, 'bad.svg'))).toBe(false);
});

test('GIVEN an --output that cannot be written THEN exit 1 naming it and the reason', () => {
  const blocker = path.join(dir, 'a-file');
  fs.writeFileSync(blocker, '');
  const run = runDpk(['diagram', MESH, '--output', path.join(blocker, 'mesh.svg')]);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^dpk diagram: cannot write .*a-file\/mesh\.svg: EEXIST/);
  expect(run.stderr).not.toMatch(/\n\s+at /);
});
