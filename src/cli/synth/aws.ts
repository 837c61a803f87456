/**
 * Renders a spec file on AWS: a CDK app with the kit's `Lakehouse` in one stack, or its
 * `DataMesh`, synthesized into a cloud assembly. With compliance on, cdk-nag's AwsSolutions and
 * the kit's pack run as validation plugins, as in examples/lakehouse-aws/main.ts; their
 * unacknowledged findings come back per stack. aws-cdk-lib, cdk-nag and the kit's AWS modules
 * are loaded only here, when AWS is rendered.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a cloud's modules load only when it is rendered; under node16 resolution `import()` would stay an ES module import */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RenderedStack, RenderRequest, RenderResult } from './render';
import { DEFAULT_LAKEHOUSE_ID, DEFAULT_MESH_ID, sectionOf } from './render';
import { fileScripts, mapRecord } from './step-scripts';
import type { AwsLakehouseSection, AwsMeshSection, FileStepScript } from '../spec/sections';
import type { LakehouseSpecFile, MeshSpecFile } from '../spec/spec-file';

/** Context key: report validation plugins' findings in the report instead of throwing at synth. */
const FAIL_SYNTH_ON_VALIDATION_ERRORS = '@aws-cdk/core:failSynthOnValidationErrors';

/** Renders the file's pattern on AWS into `request.outDir`. */
export async function renderAws(request: RenderRequest): Promise<RenderResult> {
  const cdk = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const { file, outDir, compliance, progress } = request;
  progress.building('aws');
  const app = new cdk.App({
    outdir: outDir,
    context: compliance ? { [FAIL_SYNTH_ON_VALIDATION_ERRORS]: false } : {},
  });
  if (compliance) {
    const { AwsSolutionsChecks } = require('cdk-nag') as typeof import('cdk-nag');
    const { DataPlatformChecks } = require('../../aws/compliance') as typeof import('../../aws/compliance');
    cdk.Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
  }
  const stacks = file.pattern === 'lakehouse' ? await buildLakehouse(app, file) : await buildMesh(app, file);
  progress.writing('aws', stacks.length);
  for (const stack of stacks) reportWhenWritten(stack, () => progress.stackWritten('aws', stack.stackName));
  const assembly = app.synth();
  const findings = compliance ? findingsByTemplate(assembly.directory) : new Map<string, string[]>();
  return {
    stacks: assembly.stacks.map((artifact): RenderedStack => ({
      name: artifact.stackName,
      resources: Object.keys(artifact.template.Resources ?? {}).length,
      file: path.join(assembly.directory, artifact.templateFile),
      findings: findings.get(artifact.templateFile) ?? [],
    })),
  };
}

type CdkApp = import('aws-cdk-lib').App;
type CdkStack = import('aws-cdk-lib').Stack;
type AwsScript = import('../../aws/processing/spark-job-types').SparkJobScript;

/** The lakehouse in one stack, as examples/lakehouse-aws/app.ts builds it. */
async function buildLakehouse(app: CdkApp, file: LakehouseSpecFile): Promise<CdkStack[]> {
  const { Stack } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
  const iam = require('aws-cdk-lib/aws-iam') as typeof import('aws-cdk-lib/aws-iam');
  const s3 = require('aws-cdk-lib/aws-s3') as typeof import('aws-cdk-lib/aws-s3');
  const { Lakehouse } =
    require('../../aws/patterns/lakehouse') as typeof import('../../aws/patterns/lakehouse');
  const section = sectionOf<AwsLakehouseSection>(file, 'aws') ?? {};
  const stackName = section.stackName ?? file.spec.platformName;
  const stack = new Stack(app, stackName, { env: section.env ? { ...section.env } : undefined });
  new Lakehouse(stack, section.id ?? DEFAULT_LAKEHOUSE_ID, {
    ...file.spec,
    stepScripts: await awsScripts(file.path, section.stepScripts),
    existingLakeFormationAdminArns: section.existingLakeFormationAdminArns,
    accessLogsBucket:
      section.accessLogsBucket === undefined
        ? undefined
        : s3.Bucket.fromBucketName(stack, 'AccessLogsBucket', section.accessLogsBucket),
    personaPrincipals: mapRecord(section.personaPrincipals, (arn) => new iam.ArnPrincipal(arn)),
  });
  return [stack];
}

