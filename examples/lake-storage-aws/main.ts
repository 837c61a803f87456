import { App } from 'aws-cdk-lib';
import { build } from './app';

// `cdk synth` in this folder, or CDK_OUTDIR=out/lake-storage-aws npx tsx main.ts from the repo root.
const app = new App();
build(app);
app.synth();
