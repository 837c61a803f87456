import { javascript, typescript } from 'projen';

/** Engines the kit renders to; optional peers so each cloud's users install only their own. */
const ENGINE_PEERS = {
  'aws-cdk-lib': '^2.276.0',
  constructs: '^10.8.1',
  cdktf: '0.21.0',
  '@cdktf/provider-google': '16.12.1',
  '@cdktf/provider-azurerm': '14.23.1',
  // GCP service identities (google_project_service_identity) exist in the beta provider only.
  '@cdktf/provider-google-beta': '16.12.1',
  // time_sleep: a wait between a batch of grants and their first consumer (GCP and Azure).
  '@cdktf/provider-time': '11.0.1',
  'cdk-nag': '^3.0.2',
};

/**
 * What only some `dpk` commands need, optional so a package install stays lean: PNG diagrams
 * (a native rasterizer with prebuilt binaries) and `dpk diff` of AWS templates.
 */
const CLI_OPTIONAL_PEERS = {
  '@resvg/resvg-js': '^2.6.2',
  '@aws-cdk/cloudformation-diff': '^2.187.5',
};

/**
 * Subpath entry points: one per cloud, the neutral core and patterns, and each cloud's
 * compliance pack (AWS's needs cdk-nag, so it is not loaded with the blocks).
 */
const ENTRY_POINTS = [
  'core',
  'patterns',
  'aws',
  'gcp',
  'azure',
  'aws/compliance',
  'gcp/compliance',
  'azure/compliance',
];

/** The one pattern of files jest transforms (TypeScript). */
const TS_TRANSFORM = '^.+\\.tsx?$';

const project = new typescript.TypeScriptProject({
  name: 'data-platform-kit',
  description:
    'Secure-by-default data-platform constructs (lake storage, encryption, warehouse, streaming, pipelines) for AWS CDK and CDK for Terraform (GCP, Azure).',
  license: 'Apache-2.0',
  authorName: 'data-platform-kit authors',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: '20.16.0',
  typescriptVersion: '~6.0.3',
  projenrcTs: true,
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
  github: false,
  release: false,
  sampleCode: false,
  // bin/ holds dpk.js only; its one entry is named `dpk` below.
  autoDetectBin: false,
  prettier: true,
  prettierOptions: { settings: { singleQuote: true, printWidth: 110 } },
  eslint: true,
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts'],
    commandOptions: { fix: false },
    // One typed program for src, tests, examples and scripts (the dev tsconfig maps
    // data-platform-kit/* to src/), instead of the per-folder project service.
    tsconfigPath: './tsconfig.dev.json',
    projectService: false,
  },
  typecheckTests: true,
  tsJestOptions: { transformPattern: TS_TRANSFORM },
  jest: true,
  jestOptions: {
    jestVersion: '^30',
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    coverageText: false,
    junitReporting: false,
    jestConfig: {
      moduleNameMapper: { '^data-platform-kit/(.*)$': '<rootDir>/src/$1' },

      maxWorkers: 2,
      collectCoverage: false,
      // Unit tests skip aws-cdk-lib's own CloudFormation validation; the guards run it (see the file).
      // The engines' creation stack traces are kept but not source-mapped by jest (see the file).
      setupFiles: ['<rootDir>/test/setup/engine-validation.ts', '<rootDir>/test/setup/stack-traces.ts'],
      // With no timings yet (a fresh clone), the files marked @slow start first (see the file).
      testSequencer: '<rootDir>/test/setup/sequencer.cjs',
    },
  },
  peerDeps: [
    ...Object.entries(ENGINE_PEERS).map(([name, range]) => `${name}@${range}`),
    ...Object.entries(CLI_OPTIONAL_PEERS).map(([name, range]) => `${name}@${range}`),
  ],
  // The `dpk` CLI (src/cli): spec files in YAML with source positions, their JSON Schemas, the
  // argument parser, and Graphviz compiled to WebAssembly for `dpk diagram --format svg`.
  deps: ['yaml@^2.8.1', 'ajv@^8.17.1', 'commander@^14.0.3', '@hpcc-js/wasm-graphviz@^1.21.0'],
  devDeps: [
    'aws-cdk-lib@2.276.0',
    'constructs@10.8.1',
    'cdktf@0.21.0',
    '@cdktf/provider-google@16.12.1',
    '@cdktf/provider-azurerm@14.23.1',
    '@cdktf/provider-google-beta@16.12.1',
    '@cdktf/provider-time@11.0.1',
    'cdk-nag@^3.0.2',
    // Offline IAM policy simulator for the AWS persona journeys (test/journeys).
    '@cloud-copilot/iam-simulate@^0.1.173',
    'tsx@^4.23.0',
    // The CDK CLI, so `npx cdk synth` works in the AWS examples from a fresh clone.
    'aws-cdk@^2.1149.0',
    'fast-check@^4',
    // Jest's TypeScript transform: SWC strips types without a type-check (tsc --noEmit does that once).
    '@swc/core@^1.16.22',
    '@swc/jest@^0.2.39',
    // API reports (api/*.api.md) and the reference built from them (docs/api/, not committed).
    '@microsoft/api-extractor@^7.60.2',
    '@microsoft/api-documenter@^7.30.18',
    // schemas/*.schema.json from the spec types (`npx projen schemas`).
    'ts-json-schema-generator@^2.4.0',
    ...Object.entries(CLI_OPTIONAL_PEERS).map(([name, range]) => `${name}@${range}`),
  ],
  tsconfig: {
    compilerOptions: {
      module: 'node16',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE16,
      target: 'ES2022',
      lib: ['ES2022'],
      isolatedModules: true,
      skipLibCheck: true,
      // The package ships plain JavaScript and declarations: no inline maps doubling lib/.
      inlineSourceMap: false,
      inlineSources: false,
    },
  },
  tsconfigDevFile: 'tsconfig.dev.json',
  tsconfigDev: {
    // build/ holds the declarations the type-check emits for the API reports (see API_DECLARATIONS).
    exclude: ['node_modules', 'build'],
    include: ['src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts', '.projenrc.ts'],
    compilerOptions: {
      module: 'node16',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE16,
      target: 'ES2022',
      lib: ['ES2022'],
      isolatedModules: true,
      skipLibCheck: true,
      paths: { 'data-platform-kit/*': ['./src/*'], 'data-platform-kit': ['./src/index.ts'] },
    },
  },
});

