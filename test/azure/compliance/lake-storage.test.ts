import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { build } from '../../../examples/lake-storage-azure/app';
import { acknowledgeRule, checkCompliance, DATA_PLATFORM_RULES } from '../../../src/azure/compliance';
import { Principal } from '../../../src/azure/iam/principal';
import { EncryptionKey, KeyVaultSku } from '../../../src/azure/security/encryption-key';
import { LakeStorage, StorageReplication } from '../../../src/azure/storage/lake-storage';
import type { ComplianceReport } from '../../../src/core/compliance';
import { MIN_REASON_LENGTH } from '../../../src/core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { App, type TerraformStack } from '../../../src/terraform';
import { DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean } from '../../helpers/compliance';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';

const OTHER_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
const WORKSPACE_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/central';

const ackIds = (report: ComplianceReport) => report.acknowledged.map((a) => `${a.ruleId} ${a.path}`);

/** Every configuration the pack test holds to zero findings, by name. */
const CONFIGURATIONS: Record<string, () => TerraformStack> = {
  'EncryptionKey defaults': () => {
    const stack = newAzureStack();
    new EncryptionKey(stack, 'Key', { resourceGroup: RG });
    return stack;
  },
  'EncryptionKey with the deployer range and grants': () => {
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', {
      resourceGroup: RG,
      platformName: 'sales',
      purpose: 'warehouse',
      allowedIpRanges: ['20.61.10.0/24', '20.61.20.7'],
      rotationPeriodDays: 30,
      softDeleteRetentionDays: 30,
      tags: { owner: 'data-team' },
    });
    key.grantEncryptDecrypt(Principal.servicePrincipal(OBJECT_ID));
    return stack;
  },
  'LakeStorage defaults': () => {
    const stack = newAzureStack();
    new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    return stack;
  },
  'LakeStorage maximal, with read, write and readWrite grants': () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      location: 'northeurope',
      zones: [
        'raw',
        { name: 'curated', coolAfterDays: 60, noncurrentVersionExpirationDays: 30 },
        { name: 'serving', storageName: 'sales-serving-zone' },
        { name: 'sandbox-1', coolAfterDays: 0 },
      ],
      replication: StorageReplication.RAGZRS,
      softDeleteRetentionDays: 30,
      accessLogRetentionDays: 730,
      storageAccountName: 'salesdatalake01',
      keyVaultAllowedIpRanges: ['20.61.10.0/24'],
      tags: { owner: 'data-team', 'cost-center': '1234' },
    });
    const analysts = new UserAssignedIdentity(stack, 'Analysts', {
      name: 'id-analysts',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    lake.grantRead(Principal.fromUserAssignedIdentity(analysts), 'serving');
    lake.grantRead(Principal.group(OBJECT_ID), 'curated');
    lake.grantWrite(Principal.servicePrincipal(OTHER_ID), 'raw');
    lake.grantWrite(Principal.fromUserAssignedIdentity(analysts), 'sandbox-1');
    lake.grantReadWrite(Principal.user(OBJECT_ID), 'curated');
    return stack;
  },
  'LakeStorage with an existing key': () => {
    const stack = newAzureStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SharedKey', {
      keyVaultId:
        '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-shared',
      keyVaultKeyId: 'https://kv-shared.vault.azure.net/keys/lake-cmk',
    });
    new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG, encryptionKey: key });
    return stack;
  },
  'LakeStorage with a key the stack shares': () => {
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', {
      resourceGroup: RG,
      platformName: 'sales',
      purpose: 'shared',
    });
    new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG, encryptionKey: key });
    return stack;
  },
  'LakeStorage with an existing workspace': () => {
    const stack = newAzureStack();
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      logAnalyticsWorkspaceId: WORKSPACE_ID,
    });
    return stack;
  },
};

describe('Azure pack: every construct is clean', () => {
  test.each(Object.keys(CONFIGURATIONS))('%s: zero unacknowledged findings', (name) => {
    // GIVEN the configuration / WHEN the pack runs / THEN nothing is found
    expectClean(checkCompliance(CONFIGURATIONS[name]()));
  });

  test('the only acknowledgement the blocks make is CKV_AZURE_189 on a vault opened to the deployer', () => {
    // GIVEN every configuration / WHEN checked
    const acknowledged = Object.values(CONFIGURATIONS).flatMap(
      (make) => checkCompliance(make()).acknowledged,
    );
    // THEN each acknowledgement is the vault's, with the documented reason
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const ack of acknowledged) {
      expect(ack).toMatchObject({
        ruleId: 'CKV_AZURE_189',
        address: expect.stringMatching(/^azurerm_key_vault\./),
        reason: EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT.reason,
      });
      expect(ack.reason.length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
    }
  });

  test('a vault without the deployer range needs no acknowledgement', () => {
    const report = expectClean(checkCompliance(CONFIGURATIONS['LakeStorage defaults']()));
    expect(report.acknowledged).toEqual([]);
  });
});

describe('Azure pack: the example', () => {
  test('lake-storage-azure has zero unacknowledged findings', () => {
    // GIVEN the example app / WHEN checked as a whole app / THEN clean, the vault's range acknowledged
    const app = new App({ outdir: path.join(os.tmpdir(), 'data-platform-kit-tests'), stackTraces: false });
    build(app);
    const report = expectClean(checkCompliance(app));
    // No runner range in context: the vault keeps no public endpoint, so nothing to acknowledge.
    expect(ackIds(report)).toEqual([]);
    // The whole pack ran: storage, key vault, key, role and retention rules all had resources.
    expect(report.checks).toBeGreaterThanOrEqual(30);
  });
});

