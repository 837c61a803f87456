import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Principal, PrincipalType } from '../../../src/azure/iam/principal';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import {
  LakeStorage,
  StorageReplication,
  type LakeStorageProps,
} from '../../../src/azure/storage/lake-storage';
import { BLOB_WRITER_DATA_ACTIONS } from '../../../src/azure/storage/roles';
import { CommonDefaults, ZoneAccess } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG, SUBSCRIPTION_ID, tokens, waitsForPropagation } from '../azure-stack';

const ACCOUNT = 'azurerm_storage_account';
const CONTAINER = 'azurerm_storage_container';
const POLICY = 'azurerm_storage_management_policy';
const WORKSPACE = 'azurerm_log_analytics_workspace';
const DIAGNOSTICS = 'azurerm_monitor_diagnostic_setting';
const ASSIGNMENT = 'azurerm_role_assignment';
const ROLE_DEFINITION = 'azurerm_role_definition';

function newLake(props: Partial<LakeStorageProps> = {}, stack: TerraformStack = newAzureStack()) {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG, ...props });
  return { stack, lake };
}

function synthLake(props: Partial<LakeStorageProps> = {}, stack?: TerraformStack) {
  const { lake, stack: s } = newLake(props, stack);
  return { lake, stack: s, template: TfTemplate.fromStack(s) };
}

