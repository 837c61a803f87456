import { Principal, PrincipalType } from '../../../src/azure/iam/principal';
import { SparkJob, SparkNodeSize } from '../../../src/azure/processing/spark-job';
import type { SparkJobProps } from '../../../src/azure/processing/spark-job';
import type { SparkStep } from '../../../src/azure/processing/spark-step';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import { OBJECT_ID, tokens } from '../azure-stack';
import { newSparkJob, TWO_STEPS } from './pipeline-fixtures';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';

/**
 * Bad input to `SparkJob`, table-driven: each row builds one job (or grant) with one bad prop and
 * names the code and the prop the ValidationError must carry. Session-level packages and the
 * pool's network have no prop, so they have no rows.
 */
const job = (props: Partial<SparkJobProps> = {}) => newSparkJob(props).job;
const step = (patch: Partial<SparkStep>): SparkStep[] => [{ ...TWO_STEPS[0], ...patch }];

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  [
    'a platform name with capitals',
    () => job({ platformName: 'Sales' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'a job name with an underscore',
    () => job({ jobName: 'daily_orders' }),
    ErrorCode.INVALID_NAME,
    'jobName',
  ],
  ['a job name of 21 characters', () => job({ jobName: 'j'.repeat(21) }), ErrorCode.INVALID_NAME, 'jobName'],
  ['a job name that is a token', () => job({ jobName: tokens.string() }), ErrorCode.INVALID_NAME, 'jobName'],
  [
    'a pool name with a hyphen',
    () => job({ sparkPoolName: 'orders-pool' }),
    ErrorCode.INVALID_NAME,
    'sparkPoolName',
  ],
  [
    'a pool name of 16 characters',
    () => job({ sparkPoolName: 'p'.repeat(16) }),
    ErrorCode.INVALID_NAME,
    'sparkPoolName',
  ],
  [
    'a pool name starting with a digit',
    () => job({ sparkPoolName: '1pool' }),
    ErrorCode.INVALID_NAME,
    'sparkPoolName',
  ],
  ['no steps', () => job({ steps: [] }), ErrorCode.OUT_OF_RANGE, 'steps'],
  [
    'more than STEPS_RANGE.max (40) steps',
    () =>
      job({
        steps: Array.from({ length: SparkJob.STEPS_RANGE.max + 1 }, (_, i) => ({
          ...TWO_STEPS[0],
          name: `s${i}`,
        })),
      }),
    ErrorCode.OUT_OF_RANGE,
    'steps',
  ],
  [
    'a step name with capitals',
    () => job({ steps: step({ name: 'Clean' }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].name',
  ],
  [
    'a step name that is a token',
    () => job({ steps: step({ name: tokens.string() }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].name',
  ],
  [
    'two steps with one name',
    () => job({ steps: [TWO_STEPS[0], { ...TWO_STEPS[1], name: 'clean' }] }),
    ErrorCode.INVALID_NAME,
    'steps[1].name',
  ],
  [
    'an undeclared source zone',
    () => job({ steps: step({ sourceZone: 'bronze' }) }),
    ErrorCode.UNKNOWN_ZONE,
    'steps[0].sourceZone',
  ],
  [
    'an undeclared target zone',
    () => job({ steps: step({ targetZone: 'gold' }) }),
    ErrorCode.UNKNOWN_ZONE,
    'steps[0].targetZone',
  ],
  [
    'a step writing the zone it reads',
    () => job({ steps: step({ targetZone: 'raw' }) }),
    ErrorCode.CONFLICTING_PROPS,
    'steps[0].targetZone',
  ],
  [
    'a notebook and a Spark job definition',
    () => job({ steps: step({ sparkJobDefinition: 'clean-orders' }) }),
    ErrorCode.CONFLICTING_PROPS,
    'steps[0].notebook',
  ],
  [
    'neither a notebook nor a Spark job definition',
    () => job({ steps: step({ notebook: undefined }) }),
    ErrorCode.CONFLICTING_PROPS,
    'steps[0].notebook',
  ],
  [
    'a notebook name with a slash',
    () => job({ steps: step({ notebook: 'etl/clean' }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].notebook',
  ],
  [
    'a Spark job definition name of 261 characters',
    () => job({ steps: step({ notebook: undefined, sparkJobDefinition: 'd'.repeat(261) }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].sparkJobDefinition',
  ],
  [
    'a notebook name with a dot (Synapse artifact names exclude it)',
    () => job({ steps: step({ notebook: 'clean.orders' }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].notebook',
  ],
  [
    'a notebook name starting with a hyphen',
    () => job({ steps: step({ notebook: '-clean' }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].notebook',
  ],
  [
    'a parameter name with a hyphen',
    () => job({ steps: step({ parameters: { 'run-date': '@pipeline().TriggerTime' } }) }),
    ErrorCode.INVALID_NAME,
    'steps[0].parameters key',
  ],
  [
    "a parameter that overrides the kit's source path",
    () => job({ steps: step({ parameters: { source_path: 'abfss://other@x.dfs.core.windows.net/' } }) }),
    ErrorCode.CONFLICTING_PROPS,
    'steps[0].parameters key',
  ],
  ['2 minimum nodes', () => job({ minNodes: 2 }), ErrorCode.OUT_OF_RANGE, 'minNodes'],
  ['201 maximum nodes', () => job({ maxNodes: 201 }), ErrorCode.OUT_OF_RANGE, 'maxNodes'],
  [
    'fewer maximum than minimum nodes',
    () => job({ minNodes: 8, maxNodes: 5 }),
    ErrorCode.OUT_OF_RANGE,
    'maxNodes',
  ],
  ['a fractional node count', () => job({ minNodes: 3.5 }), ErrorCode.OUT_OF_RANGE, 'minNodes'],
  [
    'a 4-minute auto-pause delay',
    () => job({ autoPauseDelayMinutes: 4 }),
    ErrorCode.OUT_OF_RANGE,
    'autoPauseDelayMinutes',
  ],
  [
    'an auto-pause delay over a week',
    () => job({ autoPauseDelayMinutes: 10081 }),
    ErrorCode.OUT_OF_RANGE,
    'autoPauseDelayMinutes',
  ],
  [
    'isolated compute on Small nodes',
    () => job({ computeIsolation: true, nodeSize: SparkNodeSize.SMALL }),
    ErrorCode.CONFLICTING_PROPS,
    'computeIsolation',
  ],
  ['a tag name with <', () => job({ tags: { '<owner>': 'etl' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'a run grant without reaching the workspace',
    () => job().grantRun(Principal.servicePrincipal(OBJECT_ID)),
    ErrorCode.CONFLICTING_PROPS,
    'warehouse.deployerReachesWorkspace',
  ],
  [
    'a run grant to a principal that is not a GUID',
    () =>
      newSparkJob({}, { dataPlane: true }).job.grantRun({
        principalId: 'adf-identity',
        principalType: PrincipalType.SERVICE_PRINCIPAL,
      }),
    ErrorCode.INVALID_PRINCIPAL,
    'principal.principalId',
  ],
];

describeBadInput('SparkJob bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
});
