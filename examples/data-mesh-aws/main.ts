import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { build } from './app';
import { DataPlatformChecks } from 'data-platform-kit/aws/compliance';

// `cdk synth` in this folder, or CDK_OUTDIR=out/data-mesh-aws npx tsx main.ts from the repo root.
const app = new App();
// example:start
// cdk-nag's AwsSolutions and the kit's pack run at synth: an unacknowledged finding fails it,
// and the cloud assembly's validation-report.json lists every finding.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
// example:end
build(app);
app.synth();
