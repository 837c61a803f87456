import { ZoneAccess } from '../../../src/core/blocks';
import {
  Catalog,
  CATALOG_ROLES,
  CONNECTION_TABLE_CREATOR_PERMISSIONS,
  Principal,
  WRITE_INCLUDES_READ_WARNING,
} from '../../../src/gcp';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newGcpStack } from '../support';
import {
  CONNECTION,
  CONNECTION_IAM,
  DATASET_IAM,
  dataset,
  newCatalog,
  newLake,
  ref,
} from './catalog-fixtures';

const analysts = Principal.group('analysts@acme.com');
const engineers = Principal.group('engineers@acme.com');

function catalogStack(props: Parameters<typeof newCatalog>[2] = {}) {
  const stack = newGcpStack();
  const catalog = newCatalog(stack, newLake(stack), props);
  return { stack, catalog };
}

describe('CATALOG_ROLES', () => {
  test('maps each intent to a predefined BigQuery data role; WRITE is dataEditor (BigQuery has no write-only role)', () => {
    expect(CATALOG_ROLES).toEqual({
      [ZoneAccess.READ]: 'roles/bigquery.dataViewer',
      [ZoneAccess.WRITE]: 'roles/bigquery.dataEditor',
      [ZoneAccess.READ_WRITE]: 'roles/bigquery.dataEditor',
    });
    // roles/bigquery.connectionUser lacks delegate, which creating a BigLake table needs.
    expect([...CONNECTION_TABLE_CREATOR_PERMISSIONS].sort()).toEqual([
      'bigquery.connections.delegate',
      'bigquery.connections.get',
      'bigquery.connections.use',
    ]);
  });
});

describe('Catalog grants', () => {
  test("grantRead gives dataViewer on the zone's dataset only, through dataset IAM, and nothing on the connection", () => {
    // GIVEN
    const { stack, catalog } = catalogStack();
    // WHEN
    const grant = catalog.grantRead(analysts, 'serving');
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(DATASET_IAM, 1);
    const member = template.hasResourceProperties(DATASET_IAM, {
      dataset_id: ref(dataset(template, 'serving'), 'dataset_id'),
      role: 'roles/bigquery.dataViewer',
      member: 'group:analysts@acme.com',
    });
    expect(member.name).toBe(grant.datasetMember.friendlyUniqueId);
    expect(grant.connectionMember).toBeUndefined();
    template.resourceCountIs(CONNECTION_IAM, 0);
  });

  test('grantReadWrite gives dataEditor on the dataset and the BigLake table-creator role (with delegate) on the connection', () => {
    // GIVEN
    const { stack, catalog } = catalogStack();
    // WHEN
    const grant = catalog.grantReadWrite(engineers, 'curated');
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(DATASET_IAM, {
      dataset_id: ref(dataset(template, 'curated'), 'dataset_id'),
      role: 'roles/bigquery.dataEditor',
      member: 'group:engineers@acme.com',
    });
    const connection = template.resources(CONNECTION)[0];
    const member = template.hasResourceProperties(CONNECTION_IAM, {
      connection_id: ref(connection, 'connection_id'),
      location: 'europe-west1',
      role: expect.stringMatching(/^\$\{google_project_iam_custom_role\..*\.name\}$/),
      member: 'group:engineers@acme.com',
    });
    template.hasResourceProperties('google_project_iam_custom_role', {
      permissions: [...CONNECTION_TABLE_CREATOR_PERMISSIONS],
    });
    expect(member.name).toBe(grant.connectionMember!.friendlyUniqueId);
  });

  test('grantWrite gives dataEditor and warns that it also reads', () => {
    // GIVEN
    const { stack, catalog } = catalogStack();
    // WHEN
    const grant = catalog.grantWrite(engineers, 'raw');
    // THEN
    TfTemplate.fromStack(stack).hasResourceProperties(DATASET_IAM, { role: 'roles/bigquery.dataEditor' });
    expect(grant.connectionMember).toBeDefined();
    expect(warningsOf(catalog).filter((w) => w.includes(WRITE_INCLUDES_READ_WARNING))).toHaveLength(1);
  });

  test('granting the same access twice reuses the resources; one connection grant per principal', () => {
    // GIVEN
    const { stack, catalog } = catalogStack();
    // WHEN
    const first = catalog.grantReadWrite(engineers, 'curated');
    const second = catalog.grant(engineers, 'curated', ZoneAccess.READ_WRITE);
    catalog.grantReadWrite(engineers, 'raw');
    // THEN
    expect(second.datasetMember).toBe(first.datasetMember);
    expect(second.connectionMember).toBe(first.connectionMember);
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs(DATASET_IAM, 2);
    template.resourceCountIs(CONNECTION_IAM, 1);
  });

  test('without a BigLake connection, write grants touch the dataset only', () => {
    // GIVEN
    const { stack, catalog } = catalogStack({ bigLake: false });
    // WHEN
    const grant = catalog.grantReadWrite(engineers, 'curated');
    // THEN
    expect(grant.connectionMember).toBeUndefined();
    TfTemplate.fromStack(stack).resourceCountIs(CONNECTION_IAM, 0);
  });

  test('grants need no key grant: BigQuery decrypts through its service agent', () => {
    // GIVEN
    const { stack, catalog } = catalogStack();
    const before = TfTemplate.fromStack(stack).resources('google_kms_crypto_key_iam_member').length;
    // WHEN
    catalog.grantRead(analysts, 'serving');
    // THEN
    expect(TfTemplate.fromStack(stack).resources('google_kms_crypto_key_iam_member')).toHaveLength(before);
  });
});

describe('Catalog.fromCatalogAttributes', () => {
  test('grants on existing datasets by id, in their project', () => {
    // GIVEN
    const stack = newGcpStack();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Existing', {
      location: 'EU',
      project: 'acme-bq',
      datasetIds: { serving: 'sales_serving' },
    });
    // WHEN
    const grant = catalog.grantRead(analysts, 'serving');
    // THEN
    expect(catalog.zoneNames).toEqual(['serving']);
    expect(catalog.location).toBe('EU');
    expect(catalog.datasetIdFor('serving')).toBe('sales_serving');
    expect(grant.connectionMember).toBeUndefined();
    TfTemplate.fromStack(stack).hasResourceProperties(DATASET_IAM, {
      project: 'acme-bq',
      dataset_id: 'sales_serving',
      role: 'roles/bigquery.dataViewer',
    });
  });

  test('with a connectionId, write grants add the table-creator role on that connection; WRITE and READ_WRITE share one binding', () => {
    // GIVEN
    const stack = newGcpStack();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Existing', {
      location: 'US',
      datasetIds: { curated: 'sales_curated' },
      connectionId: 'sales_biglake',
    });
    // WHEN
    catalog.grantWrite(engineers, 'curated');
    catalog.grantReadWrite(engineers, 'curated');
    // THEN
    const template = TfTemplate.fromStack(stack);
    template.hasResourceProperties(CONNECTION_IAM, {
      connection_id: 'sales_biglake',
      location: 'US',
      role: expect.stringMatching(/google_project_iam_custom_role/),
    });
    template.resourceCountIs(CONNECTION_IAM, 1);
    template.resourceCountIs(DATASET_IAM, 1);
  });
});
