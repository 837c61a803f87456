import { Principal, PrincipalType } from '../../../src/azure/iam/principal';
import {
  EncryptionKey,
  KeyVaultSku,
  type EncryptionKeyProps,
} from '../../../src/azure/security/encryption-key';
import { CommonDefaults } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { synthesizeStack, type TerraformStack } from '../../../src/terraform';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG, tokens, waitsForPropagation } from '../azure-stack';

const VAULT = 'azurerm_key_vault';
const KEY = 'azurerm_key_vault_key';
const ASSIGNMENT = 'azurerm_role_assignment';

function synthKey(props: Partial<EncryptionKeyProps> = {}, stack: TerraformStack = newAzureStack()) {
  const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, ...props });
  return { stack, key, template: TfTemplate.fromStack(stack) };
}

const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('EncryptionKey defaults', () => {
  test('the vault uses RBAC, purge protection and a deny-by-default firewall', () => {
    // GIVEN / WHEN a key with no options
    const { template } = synthKey();
    // THEN the vault is locked down
    template.hasResourceProperties(VAULT, {
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [] },
      public_network_access_enabled: false,
    });
    expect(template.resources(VAULT)[0].config).not.toHaveProperty('enable_rbac_authorization');
  });

  test('the vault takes the tenant from the deployer client config', () => {
    // GIVEN / WHEN a key / THEN tenant_id reads data.azurerm_client_config
    const { template } = synthKey();
    expect(template.dataSources('azurerm_client_config')).toHaveLength(1);
    template.hasResourceProperties(VAULT, {
      tenant_id: expect.stringMatching(/^\$\{data\.azurerm_client_config\.\w+\.tenant_id\}$/),
    });
  });

  test('soft delete keeps deleted keys for DEFAULT_SOFT_DELETE_RETENTION_DAYS (90)', () => {
    // GIVEN / WHEN a key with no options / THEN 90 days
    const { template } = synthKey();
    expect(EncryptionKey.DEFAULT_SOFT_DELETE_RETENTION_DAYS).toBe(90);
    template.hasResourceProperties(VAULT, { soft_delete_retention_days: 90 });
  });

  test('the vault is premium and the key is an HSM-protected RSA 3072 for wrapKey/unwrapKey', () => {
    // GIVEN / WHEN a key with no options / THEN DEFAULT_SKU and KEY_SIZE apply
    const { template } = synthKey();
    expect(EncryptionKey.DEFAULT_SKU).toBe(KeyVaultSku.PREMIUM);
    template.hasResourceProperties(VAULT, { sku_name: 'premium' });
    template.hasResourceProperties(KEY, {
      key_type: 'RSA-HSM',
      key_size: 3072,
      key_opts: ['wrapKey', 'unwrapKey'],
    });
  });

  test('the key rotates every 90 days, expires 30 days later and notifies 15 days before', () => {
    // GIVEN / WHEN a key with no options
    const { template } = synthKey();
    // THEN the rotation policy follows the common default
    expect(EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS).toBe(CommonDefaults.ROTATION_PERIOD_DAYS);
    template.hasResourceProperties(KEY, {
      rotation_policy: {
        automatic: { time_after_creation: 'P90D' },
        expire_after: 'P120D',
        notify_before_expiry: 'P15D',
      },
    });
  });

  test('names derive from the platform, the purpose and a stable hash', () => {
    // GIVEN / WHEN a key with no platform or purpose
    const { template } = synthKey();
    // THEN both names are data-data-<hash>
    template.hasResourceProperties(VAULT, { name: expect.stringMatching(/^data-data-[0-9a-f]{8}$/) });
    template.hasResourceProperties(KEY, { name: expect.stringMatching(/^data-data-[0-9a-f]{8}$/) });
  });

  test('the vault lives in the resource group and its location', () => {
    // GIVEN / WHEN a key / THEN group name and location come from the ref
    const { template } = synthKey();
    template.hasResourceProperties(VAULT, { resource_group_name: RG.name, location: RG.location });
  });

  test('vault and key carry the kit tag', () => {
    // GIVEN / WHEN a key / THEN tags = data-platform
    const { template } = synthKey();
    template.hasResourceProperties(VAULT, { tags: { 'data-platform': 'data' } });
    template.hasResourceProperties(KEY, { tags: { 'data-platform': 'data' } });
  });

  test('without allowed IP ranges the vault is private and a warning explains the deployer reach', () => {
    // GIVEN / WHEN a key with no allowedIpRanges
    const { key } = synthKey();
    // THEN the stable warning id is emitted
    expect(warningsOf(key).join('\n')).toContain(`[${EncryptionKey.NO_NETWORK_REACH_WARNING}]`);
    expect(warningsOf(key).join('\n')).toMatch(/private endpoint/);
  });
});

