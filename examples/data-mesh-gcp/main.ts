import { App } from 'cdktf';
import { build } from './app';
import { checkCompliance, formatFindings } from 'data-platform-kit/gcp/compliance';

// `cdktf synth` in this folder, or CDKTF_OUTDIR=out/data-mesh-gcp npx tsx main.ts from the repo root.
// Each stack keeps its own state; deploy them in order: `cdktf deploy acme-governance`, then the
// identity stacks, then the products stacks (`cdktf deploy '*'` follows the dependencies).
const app = new App();
build(app);
// example:start
// The kit's rule pack gates synth, as cdk-nag does on AWS: an unacknowledged finding fails it.
const report = checkCompliance(app);
if (report.findings.length > 0) {
  throw new Error(`Compliance findings:\n${formatFindings(report.findings)}`);
}
// example:end
app.synth();
