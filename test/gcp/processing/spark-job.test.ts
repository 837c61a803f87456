import { TerraformVariable } from 'cdktf';
import {
  BUCKET_IAM,
  byId,
  CLEAN_PY,
  dependsOf,
  KEY_IAM,
  newJob,
  newLake,
  newNetwork,
  PROJECT_IAM,
  refTo,
  resolvedBatch,
  SA_IAM,
  SERVICE,
  SERVICE_ACCOUNT,
  synthJob,
} from './spark-job-fixtures';
import { ZoneAccess } from '../../../src/core/blocks';
import { EncryptionKey, Network, PROCESSING_ROLES, Principal, SparkJob, ZONE_ROLES } from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

const AGENT = (domain: string) =>
  new RegExp(
    `^serviceAccount:service-\\$\\{data\\.google_project\\.[A-Za-z0-9_]+\\.number\\}@${domain.replace(/\./g, '\\.')}$`,
  );

describe('SparkJob defaults', () => {
  test('a dedicated service account per job, named <platform>-<job>-<hash>, without keys', () => {
    // GIVEN / WHEN
    const { job, template } = synthJob();
    // THEN
    const sa = byId(template, SERVICE_ACCOUNT, 'ServiceAccount');
    expect(sa.config).toMatchObject({
      account_id: expect.stringMatching(/^sales-clean-[0-9a-f]{8}$/),
      display_name: 'sales clean Spark job',
      description: expect.stringContaining('reads raw, writes curated'),
    });
    template.resourceCountIs('google_service_account_key', 0);
    expect(job.principal.grantKey).toBe(`serviceAccount:${job.serviceAccount.node.path}`);
  });

  test('a PySpark batch on DEFAULT_RUNTIME_VERSION (2.2) with a DEFAULT_TIMEOUT_MINUTES (240) ttl', () => {
    // GIVEN / WHEN
    const { stack, job } = synthJob();
    // THEN
    expect(SparkJob.DEFAULT_RUNTIME_VERSION).toBe('2.2');
    expect(SparkJob.DEFAULT_TIMEOUT_MINUTES).toBe(240);
    const batch = resolvedBatch(stack, job);
    expect(batch.pysparkBatch).toEqual({ mainPythonFileUri: CLEAN_PY });
    expect(batch.sparkBatch).toBeUndefined();
    expect(batch.runtimeConfig).toEqual({ version: '2.2' });
    expect(batch.environmentConfig.executionConfig.ttl).toBe('14400s');
    expect(job.timeoutMinutes).toBe(240);
  });

  test('runs as its service account, in the network subnet, encrypted with the lake key (CMEK)', () => {
    // GIVEN / WHEN
    const { stack, job, template } = synthJob();
    // THEN
    const execution = resolvedBatch(stack, job).environmentConfig.executionConfig;
    expect(execution).toEqual({
      serviceAccount: refTo(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'), 'email'),
      subnetworkUri: refTo(byId(template, 'google_compute_subnetwork', 'DataSubnet'), 'id'),
      kmsKey: refTo(template.resources('google_kms_crypto_key')[0], 'id'),
      stagingBucket: refTo(byId(template, 'google_storage_bucket', 'CuratedBucket'), 'name'),
      ttl: '14400s',
    });
    expect(job.region).toBe('europe-west1');
  });

  test('stages in the target zone bucket by default and labels batches with the platform and target zone', () => {
    const { stack, job } = synthJob();
    expect(resolvedBatch(stack, job).labels).toEqual({ 'data-platform': 'sales', 'data-zone': 'curated' });
  });

  test('batch ids start with <job>-<6 hex>, short enough for a 32-character run id and an attempt', () => {
    const { job } = synthJob();
    expect(job.batchIdPrefix).toMatch(/^clean-[0-9a-f]{6}$/);
    const longest = newJob(newGcpStack(), { jobName: 'a'.repeat(20) });
    expect(`${longest.batchIdPrefix}-${'f'.repeat(32)}-10`.length).toBeLessThanOrEqual(63);
  });

  test("grants a custom worker role (dataproc.worker's permissions without storage) on the project", () => {
    const { template } = synthJob();
    expect(SparkJob.DEFAULT_WORKER_PERMISSIONS.filter((p) => p.startsWith('storage.'))).toEqual([]);
    expect(SparkJob.DEFAULT_WORKER_PERMISSIONS).toContain('dataproc.tasks.lease');
    const role = template.hasResourceProperties('google_project_iam_custom_role', {
      permissions: [...SparkJob.DEFAULT_WORKER_PERMISSIONS],
      stage: 'GA',
    });
    const sa = byId(template, SERVICE_ACCOUNT, 'ServiceAccount');
    template.resourceCountIs(PROJECT_IAM, 1);
    template.hasResourceProperties(PROJECT_IAM, {
      role: `\${${role.address}.name}`,
      member: refTo(sa, 'member'),
      project: expect.stringMatching(/^\$\{data\.google_client_config\./),
    });
  });

  test('enables the Dataproc, Compute Engine and IAM APIs (DEFAULT_ENABLE_APIS), never disabling them', () => {
    const { template } = synthJob();
    expect(SparkJob.DEFAULT_ENABLE_APIS).toBe(true);
    for (const service of ['dataproc.googleapis.com', 'compute.googleapis.com', 'iam.googleapis.com']) {
      template.hasResourceProperties(SERVICE, { service, disable_on_destroy: false });
    }
  });

  test('makes no stateful resource of its own and warns about nothing', () => {
    const { stack, template } = synthJob();
    expect(template.resources('google_dataproc_batch')).toEqual([]);
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe('SparkJob grants: exactly its two zones', () => {
  test('read on the source zone bucket and read-write on the target zone bucket, nothing else', () => {
    // GIVEN / WHEN
    const { job, template } = synthJob();
    // THEN
    const member = refTo(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'), 'member');
    const grants = template.resources(BUCKET_IAM).filter((g) => g.config.member === member);
    expect(grants.map((g) => [g.config.bucket, g.config.role])).toEqual([
      [refTo(byId(template, 'google_storage_bucket', 'RawBucket'), 'name'), ZONE_ROLES[ZoneAccess.READ]],
      [
        refTo(byId(template, 'google_storage_bucket', 'CuratedBucket'), 'name'),
        ZONE_ROLES[ZoneAccess.READ_WRITE],
      ],
    ]);
    expect(job.sourceGrant.node.path).toMatch(/^Test\/Lake\/ReadRaw/);
    expect(job.targetGrant.node.path).toMatch(/^Test\/Lake\/ReadWriteCurated/);
    // and no key permission: the services' agents encrypt and decrypt
    expect(template.resources(KEY_IAM).filter((g) => g.config.member === member)).toEqual([]);
  });

  test('grantRun: serviceAccountUser on the job service account only, once per principal', () => {
    // GIVEN
    const stack = newGcpStack();
    const job = newJob(stack);
    const runner = Principal.serviceAccount('runner@acme-data.iam.gserviceaccount.com');
    // WHEN
    const first = job.grantRun(runner);
    const again = job.grantRun(runner);
    // THEN
    expect(again).toBe(first);
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(SA_IAM, 1);
    template.hasResourceProperties(SA_IAM, {
      service_account_id: refTo(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'), 'name'),
      role: PROCESSING_ROLES.submit,
      member: 'serviceAccount:runner@acme-data.iam.gserviceaccount.com',
    });
    expect(PROCESSING_ROLES.submit).toBe('roles/iam.serviceAccountUser');
  });
});

describe('SparkJob deployability', () => {
  test('the Dataproc agent is created (google_project_service_identity) and granted the key; Compute Engine by project number', () => {
    // GIVEN / WHEN
    const { job, template } = synthJob();
    // THEN
    const key = refTo(template.resources('google_kms_crypto_key')[0], 'id');
    const identity = template.hasResourceProperties('google_project_service_identity', {
      service: 'dataproc.googleapis.com',
    });
    template.hasResourceProperties(KEY_IAM, { crypto_key_id: key, member: refTo(identity, 'member') });
    for (const domain of ['compute-system.iam.gserviceaccount.com']) {
      template.hasResourceProperties(KEY_IAM, {
        crypto_key_id: key,
        role: PROCESSING_ROLES.agentKey,
        member: expect.stringMatching(AGENT(domain)),
      });
    }
    expect(job.serviceAgentKeyGrants).toHaveLength(3);
  });

  test("the Cloud Storage agent's key grant is the lake's own (one grant per project and key)", () => {
    const { job, stack } = synthJob();
    const lake = stack.node.findChild('Lake') as ReturnType<typeof newLake>;
    expect(job.serviceAgentKeyGrants[2]).toBe(lake.serviceAgentKeyGrant);
  });

  test('with another key, the Cloud Storage agent is granted on that key too', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'JobKey', {
      platformName: 'sales',
      purpose: 'jobs',
      location: 'europe-west1',
    });
    // WHEN
    newJob(stack, { encryptionKey: key });
    // THEN
    const template = TfTemplate.fromStack(stack);
    const cryptoKey = refTo(byId(template, 'google_kms_crypto_key', 'JobKey_CryptoKey'), 'id');
    const onKey = template.resources(KEY_IAM).filter((g) => g.config.crypto_key_id === cryptoKey);
    expect(onKey.map((g) => g.config.member)).toHaveLength(3);
    expect(onKey.map((g) => g.config.member)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/google_project_service_identity\..*\.member/),
        expect.stringMatching(AGENT('compute-system.iam.gserviceaccount.com')),
        expect.stringMatching(AGENT('gs-project-accounts.iam.gserviceaccount.com')),
      ]),
    );
  });

  test('the service account waits for the APIs; the project lookup feeds members, so it has no depends_on', () => {
    const { template } = synthJob();
    const project = template.dataSources('google_project')[0];
    expect(project.config.depends_on).toBeUndefined();
    expect(dependsOf(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'))).toHaveLength(3);
  });

  test('deployDependencies: the account, a wait after its grants and the key grants, and the APIs', () => {
    const { job } = synthJob();
    const deps = job.deployDependencies;
    expect(deps).toHaveLength(2 + job.apiServices.length);
    expect(deps[0]).toBe(job.serviceAccount);
    expect(deps[1]).toBe(job.grantWait);
    const template = TfTemplate.fromStack(job.node.scope as never);
    const wait = template.hasResourceProperties('time_sleep', { create_duration: '60s' });
    for (const g of [job.sourceGrant, job.targetGrant, job.workerGrant, ...job.serviceAgentKeyGrants]) {
      expect(wait.config.depends_on).toContain(`${g.terraformResourceType}.${g.friendlyUniqueId}`);
    }
  });

  test('passes the GCP rule pack with zero findings', () => {
    const { stack } = synthJob();
    expect(checkCompliance(stack).findings).toEqual([]);
  });
});

describe('SparkJob options', () => {
  test('mainJarFileUri runs a Spark (JVM) batch with its jars, files, archives and args', () => {
    // GIVEN / WHEN
    const stack = newGcpStack();
    const job = newJob(stack, {
      mainPythonFileUri: undefined,
      mainJarFileUri: 'gs://acme-code/clean.jar',
      jarFileUris: ['gs://acme-code/deps.jar'],
      fileUris: ['gs://acme-code/conf.json'],
      archiveUris: ['gs://acme-code/env.tar.gz'],
      args: ['--day', '2026-01-01'],
    });
    // THEN
    const batch = resolvedBatch(stack, job);
    expect(batch.pysparkBatch).toBeUndefined();
    expect(batch.sparkBatch).toEqual({
      mainJarFileUri: 'gs://acme-code/clean.jar',
      args: ['--day', '2026-01-01'],
      jarFileUris: ['gs://acme-code/deps.jar'],
      fileUris: ['gs://acme-code/conf.json'],
      archiveUris: ['gs://acme-code/env.tar.gz'],
    });
  });

  test('mainClass runs a class of the runtime image or of jarFileUris', () => {
    const stack = newGcpStack();
    const job = newJob(stack, {
      mainPythonFileUri: undefined,
      mainClass: 'org.apache.spark.examples.SparkPi',
      jarFileUris: ['file:///usr/lib/spark/examples/jars/spark-examples.jar'],
    });
    expect(resolvedBatch(stack, job).sparkBatch).toEqual({
      mainClass: 'org.apache.spark.examples.SparkPi',
      jarFileUris: ['file:///usr/lib/spark/examples/jars/spark-examples.jar'],
    });
  });

  test('pythonFileUris join the PySpark path', () => {
    const stack = newGcpStack();
    const job = newJob(stack, { pythonFileUris: ['gs://acme-code/lib.zip'] });
    expect(resolvedBatch(stack, job).pysparkBatch.pythonFileUris).toEqual(['gs://acme-code/lib.zip']);
  });

  test('runtimeVersion, properties and timeoutMinutes shape the runtime', () => {
    const stack = newGcpStack();
    const job = newJob(stack, {
      runtimeVersion: '2.3',
      properties: { 'spark.executor.instances': '4', 'spark.dynamicAllocation.enabled': 'false' },
      timeoutMinutes: SparkJob.TIMEOUT_MINUTES_RANGE.max,
    });
    const batch = resolvedBatch(stack, job);
    expect(batch.runtimeConfig).toEqual({
      version: '2.3',
      properties: { 'spark.executor.instances': '4', 'spark.dynamicAllocation.enabled': 'false' },
    });
    expect(batch.environmentConfig.executionConfig.ttl).toBe(`${14 * 24 * 3600}s`);
  });

  test('stagingBucket stages elsewhere', () => {
    const stack = newGcpStack();
    const job = newJob(stack, { stagingBucket: 'acme-dataproc-staging' });
    expect(resolvedBatch(stack, job).environmentConfig.executionConfig.stagingBucket).toBe(
      'acme-dataproc-staging',
    );
  });

  test('workerRole grants a custom role instead of roles/dataproc.worker', () => {
    const { template } = synthJob({ workerRole: 'projects/acme-data/roles/dataprocWorkerNoStorage' });
    template.hasResourceProperties(PROJECT_IAM, { role: 'projects/acme-data/roles/dataprocWorkerNoStorage' });
    expect(template.resources(PROJECT_IAM, { role: 'roles/dataproc.worker' })).toEqual([]);
  });

  test('serviceAccountId names the service account', () => {
    const { template } = synthJob({ serviceAccountId: 'sales-clean-job' });
    expect(byId(template, SERVICE_ACCOUNT, 'ServiceAccount').config.account_id).toBe('sales-clean-job');
  });

  test('sourceZone and targetZone pick other zones, granted the same way', () => {
    const { template } = synthJob({ sourceZone: 'curated', targetZone: 'serving' });
    const member = refTo(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'), 'member');
    expect(
      template
        .resources(BUCKET_IAM)
        .filter((g) => g.config.member === member)
        .map((g) => g.config.role),
    ).toEqual(['roles/storage.objectViewer', 'roles/storage.objectUser']);
    template.hasResourceProperties(BUCKET_IAM, {
      member,
      bucket: refTo(byId(template, 'google_storage_bucket', 'ServingBucket'), 'name'),
    });
  });

  test('project puts the account, its project grant and the agent lookup in that project', () => {
    const { template } = synthJob({ project: 'acme-data-prod' });
    expect(byId(template, SERVICE_ACCOUNT, 'ServiceAccount').config.project).toBe('acme-data-prod');
    template.hasResourceProperties(PROJECT_IAM, { project: 'acme-data-prod' });
    expect(template.dataSources('google_project')[0].config.project_id).toBe('acme-data-prod');
  });

  test('tags become batch labels', () => {
    const stack = newGcpStack();
    const job = newJob(stack, { tags: { team: 'sales' } });
    expect(resolvedBatch(stack, job).labels).toEqual({
      'data-platform': 'sales',
      'data-zone': 'curated',
      team: 'sales',
    });
  });

  test('enableApis false enables no API and waits for none', () => {
    const { template } = synthJob({ enableApis: false });
    template.resourceCountIs(SERVICE, 3); // the lake's Storage and Cloud KMS APIs, the network's Compute Engine API
    expect(dependsOf(byId(template, SERVICE_ACCOUNT, 'ServiceAccount'))).toEqual([]);
  });

  test('an imported network is used as is (its firewall is the user’s to check)', () => {
    const stack = newGcpStack();
    const network = Network.fromNetworkAttributes(stack, 'Shared', {
      networkId: 'projects/acme-host/global/networks/shared',
      subnetworkId: 'projects/acme-host/regions/europe-west1/subnetworks/data',
    });
    const job = newJob(stack, { network });
    expect(resolvedBatch(stack, job).environmentConfig.executionConfig.subnetworkUri).toBe(
      'projects/acme-host/regions/europe-west1/subnetworks/data',
    );
  });
});

describe('SparkJob tokens', () => {
  test('deploy-time URIs, runtime version, property values, staging bucket, role and project pass validation', () => {
    // GIVEN
    const stack = newGcpStack();
    const v = (id: string) => new TerraformVariable(stack, id, { type: 'string' }).stringValue;
    // WHEN
    const job = newJob(stack, {
      mainPythonFileUri: v('Main'),
      pythonFileUris: [v('Lib')],
      runtimeVersion: v('Version'),
      properties: { 'spark.executor.instances': v('Executors') },
      stagingBucket: v('Staging'),
      workerRole: v('Role'),
      project: v('Project'),
    });
    // THEN
    const batch = resolvedBatch(stack, job);
    expect(batch.pysparkBatch.mainPythonFileUri).toBe('${var.Main}');
    expect(batch.runtimeConfig).toEqual({
      version: '${var.Version}',
      properties: { 'spark.executor.instances': '${var.Executors}' },
    });
    expect(() => TfTemplate.fromStack(stack)).not.toThrow();
  });

  test('a network region known only at deploy time skips the key location check', () => {
    const stack = newGcpStack();
    const region = new TerraformVariable(stack, 'Region', { type: 'string' }).stringValue;
    const network = Network.fromNetworkAttributes(stack, 'Shared', {
      networkId: 'projects/acme-host/global/networks/shared',
      subnetworkId: new TerraformVariable(stack, 'Subnet', { type: 'string' }).stringValue,
      region,
    });
    expect(newJob(stack, { network }).region).toBe(region);
  });

  test('a deploy-time timeoutMinutes is rejected: it is converted to seconds at synth', () => {
    const stack = newGcpStack();
    const minutes = new TerraformVariable(stack, 'Minutes', { type: 'number' }).numberValue;
    expect(() => newJob(stack, { timeoutMinutes: minutes })).toThrow(/timeoutMinutes/);
  });
});

test('fixtures: the network allows internal ingress, as the job requires', () => {
  const stack = newGcpStack();
  expect(newNetwork(stack).allowInternalIngress).toBeDefined();
});
