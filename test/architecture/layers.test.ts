import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The dependency rule (docs/architecture.md), checked on the source text: core imports no engine (but its
 * one cdktf seam), patterns import core only, a cloud never imports another cloud or the other
 * engine, and provider packages are imported by deep path only.
 */
const SRC = path.resolve(__dirname, '../../src');
const ENGINE_SEAM = 'core/tf.ts';

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
  core: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\//, /^(aws|gcp|azure|patterns)(\/|$)/],
  patterns: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\//, /^(aws|gcp|azure)(\/|$)/, /^core\/tf$/],
  aws: [/^cdktf/, /^@cdktf\//, /^(gcp|azure)(\/|$)/, /^core\/tf$/],
  gcp: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\/provider-azurerm/, /^(aws|azure)(\/|$)/],
  azure: [/^aws-cdk-lib/, /^cdktf/, /^@cdktf\/provider-google/, /^(aws|gcp)(\/|$)/],
};

describe('layering', () => {
  test('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  test.each(Object.keys(FORBIDDEN))('%s imports nothing it must not', (name) => {
    const offending = files
      .filter((f) => layer(f.file) === name && f.file !== ENGINE_SEAM)
      .flatMap((f) =>
        f.imports.filter((i) => FORBIDDEN[name].some((re) => re.test(i))).map((i) => `${f.file} → ${i}`),
      );
    expect(offending).toEqual([]);
  });

  test('the engine seam is the only file that imports cdktf', () => {
    const importers = files.filter((f) => f.imports.some((i) => /^cdktf(\/|$)/.test(i))).map((f) => f.file);
    expect(importers).toEqual([ENGINE_SEAM]);
  });

  test('provider packages are imported by deep path only', () => {
    const roots = files.flatMap((f) =>
      f.imports.filter((i) => /^@cdktf\/provider-[^/]+$/.test(i)).map((i) => `${f.file} → ${i}`),
    );
    expect(roots).toEqual([]);
  });

  test('the core entry point does not re-export the engine seam', () => {
    expect(importsOf(path.join(SRC, 'core/index.ts'))).not.toContain('core/tf');
  });
});