describe('EncryptionKey deployability', () => {
  test('the deployer is Key Vault Crypto Officer on the vault and the key waits for it', () => {
    // GIVEN / WHEN a key with default options
    const { template } = synthKey();
    // THEN the deployer's assignment exists, scoped to the vault
    expect(EncryptionKey.DEFAULT_ASSIGN_DEPLOYER_CRYPTO_OFFICER).toBe(true);
    const officer = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Key Vault Crypto Officer',
      principal_id: expect.stringMatching(/^\$\{data\.azurerm_client_config\.\w+\.object_id\}$/),
      scope: expect.stringMatching(/^\$\{azurerm_key_vault\.\w+\.id\}$/),
    });
    // AND the key (a data-plane object) is created after it has propagated (time_sleep)
    expect(waitsForPropagation(template.doc, KEY, `${ASSIGNMENT}.${officer.name}`)).toBe(true);
    template.hasResourceProperties('time_sleep', { create_duration: '120s' });
  });

  test('assignDeployerCryptoOfficer: false makes no assignment and no dependency', () => {
    // GIVEN / WHEN the option is off
    const { template } = synthKey({ assignDeployerCryptoOfficer: false });
    // THEN neither exists
    template.resourceCountIs(ASSIGNMENT, 0);
    expect(template.resources(KEY)[0].config).not.toHaveProperty('depends_on');
  });
});

