/**
 * Jest setup file (registered in .projenrc.ts), run before every test file.
 *
 * Both engines record where things were created, with a full stack trace each: cdktf for every
 * token (`Lazy`, `Fn`, each attribute reference), aws-cdk-lib for every CloudFormation element
 * (the `aws:cdk:creationStack` metadata). Nothing reads them unless something fails to resolve.
 * Under jest each frame of each trace goes through jest's source-map formatter: a profile put
 * 40–50 % of the GCP and Azure suites' CPU and ~10 % of the AWS suites' there (cloning call
 * sites, mapping positions, and the garbage it leaves). Here the traces are still captured, in
 * full, but formatted by V8's own format (file:line:column of the running JavaScript, what plain
 * Node without `--enable-source-maps` records) instead of mapped back to TypeScript. The tests'
 * own failure traces stay mapped. DPK_TEST_MAPPED_STACK_TRACES=true keeps the mapped traces.
 */
import * as path from 'node:path';

/** V8's own stack format: the error's `Name: message`, then one `    at <call site>` per frame. */
const v8Format = (error: Error, frames: NodeJS.CallSite[]): string =>
  [`${error}`, ...frames.map((frame) => `    at ${frame}`)].join('\n');

/** The engines' stack-trace helpers, each called through its module's exports by the engine. */
const CAPTURE_MODULES: readonly [pkg: string, file: string][] = [
  ['cdktf', 'lib/tokens/private/stack-trace.js'],
  ['aws-cdk-lib', 'core/lib/private/stack-trace.js'],
];

if (process.env.DPK_TEST_MAPPED_STACK_TRACES !== 'true') {
  for (const [pkg, file] of CAPTURE_MODULES) {
    // From this test file's module registry, so the engine's own callers see the replacement.
    const moduleFile = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const traces = require(moduleFile) as {
      captureStackTrace(below?: Function, ...rest: unknown[]): string[];
    };
    const capture = traces.captureStackTrace;
    if (typeof capture !== 'function') throw new Error(`${pkg}: no captureStackTrace in ${file}`);
    traces.captureStackTrace = function unmappedStackTrace(below?: Function, ...rest: unknown[]): string[] {
      const prepare = Error.prepareStackTrace;
      // Not `undefined`: Node would then fall back to the outer realm's hook, jest's mapping one.
      Error.prepareStackTrace = v8Format;
      try {
        return capture(below ?? unmappedStackTrace, ...rest);
      } finally {
        Error.prepareStackTrace = prepare;
      }
    };
  }
}
