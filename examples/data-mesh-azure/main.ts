import { App } from 'cdktf';
import { build } from './app';
import { checkCompliance, formatFindings } from 'data-platform-kit/azure/compliance';

// `cdktf synth` in this folder, or CDKTF_OUTDIR=out/data-mesh-azure npx tsx main.ts from the repo root.
const app = new App();
build(app);
// example:start
// The kit's rule pack gates synth: an unacknowledged finding in any stack of the mesh fails it.
const report = checkCompliance(app);
if (report.findings.length > 0) {
  throw new Error(`Compliance findings:\n${formatFindings(report.findings)}`);
}
// example:end
app.synth();
