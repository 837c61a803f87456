import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { twoSteps } from './support';
import { NotificationTarget, Pipeline, type PipelineProps, type PipelineStep } from '../../../src/aws';
import { ErrorCode } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';
import { lakeIn, script } from '../processing/support';

/**
 * Every way Pipeline rejects input, in one table: each row builds the pipeline with one bad prop
 * and names the ErrorCode and prop it must throw. Where the prop accepts a deploy-time value, the
 * row also builds it with an unresolved token, which validation must skip. `maxAttempts`,
 * `retryDelaySeconds` and `runTimeoutMinutes` are part of the state machine definition, rendered at
 * synth time: a token there is rejected, like a token in a name.
 *
 * No prop can weaken the pipeline's security: the state machine's encryption, logging and
 * tracing, the schedule's encryption and role, and each step's grants are fixed; the one
 * public-exposure input is a start grant to everyone ('*'), rejected below.
 */
type Row = BadInputRow<Stack>;

const pipeline = (stack: Stack, props: Partial<PipelineProps> = {}) =>
  new Pipeline(stack, 'Daily', {
    platformName: 'sales',
    pipelineName: 'daily',
    lake: lakeIn(stack),
    steps: twoSteps(),
    ...props,
  });
const step = (overrides: Partial<PipelineStep>): PipelineStep => ({
  name: 'clean',
  sourceZone: 'raw',
  targetZone: 'curated',
  script: script(),
  ...overrides,
});
const numberToken = (stack: Stack, id = 'Number') =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
const stringToken = (stack: Stack, id = 'Param') => new CfnParameter(stack, id).valueAsString;

const range = (prop: keyof PipelineProps & string, values: number[], allowed: string, token = true): Row[] =>
  values.map((value) => ({
    description: `${prop} ${value} (${allowed})`,
    build: (s) => pipeline(s, { [prop]: value }),
    code: ErrorCode.OUT_OF_RANGE,
    prop,
    withToken: token ? (s) => pipeline(s, { [prop]: numberToken(s) }) : undefined,
  }));

const DEFINITION_PROPS = ['maxAttempts', 'retryDelaySeconds', 'runTimeoutMinutes'] as const;

const ROWS: Row[] = [
  // Names
  ...['s', 'Sales', 'sales_eu'].map((platformName): Row => ({
    description: `platformName ${JSON.stringify(platformName)}`,
    build: (s) => pipeline(s, { platformName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  ...['', 'p'.repeat(21), 'Daily', '1daily', 'daily-', 'dai--ly'].map((pipelineName): Row => ({
    description: `pipelineName ${JSON.stringify(pipelineName)}`,
    build: (s) => pipeline(s, { pipelineName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'pipelineName',
  })),
  {
    description: 'pipelineName as a token',
    build: (s) => pipeline(s, { pipelineName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'pipelineName',
  },
  // Steps
  {
    description: 'no steps',
    build: (s) => pipeline(s, { steps: [] }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'steps',
  },
  {
    description: `more than STEPS_RANGE.max (${Pipeline.STEPS_RANGE.max}) steps`,
    build: (s) =>
      pipeline(s, {
        steps: Array.from({ length: Pipeline.STEPS_RANGE.max + 1 }, (_, i) => step({ name: `step${i}` })),
      }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'steps',
  },
  ...['', 'Clean', 'clean_orders', 's'.repeat(21)].map((name): Row => ({
    description: `step name ${JSON.stringify(name)}`,
    build: (s) => pipeline(s, { steps: [step({ name })] }),
    code: ErrorCode.INVALID_NAME,
    prop: 'steps[0].name',
  })),
  {
    description: 'a step name used twice',
    build: (s) => pipeline(s, { steps: [step({}), step({ sourceZone: 'curated', targetZone: 'serving' })] }),
    code: ErrorCode.INVALID_NAME,
    prop: 'steps[1].name',
  },
  {
    description: 'a step name as a token',
    build: (s) => pipeline(s, { steps: [step({ name: stringToken(s) })] }),
    code: ErrorCode.INVALID_NAME,
    prop: 'steps[0].name',
  },
  {
    description: 'a step source zone the lake does not have',
    build: (s) => pipeline(s, { steps: [step({ sourceZone: 'landing' })] }),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'steps[0].sourceZone',
  },
  {
    description: 'a step target zone the lake does not have',
    build: (s) => pipeline(s, { steps: [step({ targetZone: 'gold' })] }),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'steps[0].targetZone',
  },
  {
    description: 'a step writing the zone it reads',
    build: (s) => pipeline(s, { steps: [step({ targetZone: 'raw' })] }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'steps[0].targetZone',
  },
  {
    description: "a step's own runtime options are validated by its job",
    build: (s) => pipeline(s, { steps: [step({ workerCount: 1 })] }),
    code: ErrorCode.OUT_OF_RANGE,
    prop: 'workerCount',
  },
  // Ranges
  ...range('maxAttempts', [0, 11, 1.5], '1-10', false),
  ...range('retryDelaySeconds', [0, 3601, 2.5], '1-3600', false),
  ...range('runTimeoutMinutes', [0, 525601], '1-525600', false),
  ...DEFINITION_PROPS.map((prop): Row => ({
    description: `${prop} as a token (the state machine definition is rendered at synth time)`,
    build: (s) => pipeline(s, { [prop]: numberToken(s) }),
    code: ErrorCode.OUT_OF_RANGE,
    prop,
  })),
  ...range('logRetentionDays', [0, 2, 364, 3654], 'a CloudWatch Logs retention'),
  // Conflicts
  {
    description: 'alertEmailAddresses with a brought notificationTarget',
    build: (s) =>
      pipeline(s, {
        notificationTarget: new NotificationTarget(s, 'Shared', { platformName: 'sales' }),
        alertEmailAddresses: ['oncall@example.com'],
      }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'alertEmailAddresses',
  },
  ...['oncall', 'oncall@', 'on call@example.com'].map((email): Row => ({
    description: `alertEmailAddresses ${JSON.stringify(email)}`,
    build: (s) => pipeline(s, { alertEmailAddresses: [email] }),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'alertEmailAddresses[0]',
    withToken: (s) => pipeline(s, { alertEmailAddresses: [stringToken(s)] }),
  })),
  // Tags
  ...([{ 'aws:team': 'data' }, { team: 'v'.repeat(257) }] as Record<string, string>[]).map((tags): Row => ({
    description: `tags ${JSON.stringify(tags).slice(0, 40)}`,
    build: (s) => pipeline(s, { tags }),
    code: ErrorCode.INVALID_TAGS,
    withToken: (s) => pipeline(s, { tags: { team: stringToken(s) } }),
  })),
  // Grants to everyone
  ...[new iam.AnyPrincipal(), new iam.StarPrincipal(), new iam.ArnPrincipal('*')].map((principal): Row => ({
    description: `grantStart to everyone (${principal.constructor.name})`,
    build: (s) => pipeline(s).grantStart(principal),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'grantee',
  })),
];

describeBadInput('AWS orchestration bad input', ROWS, {
  newStack: () => newAwsStack(),
  synth: (stack) => Template.fromStack(stack),
  codes: {
    title: 'the table covers every code Pipeline can raise from input',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.INVALID_PRINCIPAL,
      ErrorCode.INVALID_TAGS,
    ],
  },
});