// Every engine is optional: AWS-only users never install cdktf, GCP-only users never install aws-cdk-lib.
project.package.addField(
  'peerDependenciesMeta',
  Object.fromEntries(
    [...Object.keys(ENGINE_PEERS), ...Object.keys(CLI_OPTIONAL_PEERS)].map((name) => [
      name,
      { optional: true },
    ]),
  ),
);
// The CLI: `npx dpk …` once the kit is installed (bin/dpk.js loads the compiled lib/cli).
project.addBins({ dpk: 'bin/dpk.js' });
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  ...Object.fromEntries(
    ENTRY_POINTS.map((entry) => [
      `./${entry}`,
      { types: `./lib/${entry}/index.d.ts`, default: `./lib/${entry}/index.js` },
    ]),
  ),
  './package.json': './package.json',
});

// typesVersions: the subpath entries also resolve for TypeScript under `moduleResolution: node`
// (node10), the default of `cdktf init` and older `cdk init` apps, which ignores `exports`.
project.package.addField('typesVersions', {
  '*': Object.fromEntries(ENTRY_POINTS.map((entry) => [entry, [`lib/${entry}/index.d.ts`]])),
});
// A lean package: the compiled library and its docs; never examples, scripts, out/ or CI files.
project.package.addField('files', [
  'lib/**/*.js',
  'lib/**/*.d.ts',
  'docs/**/*.md',
  'bin/dpk.js',
  'schemas/*.schema.json',
]);

// Jest's TypeScript transform: SWC strips types file by file, much faster than ts-jest; the
// test task type-checks everything once with tsc --noEmit before jest runs.
// projen registers ts-jest under TS_TRANSFORM (tsJestOptions below); this replaces its entry.
project.tryFindObjectFile('package.json')?.addOverride('jest.transform', {
  [TS_TRANSFORM]: ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
});

// Tests live only under test/ (projen's default also globs src/ and projenrc/).
project.tryFindObjectFile('package.json')?.addOverride('jest.testMatch', ['<rootDir>/test/**/*.test.ts']);

