import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { Catalog, EncryptionKey } from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newGcpStack } from '../support';
import {
  BQ_AGENT,
  BUCKET_IAM,
  CONNECTION,
  DATASET,
  dataset,
  KEY_IAM,
  newCatalog,
  newLake,
  PLEX_ASSET,
  PLEX_LAKE,
  PLEX_ZONE,
  ref,
  synthCatalog,
} from './catalog-fixtures';

const ZONES = ['raw', 'curated', 'serving'];

describe('Catalog defaults', () => {
  test('one dataset per lake zone, in the lake location, named after platform and zone', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog();
    // THEN
    template.resourceCountIs(DATASET, 3);
    expect(catalog.zoneNames).toEqual(ZONES);
    expect(catalog.location).toBe('europe-west1');
    for (const zone of ZONES) {
      const d = dataset(template, zone);
      expect(d.config.dataset_id).toMatch(new RegExp(`^sales_${zone}_[0-9a-f]{8}$`));
      expect(d.config.location).toBe('europe-west1');
      expect(d.config.labels).toEqual({ 'data-platform': 'sales', 'data-zone': zone });
    }
  });

  test("every dataset encrypts new tables with the lake's key (CMEK)", () => {
    // GIVEN / WHEN
    const { catalog, lake, template } = synthCatalog();
    // THEN
    expect(catalog.encryptionKey).toBe(lake.encryptionKey);
    const key = template.resources('google_kms_crypto_key')[0];
    template.allResourcesHave(DATASET, {
      default_encryption_configuration: { kms_key_name: ref(key, 'id') },
    });
  });

  test('no dataset writes access entries, none deletes its tables on destroy, all are retained', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog();
    // THEN
    template.allResourcesHave(DATASET, {
      delete_contents_on_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    for (const d of template.resources(DATASET)) expect(d.config.access).toBeUndefined();
  });

  test('time travel keeps DEFAULT_TIME_TRAVEL_HOURS (168)', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog();
    // THEN
    expect(Catalog.DEFAULT_TIME_TRAVEL_HOURS).toBe(168);
    template.allResourcesHave(DATASET, { max_time_travel_hours: '168' });
  });

  test('a BigLake connection (DEFAULT_BIG_LAKE) whose service account may read every zone bucket', () => {
    // GIVEN / WHEN
    const { catalog, lake, template } = synthCatalog();
    // THEN
    expect(Catalog.DEFAULT_BIG_LAKE).toBe(true);
    const connection = template.hasResourceProperties(CONNECTION, {
      location: 'europe-west1',
      cloud_resource: {},
    });
    expect(connection.config.connection_id).toMatch(/^sales_biglake_[0-9a-f]{8}$/);
    const member = `serviceAccount:\${${connection.address}.cloud_resource[0].service_account_id}`;
    const bucketGrants = template.resources(BUCKET_IAM, { member });
    expect(bucketGrants.map((g) => g.config.role)).toEqual(ZONES.map(() => 'roles/storage.objectViewer'));
    expect(bucketGrants.map((g) => g.config.bucket).sort()).toEqual(
      ZONES.map((z) => `\${google_storage_bucket.${lake.bucketFor(z).friendlyUniqueId}.name}`).sort(),
    );
    expect(Object.keys(catalog.connectionLakeGrants)).toEqual(ZONES);
  });

  test('a Dataplex lake (DEFAULT_DATAPLEX) in the lake region, with a zone per lake zone: RAW for DEFAULT_RAW_ZONES, CURATED otherwise', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog();
    // THEN
    expect(Catalog.DEFAULT_DATAPLEX).toBe(true);
    expect(Catalog.DEFAULT_RAW_ZONES).toEqual(['raw']);
    const plex = template.hasResourceProperties(PLEX_LAKE, {
      location: 'europe-west1',
      labels: { 'data-platform': 'sales' },
    });
    expect(plex.config.name).toMatch(/^sales-lake-[0-9a-f]{8}$/);
    const types = Object.fromEntries(
      template
        .resources(PLEX_ZONE)
        .map((z) => [(z.config.labels as Record<string, string>)['data-zone'], z.config.type]),
    );
    expect(types).toEqual({ raw: 'RAW', curated: 'CURATED', serving: 'CURATED' });
    for (const zone of template.resources(PLEX_ZONE)) {
      const name = zone.config.name as string;
      expect(name).toMatch(/^sales-[a-z]+-zone-[0-9a-f]{8}$/);
      // Discovery publishes to a dataset named like the zone: never one of the catalog's datasets.
      expect(template.resources(DATASET).map((d) => d.config.dataset_id)).not.toContain(
        name.replace(/-/g, '_'),
      );
    }
    template.allResourcesHave(PLEX_ZONE, {
      lake: ref(plex, 'name'),
      location: 'europe-west1',
      resource_spec: { location_type: 'SINGLE_REGION' },
    });
  });

  test('Dataplex discovery is off (DEFAULT_DISCOVERY) on zones and assets', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog();
    // THEN
    expect(Catalog.DEFAULT_DISCOVERY).toBe(false);
    template.allResourcesHave(PLEX_ZONE, { discovery_spec: { enabled: false } });
    template.allResourcesHave(PLEX_ASSET, { discovery_spec: { enabled: false } });
  });

  test("one Dataplex asset per zone bucket, read with DIRECT access in the provider's project", () => {
    // GIVEN / WHEN
    const { lake, template } = synthCatalog();
    // THEN
    template.resourceCountIs(PLEX_ASSET, 3);
    const config = template.dataSources('google_client_config')[0];
    for (const zone of ZONES) {
      const z = template
        .resources(PLEX_ZONE)
        .find((r) => (r.config.labels as Record<string, string>)['data-zone'] === zone)!;
      template.hasResourceProperties(PLEX_ASSET, {
        dataplex_zone: ref(z, 'name'),
        resource_spec: {
          type: 'STORAGE_BUCKET',
          read_access_mode: 'DIRECT',
          name: `projects/${ref(config, 'project')}/buckets/\${google_storage_bucket.${lake.bucketFor(zone).friendlyUniqueId}.name}`,
        },
      });
    }
  });

  test('the BigQuery, BigQuery Connection and Dataplex APIs are enabled (DEFAULT_ENABLE_APIS) and waited for', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog();
    // THEN
    expect(Catalog.DEFAULT_ENABLE_APIS).toBe(true);
    const api = (service: string) =>
      template.hasResourceProperties('google_project_service', { service, disable_on_destroy: false })
        .address;
    template.allResourcesHave(DATASET, {
      depends_on: expect.arrayContaining([api('bigquery.googleapis.com')]),
    });
    template.allResourcesHave(CONNECTION, { depends_on: [api('bigqueryconnection.googleapis.com')] });
    for (const type of [PLEX_LAKE, PLEX_ZONE, PLEX_ASSET]) {
      template.allResourcesHave(type, { depends_on: [api('dataplex.googleapis.com')] });
    }
    // The agent lookup feeds a member: no depends_on, so it never turns unknown at plan.
    expect(template.dataSources(BQ_AGENT)[0].config.depends_on).toBeUndefined();
    expect(catalog.apiServices).toHaveLength(3);
  });

  test('exposes every native resource', () => {
    // GIVEN / WHEN
    const { catalog } = synthCatalog();
    // THEN
    expect(Object.keys(catalog.datasets)).toEqual(ZONES);
    expect(Object.keys(catalog.dataplexZones)).toEqual(ZONES);
    expect(Object.keys(catalog.dataplexAssets)).toEqual(ZONES);
    expect(catalog.connection).toBeDefined();
    expect(catalog.dataplexLake).toBeDefined();
    expect(catalog.bigQueryServiceAgent).toBeDefined();
    expect(catalog.project).toBeUndefined();
  });
});

