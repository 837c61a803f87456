import { TerraformVariable } from 'cdktf';
import { newStream } from './stream-fixtures';
import { ErrorCode } from '../../../src/core/errors';
import {
  EncryptionKey,
  LakeStorage,
  NotificationTarget,
  type NotificationTargetProps,
  Principal,
  type StreamIngestionProps,
} from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to the GCP streaming blocks, one table: each row builds a construct with one bad prop
 * and names the ErrorCode and prop it must fail with. Grants take a principal (never a role nor
 * `allUsers`), the topics are always CMEK, and no prop opens a stream to the public, so no row
 * can ask for weaker security.
 */

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop: string];

const stream = (props: Partial<StreamIngestionProps>) => (stack: TerraformStack) => newStream(stack, props);
const inLake =
  (location: string, props: Partial<StreamIngestionProps> = {}) =>
  (stack: TerraformStack) =>
    newStream(stack, props, new LakeStorage(stack, 'Lake', { platformName: 'sales', location }));
const channels = (notificationChannelIds: string[]) => (stack: TerraformStack) =>
  NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', { notificationChannelIds });
const target = (props: Partial<NotificationTargetProps>) => (stack: TerraformStack) =>
  new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    emailAddresses: ['oncall@acme.com'],
    ...props,
  });
const key = (location: string) => (stack: TerraformStack) =>
  newStream(stack, {
    region: 'europe-west1',
    encryptionKey: new EncryptionKey(stack, 'Other', { location }),
  });

