/**
 * Jest setup file (registered in .projenrc.ts), run before every test file.
 *
 * Both engines record where things were created, with a full stack trace each: cdktf for every
 * token (`Lazy`, `Fn`, each attribute reference), aws-cdk-lib for every CloudFormation element
 * (the `aws:cdk:creationStack` metadata, which the cloud assembly does not include). Nothing
 * reads them unless a token fails to resolve or an error names where something was made. Under
 * jest each frame of each trace went through jest's source-map formatter: a profile put 40–50 %
 * of the GCP and Azure suites' CPU and ~10 % of the AWS suites' there (cloning call sites,
 * mapping positions, and the garbage it leaves); formatted by V8 instead, still ~15 % of GCP's.
 *
 * Here each engine's `captureStackTrace` still captures the whole trace where it is called, but
 * renders it into the engine's `string[]` only when something reads it: in V8's own format
 * (file:line:column of the running JavaScript, what plain Node without `--enable-source-maps`
 * records) rather than mapped back to TypeScript. The tests' own failure traces stay mapped.
 * DPK_TEST_MAPPED_STACK_TRACES=true keeps the engines' own capture.
 */
import * as path from 'node:path';

/** V8's own stack format: the error's `Name: message`, then one `    at <call site>` per frame. */
const v8Format = (error: Error, frames: NodeJS.CallSite[]): string =>
  [`${error}`, ...frames.map((frame) => `    at ${frame}`)].join('\n');

/** An engine's stack-trace module: its capture function, called through the module's exports. */
interface TraceModule {
  captureStackTrace(below?: Function, limit?: number): string[];
  parseErrorStack?(stack: string): unknown[];
  renderCallStackJustMyCode?(frames: unknown[], indent?: boolean): string[];
}

/** How each engine turns a captured `stack` string into its trace (as its own capture does). */
const ENGINES: readonly { pkg: string; file: string; render: (m: TraceModule, stack: string) => string[] }[] =
  [
    {
      pkg: 'cdktf',
      file: 'lib/tokens/private/stack-trace.js',
      render: (_, stack) =>
        stack
          .split('\n')
          .slice(1)
          .map((line) => line.replace(/^\s*at\s+/, '')),
    },
    {
      pkg: 'aws-cdk-lib',
      file: 'core/lib/private/stack-trace.js',
      render: (m, stack) => m.renderCallStackJustMyCode!(m.parseErrorStack!(stack), false),
    },
  ];

/**
 * The trace at the caller of `below`, captured now (V8 keeps the frames) and rendered by `render`
 * on first read: a `string[]` to every reader (`join`, `length`, indexing, JSON, `Array.isArray`).
 */
function lazyTrace(below: Function, limit: number, render: (stack: string) => string[]): string[] {
  const holder: { stack?: string } = {};
  const previousLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = limit;
    Error.captureStackTrace(holder, below);
  } finally {
    Error.stackTraceLimit = previousLimit;
  }
  let frames: string[] | undefined;
  const rendered = (): string[] => {
    if (frames) return frames;
    const prepare = Error.prepareStackTrace;
    // Not `undefined`: Node would then fall back to the outer realm's hook, jest's mapping one.
    Error.prepareStackTrace = v8Format;
    try {
      frames = render(holder.stack ?? '');
    } finally {
      Error.prepareStackTrace = prepare;
    }
    return frames;
  };
  return new Proxy<string[]>([], {
    get: (_, key) => {
      const value: unknown = Reflect.get(rendered(), key);
      return typeof value === 'function' ? value.bind(rendered()) : value;
    },
    has: (_, key) => Reflect.has(rendered(), key),
    ownKeys: () => Reflect.ownKeys(rendered()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(rendered(), key),
  });
}

if (process.env.DPK_TEST_MAPPED_STACK_TRACES !== 'true') {
  for (const { pkg, file, render } of ENGINES) {
    // From this test file's module registry, so the engine's own callers see the replacement.
    const moduleFile = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const traces = require(moduleFile) as TraceModule;
    if (typeof traces.captureStackTrace !== 'function') {
      throw new Error(`${pkg}: no captureStackTrace in ${file}`);
    }
    traces.captureStackTrace = function deferredStackTrace(below?: Function, limit?: number): string[] {
      // Both engines capture every frame unless told a limit.
      return lazyTrace(below ?? deferredStackTrace, limit || Infinity, (stack) => render(traces, stack));
    };
  }
}
