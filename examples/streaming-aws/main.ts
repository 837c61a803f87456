import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { build } from './app';
import { DataPlatformChecks } from 'data-platform-kit/aws/compliance';

// `cdk synth` in this folder, or CDK_OUTDIR=out/streaming-aws npx tsx main.ts from the repo root.
// The packs run at synth: findings fail it and land in the cloud assembly's validation-report.json.
const app = new App();
Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
build(app);
app.synth();
