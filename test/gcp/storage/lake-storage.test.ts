import { ZoneDefaults } from '../../../src/core/zones';
import { EncryptionKey, LakeStorage } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';
import { AGENT, BUCKET, BUCKET_IAM, bucket, DAY, KEY_IAM, newLake, synthLake } from './lake-fixtures';
import { ErrorCode } from '../../../src/core/errors';

describe('LakeStorage defaults', () => {
  test('one bucket per default zone, no log bucket (DEFAULT_USAGE_LOGS false)', () => {
    // GIVEN / WHEN
    const { lake, template } = synthLake({ project: 'acme-data-dev' });
    // THEN
    expect(LakeStorage.DEFAULT_USAGE_LOGS).toBe(false);
    template.resourceCountIs(BUCKET, 3);
    expect(lake.logBucket).toBeUndefined();
    expect(lake.zoneNames).toEqual(['raw', 'curated', 'serving']);
    for (const zone of ['raw', 'curated', 'serving']) {
      expect(bucket(template, zone).config.name).toMatch(new RegExp(`^sales-${zone}-[0-9a-f]{8}$`));
      expect(bucket(template, zone).config.logging).toBeUndefined();
    }
  });

  test("without a project, bucket names hash the provider's project at plan time", () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    const config = template.dataSources('google_client_config')[0];
    expect(bucket(template, 'raw').config.name).toBe(
      `sales-raw-\${substr(sha256(join("|", ["Test/Lake", ${config.address}.project])), 0, 8)}`,
    );
  });

  test('data-access audit logs for Cloud Storage are on (DEFAULT_DATA_ACCESS_LOGS), once per project', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN
    newLake(stack, 'Sales', { project: 'acme-data-dev' });
    newLake(stack, 'Finance', { platformName: 'finance', project: 'acme-data-dev' });
    // THEN
    expect(LakeStorage.DEFAULT_DATA_ACCESS_LOGS).toBe(true);
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('google_project_iam_audit_config', 1);
    template.hasResourceProperties('google_project_iam_audit_config', {
      project: 'acme-data-dev',
      service: 'storage.googleapis.com',
      audit_log_config: [{ log_type: 'DATA_READ' }, { log_type: 'DATA_WRITE' }],
    });
  });

  test('dataAccessLogs: false leaves the project audit config alone', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ dataAccessLogs: false });
    // THEN
    template.resourceCountIs('google_project_iam_audit_config', 0);
  });

  test('usageLogs: true adds the log bucket, named per project', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ usageLogs: true, project: 'acme-data-dev' });
    // THEN
    template.resourceCountIs(BUCKET, 4);
    expect(bucket(template, 'logs').config.name).toMatch(/^sales-logs-[0-9a-f]{8}$/);
  });

  test('logBucketName without usageLogs is rejected', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN / THEN
    expectValidationError(
      () => newLake(stack, 'Lake', { logBucketName: 'acme-logs' }),
      ErrorCode.CONFLICTING_PROPS,
      'logBucketName',
    );
  });

  test('every bucket is hardened: uniform access, no public access, versioned, STANDARD, never force-destroyed', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    template.allResourcesHave(BUCKET, {
      location: 'europe-west1',
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      versioning: { enabled: true },
      storage_class: 'STANDARD',
      force_destroy: false,
    });
  });

  test('every bucket is encrypted with the kit-made key in the same region', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    const key = template.resources('google_kms_crypto_key')[0];
    template.allResourcesHave(BUCKET, { encryption: { default_kms_key_name: `\${${key.address}.id}` } });
    template.hasResourceProperties('google_kms_key_ring', { location: 'europe-west1' });
    expect(key.config.name).toMatch(/^sales-lake-key-[0-9a-f]{8}$/);
  });

  test('soft delete keeps objects DEFAULT_SOFT_DELETE_RETENTION_DAYS (7)', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    expect(LakeStorage.DEFAULT_SOFT_DELETE_RETENTION_DAYS).toBe(7);
    template.allResourcesHave(BUCKET, { soft_delete_policy: { retention_duration_seconds: 7 * DAY } });
  });

  test('zones cool to NEARLINE per the zone defaults (raw 30, curated 90, serving never)', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    const cool = (days: number) => ({
      action: { type: 'SetStorageClass', storage_class: 'NEARLINE' },
      condition: { age: days, matches_storage_class: ['STANDARD'] },
    });
    const expire = {
      action: { type: 'Delete' },
      condition: {
        days_since_noncurrent_time: ZoneDefaults.NONCURRENT_VERSION_EXPIRATION_DAYS,
        with_state: 'ARCHIVED',
      },
    };
    expect(bucket(template, 'raw').config.lifecycle_rule).toEqual([cool(30), expire]);
    expect(bucket(template, 'curated').config.lifecycle_rule).toEqual([cool(90), expire]);
    expect(bucket(template, 'serving').config.lifecycle_rule).toEqual([expire]);
  });

  test('with usageLogs, zone buckets log to the log bucket under the zone prefix', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ usageLogs: true });
    // THEN
    const logs = bucket(template, 'logs');
    for (const zone of ['raw', 'curated', 'serving']) {
      expect(bucket(template, zone).config.logging).toEqual({
        log_bucket: `\${${logs.address}.name}`,
        log_object_prefix: zone,
      });
    }
    expect(logs.config.logging).toBeUndefined();
  });

  test('log objects expire after DEFAULT_ACCESS_LOG_RETENTION_DAYS (365)', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ usageLogs: true });
    // THEN
    expect(LakeStorage.DEFAULT_ACCESS_LOG_RETENTION_DAYS).toBe(365);
    expect(bucket(template, 'logs').config.lifecycle_rule).toEqual([
      { action: { type: 'Delete' }, condition: { age: 365 } },
      {
        action: { type: 'Delete' },
        condition: {
          days_since_noncurrent_time: LakeStorage.LOG_NONCURRENT_VERSION_EXPIRATION_DAYS,
          with_state: 'ARCHIVED',
        },
      },
    ]);
  });

  test('buckets carry the kit labels', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ usageLogs: true });
    // THEN
    expect(bucket(template, 'raw').config.labels).toEqual({ 'data-platform': 'sales', 'data-zone': 'raw' });
    expect(bucket(template, 'logs').config.labels).toEqual({ 'data-platform': 'sales' });
  });

  test('the Storage API is enabled (DEFAULT_ENABLE_APIS) and every bucket waits for it', () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    expect(LakeStorage.DEFAULT_ENABLE_APIS).toBe(true);
    const api = template.hasResourceProperties('google_project_service', {
      service: 'storage.googleapis.com',
      disable_on_destroy: false,
    });
    template.hasResourceProperties('google_project_service', { service: 'cloudkms.googleapis.com' });
    template.allResourcesHave(BUCKET, { depends_on: expect.arrayContaining([api.address]) });
    // The agent lookup feeds a member: no depends_on, so it never turns unknown at plan.
    expect(template.dataSources(AGENT)[0].config.depends_on).toBeUndefined();
  });

  test('exposes every native resource', () => {
    // GIVEN / WHEN
    const { lake } = synthLake();
    // THEN
    expect(Object.keys(lake.buckets)).toEqual(['raw', 'curated', 'serving']);
    expect(lake.bucketFor('raw')).toBe(lake.buckets.raw);
    expect(lake.encryptionKey).toBeInstanceOf(EncryptionKey);
    expect(lake.apiServices).toHaveLength(1);
    expect(lake.zones.map((z) => z.coolAfterDays)).toEqual([30, 90, undefined]);
  });
});

