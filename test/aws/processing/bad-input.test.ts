import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { lakeIn, script } from './support';
import { SparkJob, SparkJobLanguage, type SparkJobProps, SparkJobScript } from '../../../src/aws';
import { ErrorCode } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way SparkJob rejects input, in one table: each row builds the job with one bad prop and
 * names the ErrorCode and prop it must throw. Where the prop accepts a deploy-time value, the row
 * also builds it with an unresolved token, which validation must skip.
 *
 * No prop can weaken the job's security: the security configuration (S3 with the lake's key, logs
 * and bookmarks with a KMS key), the role's scope and its log groups are fixed; the one
 * public-exposure input is a run grant to everyone ('*'), rejected below.
 */
type Row = BadInputRow<Stack>;

const job = (stack: Stack, props: Partial<SparkJobProps> = {}) =>
  new SparkJob(stack, 'Clean', {
    platformName: 'sales',
    jobName: 'clean',
    lake: lakeIn(stack),
    sourceZone: 'raw',
    targetZone: 'curated',
    script: script(),
    ...props,
  });
const numberToken = (stack: Stack, id = 'Number') =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
const stringToken = (stack: Stack, id = 'Param') => new CfnParameter(stack, id).valueAsString;

const range = (prop: keyof SparkJobProps & string, values: number[], allowed: string): Row[] =>
  values.map((value) => ({
    description: `${prop} ${value} (${allowed})`,
    build: (s) => job(s, { [prop]: value }),
    code: ErrorCode.OUT_OF_RANGE,
    prop,
    withToken: (s) => job(s, { [prop]: numberToken(s) }),
  }));

const PUBLIC_PRINCIPALS: [string, () => iam.IGrantable][] = [
  ['AnyPrincipal', () => new iam.AnyPrincipal()],
  ['StarPrincipal', () => new iam.StarPrincipal()],
  ["ArnPrincipal('*')", () => new iam.ArnPrincipal('*')],
];