describe('Catalog deployability', () => {
  test("grants BigQuery's encryption service agent encrypt/decrypt on the key, and every dataset depends on that grant", () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog();
    // THEN
    const agent = template.dataSources(BQ_AGENT)[0];
    const key = template.resources('google_kms_crypto_key')[0];
    const grant = template.hasResourceProperties(KEY_IAM, {
      crypto_key_id: ref(key, 'id'),
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: `serviceAccount:${ref(agent, 'email')}`,
    });
    expect(grant.name).toBe(catalog.serviceAgentKeyGrant.friendlyUniqueId);
    const wait = template.hasResourceProperties('time_sleep', { depends_on: [grant.address] });
    template.allResourcesHave(DATASET, { depends_on: expect.arrayContaining([wait.address]) });
  });

  test('the key carries both service agents: Cloud Storage for the buckets, BigQuery for the datasets', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog();
    // THEN
    template.resourceCountIs(KEY_IAM, 2);
  });

  test('two catalogs on one key grant the BigQuery service agent once', () => {
    // GIVEN
    const stack = newGcpStack();
    const lake = newLake(stack);
    // WHEN
    const a = newCatalog(stack, lake);
    const b = new Catalog(stack, 'Finance', {
      platformName: 'finance',
      lake,
      bigLake: false,
      dataplex: false,
    });
    // THEN
    expect(b.serviceAgentKeyGrant).toBe(a.serviceAgentKeyGrant);
    TfTemplate.fromStack(stack).resourceCountIs(KEY_IAM, 2);
  });
});