describe('EncryptionKey options', () => {
  test('allowedIpRanges open the public endpoint to those ranges only, without a warning', () => {
    // GIVEN the deployer's range / WHEN synthesized
    const { template, key } = synthKey({ allowedIpRanges: ['20.61.10.0/24', '20.61.20.7'] });
    // THEN the firewall still denies by default but lets the ranges in
    template.hasResourceProperties(VAULT, {
      public_network_access_enabled: true,
      network_acls: { default_action: 'Deny', ip_rules: ['20.61.10.0/24', '20.61.20.7'] },
    });
    expect(warningsOf(key)).toEqual([]);
  });

  test('allowedIpRanges acknowledge CKV_AZURE_189 on the vault only, with the documented reason', () => {
    // GIVEN the deployer's range / WHEN synthesized as cdktf writes it
    const stack = newAzureStack();
    new EncryptionKey(stack, 'Key', { resourceGroup: RG, allowedIpRanges: ['20.61.10.0/24'] });
    const doc = synthesizeStack(stack);
    // THEN the vault carries the acknowledgement and the key does not
    const ack = EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT;
    expect(ack.reason).toMatch(/allowedIpRanges/);
    const [vault] = Object.values<any>(doc.resource[VAULT]);
    const [key] = Object.values<any>(doc.resource[KEY]);
    expect(vault['//'].acknowledgements).toEqual([{ ruleId: 'CKV_AZURE_189', reason: ack.reason }]);
    expect(key['//'].acknowledgements).toBeUndefined();
  });

  test('without allowedIpRanges nothing is acknowledged', () => {
    // GIVEN / WHEN a private vault / THEN no acknowledgement is stamped
    const stack = newAzureStack();
    new EncryptionKey(stack, 'Key', { resourceGroup: RG });
    const [vault] = Object.values<any>(synthesizeStack(stack).resource[VAULT]);
    expect(vault['//'].acknowledgements).toBeUndefined();
  });

  test('standard sku makes a software RSA key', () => {
    // GIVEN / WHEN sku standard / THEN RSA in a standard vault
    const { template } = synthKey({ sku: KeyVaultSku.STANDARD });
    template.hasResourceProperties(VAULT, { sku_name: 'standard' });
    template.hasResourceProperties(KEY, { key_type: 'RSA', key_size: 3072 });
  });

  test('rotationPeriodDays sets rotation and moves expiry with it', () => {
    // GIVEN / WHEN 30 days / THEN P30D and P60D
    const { template } = synthKey({ rotationPeriodDays: 30 });
    template.hasResourceProperties(KEY, {
      rotation_policy: { automatic: { time_after_creation: 'P30D' }, expire_after: 'P60D' },
    });
  });

  test('softDeleteRetentionDays sets the vault retention', () => {
    // GIVEN / WHEN 7 days / THEN 7
    const { template } = synthKey({ softDeleteRetentionDays: 7 });
    template.hasResourceProperties(VAULT, { soft_delete_retention_days: 7 });
  });

  test('platformName and purpose shape the derived names', () => {
    // GIVEN / WHEN platform sales, purpose lake / THEN sales-lake-<hash>
    const { template } = synthKey({ platformName: 'sales', purpose: 'lake' });
    template.hasResourceProperties(VAULT, { name: expect.stringMatching(/^sales-lake-[0-9a-f]{8}$/) });
  });

  test('keyVaultName and keyName override the derived names', () => {
    // GIVEN / WHEN explicit names / THEN used as is
    const { template } = synthKey({ keyVaultName: 'kv-sales-prod', keyName: 'lake-cmk' });
    template.hasResourceProperties(VAULT, { name: 'kv-sales-prod' });
    template.hasResourceProperties(KEY, { name: 'lake-cmk' });
  });

  test('location overrides the resource group location', () => {
    // GIVEN / WHEN northeurope / THEN the vault is there
    const { template } = synthKey({ location: 'northeurope' });
    template.hasResourceProperties(VAULT, { location: 'northeurope' });
  });

  test('tags are added after the kit tag', () => {
    // GIVEN / WHEN a cost-center tag / THEN both tags
    const { template } = synthKey({ tags: { 'cost-center': '42' } });
    template.hasResourceProperties(VAULT, { tags: { 'data-platform': 'data', 'cost-center': '42' } });
  });
});

describe('EncryptionKey validation', () => {
  test.each([6, 366, 30.5])('rotationPeriodDays %p is out of range', (days) => {
    // GIVEN / WHEN / THEN outside 7-365 → DPK_OUT_OF_RANGE
    expect(() => synthKey({ rotationPeriodDays: days })).toThrow(code(ErrorCode.OUT_OF_RANGE));
  });

  test('the allowed rotation range is 7-365 days', () => {
    // GIVEN / WHEN the bounds / THEN they synthesize
    expect(EncryptionKey.ROTATION_PERIOD_DAYS_RANGE).toEqual({ min: 7, max: 365 });
    expect(() => synthKey({ rotationPeriodDays: 7 })).not.toThrow();
    expect(() => synthKey({ rotationPeriodDays: 365 })).not.toThrow();
  });

  test.each([6, 91])('softDeleteRetentionDays %p is out of range', (days) => {
    // GIVEN / WHEN / THEN outside 7-90 → DPK_OUT_OF_RANGE
    expect(() => synthKey({ softDeleteRetentionDays: days })).toThrow(code(ErrorCode.OUT_OF_RANGE));
  });

  test.each([['0.0.0.0/0'], ['10.0.0.0/33'], ['not-an-ip']])('allowedIpRanges %p is rejected', (range) => {
    // GIVEN / WHEN a malformed or internet-wide range / THEN DPK_INVALID_IP_RANGE
    expect(() => synthKey({ allowedIpRanges: [range] })).toThrow(code(ErrorCode.INVALID_IP_RANGE));
  });

  test.each([
    [{ keyVaultName: '1-starts-with-digit' }],
    [{ keyVaultName: 'has--double' }],
    [{ keyName: 'no_underscores' }],
    [{ platformName: 'Sales' }],
  ])('a bad name %p is rejected', (props) => {
    // GIVEN / WHEN / THEN DPK_INVALID_NAME
    expect(() => synthKey(props)).toThrow(code(ErrorCode.INVALID_NAME));
  });

  test('bad tags are rejected', () => {
    // GIVEN / WHEN a key with a forbidden character / THEN DPK_INVALID_TAGS
    expect(() => synthKey({ tags: { 'a/b': 'x' } })).toThrow(code(ErrorCode.INVALID_TAGS));
  });

  test('unresolved values are not validated', () => {
    // GIVEN tokens for every validated prop
    const { template } = synthKey({
      rotationPeriodDays: tokens.number(),
      softDeleteRetentionDays: tokens.number(),
      allowedIpRanges: tokens.list(),
      keyVaultName: tokens.string(),
    });
    // THEN they pass through to Terraform expressions
    template.hasResourceProperties(KEY, {
      rotation_policy: {
        automatic: { time_after_creation: 'P${tonumber("30")}D' },
        expire_after: 'P${sum([tonumber("30"), 30])}D',
      },
    });
    template.hasResourceProperties(VAULT, {
      name: '${lower("NAME")}',
      network_acls: { ip_rules: '${split(",", "203.0.113.0/24")}' },
    });
  });
});