const ROWS: Row[] = [
  // Names
  ...['s', 'Sales', 'sales_eu', 'sales-'].map((platformName): Row => ({
    description: `platformName ${JSON.stringify(platformName)}`,
    build: (s) => job(s, { platformName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  ...['', 'j'.repeat(21), 'Clean', '1clean', 'clean-', 'cl--ean', 'clean_orders'].map((jobName): Row => ({
    description: `jobName ${JSON.stringify(jobName)}`,
    build: (s) => job(s, { jobName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'jobName',
  })),
  {
    description: 'jobName as a token (it would freeze into physical names)',
    build: (s) => job(s, { jobName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'jobName',
  },
  // Zones
  ...['gold', 'RAW', ''].flatMap((zone): Row[] => [
    {
      description: `sourceZone ${JSON.stringify(zone)}, which the lake does not have`,
      build: (s) => job(s, { sourceZone: zone }),
      code: ErrorCode.UNKNOWN_ZONE,
      prop: 'sourceZone',
    },
    {
      description: `targetZone ${JSON.stringify(zone)}, which the lake does not have`,
      build: (s) => job(s, { targetZone: zone }),
      code: ErrorCode.UNKNOWN_ZONE,
      prop: 'targetZone',
    },
  ]),
  {
    description: 'targetZone equal to sourceZone',
    build: (s) => job(s, { targetZone: 'raw' }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'targetZone',
  },
  // Runtime
  ...[glue.GlueVersion.V0_9, glue.GlueVersion.V2_0, glue.GlueVersion.V3_0].map((glueVersion): Row => ({
    description: `glueVersion ${glueVersion} (the kit knows 4.0, 5.0 and 5.1)`,
    build: (s) => job(s, { glueVersion }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'glueVersion',
  })),
  ...[glue.WorkerType.STANDARD, glue.WorkerType.G_025X].map((workerType): Row => ({
    description: `workerType ${workerType} (not for batch Spark jobs)`,
    build: (s) => job(s, { workerType }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'workerType',
  })),
  ...range('workerCount', [1, 0, 1001, 2.5], '2-1000'),
  ...range('timeoutMinutes', [0, 10081, 1.5], '1-10080'),
  ...range('logRetentionDays', [0, 2, 364, 3654], 'a CloudWatch Logs retention'),
  {
    description: 'Scala without mainClass',
    build: (s) => job(s, { language: SparkJobLanguage.SCALA }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'mainClass',
  },
  {
    description: 'mainClass with a Python script',
    build: (s) => job(s, { mainClass: 'com.example.Clean' }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'mainClass',
  },
  ...['com..Clean', '1Clean', 'com.example.Clean Orders'].map((mainClass): Row => ({
    description: `mainClass ${JSON.stringify(mainClass)}`,
    build: (s) => job(s, { language: SparkJobLanguage.SCALA, mainClass }),
    code: ErrorCode.INVALID_NAME,
    prop: 'mainClass',
    withToken: (s) => job(s, { language: SparkJobLanguage.SCALA, mainClass: stringToken(s) }),
  })),
  // Arguments
  ...['--mode', 'run mode', '', 'a'.repeat(129), 'mode=full'].map((key): Row => ({
    description: `arguments key ${JSON.stringify(key.slice(0, 20))}`,
    build: (s) => job(s, { arguments: { [key]: 'x' } }),
    code: ErrorCode.INVALID_NAME,
    prop: 'arguments key',
  })),
  ...['source_path', 'target_path', 'job-bookmark-option', 'job-language', 'TempDir'].map((key): Row => ({
    description: `arguments key ${key}, which the kit sets`,
    build: (s) => job(s, { arguments: { [key]: 'x' } }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'arguments key',
  })),
  // Script
  {
    description: 'a script file that does not exist',
    build: (s) => job(s, { script: SparkJobScript.fromAsset(`${__dirname}/fixtures/missing.py`) }),
    code: ErrorCode.INVALID_LOCATION,
    prop: 'script',
  },
  {
    description: 'a script that is a folder',
    build: (s) => job(s, { script: SparkJobScript.fromAsset(`${__dirname}/fixtures`) }),
    code: ErrorCode.INVALID_LOCATION,
    prop: 'script',
  },
  ...['', '/jobs/clean.py', 'jobs/*.py', 'k'.repeat(1025)].map((key): Row => ({
    description: `a script object key ${JSON.stringify(key.slice(0, 20))}`,
    build: (s) =>
      job(s, { script: SparkJobScript.fromBucket(s3.Bucket.fromBucketName(s, 'Scripts', 'scripts'), key) }),
    code: ErrorCode.INVALID_LOCATION,
    prop: 'script',
    withToken: (s) =>
      job(s, {
        script: SparkJobScript.fromBucket(s3.Bucket.fromBucketName(s, 'Scripts', 'scripts'), stringToken(s)),
      }),
  })),
  // Tags
  ...([{ 'aws:team': 'data' }, { '': 'data' }, { team: 'v'.repeat(257) }] as Record<string, string>[]).map(
    (tags): Row => ({
      description: `tags ${JSON.stringify(tags).slice(0, 40)}`,
      build: (s) => job(s, { tags }),
      code: ErrorCode.INVALID_TAGS,
      withToken: (s) => job(s, { tags: { team: stringToken(s) } }),
    }),
  ),
  // Grants to everyone
  ...PUBLIC_PRINCIPALS.map(([what, principal]): Row => ({
    description: `grantRun to everyone (${what})`,
    build: (s) => job(s).grantRun(principal()),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'grantee',
  })),
];

describeBadInput('AWS processing bad input', ROWS, {
  newStack: () => newAwsStack(),
  synth: (stack) => Template.fromStack(stack),
  codes: {
    title: 'the table covers every code SparkJob can raise from input',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.INVALID_LOCATION,
      ErrorCode.INVALID_TAGS,
      ErrorCode.INVALID_PRINCIPAL,
    ],
  },
});