// The provider roots load thousands of classes (seconds, gigabytes): deep paths only.
// cdktf itself is reached through one seam folder so a later engine switch is mechanical.
const ENGINE_SEAM = 'src/terraform/**/*.ts';
const PROVIDER_ROOT_IMPORT = {
  regex: '^@cdktf/provider-[^/]+$',
  message: 'Import provider classes by deep path, e.g. @cdktf/provider-google/lib/storage-bucket.',
};
const ENGINE_IMPORT = {
  regex: '^cdktf(/.*)?$',
  message: 'Import the Terraform engine through src/terraform only.',
};
project.eslint?.addRules({
  'no-restricted-imports': ['error', { patterns: [PROVIDER_ROOT_IMPORT, ENGINE_IMPORT] }],
});
project.eslint?.addOverride({
  files: [ENGINE_SEAM, 'test/**/*.ts', 'examples/**/*.ts', 'scripts/**/*.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: [PROVIDER_ROOT_IMPORT] }] },
});

// Lint stays read-only in the test task (CI must fail on drift); this task applies the fixes.
project.addTask('format', {
  description: 'Apply eslint and prettier fixes',
  env: { ESLINT_USE_FLAT_CONFIG: 'false', NODE_NO_WARNINGS: '1' },
  exec: 'eslint --ext .ts --fix --no-error-on-unmatched-pattern src test examples scripts .projenrc.ts',
});

// Main job: synthesize every example for all three clouds into out/<example>/.
project.addTask('synth', {
  description: 'Synthesize every example into out/<example>/ and print one line per stack',
  exec: 'tsx scripts/synth-examples.ts',
  receiveArgs: true,
});
project.addTask('bench', {
  description:
    'Benchmark the kit against the engine raw layer per example, and its scaling; writes docs/benchmarks.md',
  exec: 'tsx scripts/bench.ts',
  receiveArgs: true,
});
// Each cloud entry's runtime twin (src/<cloud>/index.js, generated from index.ts): the same
// exports, each block loaded on first use, so an app pays only for the blocks it imports.
// TypeScript reads index.ts; the compiled package ships the twin in place of tsc's index.js.
project.addTask('entries', {
  description: "Regenerate each cloud entry's lazy runtime twin (src/<cloud>/index.js) from its index.ts",
  exec: 'tsx scripts/entries.ts',
});
project.compileTask.exec('tsx scripts/entries.ts --copy lib', {
  name: "Ship each cloud entry's lazy runtime twin in place of tsc's eager index.js",
});
project.addTask('baselines', {
  description: 'Rewrite the data-loss baselines (stateful identities, AWS templates) from the examples',
  exec: 'tsx --tsconfig tsconfig.dev.json scripts/update-baselines.ts',
});
project.addTask('readme', {
  description: 'Refresh the README snippets from the examples',
  exec: 'tsx scripts/readme-snippets.ts',
});
// schemas/*.schema.json (shipped in the package) from the spec file types in src/cli/spec/sections.ts;
// test/cli/spec/schemas.test.ts fails until this task records a change to those types.
project.addTask('schemas', {
  description:
    'Regenerate the JSON Schemas of spec files (schemas/*.schema.json) from their TypeScript types',
  exec: 'tsx scripts/schemas.ts',
});
project.addTask('docs:rules', {
  description: 'Regenerate docs/rules/<cloud>.md from the compliance packs (the docs test checks they match)',
  exec: 'tsx --tsconfig tsconfig.dev.json scripts/rules-docs.ts',
});
// API reports: the type-check also emits src/'s declarations into build/dts (declaration emit
// on the program tsc checks anyway costs a second or two, a separate `tsc` ~25 s); one Node
// process then runs api-extractor over every entry point (scripts/api.ts). The reports in api/
// are committed; a change to the public surface fails `npm test` until `npx projen api` records it.
const API_DECLARATIONS =
  'tsc -p tsconfig.dev.json --noEmit false --declaration --emitDeclarationOnly --outDir build/dts';
// The test task: first the single-threaded checks side by side, one per core (scripts/parallel.ts):
// - the type-check, which also emits the declarations for the API check and the JavaScript
//   (about 2 s more) the packed-package test (test/package) packs instead of compiling again;
//   then the API reports unchanged (api/*.api.md) and the API reference (docs/api/) builds
//   without warnings;
// - eslint (projen's eslint task);
// then jest on both cores.
const TEST_CHECKS = {
  types: `${API_DECLARATIONS.replace(' --emitDeclarationOnly', '')} && tsx scripts/api.ts check`,
  eslint: 'projen eslint',
};
project.testTask.updateStep(0, {
  name: 'Type-check (emitting declarations and the library), then the API reports; eslint alongside',
  exec: `tsx scripts/parallel.ts ${Object.entries(TEST_CHECKS)
    .map(([name, command]) => `"${name}=${command}"`)
    .join(' ')}`,
});
// projen's last step spawns eslint: it runs in the first step now.
project.testTask.removeStep(2);
// Jest with a larger young generation (V8's semi-space, 16 MB by default; the workers inherit
// the flag): synthesizing stacks makes short-lived garbage by the gigabyte, and fewer scavenges
// cut test/aws from ~53 to ~48 s on 2 cores (no gain for tsc or eslint, so only jest gets it).
project.testTask.updateStep(1, {
  exec: 'node --max-semi-space-size=64 node_modules/.bin/jest --passWithNoTests --ci',
  receiveArgs: true,
});
project.addTask('api', {
  description: 'Record the public API of every entry point in api/<entry>.api.md (after a deliberate change)',
  steps: [{ exec: API_DECLARATIONS }, { exec: 'tsx scripts/api.ts update' }],
});
project.addTask('docs:api', {
  description: 'Build the API reference from the JSDoc into docs/api/ (not committed)',
  steps: [{ exec: API_DECLARATIONS }, { exec: 'tsx scripts/api.ts docs' }],
});
project.gitignore.exclude('/build/', '/docs/api/');
project.gitignore.exclude('/out/', '/test-reports/', '/.agents/', 'cdk.out/', 'cdktf.out/', '.swc/');

project.synth();