const code = (c: ErrorCode) => expect.objectContaining({ code: c });
const ref = (type: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.\\w+\\.${attr}\\}$`));

describe('LakeStorage account defaults', () => {
  test('one ADLS Gen2 account with HTTPS, TLS 1.2, no public network and no shared keys', () => {
    // GIVEN / WHEN a lake with defaults
    const { template } = synthLake();
    // THEN the account is locked down
    template.resourceCountIs(ACCOUNT, 1);
    template.hasResourceProperties(ACCOUNT, {
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      is_hns_enabled: true,
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      public_network_access_enabled: false,
      shared_access_key_enabled: false,
      default_to_oauth_authentication: true,
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      infrastructure_encryption_enabled: true,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'] },
    });
  });

  test('replication defaults to GZRS', () => {
    // GIVEN / WHEN defaults / THEN DEFAULT_REPLICATION: zones and the paired region
    const { template } = synthLake();
    expect(LakeStorage.DEFAULT_REPLICATION).toBe(StorageReplication.GZRS);
    template.hasResourceProperties(ACCOUNT, { account_replication_type: 'GZRS' });
  });

  test('local users and SFTP are off', () => {
    // GIVEN / WHEN defaults / THEN no identities outside Entra ID
    const { template } = synthLake();
    template.hasResourceProperties(ACCOUNT, { local_user_enabled: false, sftp_enabled: false });
  });

  test('blob and container soft delete keep data 14 days; versioning is not set (HNS)', () => {
    // GIVEN / WHEN defaults
    const { template } = synthLake();
    // THEN both soft deletes are on and versioning is absent
    expect(LakeStorage.DEFAULT_SOFT_DELETE_RETENTION_DAYS).toBe(14);
    const account = template.hasResourceProperties(ACCOUNT, {
      blob_properties: {
        delete_retention_policy: { days: 14 },
        container_delete_retention_policy: { days: 14 },
      },
    });
    expect(account.config.blob_properties).not.toHaveProperty('versioning_enabled');
    expect(account.config.blob_properties).not.toHaveProperty('change_feed_enabled');
  });

  test('the account name derives from the platform and a stable hash', () => {
    // GIVEN / WHEN defaults / THEN saleslake<hash>
    const { template, lake } = synthLake();
    template.hasResourceProperties(ACCOUNT, { name: expect.stringMatching(/^saleslake[0-9a-f]{8}$/) });
    expect(lake.storageAccountName).toBeDefined();
  });

  test('location and group come from the resource group; tags carry the platform', () => {
    // GIVEN / WHEN defaults / THEN
    const { template } = synthLake();
    template.hasResourceProperties(ACCOUNT, {
      location: RG.location,
      resource_group_name: RG.name,
      tags: { 'data-platform': 'sales' },
    });
  });
});

describe('LakeStorage encryption', () => {
  test('the account uses a customer-managed key through a user-assigned identity', () => {
    // GIVEN / WHEN defaults
    const { template } = synthLake();
    // THEN the identity is attached and the versionless key id is used (follows rotation)
    template.resourceCountIs('azurerm_user_assigned_identity', 1);
    template.hasResourceProperties(ACCOUNT, {
      identity: { type: 'UserAssigned', identity_ids: [ref('azurerm_user_assigned_identity', 'id')] },
      customer_managed_key: {
        key_vault_key_id: ref('azurerm_key_vault_key', 'versionless_id'),
        user_assigned_identity_id: ref('azurerm_user_assigned_identity', 'id'),
      },
    });
  });

  test('a key is created for the lake when none is given (purpose lake)', () => {
    // GIVEN / WHEN defaults / THEN one vault and key named sales-lake-<hash>
    const { template, lake } = synthLake();
    expect(lake.encryptionKey).toBeInstanceOf(EncryptionKey);
    template.hasResourceProperties('azurerm_key_vault', {
      name: expect.stringMatching(/^sales-lake-[0-9a-f]{8}$/),
    });
    template.resourceCountIs('azurerm_key_vault_key', 1);
  });

  test('the identity holds Key Vault Crypto Service Encryption User on the key before the account exists', () => {
    // GIVEN / WHEN defaults
    const { template } = synthLake();
    // THEN the identity's key grant exists and the account depends on it
    const grant = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
      principal_type: 'ServicePrincipal',
      scope: ref('azurerm_key_vault_key', 'resource_versionless_id'),
    });
    expect(waitsForPropagation(template.doc, ACCOUNT, `${ASSIGNMENT}.${grant.name}`)).toBe(true);
  });

  test('without keyVaultAllowedIpRanges the created vault is private and the lake warns why', () => {
    // GIVEN / WHEN defaults / THEN the key's network-reach warning surfaces under the lake
    const { template, lake } = synthLake();
    template.hasResourceProperties('azurerm_key_vault', { public_network_access_enabled: false });
    expect(warningsOf(lake).join('\n')).toContain(EncryptionKey.NO_NETWORK_REACH_WARNING);
  });

  test('keyVaultAllowedIpRanges reach the created vault', () => {
    // GIVEN / WHEN the deployer's range / THEN the vault firewall allows it
    const { template } = synthLake({ keyVaultAllowedIpRanges: ['20.61.10.0/24'] });
    template.hasResourceProperties('azurerm_key_vault', {
      public_network_access_enabled: true,
      network_acls: { default_action: 'Deny', ip_rules: ['20.61.10.0/24'] },
    });
  });

  test('an existing key is used and granted instead of creating one', () => {
    // GIVEN an imported key
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared',
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
    });
    // WHEN the lake uses it
    const { template } = synthLake({ encryptionKey: key }, stack);
    // THEN no vault is made, the account points at the key and the identity is granted on it
    template.resourceCountIs('azurerm_key_vault', 0);
    template.hasResourceProperties(ACCOUNT, {
      customer_managed_key: { key_vault_key_id: 'https://kv-shared.vault.azure.net/keys/lake-cmk' },
    });
    template.hasResourceProperties(ASSIGNMENT, {
      scope: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared/keys/lake-cmk',
      role_definition_name: EncryptionKey.ENCRYPT_DECRYPT_ROLE,
    });
  });
});

describe('LakeStorage zones', () => {
  test('one private container per default zone, created through the management plane', () => {
    // GIVEN / WHEN defaults
    const { template, lake } = synthLake();
    // THEN raw, curated and serving containers reference storage_account_id (not the name)
    expect(lake.zoneNames).toEqual(['raw', 'curated', 'serving']);
    template.resourceCountIs(CONTAINER, 3);
    template.allResourcesHave(CONTAINER, {
      storage_account_id: ref(ACCOUNT, 'id'),
      container_access_type: 'private',
    });
    for (const c of template.resources(CONTAINER)) {
      expect(c.config).not.toHaveProperty('storage_account_name');
    }
    for (const zone of lake.zoneNames) {
      template.hasResourceProperties(CONTAINER, {
        name: expect.stringMatching(new RegExp(`^sales-${zone}-[0-9a-f]{8}$`)),
      });
    }
  });

  test('custom zones and storageName overrides', () => {
    // GIVEN custom zones, one with an explicit name
    const { template, lake } = synthLake({ zones: ['bronze', { name: 'gold-eu', storageName: 'gold-eu' }] });
    // THEN containers follow them, and construct ids are PascalCase
    template.resourceCountIs(CONTAINER, 2);
    template.hasResourceProperties(CONTAINER, { name: 'gold-eu' });
    expect(lake.containerFor('gold-eu').node.id).toBe('GoldEuContainer');
  });

  test('containerFor and containerResourceId find a zone', () => {
    // GIVEN a lake / WHEN looked up / THEN the container and its ARM id
    const { lake, stack } = newLake();
    expect(lake.containerFor('raw')).toBe(lake.containers.raw);
    const id = lake.containerResourceId('raw');
    lake.grantRead(Principal.user(OBJECT_ID), 'raw');
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      scope: expect.stringMatching(
        /^\$\{azurerm_storage_account\.\w+\.id\}\/blobServices\/default\/containers\/\$\{azurerm_storage_container\.\w+\.name\}$/,
      ),
    });
    expect(id).toContain('/blobServices/default/containers/');
  });

  test('an unknown zone is rejected by lookups and grants', () => {
    // GIVEN a lake / WHEN a zone it lacks / THEN DPK_UNKNOWN_ZONE
    const { lake } = newLake();
    expect(() => lake.containerFor('gold')).toThrow(code(ErrorCode.UNKNOWN_ZONE));
    expect(() => lake.grantRead(Principal.user(OBJECT_ID), 'gold')).toThrow(code(ErrorCode.UNKNOWN_ZONE));
  });

  test.each([
    [[], ErrorCode.NO_ZONES],
    [['raw', 'raw'], ErrorCode.DUPLICATE_ZONE],
    [['Raw'], ErrorCode.INVALID_ZONE],
    [['logs'], ErrorCode.INVALID_ZONE],
    [[{ name: 'raw', coolAfterDays: -1 }], ErrorCode.OUT_OF_RANGE],
  ])('zones %p are rejected with %s', (zones, expected) => {
    // GIVEN / WHEN bad zones / THEN the core zone error
    expect(() => newLake({ zones })).toThrow(code(expected));
  });

  test('an invalid storageName is rejected', () => {
    // GIVEN / WHEN a container name with '--' / THEN DPK_INVALID_NAME naming the zone prop
    expect(() => newLake({ zones: [{ name: 'raw', storageName: 'bad--name' }] })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'zones[0].storageName' }),
    );
  });
});

describe('LakeStorage lifecycle', () => {
  test('one rule per zone: cool after the zone default, snapshots expire after 90 days', () => {
    // GIVEN / WHEN defaults
    const { template } = synthLake();
    // THEN raw 30, curated 90, serving stays hot; every rule deletes snapshots after 90 days
    const policy = template.hasResourceProperties(POLICY, { storage_account_id: ref(ACCOUNT, 'id') });
    const rules = policy.config.rule as Array<Record<string, any>>;
    expect(rules.map((r) => r.name)).toEqual(['raw', 'curated', 'serving']);
    expect(
      rules.map((r) => r.actions.base_blob?.tier_to_cool_after_days_since_modification_greater_than),
    ).toEqual([30, 90, undefined]);
    for (const rule of rules) {
      expect(rule).toMatchObject({
        enabled: true,
        filters: {
          blob_types: ['blockBlob'],
          prefix_match: [expect.stringMatching(/^sales-[a-z]+-[0-9a-f]{8}\/$/)],
        },
        actions: { snapshot: { delete_after_days_since_creation_greater_than: 90 } },
      });
      expect(rule.actions).not.toHaveProperty('version');
    }
  });

  test('zone lifecycle options and hyphenated zone names', () => {
    // GIVEN a zone with its own lifecycle
    const { template } = synthLake({
      zones: [
        { name: 'gold-eu', storageName: 'gold', coolAfterDays: 7, noncurrentVersionExpirationDays: 30 },
      ],
    });
    // THEN the rule uses them, named without '-' and matching the container prefix
    template.hasResourceProperties(POLICY, {
      rule: [
        {
          name: 'goldEu',
          filters: { prefix_match: ['gold/'] },
          actions: {
            base_blob: { tier_to_cool_after_days_since_modification_greater_than: 7 },
            snapshot: { delete_after_days_since_creation_greater_than: 30 },
          },
        },
      ],
    });
  });

  test('rule names stay unique when two zones differ only by a hyphen', () => {
    // GIVEN zones a-1 and a1 / WHEN synthesized / THEN distinct rule names and construct ids
    const { template } = synthLake({ zones: ['a-1', 'a1'] });
    const rules = template.resources(POLICY)[0].config.rule as Array<{ name: string }>;
    expect(rules.map((r) => r.name)).toEqual(['a1', 'a1zone1']);
    template.resourceCountIs(CONTAINER, 2);
  });
});

describe('LakeStorage access logs', () => {
  test('blob read, write and delete logs go to a new workspace kept 365 days without local auth', () => {
    // GIVEN / WHEN defaults
    const { template } = synthLake();
    // THEN a workspace with the default retention and a diagnostic setting on the blob service
    expect(LakeStorage.DEFAULT_ACCESS_LOG_RETENTION_DAYS).toBe(CommonDefaults.ACCESS_LOG_RETENTION_DAYS);
    template.hasResourceProperties(WORKSPACE, {
      retention_in_days: 365,
      local_authentication_enabled: false,
      sku: 'PerGB2018',
    });
    expect(template.resources(WORKSPACE)[0].config).not.toHaveProperty('local_authentication_disabled');
    template.hasResourceProperties(DIAGNOSTICS, {
      target_resource_id: expect.stringMatching(
        /^\$\{azurerm_storage_account\.\w+\.id\}\/blobServices\/default$/,
      ),
      log_analytics_workspace_id: ref(WORKSPACE, 'id'),
      enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }],
    });
  });

  test('accessLogRetentionDays sets the workspace retention', () => {
    // GIVEN / WHEN 90 / THEN 90
    const { template } = synthLake({ accessLogRetentionDays: 90 });
    template.hasResourceProperties(WORKSPACE, { retention_in_days: 90 });
  });

  test('logAnalyticsWorkspaceId sends logs to an existing workspace', () => {
    // GIVEN / WHEN an existing workspace id / THEN no workspace is made
    const id =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/central';
    const { template, lake } = synthLake({ logAnalyticsWorkspaceId: id });
    template.resourceCountIs(WORKSPACE, 0);
    template.hasResourceProperties(DIAGNOSTICS, { log_analytics_workspace_id: id });
    expect(lake.logWorkspace).toBeUndefined();
  });
});

describe('LakeStorage options', () => {
  test('replication, soft delete, account name and location', () => {
    // GIVEN explicit options / WHEN synthesized / THEN each is applied
    const { template } = synthLake({
      replication: StorageReplication.RAGZRS,
      softDeleteRetentionDays: 30,
      storageAccountName: 'salesdatalake01',
      location: 'northeurope',
    });
    template.hasResourceProperties(ACCOUNT, {
      account_replication_type: 'RAGZRS',
      name: 'salesdatalake01',
      location: 'northeurope',
      blob_properties: {
        delete_retention_policy: { days: 30 },
        container_delete_retention_policy: { days: 30 },
      },
    });
  });

  test('tags are added after the kit tags', () => {
    // GIVEN / WHEN a tag / THEN on the account and the workspace
    const { template } = synthLake({ tags: { owner: 'data-team' } });
    template.hasResourceProperties(ACCOUNT, { tags: { 'data-platform': 'sales', owner: 'data-team' } });
    template.hasResourceProperties(WORKSPACE, { tags: { 'data-platform': 'sales', owner: 'data-team' } });
  });
});

describe('LakeStorage validation', () => {
  test.each([
    [{ softDeleteRetentionDays: 0 }],
    [{ softDeleteRetentionDays: 366 }],
    [{ accessLogRetentionDays: 29 }],
    [{ accessLogRetentionDays: 731 }],
  ])('%p is out of range', (props) => {
    // GIVEN / WHEN / THEN DPK_OUT_OF_RANGE
    expect(() => newLake(props)).toThrow(code(ErrorCode.OUT_OF_RANGE));
  });

  test.each([
    [{ storageAccountName: 'Sales-Lake' }],
    [{ platformName: 'x' }],
    [{ storageAccountName: 'ab' }],
  ])('%p is an invalid name', (props) => {
    // GIVEN / WHEN / THEN DPK_INVALID_NAME
    expect(() => newLake(props)).toThrow(code(ErrorCode.INVALID_NAME));
  });

  test('an existing key with keyVaultAllowedIpRanges conflicts', () => {
    // GIVEN an imported key and vault ranges / THEN DPK_CONFLICTING_PROPS
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', {
      keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shared',
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/k',
    });
    expect(() => newLake({ encryptionKey: key, keyVaultAllowedIpRanges: ['20.61.10.0/24'] }, stack)).toThrow(
      code(ErrorCode.CONFLICTING_PROPS),
    );
  });

  test('an existing workspace with accessLogRetentionDays conflicts', () => {
    // GIVEN both / THEN DPK_CONFLICTING_PROPS
    expect(() => newLake({ logAnalyticsWorkspaceId: '/w', accessLogRetentionDays: 30 })).toThrow(
      code(ErrorCode.CONFLICTING_PROPS),
    );
  });

  test('bad vault ranges and bad tags are rejected', () => {
    // GIVEN / WHEN / THEN the core codes
    expect(() => newLake({ keyVaultAllowedIpRanges: ['0.0.0.0/0'] })).toThrow(
      code(ErrorCode.INVALID_IP_RANGE),
    );
    expect(() => newLake({ tags: { 'a<b': 'x' } })).toThrow(code(ErrorCode.INVALID_TAGS));
  });

  test('unresolved values are not validated', () => {
    // GIVEN tokens for the validated props / WHEN synthesized / THEN passed through
    const { template } = synthLake({
      softDeleteRetentionDays: tokens.number(),
      accessLogRetentionDays: tokens.number(),
      storageAccountName: tokens.string(),
      keyVaultAllowedIpRanges: tokens.list(),
    });
    template.hasResourceProperties(ACCOUNT, {
      name: '${lower("NAME")}',
      blob_properties: { delete_retention_policy: { days: '${tonumber("30")}' } },
    });
    template.hasResourceProperties(WORKSPACE, { retention_in_days: '${tonumber("30")}' });
  });
});

describe('LakeStorage removal', () => {
  const stateful = [ACCOUNT, CONTAINER, WORKSPACE, 'azurerm_key_vault', 'azurerm_key_vault_key'];

  test('account, containers, log workspace and key are retained by default', () => {
    // GIVEN / WHEN defaults / THEN prevent_destroy everywhere it matters
    const { template } = synthLake();
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
  });

  test('DESTROY without the context flag is retained with a warning', () => {
    // GIVEN / WHEN DESTROY only
    const { template, lake } = synthLake({ removalPolicy: DataRemovalPolicy.DESTROY });
    // THEN retained, and the guard warns
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(lake).filter((w) => w.includes(REMOVAL_DOWNGRADED_WARNING)).length).toBeGreaterThan(0);
  });

  test('DESTROY with the context flag lets the data go', () => {
    // GIVEN the flag / WHEN DESTROY / THEN prevent_destroy false
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthLake({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    for (const type of stateful) template.allResourcesHave(type, { lifecycle: { prevent_destroy: false } });
  });
});

describe('LakeStorage grants', () => {
  test('grantRead assigns Storage Blob Data Reader on the zone container', () => {
    // GIVEN a lake / WHEN a group may read serving
    const { lake, stack } = newLake();
    const assignment = lake.grantRead(Principal.group(OBJECT_ID), 'serving');
    // THEN one assignment, scoped to the serving container
    const template = TfTemplate.fromStack(stack);
    const block = template.hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: OBJECT_ID,
      principal_type: PrincipalType.GROUP,
    });
    const serving = template
      .resources(CONTAINER)
      .find((c) => String(c.config.name).startsWith('sales-serving'));
    expect(block.config.scope).toContain(`azurerm_storage_container.${serving!.name}.name`);
    expect(assignment.node.id).toMatch(/^ReaderServing[0-9a-f]{8}$/);
  });

  test('grantReadWrite assigns Storage Blob Data Contributor', () => {
    // GIVEN / WHEN / THEN
    const { lake, stack } = newLake();
    lake.grantReadWrite(Principal.user(OBJECT_ID), 'curated');
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      role_definition_name: 'Storage Blob Data Contributor',
      principal_type: 'User',
    });
  });

  test('grantWrite defines one write-only custom role on the account and assigns it', () => {
    // GIVEN a lake / WHEN two writers are granted on two zones
    const { lake, stack } = newLake();
    expect(lake.blobWriterRole).toBeUndefined();
    lake.grantWrite(Principal.servicePrincipal(OBJECT_ID), 'raw');
    lake.grant(Principal.group('0f0e0d0c-0b0a-4908-8706-050403020100'), 'curated', ZoneAccess.WRITE);
    // THEN one role definition, assignable only in the resource group, with only write data actions
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(ROLE_DEFINITION, 1);
    const group = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RG.name}`;
    template.hasResourceProperties(ROLE_DEFINITION, {
      // Tenant-wide names: construct path hash, then a hash of subscription and resource group.
      name: expect.stringMatching(/^sales-lake-blob-writer-[0-9a-f]{8}-[0-9a-f]{8}$/),
      scope: group,
      assignable_scopes: [group],
      permissions: [{ actions: [], data_actions: [...BLOB_WRITER_DATA_ACTIONS] }],
    });
    expect(
      template.resources(ASSIGNMENT, {
        role_definition_id: ref(ROLE_DEFINITION, 'role_definition_resource_id'),
      }),
    ).toHaveLength(2);
    expect(lake.blobWriterRole).toBeDefined();
  });

  test('no grant touches the key or the account scope', () => {
    // GIVEN a lake / WHEN every kind of grant is made
    const { lake, stack } = newLake();
    const p = Principal.user(OBJECT_ID);
    lake.grantRead(p, 'raw');
    lake.grantWrite(p, 'raw');
    lake.grantReadWrite(p, 'raw');
    // THEN every zone assignment is container-scoped
    const zoneGrants = TfTemplate.fromStack(stack).resources(ASSIGNMENT, { principal_id: OBJECT_ID });
    expect(zoneGrants).toHaveLength(3);
    for (const g of zoneGrants) expect(g.config.scope).toMatch(/\/blobServices\/default\/containers\//);
  });

  test('granting the same principal the same access twice returns the first assignment', () => {
    // GIVEN / WHEN repeated / THEN same construct
    const { lake } = newLake();
    const first = lake.grantRead(Principal.user(OBJECT_ID), 'raw');
    expect(lake.grantRead(Principal.user(OBJECT_ID), 'raw')).toBe(first);
  });

  test('a user-assigned identity is granted under a stable id', () => {
    // GIVEN an identity elsewhere in the stack
    const { lake, stack } = newLake();
    const identity = new UserAssignedIdentity(stack, 'Analysts', {
      name: 'id-analysts',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    // WHEN it may read serving
    const assignment = lake.grantRead(Principal.fromUserAssignedIdentity(identity), 'serving');
    // THEN the id hashes its construct path and the principal id is the identity's
    expect(assignment.node.id).toMatch(/^ReaderServing[0-9a-f]{8}$/);
    TfTemplate.fromStack(stack).hasResourceProperties(ASSIGNMENT, {
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
      role_definition_name: 'Storage Blob Data Reader',
    });
  });

  test('a malformed principal is rejected', () => {
    // GIVEN / WHEN a hand-built principal with a bad id / THEN DPK_INVALID_PRINCIPAL
    const { lake } = newLake();
    expect(() => lake.grantRead({ principalId: 'x', principalType: PrincipalType.USER }, 'raw')).toThrow(
      code(ErrorCode.INVALID_PRINCIPAL),
    );
  });
});

describe('LakeStorage global names', () => {
  const namesIn = (resourceGroup: string) => {
    const { template } = synthLake({ resourceGroup: { name: resourceGroup, location: 'westeurope' } });
    return [
      ...template.resources(ACCOUNT).map((b) => b.config.name as string),
      ...template.resources('azurerm_key_vault').map((b) => b.config.name as string),
    ];
  };

  test('the same app in two resource groups derives different account and vault names', () => {
    const first = namesIn('rg-sales-dev');
    expect(first).toHaveLength(2);
    expect(first).toEqual(namesIn('rg-sales-dev'));
    expect(first.filter((name) => namesIn('rg-sales-prod').includes(name))).toEqual([]);
  });
});
