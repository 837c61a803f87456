import * as os from 'node:os';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { build } from '../../../examples/warehouse-gcp/app';
import { WarehouseSize } from '../../../src/core/blocks';
import type { ComplianceReport } from '../../../src/core/compliance';
import {
  Catalog,
  EncryptionKey,
  FlowLogInterval,
  LakeStorage,
  Network,
  Principal,
  ReservationEdition,
  Warehouse,
} from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { App, type TerraformStack } from '../../../src/terraform';
import { expectClean, terraformAcknowledgements } from '../../helpers/compliance';
import { newGcpStack } from '../support';

/**
 * The GCP rule pack over the network, catalog and warehouse blocks and the warehouse-gcp example:
 * zero unacknowledged findings, bought with no acknowledgement, and a weakened resource is
 * reported.
 */

const expectCompliant = (stack: TerraformStack): ComplianceReport => expectClean(checkCompliance(stack));

const acknowledgements = terraformAcknowledgements;

/** Network, lake, catalog and warehouse with every option set and grants of every kind. */
function maximalStack(): {
  stack: TerraformStack;
  network: Network;
  catalog: Catalog;
  warehouse: Warehouse;
} {
  const stack = newGcpStack();
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    project: 'acme-data-prod',
    region: 'europe-west4',
    cidr: '10.60.0.0/20',
    networkName: 'sales-data',
    subnetworkName: 'sales-data-ew4',
    flowLogSampling: 1,
    flowLogInterval: FlowLogInterval.INTERVAL_1_MIN,
    allowInternalIngress: true,
    tags: { team: 'sales' },
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    project: 'acme-data-prod',
    location: 'EU',
    zones: ['landing', 'raw', 'curated', 'serving'],
  });
  const catalog = new Catalog(stack, 'Catalog', {
    platformName: 'sales',
    lake,
    datasetIds: { serving: 'sales_serving' },
    timeTravelHours: 96,
    connectionId: 'sales_lake',
    dataplexRegion: 'europe-west4',
    rawZones: ['landing', 'raw'],
    discovery: true,
    tags: { team: 'sales' },
  });
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    project: 'acme-bi-prod',
    catalog,
    servedZones: ['curated', 'serving'],
    size: WarehouseSize.LARGE,
    reservation: true,
    edition: ReservationEdition.ENTERPRISE_PLUS,
    tags: { team: 'sales' },
  });
  const etl = new ServiceAccount(stack, 'Etl', { accountId: 'sales-etl' });
  catalog.grantWrite(Principal.fromServiceAccount(etl), 'landing');
  catalog.grantReadWrite(Principal.group('engineers@acme.com'), 'curated');
  warehouse.grantRead(Principal.group('analysts@acme.com'), 'serving');
  warehouse.grantReadWrite(Principal.user('ana@acme.com'), 'curated');
  warehouse.grantQuery(Principal.serviceAccount('dashboards@acme-bi-prod.iam.gserviceaccount.com'));
  return { stack, network, catalog, warehouse };
}

describe('GCP rule pack over the network, catalog and warehouse blocks', () => {
  test('Network with defaults', () => {
    const stack = newGcpStack();
    new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1' });
    expectCompliant(stack);
  });

  test('Catalog and Warehouse with defaults', () => {
    const stack = newGcpStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
    const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
    new Warehouse(stack, 'Warehouse', { platformName: 'sales', catalog });
    expectCompliant(stack);
  });

  test('Warehouse with its own datasets and daily query quotas', () => {
    const stack = newGcpStack();
    const key = new EncryptionKey(stack, 'Key', { location: 'US' });
    const warehouse = new Warehouse(stack, 'Warehouse', {
      platformName: 'sales',
      location: 'US',
      encryptionKey: key,
      servedZones: ['marts', 'sandbox'],
      dailyQueryLimitGib: 10_240,
      dailyQueryLimitPerUserGib: 1024,
    });
    warehouse.grantReadWrite(Principal.group('bi@acme.com'), 'sandbox');
    expectCompliant(stack);
  });

  test('every block in its maximal configuration, with grants to every principal kind', () => {
    const { stack } = maximalStack();
    expectCompliant(stack);
    expect(acknowledgements(stack)).toEqual([]);
  });

  test('the warehouse-gcp example, checked per stack and as a whole app', () => {
    const app = new App({ outdir: os.tmpdir(), stackTraces: false });
    const stacks = build(app);
    expect(stacks.map((s) => s.node.id)).toEqual(['warehouse-gcp']);
    for (const stack of stacks) expectCompliant(stack);
    expect(checkCompliance(app).findings).toEqual([]);
  });
});

describe('the pack reports weakened network, catalog and warehouse resources', () => {
  test("weakening the blocks' own resources through the escape hatch is reported at their paths", () => {
    // GIVEN
    const { stack, network, catalog } = maximalStack();
    network.network.addOverride('auto_create_subnetworks', true);
    network.subnetwork.addOverride('private_ip_google_access', false);
    network.subnetwork.addOverride('log_config', null);
    network.allowInternalIngress!.addOverride('source_ranges', ['0.0.0.0/0']);
    catalog.datasets.raw.addOverride('default_encryption_configuration', null);
    catalog.datasets.raw.addOverride('delete_contents_on_destroy', true);
    catalog.datasets.curated.addOverride('lifecycle.prevent_destroy', false);
    // WHEN
    const report = checkCompliance(stack);
    // THEN
    expect(report.findings.map((f) => [f.ruleId, f.path]).sort()).toEqual(
      [
        ['DPK_GCP_NETWORK_CUSTOM_MODE', 'Test/Network/Network'],
        ['CKV_GCP_74', 'Test/Network/DataSubnet'],
        ['CKV_GCP_26', 'Test/Network/DataSubnet'],
        ['AVD-GCP-0027', 'Test/Network/AllowInternalIngress'],
        ['CKV_GCP_81', 'Test/Catalog/RawDataset'],
        ['DPK_GCP_BIGQUERY_DELETE_CONTENTS', 'Test/Catalog/RawDataset'],
        ['DPK_GCP_PREVENT_DESTROY', 'Test/Catalog/CuratedDataset'],
      ].sort(),
    );
  });

  test('a public firewall rule or a public dataset grant beside the blocks is reported', () => {
    // GIVEN
    const { stack, network, catalog } = maximalStack();
    new ComputeFirewall(stack, 'OpenSsh', {
      name: 'open-ssh',
      network: network.networkId,
      allow: [{ protocol: 'tcp', ports: ['22'] }],
      sourceRanges: ['0.0.0.0/0'],
    });
    new BigqueryDatasetIamMember(stack, 'PublicServing', {
      datasetId: catalog.datasetIdFor('serving'),
      role: 'roles/bigquery.dataViewer',
      member: 'allAuthenticatedUsers',
    });
    // WHEN
    const report = checkCompliance(stack);
    // THEN
    expect(report.findings.map((f) => [f.ruleId, f.path]).sort()).toEqual(
      [
        ['AVD-GCP-0027', 'Test/OpenSsh'],
        ['CKV_GCP_15', 'Test/PublicServing'],
      ].sort(),
    );
  });
});
