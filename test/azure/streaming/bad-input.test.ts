import { Principal } from '../../../src/azure/iam/principal';
import { NotificationTarget } from '../../../src/azure/monitoring/notification-target';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { EventHubsSku } from '../../../src/azure/streaming/event-hubs-sku';
import { StreamIngestion, type StreamIngestionProps } from '../../../src/azure/streaming/stream-ingestion';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG, tokens } from '../azure-stack';
import { newStream } from './support';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';

/**
 * Bad input to the Azure streaming blocks, table-driven like test/azure/bad-input.test.ts: each
 * row builds one construct with one bad prop and names the code and the prop the error carries.
 * There is no TLS, public-access, local-auth or role-choice prop (all fixed), so no rows for them.
 */

const SHARED_KEY = {
  keyVaultId:
    '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared',
  keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/stream-cmk',
};

const stream = (props: Partial<StreamIngestionProps> = {}, stack: TerraformStack = newAzureStack()) =>
  newStream(props, stack).stream;

/** A stream given an existing key (on the tier in `props`). */
const withKey = (props: Partial<StreamIngestionProps> = {}) => {
  const stack = newAzureStack();
  return stream(
    { encryptionKey: EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', SHARED_KEY), ...props },
    stack,
  );
};

const premium = { sku: EventHubsSku.PREMIUM };

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  // Names
  [
    'a stream name with capitals',
    () => stream({ streamName: 'Clicks' }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  [
    'a stream name with an underscore',
    () => stream({ streamName: 'click_stream' }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  [
    'a stream name too long',
    () => stream({ streamName: 's'.repeat(21) }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  ['an empty stream name', () => stream({ streamName: '' }), ErrorCode.INVALID_NAME, 'streamName'],
  [
    'a stream name as a token',
    () => stream({ streamName: tokens.string() }),
    ErrorCode.INVALID_NAME,
    'streamName',
  ],
  ['a bad platform name', () => stream({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  [
    'a namespace name too short',
    () => stream({ namespaceName: 'ehns' }),
    ErrorCode.INVALID_NAME,
    'namespaceName',
  ],
  [
    'a namespace name ending in -sb',
    () => stream({ namespaceName: 'sales-events-sb' }),
    ErrorCode.INVALID_NAME,
    'namespaceName',
  ],
  [
    'a namespace name starting with a digit',
    () => stream({ namespaceName: '1sales-events' }),
    ErrorCode.INVALID_NAME,
    'namespaceName',
  ],
  [
    'a namespace name with an underscore',
    () => stream({ namespaceName: 'sales_events' }),
    ErrorCode.INVALID_NAME,
    'namespaceName',
  ],
  [
    'a consumer group with capitals',
    () => stream({ consumerGroups: ['Analytics'] }),
    ErrorCode.INVALID_NAME,
    'consumerGroups[0]',
  ],
  [
    'a duplicate consumer group',
    () => stream({ consumerGroups: ['ml', 'ml'] }),
    ErrorCode.INVALID_NAME,
    'consumerGroups[1]',
  ],
  [
    '$Default declared again',
    () => stream({ consumerGroups: ['$Default'] }),
    ErrorCode.INVALID_NAME,
    'consumerGroups[0]',
  ],
  [
    'a consumer group as a token',
    () => stream({ consumerGroups: [tokens.string()] }),
    ErrorCode.INVALID_NAME,
    'consumerGroups[0]',
  ],
  [
    'a grant on an undeclared consumer group',
    () => stream().grantRead(Principal.user(OBJECT_ID), 'billing'),
    ErrorCode.INVALID_NAME,
    'consumerGroup',
  ],
  [
    'an imported hub id of another type',
    () => StreamIngestion.fromEventHubId(newAzureStack(), 'Hub', SHARED_KEY.keyVaultId),
    ErrorCode.INVALID_NAME,
    'eventHubId',
  ],
  [
    'an imported action group id of another type',
    () => NotificationTarget.fromActionGroupId(newAzureStack(), 'Group', SHARED_KEY.keyVaultId),
    ErrorCode.INVALID_NAME,
    'actionGroupId',
  ],
  // Zones
  ['a zone the lake lacks', () => stream({ zone: 'gold' }), ErrorCode.UNKNOWN_ZONE, 'zone'],
  // Ranges, per tier
  ['no throughput unit', () => stream({ capacity: 0 }), ErrorCode.OUT_OF_RANGE, 'capacity'],
  ['41 throughput units', () => stream({ capacity: 41 }), ErrorCode.OUT_OF_RANGE, 'capacity'],
  ['3 processing units', () => stream({ ...premium, capacity: 3 }), ErrorCode.OUT_OF_RANGE, 'capacity'],
  [
    'auto-inflate below the capacity',
    () => stream({ capacity: 4, maximumThroughputUnits: 2 }),
    ErrorCode.OUT_OF_RANGE,
    'maximumThroughputUnits',
  ],
  [
    'auto-inflate above 40',
    () => stream({ maximumThroughputUnits: 41 }),
    ErrorCode.OUT_OF_RANGE,
    'maximumThroughputUnits',
  ],
  ['no partition', () => stream({ partitionCount: 0 }), ErrorCode.OUT_OF_RANGE, 'partitionCount'],
  [
    '33 partitions on Standard',
    () => stream({ partitionCount: 33 }),
    ErrorCode.OUT_OF_RANGE,
    'partitionCount',
  ],
  [
    '101 partitions on Premium',
    () => stream({ ...premium, partitionCount: 101 }),
    ErrorCode.OUT_OF_RANGE,
    'partitionCount',
  ],
  ['no retention', () => stream({ retentionHours: 0 }), ErrorCode.OUT_OF_RANGE, 'retentionHours'],
  ['8 days on Standard', () => stream({ retentionHours: 192 }), ErrorCode.OUT_OF_RANGE, 'retentionHours'],
  [
    '91 days on Premium',
    () => stream({ ...premium, retentionHours: 2184 }),
    ErrorCode.OUT_OF_RANGE,
    'retentionHours',
  ],
  ['fractional retention', () => stream({ retentionHours: 1.5 }), ErrorCode.OUT_OF_RANGE, 'retentionHours'],
  [
    'a Capture window under a minute',
    () => stream({ captureIntervalSeconds: 59 }),
    ErrorCode.OUT_OF_RANGE,
    'captureIntervalSeconds',
  ],
  [
    'a Capture window over 15 minutes',
    () => stream({ captureIntervalSeconds: 901 }),
    ErrorCode.OUT_OF_RANGE,
    'captureIntervalSeconds',
  ],
  [
    'Capture files under 10 MiB',
    () => stream({ captureSizeLimitBytes: 10485759 }),
    ErrorCode.OUT_OF_RANGE,
    'captureSizeLimitBytes',
  ],
  [
    'Capture files over 500 MiB',
    () => stream({ captureSizeLimitBytes: 524288001 }),
    ErrorCode.OUT_OF_RANGE,
    'captureSizeLimitBytes',
  ],
  [
    'a negative backlog threshold',
    () => stream({ captureBacklogThreshold: -1 }),
    ErrorCode.OUT_OF_RANGE,
    'captureBacklogThreshold',
  ],
  [
    'no alert e-mail',
    () => stream({ alertEmailAddresses: [] }),
    ErrorCode.OUT_OF_RANGE,
    'alertEmailAddresses',
  ],
  // Conflicts
  [
    'a customer-managed key on Standard',
    () => stream({ customerManagedKey: true }),
    ErrorCode.CONFLICTING_PROPS,
    'customerManagedKey',
  ],
  ['an existing key on Standard', () => withKey(), ErrorCode.CONFLICTING_PROPS, 'encryptionKey'],
  [
    'an existing key with customerManagedKey off',
    () => withKey({ ...premium, customerManagedKey: false }),
    ErrorCode.CONFLICTING_PROPS,
    'customerManagedKey',
  ],
  [
    'vault ranges with an existing key',
    () => withKey({ ...premium, keyVaultAllowedIpRanges: ['20.61.10.0/24'] }),
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultAllowedIpRanges',
  ],
  [
    'vault ranges without a customer-managed key',
    () => stream({ keyVaultAllowedIpRanges: ['20.61.10.0/24'] }),
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultAllowedIpRanges',
  ],
  [
    'auto-inflate on Premium',
    () => stream({ ...premium, maximumThroughputUnits: 4 }),
    ErrorCode.CONFLICTING_PROPS,
    'maximumThroughputUnits',
  ],
  [
    'an alert target and alert e-mails',
    () => {
      const stack = newAzureStack();
      const target = new NotificationTarget(stack, 'Alerts', {
        platformName: 'sales',
        resourceGroup: RG,
        emailAddresses: ['a@example.com'],
      });
      return stream({ notificationTarget: target, alertEmailAddresses: ['b@example.com'] }, stack);
    },
    ErrorCode.CONFLICTING_PROPS,
    'alertEmailAddresses',
  ],
  // Principals, tags, IP ranges
  [
    'a malformed alert e-mail',
    () => stream({ alertEmailAddresses: ['oncall'] }),
    ErrorCode.INVALID_PRINCIPAL,
    'alertEmailAddresses[0]',
  ],
  [
    'a producer that is not a GUID',
    () => stream().grantWrite(Principal.user('not-a-guid' as string)),
    ErrorCode.INVALID_PRINCIPAL,
    'objectId',
  ],
  ['a tag name with <', () => stream({ tags: { 'a<b': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'the internet as a vault range',
    () => stream({ ...premium, keyVaultAllowedIpRanges: ['0.0.0.0/0'] }),
    ErrorCode.INVALID_IP_RANGE,
    'keyVaultAllowedIpRanges[0]',
  ],
];

describeBadInput('Azure streaming bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
  rowTitle: '%s → ValidationError',
  codes: {
    title: 'there is a row for every code the streaming blocks throw',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.INVALID_PRINCIPAL,
      ErrorCode.INVALID_TAGS,
      ErrorCode.INVALID_IP_RANGE,
    ],
  },
});

describe('Azure streaming bad input: unresolved tokens are skipped', () => {
  test.each([
    ['capacity', { capacity: tokens.number() }],
    ['maximumThroughputUnits', { maximumThroughputUnits: tokens.number() }],
    ['partitionCount on Premium', { ...premium, partitionCount: tokens.number() }],
    ['retentionHours', { retentionHours: tokens.number() }],
    ['captureIntervalSeconds', { captureIntervalSeconds: tokens.number() }],
    ['captureSizeLimitBytes', { captureSizeLimitBytes: tokens.number() }],
    ['captureBacklogThreshold', { captureBacklogThreshold: tokens.number() }],
    ['namespaceName', { namespaceName: tokens.string() }],
    ['logAnalyticsWorkspaceId', { logAnalyticsWorkspaceId: tokens.string() }],
    ['alertEmailAddresses items', { alertEmailAddresses: [tokens.string()] }],
    ['keyVaultAllowedIpRanges', { ...premium, keyVaultAllowedIpRanges: tokens.list() }],
  ] as [string, Partial<StreamIngestionProps>][])(
    '%s as a token → no error, and the stack synthesizes',
    (_, props) => {
      const stack = newAzureStack();
      expect(() => newStream(props, stack)).not.toThrow();
      expect(TfTemplate.fromStack(stack).resourceCount()).toBeGreaterThan(0);
    },
  );

  test('an imported hub id as a token', () => {
    const stack = newAzureStack();
    StreamIngestion.fromEventHubId(stack, 'Hub', tokens.string()).grantWrite(Principal.user(OBJECT_ID));
    expect(TfTemplate.fromStack(stack).resourceCount()).toBe(1);
  });
});

describe('Azure streaming: no API can emit a privileged role', () => {
  test('every role a maximal stream assigns is a data or key role on a resource', () => {
    // GIVEN a Premium stream with every grant
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    const s = stream({ ...premium, lake, consumerGroups: ['analytics'] }, stack);
    s.grantWrite(Principal.group(OBJECT_ID));
    s.grantRead(Principal.group(OBJECT_ID));
    s.grantRead(Principal.group(OBJECT_ID), 'analytics');
    s.grantRead(Principal.group(OBJECT_ID), '$Default');
    // THEN only data roles and key roles, never on a subscription
    const assignments = TfTemplate.fromStack(stack).resources('azurerm_role_assignment');
    expect([...new Set(assignments.map((a) => a.config.role_definition_name))].sort()).toEqual([
      'Azure Event Hubs Data Receiver',
      'Azure Event Hubs Data Sender',
      'Key Vault Crypto Officer',
      'Key Vault Crypto Service Encryption User',
      'Storage Blob Data Contributor',
    ]);
    for (const a of assignments) {
      expect(String(a.config.scope)).not.toMatch(/^\/subscriptions\/[^/]+\/?$|^\/$|managementGroups/i);
    }
  });
});
