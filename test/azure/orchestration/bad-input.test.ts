import { ScheduleFrequency } from '../../../src/azure/orchestration/pipeline-types';
import type { PipelineProps } from '../../../src/azure/orchestration/pipeline-types';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';
import { tokens } from '../azure-stack';
import { newPipeline } from '../processing/pipeline-fixtures';

/**
 * Bad input to `Pipeline`, table-driven: each row builds one pipeline with one bad prop and names
 * the code and the prop the ValidationError must carry. Public network access, the managed virtual
 * network, the factory identity and its key are fixed, so they have no rows.
 */
const pipeline = (props: Partial<PipelineProps> = {}) => newPipeline(props).pipeline;
const LOGS = '/subscriptions/0/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central';

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  [
    'a platform name with a dot',
    () => pipeline({ platformName: 'sales.eu' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'a pipeline name with capitals',
    () => pipeline({ pipelineName: 'Orders' }),
    ErrorCode.INVALID_NAME,
    'pipelineName',
  ],
  [
    'a pipeline name of 21 characters',
    () => pipeline({ pipelineName: 'p'.repeat(21) }),
    ErrorCode.INVALID_NAME,
    'pipelineName',
  ],
  [
    'a pipeline name that is a token',
    () => pipeline({ pipelineName: tokens.string() }),
    ErrorCode.INVALID_NAME,
    'pipelineName',
  ],
  [
    'a factory name with --',
    () => pipeline({ factoryName: 'sales--etl' }),
    ErrorCode.INVALID_NAME,
    'factoryName',
  ],
  [
    'a factory name of 2 characters',
    () => pipeline({ factoryName: 'df' }),
    ErrorCode.INVALID_NAME,
    'factoryName',
  ],
  [
    'a factory name ending with a hyphen',
    () => pipeline({ factoryName: 'sales-' }),
    ErrorCode.INVALID_NAME,
    'factoryName',
  ],
  ['11 attempts', () => pipeline({ maxAttempts: 11 }), ErrorCode.OUT_OF_RANGE, 'maxAttempts'],
  ['no attempt at all', () => pipeline({ maxAttempts: 0 }), ErrorCode.OUT_OF_RANGE, 'maxAttempts'],
  ['a fractional attempt count', () => pipeline({ maxAttempts: 1.5 }), ErrorCode.OUT_OF_RANGE, 'maxAttempts'],
  [
    'attempts 29 seconds apart',
    () => pipeline({ retryDelaySeconds: 29 }),
    ErrorCode.OUT_OF_RANGE,
    'retryDelaySeconds',
  ],
  [
    'attempts a day and a second apart',
    () => pipeline({ retryDelaySeconds: 86401 }),
    ErrorCode.OUT_OF_RANGE,
    'retryDelaySeconds',
  ],
  [
    'a 4-minute step timeout',
    () => pipeline({ stepTimeoutMinutes: 4 }),
    ErrorCode.OUT_OF_RANGE,
    'stepTimeoutMinutes',
  ],
  [
    'a step timeout over 7 days',
    () => pipeline({ stepTimeoutMinutes: 10081 }),
    ErrorCode.OUT_OF_RANGE,
    'stepTimeoutMinutes',
  ],
  ['logs kept 29 days', () => pipeline({ logRetentionDays: 29 }), ErrorCode.OUT_OF_RANGE, 'logRetentionDays'],
  [
    'logs kept 731 days',
    () => pipeline({ logRetentionDays: 731 }),
    ErrorCode.OUT_OF_RANGE,
    'logRetentionDays',
  ],
  [
    'a log retention with an existing workspace',
    () => pipeline({ logAnalyticsWorkspaceId: LOGS, logRetentionDays: 90 }),
    ErrorCode.CONFLICTING_PROPS,
    'logRetentionDays',
  ],
  [
    'vault ranges with an existing key',
    () => {
      const base = newPipeline();
      const key = new EncryptionKey(base.stack, 'OtherKey', {
        resourceGroup: { name: 'rg', location: 'westeurope' },
      });
      return newPipeline({ encryptionKey: key, keyVaultAllowedIpRanges: ['20.61.10.0/24'] });
    },
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultAllowedIpRanges',
  ],
  [
    'the whole internet on the pipeline vault',
    () => pipeline({ keyVaultAllowedIpRanges: ['0.0.0.0/0'] }),
    ErrorCode.INVALID_IP_RANGE,
    'keyVaultAllowedIpRanges[0]',
  ],
  [
    'a schedule interval of 0',
    () => pipeline({ schedule: { interval: 0 } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.interval',
  ],
  [
    'a schedule interval of 1001',
    () => pipeline({ schedule: { interval: 1001 } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.interval',
  ],
  ['hour 24', () => pipeline({ schedule: { hours: [1, 24] } }), ErrorCode.OUT_OF_RANGE, 'schedule.hours[1]'],
  [
    'minute 60',
    () => pipeline({ schedule: { minutes: [60] } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.minutes[0]',
  ],
  [
    'an empty hour list',
    () => pipeline({ schedule: { hours: [] } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.hours',
  ],
  [
    'hours on an hourly schedule',
    () => pipeline({ schedule: { frequency: ScheduleFrequency.HOUR, hours: [2] } }),
    ErrorCode.CONFLICTING_PROPS,
    'schedule.hours',
  ],
  [
    'minutes on a minute schedule',
    () => pipeline({ schedule: { frequency: ScheduleFrequency.MINUTE, minutes: [0] } }),
    ErrorCode.CONFLICTING_PROPS,
    'schedule.minutes',
  ],
  [
    'a start time with an offset instead of UTC',
    () => pipeline({ schedule: { startTime: '2026-12-01T02:00:00+01:00' } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.startTime',
  ],
  [
    'a start time in month 13',
    () => pipeline({ schedule: { startTime: '2026-13-01T02:00:00Z' } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.startTime',
  ],
  [
    'a start date without a time',
    () => pipeline({ schedule: { startTime: '2026-12-01' } }),
    ErrorCode.OUT_OF_RANGE,
    'schedule.startTime',
  ],
  ['a tag name with %', () => pipeline({ tags: { '100%': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
];

describeBadInput('Pipeline bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
});