describe('EncryptionKey removal', () => {
  test('vault and key are retained by default', () => {
    // GIVEN / WHEN no removal policy / THEN prevent_destroy on both
    const { template } = synthKey();
    template.allResourcesHave(VAULT, { lifecycle: { prevent_destroy: true } });
    template.allResourcesHave(KEY, { lifecycle: { prevent_destroy: true } });
  });

  test('DESTROY without the context flag is retained with a warning', () => {
    // GIVEN / WHEN DESTROY but no flag
    const { template, key } = synthKey({ removalPolicy: DataRemovalPolicy.DESTROY });
    // THEN still retained, and the guard says why
    template.allResourcesHave(VAULT, { lifecycle: { prevent_destroy: true } });
    template.allResourcesHave(KEY, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(key).join('\n')).toContain(REMOVAL_DOWNGRADED_WARNING);
  });

  test('DESTROY with the context flag lets vault and key go', () => {
    // GIVEN the flag / WHEN DESTROY / THEN prevent_destroy false
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthKey({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    template.allResourcesHave(VAULT, { lifecycle: { prevent_destroy: false } });
    template.allResourcesHave(KEY, { lifecycle: { prevent_destroy: false } });
  });
});

describe('EncryptionKey grants', () => {
  test('grantEncryptDecrypt assigns Crypto Service Encryption User on the key only', () => {
    // GIVEN a key
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG });
    // WHEN a group is granted
    const assignment = key.grantEncryptDecrypt(Principal.group(OBJECT_ID));
    // THEN the role is scoped to the key's ARM id, with the principal type
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: OBJECT_ID,
      principal_type: PrincipalType.GROUP,
      scope: expect.stringMatching(/^\$\{azurerm_key_vault_key\.\w+\.resource_versionless_id\}$/),
    });
    expect(assignment.node.scope).toBe(key);
  });

  test('granting the same principal twice returns the first assignment', () => {
    // GIVEN a key / WHEN the same principal is granted twice / THEN one assignment
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, assignDeployerCryptoOfficer: false });
    const first = key.grantEncryptDecrypt(Principal.user(OBJECT_ID));
    expect(key.grantEncryptDecrypt(Principal.user(OBJECT_ID.toUpperCase()))).toBe(first);
    TfTemplate.fromStack(stack).resourceCountIs(ASSIGNMENT, 1);
  });

  test('a token principal without a grant key is numbered and reused', () => {
    // GIVEN a principal known only by a token
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, assignDeployerCryptoOfficer: false });
    const principal = Principal.servicePrincipal(tokens.string());
    // WHEN granted twice, then another token principal once
    const first = key.grantEncryptDecrypt(principal);
    expect(key.grantEncryptDecrypt(principal)).toBe(first);
    const second = key.grantEncryptDecrypt(Principal.servicePrincipal(tokens.string()));
    // THEN two assignments with numbered ids
    expect([first.node.id, second.node.id]).toEqual(['EncryptDecryptToken1', 'EncryptDecryptToken2']);
  });

  test('a malformed principal is rejected', () => {
    // GIVEN a key / WHEN a hand-built principal with a bad id / THEN DPK_INVALID_PRINCIPAL
    const key = new EncryptionKey(newAzureStack(), 'Key', { resourceGroup: RG });
    expect(() => key.grantEncryptDecrypt({ principalId: 'bob', principalType: PrincipalType.USER })).toThrow(
      code(ErrorCode.INVALID_PRINCIPAL),
    );
  });
});

