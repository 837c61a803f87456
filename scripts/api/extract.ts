/**
 * Runs api-extractor over every entry point in one Node process, on one shared TypeScript
 * program, writing each entry's fresh report and doc model under build/api/.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  type IConfigFile,
} from '@microsoft/api-extractor';
import { BUILD, DTS, type Entry, ROOT } from './entries';

/** One message api-extractor reported for an entry. */
export interface EntryMessage {
  readonly entry: Entry;
  readonly id: string;
  readonly text: string;
  /** `file:line` of the declaration it is about, relative to the repository. */
  readonly where: string;
}

/** Where the fresh report of `entry` is written. */
export function freshReport(entry: Entry): string {
  return path.join(BUILD, 'api', 'reports', `${entry.name}.api.md`);
}

/** The folder holding the doc model of `entry` (the input of its reference pages). */
export function docModelFolder(entry: Entry): string {
  return path.join(BUILD, 'api', 'models', entry.name);
}

/**
 * The declaration files of src/ that still have a source: the program's roots. Declarations
 * left behind by a deleted source are skipped; a source newer than its declaration means the
 * type-check did not run since it changed.
 */
export function declarationFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) {
        walk(file);
      } else if (name.endsWith('.d.ts')) {
        const source = path.join(ROOT, 'src', path.relative(DTS, file)).replace(/\.d\.ts$/, '.ts');
        if (!existsSync(source)) continue;
        if (statSync(source).mtimeMs > statSync(file).mtimeMs) {
          throw new Error(`${path.relative(ROOT, source)} changed after its declarations were emitted`);
        }
        files.push(file);
      }
    }
  };
  if (!existsSync(DTS)) throw new Error(`no declarations in ${path.relative(ROOT, DTS)}`);
  walk(DTS);
  return files;
}

/**
 * The configuration of one entry. Choices:
 * - the program holds only the kit's declarations (`noResolve`): api-extractor still sees that
 *   `aws-cdk-lib`, `cdktf`, ... are external packages and writes the same reports, without
 *   parsing the ~3,000 declaration files of the engines (7 s → under 1 s);
 * - reports go to build/; scripts/api.ts compares them with api/ itself, so its failure names
 *   the update task;
 * - `ae-missing-release-tag` is off: the kit does not stage APIs with @alpha/@beta/@public,
 *   everything an entry exports is public and semver-bound;
 * - `ae-undocumented` is off: enum members and interface members without JSDoc are many today;
 * - TSDoc syntax messages are collected: they do not change the surface (the reports hold
 *   signatures only) but they break the reference;
 * - no .d.ts rollup and no tsdoc-metadata: the package ships lib/ as tsc writes it.
 */
function configOf(entry: Entry, roots: readonly string[]): ExtractorConfig {
  const configObject: IConfigFile = {
    projectFolder: ROOT,
    mainEntryPointFilePath: entry.dts,
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'ES2022',
          lib: ['ES2022'],
          strict: true,
          skipLibCheck: true,
          noResolve: true,
          types: [],
        },
        files: roots,
      },
    },
    newlineKind: 'lf',
    apiReport: {
      enabled: true,
      reportFileName: `${entry.name}.api.md`,
      reportFolder: path.dirname(freshReport(entry)),
      reportTempFolder: path.join(BUILD, 'api', 'temp'),
    },
    docModel: { enabled: true, apiJsonFilePath: path.join(docModelFolder(entry), `${entry.name}.api.json`) },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
      extractorMessageReporting: {
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: false },
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
        // About .d.ts rollups, which the kit does not make (it ships lib/ as tsc writes it).
        'ae-unresolved-import-path': { logLevel: ExtractorLogLevel.None },
      },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
    },
  };
  return ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(ROOT, 'package.json'),
  });
}

/** Extracts every entry on one program; returns the messages api-extractor reported. */
export function extractAll(all: readonly Entry[], roots: readonly string[]): EntryMessage[] {
  const messages: EntryMessage[] = [];
  let compilerState: CompilerState | undefined;
  for (const entry of all) {
    mkdirSync(path.dirname(freshReport(entry)), { recursive: true });
    const config = configOf(entry, roots);
    compilerState ??= CompilerState.create(config);
    Extractor.invoke(config, {
      localBuild: true,
      compilerState,
      messageCallback: (message: ExtractorMessage) => {
        message.handled = true;
        if (message.logLevel !== ExtractorLogLevel.Warning && message.logLevel !== ExtractorLogLevel.Error) {
          return;
        }
        const file = message.sourceFilePath ? path.relative(ROOT, message.sourceFilePath) : '';
        const where = file ? `${file.replace(/^build\/dts\//, '').replace(/\.d\.ts$/, '.ts')}` : '';
        messages.push({ entry, id: message.messageId, text: message.text, where });
      },
    });
  }
  return messages;
}
