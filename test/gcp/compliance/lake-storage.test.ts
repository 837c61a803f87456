import * as os from 'node:os';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { build } from '../../../examples/lake-storage-gcp/app';
import { MIN_REASON_LENGTH } from '../../../src/core/compliance';
import type { ComplianceReport } from '../../../src/core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { EncryptionKey, KeyProtectionLevel, LakeStorage, Principal } from '../../../src/gcp';
import { acknowledgeRule, checkCompliance } from '../../../src/gcp/compliance';
import { App, type TerraformStack } from '../../../src/terraform';
import { DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { expectClean, terraformAcknowledgements } from '../../helpers/compliance';
import { newGcpStack } from '../support';

/**
 * The GCP rule pack over every GCP construct and the example: zero unacknowledged findings, and
 * the result is not bought with suppressions (the blocks acknowledge only a user's flag-guarded
 * DESTROY, with a reason).
 */

const expectCompliant = (stack: TerraformStack): ComplianceReport => expectClean(checkCompliance(stack));

const acknowledgements = terraformAcknowledgements;

/** A stack with a lake in its maximal configuration: every prop set, grants to every principal kind. */
function maximalStack(context: Record<string, unknown> = {}): { stack: TerraformStack; lake: LakeStorage } {
  const stack = newGcpStack(context);
  const key = new EncryptionKey(stack, 'Key', {
    platformName: 'sales',
    purpose: 'lake',
    project: 'acme-data-prod',
    location: 'EU',
    keyRingName: 'sales-lake-ring',
    keyName: 'sales-lake-key',
    rotationPeriodDays: 30,
    protectionLevel: KeyProtectionLevel.HSM,
    destroyScheduledDays: 120,
    tags: { team: 'sales', 'cost-center': 'cc-42' },
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    project: 'acme-data-prod',
    location: 'EU',
    encryptionKey: key,
    zones: [
      {
        name: 'landing',
        storageName: 'acme-sales-landing',
        coolAfterDays: 7,
        noncurrentVersionExpirationDays: 7,
      },
      { name: 'raw', coolAfterDays: 0 },
      'curated',
      { name: 'serving', noncurrentVersionExpirationDays: 365 },
    ],
    softDeleteRetentionDays: 90,
    accessLogRetentionDays: 3650,
    usageLogs: true,
    dataAccessLogs: false,
    logBucketName: 'acme-sales-access-logs',
    tags: { team: 'sales' },
  });
  const etl = new ServiceAccount(stack, 'Etl', { accountId: 'sales-etl' });
  lake.grantWrite(Principal.fromServiceAccount(etl), 'landing');
  lake.grantReadWrite(Principal.serviceAccount('dbt@acme-data-prod.iam.gserviceaccount.com'), 'curated');
  lake.grantRead(Principal.group('analysts@acme.com'), 'serving');
  lake.grantRead(Principal.user('ana@acme.com'), 'serving');
  key.grantEncryptDecrypt(Principal.fromServiceAccount(etl));
  return { stack, lake };
}

describe('GCP rule pack over the GCP constructs', () => {
  test('EncryptionKey with defaults', () => {
    const stack = newGcpStack();
    new EncryptionKey(stack, 'Key', { location: 'europe-west1' });
    expectCompliant(stack);
  });

  test('EncryptionKey at the rotation bounds, with a grant', () => {
    const stack = newGcpStack();
    for (const days of [1, 90]) {
      const key = new EncryptionKey(stack, `Key${days}`, { location: 'US', rotationPeriodDays: days });
      key.grantEncryptDecrypt(Principal.group('crypto-users@acme.com'));
    }
    expectCompliant(stack);
  });

  test('LakeStorage with defaults', () => {
    const stack = newGcpStack();
    new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    expectCompliant(stack);
  });

  test('LakeStorage in its maximal configuration, with grants to a service account, a group and a user', () => {
    expectCompliant(maximalStack().stack);
  });

  test('LakeStorage with a brought key, and two lakes sharing one kit key', () => {
    const stack = newGcpStack();
    const brought = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Brought', {
      cryptoKeyId: 'projects/acme-sec/locations/europe-west1/keyRings/shared/cryptoKeys/lake',
      location: 'europe-west1',
    });
    new LakeStorage(stack, 'Imported', {
      platformName: 'ops',
      location: 'europe-west1',
      encryptionKey: brought,
    });
    const shared = new EncryptionKey(stack, 'Shared', { location: 'europe-west1' });
    new LakeStorage(stack, 'Sales', {
      platformName: 'sales',
      location: 'europe-west1',
      encryptionKey: shared,
    });
    new LakeStorage(stack, 'Finance', {
      platformName: 'finance',
      location: 'europe-west1',
      encryptionKey: shared,
    });
    expectCompliant(stack);
  });

  test('the lake-storage-gcp example, checked per stack and as a whole app', () => {
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const stacks = build(app);
    expect(stacks.map((s) => s.node.id)).toEqual(['lake-storage-gcp']);
    for (const stack of stacks) expectCompliant(stack);
    const whole = checkCompliance(app);
    expect(whole.findings).toEqual([]);
    expect(whole.checks).toBe(stacks.reduce((n, stack) => n + checkCompliance(stack).checks, 0));
  });

  test('a construct inside a stack is checked with its whole stack', () => {
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    new StorageBucket(stack, 'Plain', { name: 'acme-plain', location: 'EU' });
    expect(checkCompliance(lake)).toEqual(checkCompliance(stack));
  });

  test('the blocks acknowledge nothing by default, nor for DESTROY without the flag', () => {
    expect(acknowledgements(maximalStack().stack)).toEqual([]);
    const stack = newGcpStack();
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    expect(acknowledgements(stack)).toEqual([]);
    expect(checkCompliance(stack).acknowledged).toEqual([]);
    expectCompliant(stack);
  });
});