describe('LakeStorage deployability', () => {
  test("grants the project's Cloud Storage service agent encrypt/decrypt on the key", () => {
    // GIVEN / WHEN
    const { template } = synthLake();
    // THEN
    const agent = template.dataSources(AGENT)[0];
    const key = template.resources('google_kms_crypto_key')[0];
    template.hasResourceProperties(KEY_IAM, {
      crypto_key_id: `\${${key.address}.id}`,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: `serviceAccount:\${${agent.address}.email_address}`,
    });
  });

  test('every bucket waits for the service-agent key grant to propagate (time_sleep)', () => {
    // GIVEN / WHEN
    const { lake, template } = synthLake();
    // THEN
    const grant = template.resources(KEY_IAM)[0];
    expect(grant.name).toBe(lake.serviceAgentKeyGrant.friendlyUniqueId);
    const wait = template.hasResourceProperties('time_sleep', {
      create_duration: `${LakeStorage.KEY_GRANT_PROPAGATION_SECONDS}s`,
      depends_on: [grant.address],
    });
    template.allResourcesHave(BUCKET, { depends_on: expect.arrayContaining([wait.address]) });
  });

  test('with usageLogs, the storage analytics group may write logs, and zone buckets wait for that grant', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ usageLogs: true });
    // THEN
    const logs = bucket(template, 'logs');
    const writer = template.hasResourceProperties(BUCKET_IAM, {
      bucket: `\${${logs.address}.name}`,
      role: 'roles/storage.objectCreator',
      member: 'group:cloud-storage-analytics@google.com',
    });
    for (const zone of ['raw', 'curated', 'serving']) {
      expect(bucket(template, zone).config.depends_on).toEqual(expect.arrayContaining([writer.address]));
    }
  });

  test('two lakes in one stack share one google_project_service per API', () => {
    // GIVEN
    const stack = newGcpStack();
    // WHEN
    newLake(stack, 'Sales');
    newLake(stack, 'Finance', { platformName: 'finance' });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('google_project_service', 2);
    template.resourceCountIs(BUCKET, 6);
  });

  test('two lakes sharing a key grant the service agent once', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'Key', { location: 'europe-west1' });
    // WHEN
    const a = newLake(stack, 'Sales', { encryptionKey: key });
    const b = newLake(stack, 'Finance', { platformName: 'finance', encryptionKey: key });
    // THEN
    expect(b.serviceAgentKeyGrant).toBe(a.serviceAgentKeyGrant);
    TfTemplate.fromStack(stack).resourceCountIs(KEY_IAM, 1);
  });
});