describe('Azure pack: weakened resources are reported', () => {
  test('a storage account opened through the escape hatch is found', () => {
    // GIVEN a lake whose account is made public with addOverride
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    lake.storageAccount.addOverride('public_network_access_enabled', true);
    lake.storageAccount.addOverride('shared_access_key_enabled', true);
    // WHEN checked / THEN both are reported on the account
    const report = checkCompliance(stack);
    expect(report.findings.map((f) => `${f.ruleId} ${f.path}`)).toEqual([
      'CKV_AZURE_59 Test/Lake/Account',
      'CKV2_AZURE_40 Test/Lake/Account',
    ]);
  });

  test('a vault without purge protection and a software key are found', () => {
    // GIVEN a standard-tier key and a vault whose purge protection is overridden
    const stack = newAzureStack();
    const key = new EncryptionKey(stack, 'Key', { resourceGroup: RG, sku: KeyVaultSku.STANDARD });
    key.keyVault.addOverride('purge_protection_enabled', false);
    // WHEN checked / THEN purge protection, recoverability and the HSM rule fail
    const ids = checkCompliance(stack)
      .findings.map((f) => f.ruleId)
      .sort();
    expect(ids).toEqual(['CKV_AZURE_110', 'CKV_AZURE_112', 'CKV_AZURE_42']);
  });

  test('an explicit choice below the defaults is reported until the stack acknowledges it', () => {
    // GIVEN a lake on ZRS in a region without GZRS
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      replication: StorageReplication.ZRS,
    });
    expect(checkCompliance(stack).findings.map((f) => f.ruleId)).toEqual(['CKV_AZURE_206']);
    // WHEN the stack acknowledges it with a reason / THEN it moves to acknowledged
    acknowledgeRule(lake.storageAccount, {
      id: 'CKV_AZURE_206',
      reason: 'Region without a paired region: zone redundancy only, backups go to another region.',
    });
    const report = expectClean(checkCompliance(stack));
    expect(report.acknowledged.map((a) => a.ruleId)).toEqual(['CKV_AZURE_206']);
  });

  test('DESTROY with the context flag is acknowledged, with its reason, on every stateful resource', () => {
    // GIVEN a lake that may be destroyed (both keys turned)
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    // WHEN checked / THEN no finding, and the retention rule is acknowledged on account,
    // containers, workspace, vault and key with the removal guard's reason
    const report = checkCompliance(stack);
    expect(report.findings).toEqual([]);
    expect(new Set(report.acknowledged.map((a) => a.ruleId))).toEqual(new Set(['DPK_AZURE_PREVENT_DESTROY']));
    expect(new Set(report.acknowledged.map((a) => a.reason))).toEqual(
      new Set([DESTROY_ACKNOWLEDGEMENT_REASON]),
    );
    expect(report.acknowledged.map((f) => f.address.split('.')[0]).sort()).toEqual([
      'azurerm_key_vault',
      'azurerm_key_vault_key',
      'azurerm_log_analytics_workspace',
      'azurerm_storage_account',
      'azurerm_storage_container',
      'azurerm_storage_container',
      'azurerm_storage_container',
    ]);
  });

  test('DESTROY without the flag keeps the data and stays clean', () => {
    const stack = newAzureStack();
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    expectClean(checkCompliance(stack));
  });
});

describe('Azure pack: public API', () => {
  test('rule ids are unique, and every rule has a description and resource types', () => {
    const ids = DATA_PLATFORM_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DATA_PLATFORM_RULES) {
      expect(rule.id).toMatch(/^(CKV2?_AZURE_\d+|AVD-AZU-\d{4}|DPK_AZURE_[A-Z0-9_]+)$/);
      expect(rule.description.length).toBeGreaterThan(10);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
    }
  });

  test('checkCompliance on a construct checks the stack that holds it', () => {
    const stack = newAzureStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
    lake.storageAccount.addOverride('public_network_access_enabled', true);
    expect(checkCompliance(lake).findings.map((f) => f.ruleId)).toEqual(['CKV_AZURE_59']);
  });

  test('blocks state intents; only the pack maps them to rule ids', () => {
    // GIVEN the Azure sources / THEN acknowledgeRule is called from the pack's intent map alone
    const root = path.resolve(__dirname, '../../../src/azure');
    const callers = walk(root)
      .filter((f) => /acknowledgeRule\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(callers).toEqual(['compliance/intents.ts']);
    // AND the key and the lake state their one intent with a named statement
    const source = fs.readFileSync(path.join(root, 'security/encryption-key.ts'), 'utf8');
    expect(source.match(/stateIntent\([^)]*\)/g)).toEqual([
      'stateIntent(this.keyVault, EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT)',
    ]);
    // The lake states it only once a resource instance (Capture) is admitted.
    const lake = fs.readFileSync(path.join(root, 'storage/lake-storage.ts'), 'utf8');
    expect(lake.match(/stateIntent\([^)]*\)/g)).toEqual([
      'stateIntent(this.storageAccount, LakeStorage.RESOURCE_INSTANCE_ACKNOWLEDGEMENT)',
    ]);
  });
});

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return walk(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}
