import { CommonDefaults, WarehouseSize } from '../../../src/core/blocks';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { EncryptionKey, JOB_USER_ROLE, Principal, ReservationEdition, Warehouse } from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';
import {
  ASSIGNMENT,
  DATASET,
  DATASET_IAM,
  newCatalog,
  PROJECT_IAM,
  QUOTA,
  RESERVATION,
  synthOnCatalog,
  synthOwn,
} from './warehouse-fixtures';

const analysts = Principal.group('analysts@acme.com');
const engineers = Principal.group('engineers@acme.com');

describe('Warehouse defaults', () => {
  test("serves the catalog's DEFAULT_SERVED_ZONES (serving) in the catalog's location, making no dataset of its own", () => {
    // GIVEN / WHEN
    const { catalog, warehouse, template } = synthOnCatalog();
    // THEN
    expect(Warehouse.DEFAULT_SERVED_ZONES).toEqual(['serving']);
    expect(warehouse.zoneNames).toEqual(['serving']);
    expect(warehouse.location).toBe(catalog.location);
    expect(Object.keys(warehouse.datasetIds)).toEqual(['serving']);
    expect(warehouse.datasets).toEqual({});
    expect(warehouse.encryptionKey).toBeUndefined();
    template.resourceCountIs(DATASET, 3); // the catalog's
  });

  test('size is DEFAULT_SIZE (SMALL); SLOT_CAPS map the sizes to 100, 400 and 1600 slots', () => {
    // GIVEN / WHEN
    const { warehouse } = synthOnCatalog();
    // THEN
    expect(Warehouse.DEFAULT_SIZE).toBe(CommonDefaults.WAREHOUSE_SIZE);
    expect(warehouse.size).toBe(WarehouseSize.SMALL);
    expect(Warehouse.SLOT_CAPS).toEqual({ small: 100, medium: 400, large: 1600 });
  });

  test('no reservation (DEFAULT_RESERVATION) and no quota: queries stay on-demand', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOnCatalog();
    // THEN
    expect(Warehouse.DEFAULT_RESERVATION).toBe(false);
    for (const type of [RESERVATION, ASSIGNMENT, QUOTA]) template.resourceCountIs(type, 0);
    expect(warehouse.reservation).toBeUndefined();
  });

  test('the BigQuery API is enabled (DEFAULT_ENABLE_APIS), shared with the catalog', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOnCatalog();
    // THEN
    expect(Warehouse.DEFAULT_ENABLE_APIS).toBe(true);
    expect(template.resources('google_project_service', { service: 'bigquery.googleapis.com' })).toHaveLength(
      1,
    );
    expect(warehouse.apiServices.map((s) => s.serviceInput)).toEqual(['bigquery.googleapis.com']);
  });

  test('own datasets: one per zone with a kit-made key (purpose warehouse) in the matching KMS location, retained', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOwn();
    // THEN
    expect(warehouse.encryptionKey).toBeInstanceOf(EncryptionKey);
    template.hasResourceProperties('google_kms_key_ring', { location: 'europe' });
    const key = template.resources('google_kms_crypto_key')[0];
    expect(key.config.name).toMatch(/^sales-warehouse-key-[0-9a-f]{8}$/);
    template.resourceCountIs(DATASET, 1);
    const d = template.hasResourceProperties(DATASET, {
      location: 'EU',
      default_encryption_configuration: { kms_key_name: `\${${key.address}.id}` },
      delete_contents_on_destroy: false,
      lifecycle: { prevent_destroy: true },
      labels: { 'data-platform': 'sales', 'data-zone': 'serving' },
    });
    expect(d.config.dataset_id).toMatch(/^sales_serving_[0-9a-f]{8}$/);
    expect(d.config.access).toBeUndefined();
  });

  test('own datasets keep DEFAULT_TIME_TRAVEL_HOURS (168)', () => {
    // GIVEN / WHEN
    const { template } = synthOwn();
    // THEN
    expect(Warehouse.DEFAULT_TIME_TRAVEL_HOURS).toBe(168);
    template.allResourcesHave(DATASET, { max_time_travel_hours: '168' });
  });
});