const ROWS: Row[] = [
  // Names
  ['platformName in uppercase', stream({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['streamName empty', stream({ streamName: '' }), ErrorCode.INVALID_NAME, 'streamName'],
  ['streamName too long', stream({ streamName: 'c'.repeat(21) }), ErrorCode.INVALID_NAME, 'streamName'],
  ['streamName in uppercase', stream({ streamName: 'Clicks' }), ErrorCode.INVALID_NAME, 'streamName'],
  [
    'streamName starting with a digit',
    stream({ streamName: '1clicks' }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  ['streamName with _', stream({ streamName: 'click_stream' }), ErrorCode.INVALID_NAME, 'streamName'],
  [
    'streamName as a deploy-time token',
    (stack) =>
      newStream(stack, { streamName: new TerraformVariable(stack, 'S', { type: 'string' }).stringValue }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  [
    "topicName starting with 'goog'",
    stream({ topicName: 'google-clicks' }),
    ErrorCode.INVALID_NAME,
    'topicName',
  ],
  ['topicName starting with a digit', stream({ topicName: '1clicks' }), ErrorCode.INVALID_NAME, 'topicName'],
  ['topicName too short', stream({ topicName: 'ab' }), ErrorCode.INVALID_NAME, 'topicName'],
  ['topicName with a slash', stream({ topicName: 'clicks/v1' }), ErrorCode.INVALID_NAME, 'topicName'],
  ['project in uppercase', stream({ project: 'Acme-Data' }), ErrorCode.INVALID_NAME, 'project'],
  [
    'filenameSuffix ending with /',
    stream({ filenameSuffix: '.avro/' }),
    ErrorCode.INVALID_NAME,
    'filenameSuffix',
  ],
  ['filenameSuffix empty', stream({ filenameSuffix: '' }), ErrorCode.INVALID_NAME, 'filenameSuffix'],
  ['a label key in uppercase', stream({ tags: { Team: 'web' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  // Zones and locations
  ['a zone the lake does not have', stream({ zone: 'landing' }), ErrorCode.UNKNOWN_ZONE, 'zone'],
  ['a multi-region as region', stream({ region: 'EU' }), ErrorCode.INVALID_LOCATION, 'region'],
  ['a malformed region', stream({ region: 'Europe West' }), ErrorCode.INVALID_LOCATION, 'region'],
  ['a zone as region', stream({ region: 'europe-west1-b' }), ErrorCode.INVALID_LOCATION, 'region'],
  ['no region with a multi-region key', inLake('EU'), ErrorCode.INVALID_LOCATION, 'region'],
  [
    'a region the lake key does not cover',
    inLake('EU', { region: 'us-central1' }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  ['a key in another region', key('europe-west4'), ErrorCode.INVALID_LOCATION, 'encryptionKey'],
  [
    'a region outside the regional key',
    stream({ region: 'europe-west4' }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  // Ranges
  ['retentionHours 0', stream({ retentionHours: 0 }), ErrorCode.OUT_OF_RANGE, 'retentionHours'],
  [
    'retentionHours 745 (over 31 days)',
    stream({ retentionHours: 745 }),
    ErrorCode.OUT_OF_RANGE,
    'retentionHours',
  ],
  ['retentionHours 1.5', stream({ retentionHours: 1.5 }), ErrorCode.OUT_OF_RANGE, 'retentionHours'],
  [
    'maxFileDurationMinutes 0',
    stream({ maxFileDurationMinutes: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'maxFileDurationMinutes',
  ],
  [
    'maxFileDurationMinutes 11',
    stream({ maxFileDurationMinutes: 11 }),
    ErrorCode.OUT_OF_RANGE,
    'maxFileDurationMinutes',
  ],
  ['maxFileSizeMiB 0', stream({ maxFileSizeMiB: 0 }), ErrorCode.OUT_OF_RANGE, 'maxFileSizeMiB'],
  [
    'maxFileSizeMiB 10241 (over 10 GiB)',
    stream({ maxFileSizeMiB: 10_241 }),
    ErrorCode.OUT_OF_RANGE,
    'maxFileSizeMiB',
  ],
  [
    'maxDeliveryAttempts 4',
    stream({ maxDeliveryAttempts: 4 }),
    ErrorCode.OUT_OF_RANGE,
    'maxDeliveryAttempts',
  ],
  [
    'maxDeliveryAttempts 101',
    stream({ maxDeliveryAttempts: 101 }),
    ErrorCode.OUT_OF_RANGE,
    'maxDeliveryAttempts',
  ],
  [
    'retryMinimumBackoffSeconds -1',
    stream({ retryMinimumBackoffSeconds: -1 }),
    ErrorCode.OUT_OF_RANGE,
    'retryMinimumBackoffSeconds',
  ],
  [
    'retryMaximumBackoffSeconds 601',
    stream({ retryMaximumBackoffSeconds: 601 }),
    ErrorCode.OUT_OF_RANGE,
    'retryMaximumBackoffSeconds',
  ],
  [
    'a minimum backoff above the maximum',
    stream({ retryMinimumBackoffSeconds: 120, retryMaximumBackoffSeconds: 60 }),
    ErrorCode.OUT_OF_RANGE,
    'retryMinimumBackoffSeconds',
  ],
  [
    'deadLetterRetentionDays 0',
    stream({ deadLetterRetentionDays: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'deadLetterRetentionDays',
  ],
  [
    'deadLetterRetentionDays 32',
    stream({ deadLetterRetentionDays: 32 }),
    ErrorCode.OUT_OF_RANGE,
    'deadLetterRetentionDays',
  ],
  [
    'messageAgeAlertMinutes 0',
    stream({ messageAgeAlertMinutes: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'messageAgeAlertMinutes',
  ],
  [
    'messageAgeAlertMinutes 10081 (over 7 days)',
    stream({ messageAgeAlertMinutes: 10_081 }),
    ErrorCode.OUT_OF_RANGE,
    'messageAgeAlertMinutes',
  ],
  [
    'messageAgeAlertMinutes not above maxFileDurationMinutes',
    stream({ messageAgeAlertMinutes: 5 }),
    ErrorCode.OUT_OF_RANGE,
    'messageAgeAlertMinutes',
  ],
  [
    'alertAutoCloseHours 0',
    stream({ alertAutoCloseHours: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'alertAutoCloseHours',
  ],
  [
    'alertAutoCloseHours 169',
    stream({ alertAutoCloseHours: 169 }),
    ErrorCode.OUT_OF_RANGE,
    'alertAutoCloseHours',
  ],
  // Principals: never public
  [
    'grantWrite to allUsers',
    (stack) => newStream(stack).grantWrite(Principal.fromMember('allUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'grantRead to allAuthenticatedUsers',
    (stack) => newStream(stack).grantRead(Principal.fromMember('allAuthenticatedUsers')),
    ErrorCode.INVALID_PRINCIPAL,
    'member',
  ],
  [
    'grantRead to a deploy-time member without a grantKey',
    (stack) =>
      newStream(stack).grantRead(
        Principal.fromMember(new TerraformVariable(stack, 'M', { type: 'string' }).stringValue),
      ),
    ErrorCode.INVALID_PRINCIPAL,
    'principal.grantKey',
  ],
  // Notification targets
  ['no emails', target({ emailAddresses: [] }), ErrorCode.OUT_OF_RANGE, 'emailAddresses'],
  [
    '17 emails',
    target({ emailAddresses: Array.from({ length: 17 }, (_, i) => `o${i}@acme.com`) }),
    ErrorCode.OUT_OF_RANGE,
    'emailAddresses',
  ],
  [
    'a malformed email',
    target({ emailAddresses: ['oncall.acme.com'] }),
    ErrorCode.INVALID_NAME,
    'emailAddresses[0]',
  ],
  [
    'an email with a space',
    target({ emailAddresses: ['on call@acme.com'] }),
    ErrorCode.INVALID_NAME,
    'emailAddresses[0]',
  ],
  ['target platformName too short', target({ platformName: 'x' }), ErrorCode.INVALID_NAME, 'platformName'],
  [
    'no target platformName (JavaScript)',
    target({ platformName: undefined as unknown as string }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  ['target project too short', target({ project: 'acme' }), ErrorCode.INVALID_NAME, 'project'],
  [
    'a target label value in uppercase',
    target({ tags: { team: 'Data' } }),
    ErrorCode.INVALID_TAGS,
    'tags["team"]',
  ],
  ['no channel ids', channels([]), ErrorCode.OUT_OF_RANGE, 'notificationChannelIds'],
  [
    'a channel id without its project',
    channels(['notificationChannels/42']),
    ErrorCode.INVALID_NAME,
    'notificationChannelIds[0]',
  ],
  [
    'a bare channel number',
    channels(['projects/acme-ops/notificationChannels/42', '42']),
    ErrorCode.INVALID_NAME,
    'notificationChannelIds[1]',
  ],
];

describeBadInput('GCP streaming bad input', tupleRows(ROWS), {
  newStack: () => newGcpStack(),
  expectError: expectValidationError,
});
