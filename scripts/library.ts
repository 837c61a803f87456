/**
 * The library as it is published (lib/: tsc's JavaScript and declarations, each cloud entry's
 * lazy runtime twin), built into a scratch folder and installed next to the engines: what the
 * packed-package test (test/package) packs and what the bench (scripts/bench.ts) runs the
 * examples against, the way a user's app loads the kit from node_modules.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyEntries } from './entries';

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
/** Where the test task's type-check emits (see .projenrc.ts): src/ compiles to TYPE_CHECK_BUILD/. */
const TYPE_CHECK_BUILD = path.join(ROOT, 'build', 'dts', 'src');

/** The engines a consumer installs next to the kit (all of them: the examples span the clouds). */
export const ENGINES = [
  'aws-cdk-lib',
  'constructs',
  'cdktf',
  'cdk-nag',
  '@cdktf/provider-google',
  '@cdktf/provider-google-beta',
  '@cdktf/provider-azurerm',
  '@cdktf/provider-time',
  '@types/node',
] as const;

/** Every file below `dir`, relative to it. */
const filesBelow = (dir: string): string[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));

/**
 * The library as the test task's first step compiled it (`tsc -p tsconfig.dev.json`, whose
 * compiler options are tsconfig.json's plus path mappings, emits the same JavaScript and
 * declarations), when it is there and current: one output of each kind per source, each newer
 * than every source and tsconfig.
 */
export function typeCheckBuild(): string | undefined {
  if (!fs.existsSync(TYPE_CHECK_BUILD)) return undefined;
  const sources = filesBelow(SRC).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const outputs = filesBelow(TYPE_CHECK_BUILD).filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'));
  const expected = sources.flatMap((f) => [f.replace(/\.ts$/, '.js'), f.replace(/\.ts$/, '.d.ts')]);
  if (outputs.length !== expected.length || !expected.every((f) => outputs.includes(f))) return undefined;
  const mtime = (f: string) => fs.statSync(f).mtimeMs;
  const newestInput = Math.max(
    ...sources.map((f) => mtime(path.join(SRC, f))),
    ...['tsconfig.json', 'tsconfig.dev.json'].map((f) => mtime(path.join(ROOT, f))),
  );
  return outputs.every((f) => mtime(path.join(TYPE_CHECK_BUILD, f)) > newestInput)
    ? TYPE_CHECK_BUILD
    : undefined;
}

/**
 * Writes the published lib/ into `libDir`: the type-check's build when current (see
 * typeCheckBuild), else compiled as the package build does (the project's tsconfig); then each
 * cloud entry's lazy runtime twin over tsc's index.js, as the compile task does.
 */
export function buildLibrary(libDir: string): void {
  const built = typeCheckBuild();
  if (built) {
    fs.cpSync(built, libDir, { recursive: true });
  } else {
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json'), '--outDir', libDir], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      throw new Error(`tsc -p tsconfig.json failed:\n${stdout ?? ''}${stderr ?? ''}`);
    }
  }
  copyEntries(libDir);
}

/** Links each of ENGINES from this repository into `nodeModules` (no network). */
export function linkEngines(nodeModules: string): void {
  for (const engine of ENGINES) {
    const link = path.join(nodeModules, engine);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules', engine), link, 'dir');
  }
}
