import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { newAzureStack, OBJECT_ID, RG, SUBSCRIPTION_ID, tokens } from './azure-stack';
import { Principal, PrincipalType, type IPrincipal } from '../../src/azure/iam/principal';
import {
  EncryptionKey,
  type EncryptionKeyAttributes,
  type EncryptionKeyProps,
} from '../../src/azure/security/encryption-key';
import { LakeStorage, type LakeStorageProps } from '../../src/azure/storage/lake-storage';
import { ErrorCode, ValidationError } from '../../src/core/errors';
import { type TerraformStack } from '../../src/terraform';
import { describeBadInput, expectThrownInstance, tupleRows } from '../helpers/bad-input';
import { TfTemplate } from '../helpers/tf-template';

/**
 * Bad input, table-driven (issue 3 §4). Each row builds one construct with one bad prop and names
 * the code and the prop the ValidationError must carry. The kit exposes no TLS, public-access or
 * role-choice prop on Azure (TLS 1.2, no public account and container-scoped data roles are
 * fixed), so those rows do not exist; the last suite checks that no API can emit a privileged
 * role or a wildcard action instead.
 */

const VAULT_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared';
const KEY_URL = 'https://kv-shared.vault.azure.net/keys/lake-cmk';
const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/logs';

function key(
  props: Partial<EncryptionKeyProps> = {},
  stack: TerraformStack = newAzureStack(),
): EncryptionKey {
  return new EncryptionKey(stack, 'Key', { resourceGroup: RG, ...props });
}

function lake(props: Partial<LakeStorageProps> = {}, stack: TerraformStack = newAzureStack()): LakeStorage {
  return new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG, ...props });
}

function importedKey(attrs: Partial<EncryptionKeyAttributes>) {
  return EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
    keyVaultId: VAULT_ID,
    keyVaultKeyId: KEY_URL,
    ...attrs,
  });
}

const principal = (principalId: string, principalType = PrincipalType.SERVICE_PRINCIPAL): IPrincipal => ({
  principalId,
  principalType,
});

const tagsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  // Names: every overridable name, by length, charset and reserved form
  ['vault name too short', () => key({ keyVaultName: 'kv' }), ErrorCode.INVALID_NAME, 'keyVaultName'],
  [
    'vault name too long',
    () => key({ keyVaultName: 'v'.repeat(25) }),
    ErrorCode.INVALID_NAME,
    'keyVaultName',
  ],
  [
    'vault name starting with a digit',
    () => key({ keyVaultName: '1vault' }),
    ErrorCode.INVALID_NAME,
    'keyVaultName',
  ],
  [
    'vault name ending with a hyphen',
    () => key({ keyVaultName: 'vault-' }),
    ErrorCode.INVALID_NAME,
    'keyVaultName',
  ],
  [
    'vault name with a double hyphen',
    () => key({ keyVaultName: 'my--vault' }),
    ErrorCode.INVALID_NAME,
    'keyVaultName',
  ],
  [
    'vault name with an underscore',
    () => key({ keyVaultName: 'my_vault' }),
    ErrorCode.INVALID_NAME,
    'keyVaultName',
  ],
  ['empty key name', () => key({ keyName: '' }), ErrorCode.INVALID_NAME, 'keyName'],
  ['key name too long', () => key({ keyName: 'k'.repeat(128) }), ErrorCode.INVALID_NAME, 'keyName'],
  ['key name with a dot', () => key({ keyName: 'lake.key' }), ErrorCode.INVALID_NAME, 'keyName'],
  [
    'key platform name with capitals',
    () => key({ platformName: 'Sales' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'platform name of one character',
    () => lake({ platformName: 's' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'platform name too long',
    () => lake({ platformName: 's'.repeat(21) }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'platform name starting with a hyphen',
    () => lake({ platformName: '-sales' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'platform name with a double hyphen',
    () => lake({ platformName: 'sales--eu' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'platform name with an underscore',
    () => lake({ platformName: 'sales_eu' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'account name too short',
    () => lake({ storageAccountName: 'ab' }),
    ErrorCode.INVALID_NAME,
    'storageAccountName',
  ],
  [
    'account name too long',
    () => lake({ storageAccountName: 'a'.repeat(25) }),
    ErrorCode.INVALID_NAME,
    'storageAccountName',
  ],
  [
    'account name with capitals',
    () => lake({ storageAccountName: 'SalesLake' }),
    ErrorCode.INVALID_NAME,
    'storageAccountName',
  ],
  [
    'account name with a hyphen',
    () => lake({ storageAccountName: 'sales-lake' }),
    ErrorCode.INVALID_NAME,
    'storageAccountName',
  ],
  [
    'container name too short',
    () => lake({ zones: [{ name: 'raw', storageName: 'ab' }] }),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'container name too long',
    () => lake({ zones: [{ name: 'raw', storageName: 'c'.repeat(64) }] }),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'container name with capitals',
    () => lake({ zones: [{ name: 'raw', storageName: 'Raw-zone' }] }),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'container name with a double hyphen',
    () => lake({ zones: [{ name: 'raw', storageName: 'raw--zone' }] }),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'container name starting with a hyphen',
    () => lake({ zones: [{ name: 'raw', storageName: '-raw' }] }),
    ErrorCode.INVALID_NAME,
    'zones[0].storageName',
  ],
  [
    'two zones with one container name',
    () =>
      lake({
        zones: [
          { name: 'raw', storageName: 'shared' },
          { name: 'curated', storageName: 'shared' },
        ],
      }),
    ErrorCode.INVALID_NAME,
    'zones[1].storageName',
  ],
  // Zones
  ['no zones', () => lake({ zones: [] }), ErrorCode.NO_ZONES, 'zones'],
  [
    'a duplicate zone',
    () => lake({ zones: ['raw', 'curated', 'raw'] }),
    ErrorCode.DUPLICATE_ZONE,
    'zones[2].name',
  ],
  ['a zone with capitals', () => lake({ zones: ['Raw'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone with an underscore', () => lake({ zones: ['raw_zone'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone starting with a digit', () => lake({ zones: ['1raw'] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a zone too long', () => lake({ zones: ['z'.repeat(21)] }), ErrorCode.INVALID_ZONE, 'zones[0].name'],
  ['a reserved zone name', () => lake({ zones: ['raw', 'logs'] }), ErrorCode.INVALID_ZONE, 'zones[1].name'],
  [
    'a zone name as a token',
    () => lake({ zones: [tokens.string()] }),
    ErrorCode.INVALID_ZONE,
    'zones[0].name',
  ],
  // Ranges
  [
    'rotation below 7 days',
    () => key({ rotationPeriodDays: 6 }),
    ErrorCode.OUT_OF_RANGE,
    'rotationPeriodDays',
  ],
  [
    'rotation above a year',
    () => key({ rotationPeriodDays: 366 }),
    ErrorCode.OUT_OF_RANGE,
    'rotationPeriodDays',
  ],
  [
    'rotation in fractional days',
    () => key({ rotationPeriodDays: 90.5 }),
    ErrorCode.OUT_OF_RANGE,
    'rotationPeriodDays',
  ],
  [
    'vault soft delete below 7 days',
    () => key({ softDeleteRetentionDays: 6 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'vault soft delete above 90 days',
    () => key({ softDeleteRetentionDays: 91 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'blob soft delete of 0 days',
    () => lake({ softDeleteRetentionDays: 0 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'blob soft delete above 365 days',
    () => lake({ softDeleteRetentionDays: 366 }),
    ErrorCode.OUT_OF_RANGE,
    'softDeleteRetentionDays',
  ],
  [
    'log retention below 30 days',
    () => lake({ accessLogRetentionDays: 29 }),
    ErrorCode.OUT_OF_RANGE,
    'accessLogRetentionDays',
  ],
  [
    'log retention above 730 days',
    () => lake({ accessLogRetentionDays: 731 }),
    ErrorCode.OUT_OF_RANGE,
    'accessLogRetentionDays',
  ],
  [
    'a negative cool tier',
    () => lake({ zones: [{ name: 'raw', coolAfterDays: -1 }] }),
    ErrorCode.OUT_OF_RANGE,
    'zones[0].coolAfterDays',
  ],
  [
    'a cool tier beyond 100 years',
    () => lake({ zones: [{ name: 'raw', coolAfterDays: 36501 }] }),
    ErrorCode.OUT_OF_RANGE,
    'zones[0].coolAfterDays',
  ],
  [
    'snapshots kept under 7 days',
    () => lake({ zones: [{ name: 'raw', noncurrentVersionExpirationDays: 6 }] }),
    ErrorCode.OUT_OF_RANGE,
    'zones[0].noncurrentVersionExpirationDays',
  ],
  // Public exposure: the vault's IP allow-list is the only door, and it is never the internet
  [
    'the whole internet on the vault',
    () => key({ allowedIpRanges: ['0.0.0.0/0'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a prefix wider than /8',
    () => key({ allowedIpRanges: ['10.0.0.0/7'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'an octet above 255',
    () => key({ allowedIpRanges: ['20.61.10.0/24', '256.1.1.1'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[1]',
  ],
  [
    'a prefix above /32',
    () => key({ allowedIpRanges: ['203.0.113.0/33'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a documentation range left in as the runner range (TEST-NET-3)',
    () => key({ allowedIpRanges: ['20.61.10.0/24', '203.0.113.0/24'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[1]',
  ],
  [
    'a documentation address (TEST-NET-1)',
    () => key({ allowedIpRanges: ['192.0.2.10'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a documentation range (TEST-NET-2)',
    () => key({ allowedIpRanges: ['198.51.100.0/28'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a private range the vault firewall never sees',
    () => key({ allowedIpRanges: ['10.20.0.0/16'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a public range that contains a private one',
    () => key({ allowedIpRanges: ['192.0.0.0/8'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'runner ranges together with deployerInsideNetwork',
    () => key({ allowedIpRanges: ['20.61.10.0/24'], deployerInsideNetwork: true }),
    ErrorCode.CONFLICTING_PROPS,
    'allowedIpRanges',
  ],
  [
    'an IPv6 range (the vault firewall takes IPv4)',
    () => key({ allowedIpRanges: ['2001:db8::/32'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'a host name',
    () => key({ allowedIpRanges: ['deployer.example.com'] }),
    ErrorCode.INVALID_IP_RANGE,
    'allowedIpRanges[0]',
  ],
  [
    'the whole internet through the lake',
    () => lake({ keyVaultAllowedIpRanges: ['0.0.0.0/0'] }),
    ErrorCode.INVALID_IP_RANGE,
    'keyVaultAllowedIpRanges[0]',
  ],
  // Tags
  ['a tag name with <', () => key({ tags: { 'a<b': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with >', () => lake({ tags: { 'a>b': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with %', () => lake({ tags: { '100%': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with &', () => lake({ tags: { 'r&d': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with a backslash', () => lake({ tags: { 'a\\b': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with ?', () => lake({ tags: { 'why?': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['a tag name with /', () => lake({ tags: { 'team/owner': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  ['an empty tag name', () => lake({ tags: { '': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'a tag name of 129 characters',
    () => lake({ tags: { ['k'.repeat(129)]: 'x' } }),
    ErrorCode.INVALID_TAGS,
    'tags key',
  ],
  [
    'a tag value of 257 characters',
    () => lake({ tags: { owner: 'v'.repeat(257) } }),
    ErrorCode.INVALID_TAGS,
    'tags["owner"]',
  ],
  ['51 tags', () => lake({ tags: tagsOf(51) }), ErrorCode.INVALID_TAGS, 'tags'],
  ["50 tags, 51 with the kit's", () => key({ tags: tagsOf(50) }), ErrorCode.INVALID_TAGS, 'tags'],
  [
    'two tag names differing in case',
    () => lake({ tags: { Env: 'prod', env: 'dev' } }),
    ErrorCode.INVALID_TAGS,
    'tags key',
  ],
  [
    "a tag name the kit's differs from in case only",
    () => lake({ tags: { 'Data-Platform': 'x' } }),
    ErrorCode.INVALID_TAGS,
    'tags key',
  ],
  // Principals
  [
    'a principal id that is not a GUID',
    () => key().grantEncryptDecrypt(principal('not-a-guid')),
    ErrorCode.INVALID_PRINCIPAL,
    'principal.principalId',
  ],
  [
    'a principal of an unknown type',
    () => key().grantEncryptDecrypt(principal(OBJECT_ID, 'Robot' as PrincipalType)),
    ErrorCode.INVALID_PRINCIPAL,
    'principal.principalType',
  ],
  [
    'a group id that is not a GUID',
    () => Principal.group('data-team'),
    ErrorCode.INVALID_PRINCIPAL,
    'objectId',
  ],
  ['a user id with braces', () => Principal.user(`{${OBJECT_ID}}`), ErrorCode.INVALID_PRINCIPAL, 'objectId'],
  [
    'a malformed principal on a zone grant',
    () => lake().grantRead(principal('12345'), 'raw'),
    ErrorCode.INVALID_PRINCIPAL,
    'principal.principalId',
  ],
  [
    'a grant on an undeclared zone',
    () => lake().grantRead(Principal.group(OBJECT_ID), 'gold'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
  // Conflicting props
  [
    'an existing key with vault ranges',
    () => {
      const stack = newAzureStack();
      const existing = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
        keyVaultId: VAULT_ID,
        keyVaultKeyId: KEY_URL,
      });
      return lake({ encryptionKey: existing, keyVaultAllowedIpRanges: ['20.61.10.0/24'] }, stack);
    },
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultAllowedIpRanges',
  ],
  [
    'an existing workspace with a retention for a new one',
    () => lake({ logAnalyticsWorkspaceId: WORKSPACE_ID, accessLogRetentionDays: 90 }),
    ErrorCode.CONFLICTING_PROPS,
    'accessLogRetentionDays',
  ],
  // Malformed existing key attributes
  [
    'a key id that is only a name',
    () => importedKey({ keyVaultKeyId: 'lake-cmk' }),
    ErrorCode.INVALID_NAME,
    'keyVaultKeyId',
  ],
  [
    'a versioned key id',
    () => importedKey({ keyVaultKeyId: `${KEY_URL}/0123456789abcdef` }),
    ErrorCode.INVALID_NAME,
    'keyVaultKeyId',
  ],
  [
    'a secret id for a key id',
    () => importedKey({ keyVaultKeyId: 'https://kv-shared.vault.azure.net/secrets/lake-cmk' }),
    ErrorCode.INVALID_NAME,
    'keyVaultKeyId',
  ],
  [
    'a key id over plain HTTP',
    () => importedKey({ keyVaultKeyId: 'http://kv-shared.vault.azure.net/keys/lake-cmk' }),
    ErrorCode.INVALID_NAME,
    'keyVaultKeyId',
  ],
  [
    'a vault id that is only a name',
    () => importedKey({ keyVaultId: 'kv-shared' }),
    ErrorCode.INVALID_NAME,
    'keyVaultId',
  ],
  [
    'a vault id of another resource type',
    () =>
      importedKey({
        keyVaultId: VAULT_ID.replace('Microsoft.KeyVault/vaults', 'Microsoft.Storage/storageAccounts'),
      }),
    ErrorCode.INVALID_NAME,
    'keyVaultId',
  ],
  [
    'a key in another vault',
    () => importedKey({ keyVaultKeyId: 'https://kv-other.vault.azure.net/keys/lake-cmk' }),
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultKeyId',
  ],
  [
    'a resource id of another key',
    () => importedKey({ keyResourceId: `${VAULT_ID}/keys/other` }),
    ErrorCode.CONFLICTING_PROPS,
    'keyResourceId',
  ],
];

describeBadInput('Azure bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
  rowTitle: '%s → ValidationError',
  codes: {
    title: 'there is a row for every code the Azure blocks throw',
    expected: [
      ErrorCode.INVALID_NAME,
      ErrorCode.INVALID_ZONE,
      ErrorCode.DUPLICATE_ZONE,
      ErrorCode.NO_ZONES,
      ErrorCode.UNKNOWN_ZONE,
      ErrorCode.INVALID_TAGS,
      ErrorCode.OUT_OF_RANGE,
      ErrorCode.CONFLICTING_PROPS,
      ErrorCode.INVALID_PRINCIPAL,
      ErrorCode.INVALID_IP_RANGE,
    ],
  },
});

/** [what, build]: the same props as unresolved tokens are skipped, and the stack still synthesizes. */
const TOKEN_ROWS: [string, (stack: TerraformStack) => unknown][] = [
  ['keyVaultName', (s) => key({ keyVaultName: tokens.string() }, s)],
  ['keyName', (s) => key({ keyName: tokens.string() }, s)],
  ['rotationPeriodDays', (s) => key({ rotationPeriodDays: tokens.number() }, s)],
  ['softDeleteRetentionDays (vault)', (s) => key({ softDeleteRetentionDays: tokens.number() }, s)],
  ['allowedIpRanges as a list token', (s) => key({ allowedIpRanges: tokens.list() }, s)],
  [
    'allowedIpRanges with a token element',
    (s) => key({ allowedIpRanges: ['20.61.10.0/24', tokens.string()] }, s),
  ],
  ['a tag value', (s) => key({ tags: { owner: tokens.string() } }, s)],
  ['a tag name', (s) => lake({ tags: { [tokens.string()]: 'x' } }, s)],
  ['storageAccountName', (s) => lake({ storageAccountName: tokens.string() }, s)],
  ['zones[].storageName', (s) => lake({ zones: [{ name: 'raw', storageName: tokens.string() }] }, s)],
  ['zones[].coolAfterDays', (s) => lake({ zones: [{ name: 'raw', coolAfterDays: tokens.number() }] }, s)],
  ['softDeleteRetentionDays (lake)', (s) => lake({ softDeleteRetentionDays: tokens.number() }, s)],
  ['accessLogRetentionDays', (s) => lake({ accessLogRetentionDays: tokens.number() }, s)],
  ['keyVaultAllowedIpRanges', (s) => lake({ keyVaultAllowedIpRanges: tokens.list() }, s)],
  ['a principal id', (s) => lake({}, s).grantRead(Principal.group(tokens.string()), 'raw')],
  [
    'a user-assigned identity principal',
    (s) => {
      const id = new UserAssignedIdentity(s, 'Id', {
        name: 'id',
        location: RG.location,
        resourceGroupName: RG.name,
      });
      return lake({}, s).grantWrite(Principal.fromUserAssignedIdentity(id), 'raw');
    },
  ],
  [
    'existing key ids',
    (s) =>
      lake(
        {
          encryptionKey: EncryptionKey.fromEncryptionKeyAttributes(s, 'Shared', {
            keyVaultId: tokens.string(),
            keyVaultKeyId: tokens.string(),
            keyResourceId: tokens.string(),
          }),
        },
        s,
      ),
  ],
];

describe('Azure bad input: unresolved tokens are skipped', () => {
  test.each(TOKEN_ROWS)('%s as a token → no error, and the stack synthesizes', (_, build) => {
    // GIVEN a token where a literal would be validated / WHEN built and synthesized / THEN no throw
    const stack = newAzureStack();
    expect(() => build(stack)).not.toThrow();
    expect(TfTemplate.fromStack(stack).resourceCount()).toBeGreaterThan(0);
  });
});

describe('Azure: no API can emit a privileged role or a wildcard action', () => {
  test('every role a maximal lake and key assign is a data or key role on a resource', () => {
    // GIVEN a lake with every grant and a key with a grant
    const stack = newAzureStack();
    const l = lake({ keyVaultAllowedIpRanges: ['20.61.10.0/24'] }, stack);
    for (const zone of l.zoneNames) {
      l.grantRead(Principal.group(OBJECT_ID), zone);
      l.grantWrite(Principal.group(OBJECT_ID), zone);
      l.grantReadWrite(Principal.group(OBJECT_ID), zone);
    }
    key({ platformName: 'other' }, stack).grantEncryptDecrypt(Principal.servicePrincipal(OBJECT_ID));
    const template = TfTemplate.fromStack(stack);
    // THEN only these built-in roles (or the kit's custom writer) are assigned, never on a subscription
    const names = new Set(
      template.resources('azurerm_role_assignment').map((a) => a.config.role_definition_name),
    );
    expect([...names].filter((n) => n !== undefined).sort()).toEqual([
      'Key Vault Crypto Officer',
      'Key Vault Crypto Service Encryption User',
      'Storage Blob Data Contributor',
      'Storage Blob Data Reader',
    ]);
    for (const a of template.resources('azurerm_role_assignment')) {
      expect(String(a.config.scope)).not.toMatch(/^\/subscriptions\/[^/]+\/?$|^\/$|managementGroups/i);
      if (a.config.role_definition_id !== undefined) {
        expect(a.config.role_definition_id).toMatch(/^\$\{azurerm_role_definition\./);
      }
    }
    // AND the one custom role allows data actions only, assignable within the account
    for (const d of template.resources('azurerm_role_definition')) {
      const permissions = d.config.permissions as { actions?: string[]; data_actions?: string[] }[];
      expect(permissions.flatMap((p) => p.actions ?? [])).toEqual([]);
      expect(permissions.flatMap((p) => p.data_actions ?? []).some((a) => a.includes('*'))).toBe(false);
      // Assignable in the lake's resource group only (never the subscription).
      expect(d.config.assignable_scopes).toEqual([
        `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RG.name}`,
      ]);
    }
  });
});
