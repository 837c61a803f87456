import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The dependency rule (docs/architecture.md), checked on the source text: core imports no engine,
 * patterns import core only, the Terraform seam (src/terraform) is the only code that imports
 * cdktf and is used by GCP and Azure only, a cloud never imports another cloud or the other
 * engine, and provider packages are imported by deep path only. No layer has an exception.
 */
const SRC = path.resolve(__dirname, '../../src');
/** The Terraform seam: the one folder that imports cdktf itself. */
const TERRAFORM_SEAM = 'terraform';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports, re-exports or requires. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import|require\()\s*'([^']+)'/g)].map((m) => m[1]);
  return specifiers.map((s) =>
    s.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), s)) : s,
  );
}

const files = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), imports: importsOf(file) }));
const layer = (rel: string) => rel.split(path.sep)[0];

/** Forbidden import patterns per layer. */
const FORBIDDEN: Record<string, RegExp[]> = {
  core: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\//, /^(aws|gcp|azure|patterns|terraform)(\/|$)/],
  patterns: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\//, /^(aws|gcp|azure|terraform)(\/|$)/],
  terraform: [
    /^aws-cdk-lib/,
    /^cdktf\/lib\//,
    /^@cdktf\/provider-(google|azurerm)/,
    /^(aws|gcp|azure|patterns)(\/|$)/,
  ],
  aws: [/^cdktf/, /^@cdktf\//, /^(gcp|azure|terraform)(\/|$)/],
  gcp: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\/provider-azurerm/, /^(aws|azure)(\/|$)/],
  azure: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\/provider-google/, /^(aws|gcp)(\/|$)/],
  // The CLI drives every cloud, but through the clouds' own blocks and the Terraform seam.
  cli: [/^cdktf/, /^@cdktf\//],
};

describe('layering', () => {
  test('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test.each(Object.keys(FORBIDDEN))('%s imports nothing it must not', (name) => {
    const offending = files
      .filter((f) => layer(f.file) === name)
      .flatMap((f) =>
        f.imports.filter((i) => FORBIDDEN[name].some((re) => re.test(i))).map((i) => `${f.file} → ${i}`),
      );
    expect(offending).toEqual([]);
  });

  test('every layer has a rule', () => {
    expect([...new Set(files.map((f) => layer(f.file)))].filter((l) => !l.endsWith('.ts')).sort()).toEqual(
      Object.keys(FORBIDDEN).sort(),
    );
  });

  test('only the Terraform seam imports cdktf, and never its internals', () => {
    const importers = files.filter((f) => f.imports.some((i) => /^cdktf(\/|$)/.test(i)));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => layer(f.file) !== TERRAFORM_SEAM).map((f) => f.file)).toEqual([]);
    expect(importers.flatMap((f) => f.imports.filter((i) => i.startsWith('cdktf/')))).toEqual([]);
  });

  test('provider packages are imported by deep path only', () => {
    const roots = files.flatMap((f) =>
      f.imports.filter((i) => /^@cdktf\/provider-[^/]+$/.test(i)).map((i) => `${f.file} → ${i}`),
    );
    expect(roots).toEqual([]);
  });

  test('no entry point but gcp and azure (and their compliance) reaches the Terraform seam', () => {
    const reaches = (rel: string) => importsOf(path.join(SRC, rel)).some((i) => i.startsWith(TERRAFORM_SEAM));
    expect(['index.ts', 'core/index.ts', 'patterns/index.ts', 'aws/index.ts'].filter(reaches)).toEqual([]);
  });

  test.each(['aws', 'gcp', 'azure'])(
    "%s: a block folder's private/ serves that block only; the cloud's private/ serves several",
    (cloud) => {
      const fileOf = (rel: string) => (rel.endsWith('.ts') ? rel : `${rel}.ts`);
      const importersOf = (rel: string) =>
        files
          .filter((f) => f.imports.some((i) => fileOf(i) === rel || `${i}/index.ts` === rel))
          .map((f) => f.file);
      const blockOf = (rel: string) => rel.split(path.sep)[1];
      const shared = `${cloud}${path.sep}private${path.sep}`;
      // The block folders a cloud-private file serves, through other cloud-private files too.
      const servedBy = (rel: string, seen = new Set<string>()): Set<string> => {
        const blocks = new Set<string>();
        for (const importer of importersOf(rel)) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          if (importer.startsWith(shared)) servedBy(importer, seen).forEach((b) => blocks.add(b));
          else if (layer(importer) === cloud) blocks.add(blockOf(importer));
        }
        return blocks;
      };
      const cloudPrivate = files.filter((f) => f.file.startsWith(shared)).map((f) => f.file);
      expect(cloudPrivate.filter((f) => servedBy(f).size < 2)).toEqual([]);

      const blockPrivate = files
        .map((f) => f.file)
        .filter((f) => layer(f) === cloud && f.split(path.sep)[2] === 'private');
      const strays = blockPrivate.flatMap((f) =>
        importersOf(f)
          // The cloud's entry point may name a type a public member returns (export type).
          .filter((importer) => importer !== `${cloud}${path.sep}index.ts`)
          .filter((importer) => layer(importer) !== cloud || blockOf(importer) !== blockOf(f))
          .map((importer) => `${importer} → ${f}`),
      );
      expect(strays).toEqual([]);
    },
  );
});