/** The mesh's stacks, as examples/data-mesh-aws/app.ts builds them. */
async function buildMesh(app: CdkApp, file: MeshSpecFile): Promise<CdkStack[]> {
  const iam = require('aws-cdk-lib/aws-iam') as typeof import('aws-cdk-lib/aws-iam');
  const { DataMesh } = require('../../aws/mesh/data-mesh') as typeof import('../../aws/mesh/data-mesh');
  const section = sectionOf<AwsMeshSection>(file, 'aws') ?? {};
  const domainOptions: Record<string, import('../../aws/mesh/data-mesh-types').DataMeshDomainOptions> = {};
  for (const [domain, options] of Object.entries(section.domainOptions ?? {})) {
    domainOptions[domain] = {
      env: options.env,
      stepScripts: await awsScripts(file.path, options.stepScripts),
      personaPrincipals: mapRecord(options.personaPrincipals, (arn) => new iam.ArnPrincipal(arn)),
    };
  }
  const mesh = new DataMesh(app, section.id ?? DEFAULT_MESH_ID, {
    ...file.spec,
    governanceEnv: section.governanceEnv,
    domainOptions: section.domainOptions ? domainOptions : undefined,
    sameOrganization: section.sameOrganization,
    existingLakeFormationAdminArns: section.existingLakeFormationAdminArns,
    today: section.today,
  });
  return Object.values(mesh.stacks);
}

/**
 * AWS step scripts: a file becomes an asset; a bucket object is read from the bucket named,
 * imported by name in the step's own scope when the step binds its script.
 */
async function awsScripts(
  specPath: string,
  scripts: Readonly<Record<string, FileStepScript>> | undefined,
): Promise<Record<string, AwsScript> | undefined> {
  if (scripts === undefined) return undefined;
  const s3 = require('aws-cdk-lib/aws-s3') as typeof import('aws-cdk-lib/aws-s3');
  const { SparkJobScript } =
    require('../../aws/processing/spark-job-types') as typeof import('../../aws/processing/spark-job-types');
  /** An object of a bucket known by name only. */
  class NamedBucketScript extends SparkJobScript {
    public constructor(
      private readonly bucketName: string,
      private readonly objectKey: string,
    ) {
      super();
    }
    public bind(
      scope: import('constructs').Construct,
    ): import('../../aws/processing/spark-job-types').SparkJobScriptLocation {
      const bucket = s3.Bucket.fromBucketName(scope, 'ScriptBucket', this.bucketName);
      return SparkJobScript.fromBucket(bucket, this.objectKey).bind(scope);
    }
  }
  return fileScripts(specPath, scripts, {
    fromAsset: (file) => SparkJobScript.fromAsset(file),
    fromBucket: (bucket, object) => new NamedBucketScript(bucket, object),
  });
}

/**
 * Calls `written` once the stack's template is written: observes the stack's synthesizer
 * (wrapping its `synthesize`, which aws-cdk-lib calls once per stack), nothing else.
 */
function reportWhenWritten(stack: CdkStack, written: () => void): void {
  const synthesizer = stack.synthesizer;
  const synthesize = synthesizer.synthesize.bind(synthesizer);
  synthesizer.synthesize = (session) => {
    synthesize(session);
    written();
  };
}

/**
 * The unacknowledged findings of the validation plugins that failed, by template file: one line
 * each, `plugin  rule  construct path: description`.
 */
function findingsByTemplate(assemblyDir: string): Map<string, string[]> {
  const byTemplate = new Map<string, string[]>();
  const reportFile = path.join(assemblyDir, 'validation-report.json');
  if (!fs.existsSync(reportFile)) return byTemplate;
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ValidationReport;
  for (const plugin of report.pluginReports ?? []) {
    if (plugin.conclusion !== 'failure') continue;
    for (const violation of plugin.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? []) {
        const template = path.basename(construct.cloudFormationResource?.templatePath ?? '');
        const line = `${violation.ruleName} ${construct.constructPath}: ${firstLine(violation.description)}`;
        byTemplate.set(template, [...(byTemplate.get(template) ?? []), line]);
      }
    }
  }
  return byTemplate;
}

/** The first line of a rule's description (cdk-nag's run to several). */
function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}

/** The part of aws-cdk-lib's validation-report.json read here. */
interface ValidationReport {
  readonly pluginReports?: readonly {
    readonly pluginName: string;
    readonly conclusion: 'success' | 'failure';
    readonly violations?: readonly {
      readonly ruleName: string;
      readonly description: string;
      readonly violatingConstructs?: readonly {
        readonly constructPath: string;
        readonly cloudFormationResource?: { readonly templatePath: string };
      }[];
    }[];
  }[];
}