describe('EncryptionKey.fromEncryptionKeyAttributes', () => {
  const keyVaultId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared';

  test('derives the key resource id from the vault id and the key name', () => {
    // GIVEN / WHEN an imported key
    const key = EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
      keyVaultId,
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
    });
    // THEN ids are exposed and the ARM id is derived
    expect(key.keyVaultId).toBe(keyVaultId);
    expect(key.keyId).toBe('https://kv-shared.vault.azure.net/keys/lake-cmk');
    expect(key.keyResourceId).toBe(`${keyVaultId}/keys/lake-cmk`);
  });

  test('an explicit keyResourceId is used as is', () => {
    // GIVEN / WHEN keyResourceId names the same key in another letter case / THEN no derivation
    const key = EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
      keyVaultId,
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
      keyResourceId: `${keyVaultId}/keys/Lake-CMK`,
    });
    expect(key.keyResourceId).toBe(`${keyVaultId}/keys/Lake-CMK`);
  });

  test.each([
    [
      'a versioned key id',
      { keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk/0123456789abcdef' },
    ],
    ['a secret id', { keyVaultKeyId: 'https://kv-shared.vault.azure.net/secrets/lake-cmk' }],
    [
      'a vault id of another provider',
      { keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/kv' },
    ],
  ])('%s is rejected as malformed', (_, attrs) => {
    // GIVEN / WHEN malformed ids / THEN DPK_INVALID_NAME
    expect(() =>
      EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
        keyVaultId,
        keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
        ...attrs,
      }),
    ).toThrow(code(ErrorCode.INVALID_NAME));
  });

  test.each([
    ['a key in another vault', { keyVaultKeyId: 'https://kv-other.vault.azure.net/keys/lake-cmk' }],
    ['a resource id of another key', { keyResourceId: `${keyVaultId}/keys/other` }],
  ])('%s conflicts with the vault id', (_, attrs) => {
    // GIVEN / WHEN ids that name different keys / THEN DPK_CONFLICTING_PROPS
    expect(() =>
      EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
        keyVaultId,
        keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
        ...attrs,
      }),
    ).toThrow(code(ErrorCode.CONFLICTING_PROPS));
  });

  test('a token key id derives the name in Terraform', () => {
    // GIVEN a token key id / WHEN granted / THEN the scope splits the id at deploy time
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId,
      keyVaultKeyId: tokens.string(),
    });
    key.grantEncryptDecrypt(Principal.group(OBJECT_ID));
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      scope: `${keyVaultId}/keys/\${element(split("/", lower("NAME")), 4)}`,
    });
  });

  test('a malformed key id is rejected', () => {
    // GIVEN / WHEN a key id that is not a Key Vault key URL / THEN DPK_INVALID_NAME
    expect(() =>
      EncryptionKey.fromEncryptionKeyAttributes(newAzureStack(), 'Shared', {
        keyVaultId,
        keyVaultKeyId: 'lake-cmk',
      }),
    ).toThrow(code(ErrorCode.INVALID_NAME));
  });

  test('grants on an imported key are scoped to it', () => {
    // GIVEN an imported key / WHEN granted / THEN the assignment targets the derived ARM id
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId,
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
    });
    key.grantEncryptDecrypt(Principal.servicePrincipal(OBJECT_ID));
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      scope: `${keyVaultId}/keys/lake-cmk`,
      principal_type: 'ServicePrincipal',
      role_definition_name: EncryptionKey.ENCRYPT_DECRYPT_ROLE,
    });
  });
});
