/**
 * The package's entry points, read from `exports` in package.json (projen writes it from
 * .projenrc.ts), with where their declarations, reports and reference pages live.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');
/** Scratch output of the API tasks (gitignored). */
export const BUILD = path.join(ROOT, 'build');
/** Declarations of src/, emitted by the test task's type-check (`tsc -p tsconfig.dev.json`). */
export const DTS = path.join(BUILD, 'dts', 'src');
/** The committed API reports, one per entry point. */
export const REPORTS = path.join(ROOT, 'api');
/** The generated API reference (gitignored). */
export const REFERENCE = path.join(ROOT, 'docs', 'api');
/** The package name, as users import it. */
export const PACKAGE = 'data-platform-kit';

/** One entry point of the package. */
export interface Entry {
  /** As users import it: `data-platform-kit`, `data-platform-kit/aws/compliance`. */
  readonly importPath: string;
  /** File-name stem of its report, doc model and reference folder: `index`, `aws-compliance`. */
  readonly name: string;
  /** Its folder under src/, `''` for the root: `aws/compliance`. */
  readonly folder: string;
  /** Its declaration file under {@link DTS}. */
  readonly dts: string;
}

/** Every entry point in package.json `exports`, the root first. */
export function entries(): Entry[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  return Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) => {
      const folder = key.replace(/^\.\/?/, '');
      return {
        importPath: folder ? `${PACKAGE}/${folder}` : PACKAGE,
        name: folder ? folder.replace(/\//g, '-') : 'index',
        folder,
        dts: path.join(DTS, folder, 'index.d.ts'),
      };
    });
}

/**
 * The entries whose exports `entry` may refer to without exporting them itself: everything may
 * use core's vocabulary and the pattern specs, and a cloud's blocks and its compliance pack
 * share types. A type or `{@link}` found there is reachable by users, not forgotten.
 */
export function neighbours(entry: Entry, all: readonly Entry[]): Entry[] {
  const cloud = entry.folder.split('/')[0];
  const names = new Set(['core', 'patterns']);
  if (['aws', 'gcp', 'azure'].includes(cloud)) {
    names.add(cloud);
    names.add(`${cloud}/compliance`);
  }
  names.delete(entry.folder);
  return all.filter((e) => names.has(e.folder));
}