describe('Catalog options', () => {
  test("project defaults to the lake's and goes on datasets, connection, Dataplex and asset names", () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog({}, { project: 'acme-data-prod' });
    // THEN
    expect(catalog.project).toBe('acme-data-prod');
    for (const type of [DATASET, CONNECTION, PLEX_LAKE, PLEX_ZONE, PLEX_ASSET]) {
      template.allResourcesHave(type, { project: 'acme-data-prod' });
    }
    for (const asset of template.resources(PLEX_ASSET)) {
      expect((asset.config.resource_spec as Record<string, string>).name).toMatch(
        /^projects\/acme-data-prod\/buckets\//,
      );
    }
    template.resourceCountIs('google_client_config', 0);
  });

  test('project overrides the lake project', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ project: 'acme-catalog' }, { project: 'acme-data-prod' });
    // THEN
    template.allResourcesHave(DATASET, { project: 'acme-catalog' });
  });

  test('location and a key in its Cloud KMS location move the datasets and the connection', () => {
    // GIVEN
    const stack = newGcpStack();
    const lake = newLake(stack, { location: 'EU' });
    const key = new EncryptionKey(stack, 'EuKey', { location: 'EU' });
    // WHEN
    newCatalog(stack, lake, {
      location: 'europe-west1',
      encryptionKey: new EncryptionKey(stack, 'Ew1Key', { location: 'europe-west1' }),
      dataplexRegion: 'europe-west1',
    });
    new Catalog(stack, 'Eu', {
      platformName: 'eu',
      lake,
      encryptionKey: key,
      dataplex: false,
      bigLake: false,
    });
    // THEN
    const template = TfTemplate.fromStack(stack);
    expect(
      template
        .resources(DATASET)
        .map((d) => d.config.location)
        .sort(),
    ).toEqual(['EU', 'EU', 'EU', 'europe-west1', 'europe-west1', 'europe-west1']);
    template.hasResourceProperties(CONNECTION, { location: 'europe-west1' });
  });

  test('zones picks the lake zones that get a dataset', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog({ zones: ['curated', 'serving'] });
    // THEN
    expect(catalog.zoneNames).toEqual(['curated', 'serving']);
    template.resourceCountIs(DATASET, 2);
    template.resourceCountIs(PLEX_ZONE, 2);
    template.resourceCountIs(BUCKET_IAM, 2); // the two connection grants
  });

  test('datasetIds names datasets per zone', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ datasetIds: { serving: 'sales_serving' } });
    // THEN
    expect(dataset(template, 'serving').config.dataset_id).toBe('sales_serving');
    expect(dataset(template, 'raw').config.dataset_id).toMatch(/^sales_raw_[0-9a-f]{8}$/);
  });

  test('a platform name with hyphens becomes underscores in dataset and connection ids', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ platformName: 'sales-eu' });
    // THEN
    expect(dataset(template, 'raw').config.dataset_id).toMatch(/^sales_eu_raw_[0-9a-f]{8}$/);
    expect(template.resources(CONNECTION)[0].config.connection_id).toMatch(/^sales_eu_biglake_[0-9a-f]{8}$/);
  });

  test('timeTravelHours shortens the recovery window', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ timeTravelHours: 48 });
    // THEN
    template.allResourcesHave(DATASET, { max_time_travel_hours: '48' });
  });

  test('bigLake false makes no connection and no bucket grants', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog({ bigLake: false });
    // THEN
    template.resourceCountIs(CONNECTION, 0);
    template.resourceCountIs(BUCKET_IAM, 0);
    expect(catalog.connection).toBeUndefined();
    expect(catalog.connectionLakeGrants).toEqual({});
    expect(template.resources('google_project_service').map((s) => s.config.service)).not.toContain(
      'bigqueryconnection.googleapis.com',
    );
  });

  test('connectionId names the connection', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ connectionId: 'sales_lake' });
    // THEN
    template.hasResourceProperties(CONNECTION, { connection_id: 'sales_lake' });
  });

  test('dataplex false makes no Dataplex resources', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog({ dataplex: false });
    // THEN
    for (const type of [PLEX_LAKE, PLEX_ZONE, PLEX_ASSET]) template.resourceCountIs(type, 0);
    expect(catalog.dataplexLake).toBeUndefined();
    expect(catalog.dataplexZones).toEqual({});
  });

  test('dataplexRegion places the lake of a multi-region lake; its zones take MULTI_REGION resources', () => {
    // GIVEN / WHEN
    const stack = newGcpStack();
    const lake = newLake(stack, { location: 'EU' });
    newCatalog(stack, lake, { dataplexRegion: 'europe-west4' });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(PLEX_LAKE, { location: 'europe-west4' });
    template.allResourcesHave(PLEX_ZONE, {
      location: 'europe-west4',
      resource_spec: { location_type: 'MULTI_REGION' },
    });
    template.allResourcesHave(DATASET, { location: 'EU' });
  });

  test('rawZones picks the zones whose Dataplex zone is RAW', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ rawZones: ['raw', 'curated'] });
    // THEN
    expect(
      template
        .resources(PLEX_ZONE)
        .map((z) => z.config.type)
        .sort(),
    ).toEqual(['CURATED', 'RAW', 'RAW']);
  });

  test('discovery turns Dataplex discovery on for zones and assets', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ discovery: true });
    // THEN
    template.allResourcesHave(PLEX_ZONE, { discovery_spec: { enabled: true } });
    template.allResourcesHave(PLEX_ASSET, { discovery_spec: { enabled: true } });
  });

  test('tags label the datasets and the Dataplex resources', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ tags: { team: 'sales' } });
    // THEN
    for (const type of [DATASET, PLEX_LAKE, PLEX_ZONE, PLEX_ASSET]) {
      template.allResourcesHave(type, { labels: { team: 'sales', 'data-platform': 'sales' } });
    }
  });

  test('enableApis false enables no API', () => {
    // GIVEN / WHEN
    const { template } = synthCatalog({ enableApis: false }, { enableApis: false });
    // THEN
    template.resourceCountIs('google_project_service', 0);
    template.allResourcesHave(DATASET, { depends_on: [expect.stringContaining('time_sleep')] });
  });
});

describe('Catalog removal', () => {
  test('DESTROY without the flag retains the datasets and warns', () => {
    // GIVEN / WHEN
    const { catalog, template } = synthCatalog({ removalPolicy: DataRemovalPolicy.DESTROY });
    // THEN
    template.allResourcesHave(DATASET, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(catalog).some((w) => w.includes(REMOVAL_DOWNGRADED_WARNING))).toBe(true);
  });

  test('DESTROY with the flag lets the datasets go, still without deleting their tables, and acknowledges the retention rule', () => {
    // GIVEN / WHEN
    const { stack, template } = synthCatalog(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      {},
      { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true },
    );
    // THEN
    template.allResourcesHave(DATASET, {
      lifecycle: { prevent_destroy: false },
      delete_contents_on_destroy: false,
    });
    const report = checkCompliance(stack);
    expect(report.findings).toEqual([]);
    expect(
      report.acknowledged.filter((a) => a.path?.startsWith('Test/Catalog/')).map((a) => a.ruleId),
    ).toEqual(['DPK_GCP_PREVENT_DESTROY', 'DPK_GCP_PREVENT_DESTROY', 'DPK_GCP_PREVENT_DESTROY']);
  });
});
