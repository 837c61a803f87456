import { TerraformVariable } from 'cdktf';
import { newLake, newPipeline, STEPS } from './pipeline-fixtures';
import { ErrorCode } from '../../../src/core/errors';
import { EncryptionKey, Network, Pipeline, type PipelineProps, type PipelineStep } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to Pipeline, one table: each row builds a pipeline with one bad prop and names the
 * ErrorCode and prop it must fail with. The pipeline's identities, keys and grants are fixed by its
 * steps and no prop widens them, so no row can ask for weaker security.
 */

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop: string];

const pipeline = (props: Partial<PipelineProps>) => (stack: TerraformStack) => newPipeline(stack, props);
const steps = (...list: Partial<PipelineStep>[]) =>
  pipeline({ steps: list.map((s, i) => ({ ...STEPS[i % STEPS.length], ...s }) as PipelineStep) });
const cron = (expression: string) => pipeline({ schedule: { cron: expression } });

const ROWS: Row[] = [
  // Names
  ['platformName in uppercase', pipeline({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['pipelineName empty', pipeline({ pipelineName: '' }), ErrorCode.INVALID_NAME, 'pipelineName'],
  [
    'pipelineName too long',
    pipeline({ pipelineName: 'd'.repeat(21) }),
    ErrorCode.INVALID_NAME,
    'pipelineName',
  ],
  ['pipelineName with _', pipeline({ pipelineName: 'daily_run' }), ErrorCode.INVALID_NAME, 'pipelineName'],
  [
    'pipelineName as a deploy-time token',
    (stack) =>
      newPipeline(stack, { pipelineName: new TerraformVariable(stack, 'P', { type: 'string' }).stringValue }),
    ErrorCode.INVALID_NAME,
    'pipelineName',
  ],
  ['project in uppercase', pipeline({ project: 'Acme-Data' }), ErrorCode.INVALID_NAME, 'project'],
  ['a label key in uppercase', pipeline({ tags: { Team: 'sales' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  // Steps
  ['no steps', pipeline({ steps: [] }), ErrorCode.OUT_OF_RANGE, 'steps'],
  [
    'more than STEPS_RANGE.max steps',
    pipeline({
      steps: Array.from({ length: Pipeline.STEPS_RANGE.max + 1 }, (_, i) => ({ ...STEPS[0], name: `s${i}` })),
    }),
    ErrorCode.OUT_OF_RANGE,
    'steps',
  ],
  ['a step name in uppercase', steps({ name: 'Clean' }), ErrorCode.INVALID_NAME, 'steps[0].name'],
  ['a step name too long', steps({}, { name: 'p'.repeat(21) }), ErrorCode.INVALID_NAME, 'steps[1].name'],
  ['two steps with one name', steps({}, { name: 'clean' }), ErrorCode.INVALID_NAME, 'steps[1].name'],
  [
    'a step name as a deploy-time token',
    (stack) =>
      newPipeline(stack, {
        steps: [{ ...STEPS[0], name: new TerraformVariable(stack, 'S', { type: 'string' }).stringValue }],
      }),
    ErrorCode.INVALID_NAME,
    'steps[0].name',
  ],
  [
    'a step reading a zone the lake lacks',
    steps({ sourceZone: 'landing' }),
    ErrorCode.UNKNOWN_ZONE,
    'sourceZone',
  ],
  [
    'a step writing a zone the lake lacks',
    steps({}, { targetZone: 'gold' }),
    ErrorCode.UNKNOWN_ZONE,
    'targetZone',
  ],
  [
    'a step writing the zone it reads',
    steps({ targetZone: 'raw' }),
    ErrorCode.CONFLICTING_PROPS,
    'targetZone',
  ],
  [
    'a step without a main file',
    steps({ mainPythonFileUri: undefined }),
    ErrorCode.CONFLICTING_PROPS,
    'mainPythonFileUri',
  ],
  [
    'a step with a bad main file',
    steps({ mainPythonFileUri: 'clean.py' }),
    ErrorCode.INVALID_NAME,
    'mainPythonFileUri',
  ],
  ['a step with a 5-minute timeout', steps({ timeoutMinutes: 5 }), ErrorCode.OUT_OF_RANGE, 'timeoutMinutes'],
  // Schedule
  ['a cron of four fields', cron('0 3 * *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron minute of 60', cron('60 3 * * *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron hour of 24', cron('0 24 * * *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron day of month 0', cron('0 3 0 * *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron month name that is not one', cron('0 3 1 JANUARY *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron range backwards', cron('0 3 * * FRI-MON'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a cron step of 0', cron('*/0 3 * * *'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  ['a Quartz-style cron', cron('0 0 3 * * ?'), ErrorCode.OUT_OF_RANGE, 'schedule.cron'],
  [
    'an unknown time zone',
    pipeline({ schedule: { cron: '0 3 * * *', timeZone: 'Europe/Atlantis' } }),
    ErrorCode.INVALID_LOCATION,
    'schedule.timeZone',
  ],
  [
    'a UTC offset as time zone',
    pipeline({ schedule: { cron: '0 3 * * *', timeZone: '+02:00' } }),
    ErrorCode.INVALID_LOCATION,
    'schedule.timeZone',
  ],
  // Ranges
  ['maxAttempts 0', pipeline({ maxAttempts: 0 }), ErrorCode.OUT_OF_RANGE, 'maxAttempts'],
  ['maxAttempts 11', pipeline({ maxAttempts: 11 }), ErrorCode.OUT_OF_RANGE, 'maxAttempts'],
  [
    'retryDelaySeconds negative',
    pipeline({ retryDelaySeconds: -1 }),
    ErrorCode.OUT_OF_RANGE,
    'retryDelaySeconds',
  ],
  [
    'retryDelaySeconds above an hour',
    pipeline({ retryDelaySeconds: 3601 }),
    ErrorCode.OUT_OF_RANGE,
    'retryDelaySeconds',
  ],
  [
    'pollIntervalSeconds 5',
    pipeline({ pollIntervalSeconds: 5 }),
    ErrorCode.OUT_OF_RANGE,
    'pollIntervalSeconds',
  ],
  [
    'pollIntervalSeconds 601',
    pipeline({ pollIntervalSeconds: 601 }),
    ErrorCode.OUT_OF_RANGE,
    'pollIntervalSeconds',
  ],
  ['logRetentionDays 0', pipeline({ logRetentionDays: 0 }), ErrorCode.OUT_OF_RANGE, 'logRetentionDays'],
  [
    'logRetentionDays above 10 years',
    pipeline({ logRetentionDays: 3651 }),
    ErrorCode.OUT_OF_RANGE,
    'logRetentionDays',
  ],
  [
    'alertAutoCloseHours 0',
    pipeline({ alertAutoCloseHours: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'alertAutoCloseHours',
  ],
  [
    'alertAutoCloseHours 169',
    pipeline({ alertAutoCloseHours: 169 }),
    ErrorCode.OUT_OF_RANGE,
    'alertAutoCloseHours',
  ],
  // Network and key
  [
    'a kit Network without allowInternalIngress',
    (stack) =>
      newPipeline(stack, {
        network: new Network(stack, 'Closed', { platformName: 'sales', region: 'europe-west1' }),
      }),
    ErrorCode.CONFLICTING_PROPS,
    'network',
  ],
  [
    'a multi-region lake key',
    (stack) => newPipeline(stack, { lake: newLake(stack, 'EU') }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a key in another region',
    (stack) =>
      newPipeline(stack, { encryptionKey: new EncryptionKey(stack, 'K', { location: 'europe-west4' }) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
];

describeBadInput(
  'Pipeline rejects bad input',
  tupleRows(ROWS),
  {
    newStack: () => newGcpStack(),
    expectError: expectValidationError,
  },
  () => {
    test('jobFor a step the pipeline does not have', () => {
      const stack = newGcpStack();
      expectValidationError(() => newPipeline(stack).jobFor('load'), ErrorCode.INVALID_NAME, 'step');
    });

    test.each(['*/15 * * * *', '0 3 1,15 * *', '0 8-18/2 * * MON-FRI', '0 3 * JAN,JUL 0', '0 0 1 1 7'])(
      'a valid cron passes: %s',
      (expression) => {
        expect(() => cron(expression)(newGcpStack())).not.toThrow();
      },
    );
  },
);