describe('a flag-guarded DESTROY', () => {
  function destroyableLake() {
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const lake = new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    return { stack, lake };
  }

  test('is reported by the prevent_destroy rules, acknowledged with the reason, per resource', () => {
    // GIVEN a lake whose user asked for DESTROY and set the app-level flag
    const { stack } = destroyableLake();
    // WHEN
    const report = checkCompliance(stack);
    // THEN no finding fails the gate, and every retained-resource finding is listed as acknowledged
    expect(report.findings).toEqual([]);
    expect(report.acknowledged.map((a) => [a.ruleId, a.path]).sort()).toEqual(
      [
        ['CKV_GCP_82', 'Test/Lake/Key/CryptoKey'],
        ['DPK_GCP_PREVENT_DESTROY', 'Test/Lake/Key/KeyRing'],
        ['DPK_GCP_PREVENT_DESTROY', 'Test/Lake/RawBucket'],
        ['DPK_GCP_PREVENT_DESTROY', 'Test/Lake/CuratedBucket'],
        ['DPK_GCP_PREVENT_DESTROY', 'Test/Lake/ServingBucket'],
      ].sort(),
    );
    for (const ack of report.acknowledged) expect(ack.reason).toBe(DESTROY_ACKNOWLEDGEMENT_REASON);
    expect(DESTROY_ACKNOWLEDGEMENT_REASON).toContain(REMOVE_DATA_ON_DESTROY_CONTEXT);
  });

  test('acknowledges only the prevent_destroy rules: weakening the same bucket is still reported', () => {
    // GIVEN
    const { stack, lake } = destroyableLake();
    lake.bucketFor('raw').addOverride('force_destroy', true);
    // WHEN
    const report = checkCompliance(stack);
    // THEN
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['DPK_GCP_BUCKET_FORCE_DESTROY', 'Test/Lake/RawBucket'],
    ]);
  });

  test('acknowledges nothing when the flag is false', () => {
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: false });
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    const report = checkCompliance(stack);
    expect(report.acknowledged).toEqual([]);
    expect(report.findings).toEqual([]);
  });
});

describe('the pack can fail', () => {
  test("weakening the blocks' own resources through the escape hatch is reported", () => {
    // GIVEN a lake whose raw bucket loses uniform access and logging, and whose key stops rotating
    const { stack, lake } = maximalStack();
    lake.bucketFor('raw').addOverride('uniform_bucket_level_access', false);
    lake.bucketFor('raw').addOverride('logging', null);
    (lake.encryptionKey as EncryptionKey).cryptoKey.addOverride('rotation_period', '31536000s');
    lake.logBucket!.addOverride('lifecycle.prevent_destroy', false);
    // WHEN
    const report = checkCompliance(stack);
    // THEN exactly those are reported, at the blocks' construct paths
    expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual([
      ['CKV_GCP_29', 'Test/Lake/RawBucket'],
      ['CKV_GCP_62', 'Test/Lake/RawBucket'],
      ['CKV_GCP_43', 'Test/Key/CryptoKey'],
      ['DPK_GCP_PREVENT_DESTROY', 'Test/Lake/LogBucket'],
    ]);
  });

  test('a plain bucket beside the blocks is reported, and a user acknowledgement with a reason clears it', () => {
    // GIVEN
    const stack = newGcpStack();
    // (usage logs, not the project-wide data-access logs that would cover the plain bucket too)
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      usageLogs: true,
      dataAccessLogs: false,
    });
    const plain = new StorageBucket(stack, 'Plain', { name: 'acme-plain', location: 'EU' });
    // WHEN
    const before = checkCompliance(stack);
    // THEN only the plain bucket is reported, by every bucket rule it breaks
    expect(new Set(before.findings.map((f) => f.path))).toEqual(new Set(['Test/Plain']));
    expect(before.findings.map((f) => f.ruleId).sort()).toEqual(
      [
        'AVD-GCP-0066',
        'CKV_GCP_114',
        'CKV_GCP_29',
        'CKV_GCP_62',
        'CKV_GCP_78',
        'DPK_GCP_PREVENT_DESTROY',
      ].sort(),
    );
    // AND acknowledging one rule on it moves that finding to the acknowledged list
    acknowledgeRule(plain, {
      id: 'CKV_GCP_62',
      reason: 'Static website assets: access is logged at the CDN.',
    });
    const after = checkCompliance(stack);
    expect(after.findings.map((f) => f.ruleId)).not.toContain('CKV_GCP_62');
    expect(after.acknowledged).toEqual([
      expect.objectContaining({
        ruleId: 'CKV_GCP_62',
        path: 'Test/Plain',
        reason: expect.stringContaining('CDN'),
      }),
    ]);
  });

  test('every acknowledgement the blocks make names a real reason', () => {
    const stack = newGcpStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    new LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    const acks = acknowledgements(stack);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.trim().length).toBeGreaterThanOrEqual(MIN_REASON_LENGTH);
  });
});