describe('Warehouse deployability', () => {
  test("own datasets depend on BigQuery's service agent key grant and on the API", () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOwn();
    // THEN
    const agent = template.dataSources('google_bigquery_default_service_account')[0];
    const grant = template.hasResourceProperties('google_kms_crypto_key_iam_member', {
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: `serviceAccount:\${${agent.address}.email}`,
    });
    expect(grant.name).toBe(warehouse.serviceAgentKeyGrant!.friendlyUniqueId);
    const api = template.hasResourceProperties('google_project_service', {
      service: 'bigquery.googleapis.com',
    });
    const wait = template.hasResourceProperties('time_sleep', { depends_on: [grant.address] });
    template.allResourcesHave(DATASET, { depends_on: [wait.address, api.address] });
  });

  test('the reservation waits for the Reservation API; the assignment follows the reservation', () => {
    // GIVEN / WHEN
    const { template } = synthOnCatalog({ reservation: true });
    // THEN
    const api = template.hasResourceProperties('google_project_service', {
      service: 'bigqueryreservation.googleapis.com',
      disable_on_destroy: false,
    });
    const reservation = template.resources(RESERVATION)[0];
    expect(reservation.config.depends_on).toEqual(expect.arrayContaining([api.address]));
    template.hasResourceProperties(ASSIGNMENT, { reservation: `\${${reservation.address}.id}` });
  });
});

describe('Warehouse options', () => {
  test('reservation caps the slots: DEFAULT_EDITION (ENTERPRISE), no baseline, autoscaling to the SMALL cap, no idle slots', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOnCatalog({ reservation: true });
    // THEN
    expect(Warehouse.DEFAULT_EDITION).toBe(ReservationEdition.ENTERPRISE);
    const reservation = template.hasResourceProperties(RESERVATION, {
      location: 'europe-west1',
      edition: 'ENTERPRISE',
      slot_capacity: 0,
      autoscale: { max_slots: 100 },
      ignore_idle_slots: true,
    });
    expect(reservation.config.name).toMatch(/^sales-warehouse-[0-9a-f]{8}$/);
    const config = template.dataSources('google_client_config')[0];
    template.hasResourceProperties(ASSIGNMENT, {
      location: 'europe-west1',
      job_type: 'QUERY',
      assignee: `projects/\${${config.address}.project}`,
    });
    expect(warehouse.reservationAssignment).toBeDefined();
  });

  test.each([
    [WarehouseSize.MEDIUM, 400],
    [WarehouseSize.LARGE, 1600],
  ])('size %s caps the reservation at %i slots', (size, slots) => {
    // GIVEN / WHEN
    const { template } = synthOnCatalog({ reservation: true, size });
    // THEN
    template.hasResourceProperties(RESERVATION, { autoscale: { max_slots: slots } });
  });

  test('edition picks ENTERPRISE_PLUS', () => {
    // GIVEN / WHEN
    const { template } = synthOnCatalog({ reservation: true, edition: ReservationEdition.ENTERPRISE_PLUS });
    // THEN
    template.hasResourceProperties(RESERVATION, { edition: 'ENTERPRISE_PLUS' });
  });

  test('project goes on the reservation, its assignee and the job-user grants', () => {
    // GIVEN / WHEN
    const { stack, warehouse } = synthOnCatalog({ reservation: true, project: 'acme-bi' });
    warehouse.grantQuery(analysts);
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(RESERVATION, { project: 'acme-bi' });
    template.hasResourceProperties(ASSIGNMENT, { project: 'acme-bi', assignee: 'projects/acme-bi' });
    template.hasResourceProperties(PROJECT_IAM, { project: 'acme-bi', role: JOB_USER_ROLE });
  });

  test('dailyQueryLimitGib sets the project QueryUsagePerDay quota, in MiB, past the decrease safety check', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOnCatalog({ project: 'acme-bi', dailyQueryLimitGib: 1024 });
    // THEN
    const api = template.hasResourceProperties('google_project_service', {
      service: 'cloudquotas.googleapis.com',
    });
    template.hasResourceProperties(QUOTA, {
      parent: 'projects/acme-bi',
      service: 'bigquery.googleapis.com',
      quota_id: 'QueryUsagePerDay',
      quota_config: { preferred_value: String(1024 * 1024) },
      ignore_safety_checks: 'QUOTA_DECREASE_PERCENTAGE_TOO_HIGH',
      depends_on: expect.arrayContaining([api.address]),
    });
    expect(warehouse.dailyQueryPerUserQuota).toBeUndefined();
  });

  test('dailyQueryLimitPerUserGib sets the QueryUsagePerUserPerDay quota', () => {
    // GIVEN / WHEN
    const { warehouse, template } = synthOnCatalog({
      dailyQueryLimitGib: 2048,
      dailyQueryLimitPerUserGib: 100,
    });
    // THEN
    template.resourceCountIs(QUOTA, 2);
    template.hasResourceProperties(QUOTA, {
      quota_id: 'QueryUsagePerUserPerDay',
      quota_config: { preferred_value: String(100 * 1024) },
    });
    expect(warehouse.dailyQueryQuota).toBeDefined();
  });

  test('servedZones picks the catalog zones served', () => {
    // GIVEN / WHEN
    const { warehouse } = synthOnCatalog({ servedZones: ['curated', 'serving'] });
    // THEN
    expect(warehouse.zoneNames).toEqual(['curated', 'serving']);
  });

  test('own servedZones, datasetIds, timeTravelHours and a brought key shape the own datasets', () => {
    // GIVEN
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'Key', { location: 'europe-west1' });
    // WHEN
    new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      location: 'europe-west1',
      encryptionKey: key,
      servedZones: ['marts', 'sandbox'],
      datasetIds: { marts: 'sales_marts' },
      timeTravelHours: 72,
      tags: { team: 'bi' },
    });
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(DATASET, 2);
    template.resourceCountIs('google_kms_crypto_key', 1);
    template.hasResourceProperties(DATASET, {
      dataset_id: 'sales_marts',
      labels: { team: 'bi', 'data-zone': 'marts' },
    });
    template.allResourcesHave(DATASET, { max_time_travel_hours: '72', location: 'europe-west1' });
  });

  test('removalPolicy DESTROY with the flag releases the own datasets and acknowledges the retention rule', () => {
    // GIVEN / WHEN
    const { stack, template } = synthOwn(
      { removalPolicy: DataRemovalPolicy.DESTROY },
      { [REMOVE_DATA_ON_DESTROY_CONTEXT]: true },
    );
    // THEN
    template.allResourcesHave(DATASET, {
      lifecycle: { prevent_destroy: false },
      delete_contents_on_destroy: false,
    });
    const report = checkCompliance(stack);
    expect(report.findings).toEqual([]);
    expect(report.acknowledged.map((a) => a.path).sort()).toEqual(
      ['Test/Warehouse/Key/CryptoKey', 'Test/Warehouse/Key/KeyRing', 'Test/Warehouse/ServingDataset'].sort(),
    );
  });

  test('enableApis false enables no API', () => {
    // GIVEN / WHEN
    const { template } = synthOwn({ enableApis: false, reservation: true });
    // THEN
    template.resourceCountIs('google_project_service', 0);
  });
});

