import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkDirectory } from './check-directory';
import { CheckInputError } from './check-input-error';
import { checkSpecFile, isSpecFilePath } from './check-spec';
import { CheckTool, type CheckFinding, type CheckReport, openFindings } from './findings';
import { type SarifLocation, toSarif } from './sarif';
import { formatTextReport } from './text-report';
import { type CliIo, ExitCode } from '../io';
import { formatProblems, isSpecFileError } from '../spec/problems';
import { CLOUDS, type CloudName } from '../spec/spec-file';

/** The report formats of `dpk check`. */
export const CHECK_FORMATS = ['text', 'sarif'] as const;
/** A report format of `dpk check`. */
export type CheckFormat = (typeof CHECK_FORMATS)[number];

/** The options of `dpk check`, as parsed from the command line. */
export interface CheckCommandOptions {
  /** `aws`, `gcp`, `azure` or `all`. */
  readonly cloud: CloudName | 'all';
  readonly format: CheckFormat;
  /** Where the report goes (relative to the working directory); standard output when unset. */
  readonly output?: string;
}

/** `file`'s path relative to `base` with forward slashes, or undefined when it is not below `base`. */
function below(base: string, file: string): string | undefined {
  const relative = path.relative(base, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? undefined
    : relative.split(path.sep).join('/');
}

/** The tools' versions, for SARIF's driver: the kit's own, cdk-nag's when it ran. */
function toolVersions(report: CheckReport): Partial<Record<CheckTool, string>> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const versions: Partial<Record<CheckTool, string>> = {
    [CheckTool.KIT]: (require('../../../package.json') as { version: string }).version,
  };
  if (report.stacks.some((s) => s.cloud === 'aws')) {
    versions[CheckTool.CDK_NAG] = (require('cdk-nag/package.json') as { version: string }).version;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  return versions;
}

/**
 * Runs `dpk check` on `target` (a spec file, by its extension, or a folder of synthesized
 * output), writes the report in `format` to standard output or `output`, and resolves to the exit
 * code: FAILED when a finding is left unacknowledged or the input cannot be checked, OK otherwise.
 */
export async function runCheck(target: string, options: CheckCommandOptions, io: CliIo): Promise<ExitCode> {
  const clouds = options.cloud === 'all' ? CLOUDS : [options.cloud];
  const absolute = path.resolve(io.cwd, target);
  try {
    let report: CheckReport;
    let locate: (f: CheckFinding) => SarifLocation;
    if (isSpecFilePath(target)) {
      const checked = await checkSpecFile(absolute, clouds, io);
      report = checked.report;
      const uri = below(io.cwd, checked.specFile) ?? checked.specFile;
      locate = (f) => ({ uri, startLine: checked.sectionLines[f.cloud] });
    } else {
      report = await checkDirectory(absolute, clouds);
      const base = below(io.cwd, absolute) !== undefined ? io.cwd : path.dirname(absolute);
      locate = (f) => ({ uri: below(base, f.file) ?? f.file, startLine: f.line });
    }
    const text =
      options.format === 'sarif'
        ? `${JSON.stringify(toSarif(report, { locate, versions: toolVersions(report) }), null, 2)}\n`
        : formatTextReport(report, io.cwd);
    if (options.output) {
      const file = path.resolve(io.cwd, options.output);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      io.err(`dpk check: report written to ${below(io.cwd, file) ?? file}\n`);
    } else {
      io.out(text);
    }
    return openFindings(report).length > 0 ? ExitCode.FAILED : ExitCode.OK;
  } catch (error) {
    if (error instanceof CheckInputError) {
      io.err(`dpk check: ${error.code}: ${error.message}\n`);
      return ExitCode.FAILED;
    }
    if (isSpecFileError(error)) {
      io.err(`${formatProblems(error.problems)}\n`);
      return ExitCode.FAILED;
    }
    throw error;
  }
}
