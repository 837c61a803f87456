// Type-checks a consumer app under several tsconfigs (one per module resolution) in one
// TypeScript build (the compiler's solution builder, as `tsc -b` runs): the programs share the
// declarations they parse (the engines' and the kit's), so three cost about as much as one
// (~7 s instead of ~16 s here). Prints each tsconfig's diagnostics as JSON, keyed by the path
// it was given: `node type-check-consumer.cjs tsconfig.a.json tsconfig.b.json`.
const path = require('node:path');
const ts = require('typescript');

const configs = process.argv.slice(2);
const byResolvedPath = new Map(configs.map((c) => [path.resolve(c), c]));
const diagnostics = Object.fromEntries(configs.map((c) => [c, []]));
const formatHost = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => process.cwd(),
  getNewLine: () => '\n',
};

// Projects build one after another: what is reported while one builds is that project's.
let building;
const report = (d) => diagnostics[building].push(ts.formatDiagnostic(d, formatHost).trimEnd());
const host = ts.createSolutionBuilderHost(ts.sys, undefined, report, () => {});
const builder = ts.createSolutionBuilder(host, configs, {});
for (let project = builder.getNextInvalidatedProject(); project; project = builder.getNextInvalidatedProject()) {
  building = byResolvedPath.get(path.resolve(project.project));
  if (building === undefined) throw new Error(`unexpected project ${project.project}`);
  project.done();
}
process.stdout.write(JSON.stringify(diagnostics));