describe('Warehouse grants', () => {
  test("grantRead gives dataViewer on the catalog's dataset (through the catalog) and jobUser on the project", () => {
    // GIVEN
    const { stack, catalog, warehouse } = synthOnCatalog();
    // WHEN
    const grant = warehouse.grantRead(analysts, 'serving');
    // THEN
    expect(grant.datasetMember.node.scope).toBe(catalog);
    expect(grant.connectionMember).toBeUndefined();
    const template = TfTemplate.fromStack(stack);
    const served = template
      .resources(DATASET)
      .find((d) => (d.config.labels as Record<string, string>)['data-zone'] === 'serving')!;
    template.hasResourceProperties(DATASET_IAM, {
      dataset_id: `\${${served.address}.dataset_id}`,
      role: 'roles/bigquery.dataViewer',
      member: 'group:analysts@acme.com',
    });
    const config = template.dataSources('google_client_config')[0];
    template.hasResourceProperties(PROJECT_IAM, {
      project: `\${${config.address}.project}`,
      role: 'roles/bigquery.jobUser',
      member: 'group:analysts@acme.com',
    });
  });

  test('grantReadWrite on a catalog zone adds dataEditor and connectionUser', () => {
    // GIVEN
    const { warehouse } = synthOnCatalog({ servedZones: ['curated'] });
    // WHEN
    const grant = warehouse.grantReadWrite(engineers, 'curated');
    // THEN
    expect(grant.datasetMember.roleInput).toBe('roles/bigquery.dataEditor');
    expect(grant.connectionMember).toBeDefined();
    expect(grant.jobUserMember.roleInput).toBe(JOB_USER_ROLE);
  });

  test('grants on own datasets go through dataset IAM on the warehouse', () => {
    // GIVEN
    const { stack, warehouse } = synthOwn();
    // WHEN
    const grant = warehouse.grantRead(analysts, 'serving');
    // THEN
    expect(grant.datasetMember.node.scope).toBe(warehouse);
    TfTemplate.fromStack(stack).hasResourceProperties(DATASET_IAM, { role: 'roles/bigquery.dataViewer' });
  });

  test('one job-user grant per principal, however many zones it reads', () => {
    // GIVEN
    const stack = newGcpStack();
    const warehouse = new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      catalog: newCatalog(stack),
      servedZones: ['curated', 'serving'],
    });
    // WHEN
    const a = warehouse.grantRead(analysts, 'serving');
    const b = warehouse.grantRead(analysts, 'curated');
    // THEN
    expect(b.jobUserMember).toBe(a.jobUserMember);
    expect(warehouse.grantQuery(analysts)).toBe(a.jobUserMember);
    TfTemplate.fromStack(stack).resourceCountIs(PROJECT_IAM, 1);
  });
});