describe('LakeStorage options', () => {
  test('project applies to buckets, the key, the service agent lookup and the APIs', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ project: 'acme-data-prod' });
    // THEN
    template.allResourcesHave(BUCKET, { project: 'acme-data-prod' });
    template.hasResourceProperties('google_kms_key_ring', { project: 'acme-data-prod' });
    template.allResourcesHave('google_project_service', { project: 'acme-data-prod' });
    expect(template.dataSources(AGENT)[0].config.project).toBe('acme-data-prod');
  });

  test.each([
    ['EU', 'europe'],
    ['US', 'us'],
    ['ASIA', 'asia'],
  ])('multi-region %s puts the key in %s', (location, kmsLocation) => {
    // GIVEN / WHEN
    const { template } = synthLake({ location });
    // THEN
    template.allResourcesHave(BUCKET, { location });
    template.hasResourceProperties('google_kms_key_ring', { location: kmsLocation });
  });

  test('uses a key brought by the user and grants the service agent on it', () => {
    // GIVEN
    const stack = newGcpStack();
    const id = 'projects/acme-sec/locations/europe-west1/keyRings/shared/cryptoKeys/lake';
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SharedKey', {
      cryptoKeyId: id,
      location: 'europe-west1',
    });
    // WHEN
    newLake(stack, 'Lake', { encryptionKey: key });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('google_kms_key_ring', 0);
    template.allResourcesHave(BUCKET, { encryption: { default_kms_key_name: id } });
    template.hasResourceProperties(KEY_IAM, {
      crypto_key_id: id,
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
    });
    template.hasResourceProperties('google_project_service', { service: 'storage.googleapis.com' });
    template.resourceCountIs('google_project_service', 1);
  });

  test.each([
    ['a key in another region', 'europe-west1', 'europe-west4'],
    ['a regional key for a multi-region', 'EU', 'europe-west1'],
    ['a multi-region key for a region', 'europe-west1', 'europe'],
    ['the wrong multi-region', 'US', 'europe'],
  ])('rejects %s', (_name, location, keyLocation) => {
    // GIVEN
    const stack = newGcpStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SharedKey', {
      cryptoKeyId: `projects/acme-sec/locations/${keyLocation}/keyRings/shared/cryptoKeys/lake`,
      location: keyLocation,
    });
    // WHEN / THEN
    expectValidationError(
      () => newLake(stack, 'Lake', { location, encryptionKey: key }),
      ErrorCode.INVALID_LOCATION,
      'encryptionKey',
    );
  });

  test('softDeleteRetentionDays sets the soft delete window', () => {
    synthLake({ softDeleteRetentionDays: 90 }).template.allResourcesHave(BUCKET, {
      soft_delete_policy: { retention_duration_seconds: 90 * DAY },
    });
  });

  test('accessLogRetentionDays sets when log objects expire', () => {
    const { template } = synthLake({ accessLogRetentionDays: 30, usageLogs: true });
    expect(bucket(template, 'logs').config.lifecycle_rule).toEqual(
      expect.arrayContaining([{ action: { type: 'Delete' }, condition: { age: 30 } }]),
    );
  });

  test('zone options set the physical name and lifecycle', () => {
    // GIVEN / WHEN
    const { template } = synthLake({
      zones: [
        { name: 'raw', storageName: 'acme-sales-raw', coolAfterDays: 0, noncurrentVersionExpirationDays: 14 },
      ],
    });
    // THEN
    template.resourceCountIs(BUCKET, 1);
    expect(bucket(template, 'raw').config).toEqual(
      expect.objectContaining({
        name: 'acme-sales-raw',
        lifecycle_rule: [
          {
            action: { type: 'Delete' },
            condition: { days_since_noncurrent_time: 14, with_state: 'ARCHIVED' },
          },
        ],
      }),
    );
  });

  test('custom zone names get PascalCase construct ids', () => {
    // GIVEN / WHEN
    const { lake, template } = synthLake({
      zones: ['landing', 'hot-data', 'a-1', 'a1'],
      project: 'acme-data-dev',
    });
    // THEN
    expect(Object.values(lake.buckets).map((b) => b.node.id)).toEqual([
      'LandingBucket',
      'HotDataBucket',
      'A_1Bucket',
      'A1Bucket',
    ]);
    expect(bucket(template, 'hot-data').config.name).toMatch(/^sales-hot-data-[0-9a-f]{8}$/);
  });

  test('logBucketName names the log bucket', () => {
    synthLake({ logBucketName: 'acme-sales-logs', usageLogs: true }).template.hasResourceProperties(BUCKET, {
      name: 'acme-sales-logs',
    });
  });

  test('user labels are merged after the kit labels on buckets and the key', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ tags: { team: 'data-eng' } });
    // THEN
    expect(bucket(template, 'raw').config.labels).toEqual({
      'data-platform': 'sales',
      'data-zone': 'raw',
      team: 'data-eng',
    });
    template.hasResourceProperties('google_kms_crypto_key', { labels: { team: 'data-eng' } });
  });

  test('enableApis: false enables no API and adds no API dependency', () => {
    // GIVEN / WHEN
    const { template } = synthLake({ enableApis: false });
    // THEN
    template.resourceCountIs('google_project_service', 0);
    expect(template.dataSources(AGENT)[0].config.depends_on).toBeUndefined();
    const wait = template.resources('time_sleep')[0];
    expect(bucket(template, 'raw').config.depends_on).toEqual([wait.address]);
  });
});

describe('LakeStorage bucket names', () => {
  const namesIn = (project: string) =>
    synthLake({ project })
      .template.resources(BUCKET)
      .map((b) => b.config.name as string);

  test('the same app in two projects derives different (globally unique) bucket names', () => {
    const first = namesIn('acme-data-dev');
    expect(first).toEqual(namesIn('acme-data-dev'));
    expect(first.filter((name) => namesIn('acme-data-prod').includes(name))).toEqual([]);
  });
});
