import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Catalog, EncryptionKey, LakeStorage, Network, SparkJob } from '../../src/gcp';
import { TfTemplate } from '../helpers/tf-template';

// A domain consumes another domain's lake: the owner deployed it in its own project; this stack
// knows only the values the owner's outputs (or Terraform remote state) give.
const KEY_ID = 'projects/acme-sales/locations/europe-west1/keyRings/sales/cryptoKeys/lake';
const BUCKETS = { raw: 'sales-raw-1a2b3c4d', curated: 'sales-curated-1a2b3c4d' };

function stackIn(app: App, id: string, project: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  new GoogleProvider(stack, 'Google', { project, region: 'europe-west1' });
  return stack;
}

function consumer() {
  const app = new App({ stackTraces: false });
  // The owner's stack sits in the same app: nothing of it may leak into the consumer.
  new LakeStorage(stackIn(app, 'Owner', 'acme-sales'), 'Lake', {
    platformName: 'sales',
    location: 'europe-west1',
  });
  const stack = stackIn(app, 'Consumer', 'acme-marketing');
  const encryptionKey = EncryptionKey.fromCryptoKeyId(stack, 'SalesKey', KEY_ID);
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    zones: Object.entries(BUCKETS).map(([name, bucketName]) => ({ name, bucketName })),
    encryptionKey,
    project: 'acme-sales',
    location: 'europe-west1',
  });
  const network = Network.fromNetworkAttributes(stack, 'SharedVpc', {
    networkId: 'projects/acme-host/global/networks/shared',
    subnetworkId: 'projects/acme-host/regions/europe-west1/subnetworks/data',
  });
  const job = new SparkJob(stack, 'Enrich', {
    platformName: 'marketing',
    jobName: 'enrich',
    lake,
    network,
    sourceZone: 'raw',
    targetZone: 'curated',
    mainPythonFileUri: 'gs://acme-code/marketing/enrich.py',
  });
  const catalog = new Catalog(stack, 'Catalog', {
    platformName: 'marketing',
    lake,
    project: 'acme-marketing',
    dataplex: false,
  });
  return { stack, job, catalog, template: TfTemplate.fromStack(stack) };
}

describe('GCP blocks on an imported lake, key and network', () => {
  const built = consumer();
  const jobMember = expect.stringContaining('google_service_account.Enrich_ServiceAccount');
  const connectionMember = expect.stringContaining('google_bigquery_connection.Catalog_BigLakeConnection');

  test('nothing is created for the imported lake, key or network', () => {
    for (const type of [
      'google_storage_bucket',
      'google_kms_key_ring',
      'google_kms_crypto_key',
      'google_compute_network',
      'google_compute_subnetwork',
    ]) {
      built.template.resourceCountIs(type, 0);
    }
    // The owner's storage agent and its key grant are the owner's.
    expect(built.template.dataSources('google_storage_project_service_account')).toEqual([]);
  });

  test("the job's bucket grants name the imported buckets, zone by zone", () => {
    built.template.hasResourceProperties('google_storage_bucket_iam_member', {
      bucket: BUCKETS.raw,
      role: 'roles/storage.objectViewer',
      member: jobMember,
    });
    built.template.hasResourceProperties('google_storage_bucket_iam_member', {
      bucket: BUCKETS.curated,
      role: 'roles/storage.objectUser',
      member: jobMember,
    });
    expect(
      built.template.resources('google_storage_bucket_iam_member', {
        bucket: BUCKETS.raw,
        member: jobMember,
      }),
    ).toHaveLength(1);
  });

  test('the service agents are granted on the imported key, which encrypts the batch', () => {
    const keyGrants = built.template.resources('google_kms_crypto_key_iam_member');
    expect(keyGrants.length).toBeGreaterThan(0);
    for (const grant of keyGrants) expect(grant.config.crypto_key_id).toBe(KEY_ID);
    expect(built.job.encryptionKey.cryptoKeyId).toBe(KEY_ID);
  });

  test("the catalog's datasets use the imported key and its connection reads the imported buckets", () => {
    built.template.allResourcesHave('google_bigquery_dataset', {
      project: 'acme-marketing',
      location: 'europe-west1',
      default_encryption_configuration: { kms_key_name: KEY_ID },
    });
    for (const bucket of Object.values(BUCKETS)) {
      built.template.hasResourceProperties('google_storage_bucket_iam_member', {
        bucket,
        role: 'roles/storage.objectViewer',
        member: connectionMember,
      });
    }
  });
});
