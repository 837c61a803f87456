import { compareTerraform } from '../../../src/cli/diff/terraform';

/** A small GCP stack: a retained bucket, a retained dataset with a table, and a service account. */
function gcpStack(): Record<string, any> {
  return {
    provider: { google: [{ project: 'p' }] },
    resource: {
      google_storage_bucket: {
        Raw: {
          '//': { metadata: { path: 'stack/Raw' } },
          name: 'sales-raw-1234',
          location: 'europe-west1',
          force_destroy: false,
          soft_delete_policy: { retention_duration_seconds: 604800 },
          lifecycle: { prevent_destroy: true },
        },
      },
      google_bigquery_dataset: {
        Curated: {
          dataset_id: 'sales_curated',
          location: 'europe-west1',
          max_time_travel_hours: '168',
          lifecycle: { prevent_destroy: true },
        },
      },
      google_bigquery_table: {
        Orders: {
          dataset_id: 'sales_curated',
          table_id: 'orders',
          schema: JSON.stringify([
            { name: 'id', type: 'STRING', mode: 'REQUIRED' },
            { name: 'total', type: 'NUMERIC' },
          ]),
          lifecycle: { prevent_destroy: true },
        },
      },
      google_service_account: { Ingest: { account_id: 'ingest', display_name: 'Ingest' } },
    },
  };
}

/** A small Azure stack: a storage account with soft delete, a container and a key vault. */
function azureStack(): Record<string, any> {
  return {
    provider: { azurerm: [{ features: [{}] }] },
    resource: {
      azurerm_storage_account: {
        Account: {
          name: 'saleslake1234',
          resource_group_name: 'rg',
          location: 'westeurope',
          is_hns_enabled: true,
          blob_properties: {
            delete_retention_policy: { days: 14 },
            container_delete_retention_policy: { days: 14 },
          },
          lifecycle: { prevent_destroy: true },
        },
      },
      azurerm_storage_container: {
        Raw: {
          name: 'sales-raw',
          storage_account_id: '${azurerm_storage_account.Account.id}',
          lifecycle: { prevent_destroy: true },
        },
      },
      azurerm_key_vault: {
        Vault: {
          name: 'sales-kv',
          resource_group_name: 'rg',
          location: 'westeurope',
          purge_protection_enabled: true,
          soft_delete_retention_days: 90,
          lifecycle: { prevent_destroy: true },
        },
      },
    },
  };
}

describe('compareTerraform', () => {
  test('an unchanged copy loses nothing and changes nothing', () => {
    // WHEN
    const found = compareTerraform('gcp', gcpStack(), gcpStack());
    // THEN
    expect(found).toEqual({ losses: [], retained: [], other: { added: 0, updated: 0, removed: 0 } });
  });

  test('a renamed bucket is replaced, naming the argument and both values', () => {
    // GIVEN
    const after = gcpStack();
    after.resource.google_storage_bucket.Raw.name = 'sales-raw-v2';
    // WHEN
    const { losses } = compareTerraform('gcp', gcpStack(), after);
    // THEN
    expect(losses).toEqual([
      {
        resource: 'google_storage_bucket.Raw',
        type: 'google_storage_bucket',
        kind: 'replaced',
        reason: expect.stringContaining('replaced because name changed "sales-raw-1234" → "sales-raw-v2"'),
      },
    ]);
  });

  test('a dataset moved to another location is replaced', () => {
    const after = gcpStack();
    after.resource.google_bigquery_dataset.Curated.location = 'europe-west4';
    const { losses } = compareTerraform('gcp', gcpStack(), after);
    expect(losses.map((l) => [l.resource, l.kind, l.reason])).toEqual([
      [
        'google_bigquery_dataset.Curated',
        'replaced',
        expect.stringContaining('location changed "europe-west1" → "europe-west4"'),
      ],
    ]);
  });

  test('a BigQuery table that loses a column is replaced (BigQuery recreates it)', () => {
    const after = gcpStack();
    after.resource.google_bigquery_table.Orders.schema = JSON.stringify([
      { name: 'id', type: 'STRING', mode: 'REQUIRED' },
    ]);
    const { losses } = compareTerraform('gcp', gcpStack(), after);
    expect(losses.map((l) => l.reason)).toEqual([expect.stringContaining('column total removed')]);
  });

  test('a BigQuery table that gains a NULLABLE column is updated in place', () => {
    const after = gcpStack();
    after.resource.google_bigquery_table.Orders.schema = JSON.stringify([
      { name: 'id', type: 'STRING', mode: 'REQUIRED' },
      { name: 'total', type: 'NUMERIC' },
      { name: 'note', type: 'STRING' },
    ]);
    expect(compareTerraform('gcp', gcpStack(), after)).toEqual({
      losses: [],
      retained: [],
      other: { added: 0, updated: 1, removed: 0 },
    });
  });

  test('a removed stateful resource is destroyed; a removed stateless one is counted', () => {
    const after = gcpStack();
    delete after.resource.google_bigquery_dataset;
    delete after.resource.google_service_account;
    const { losses, other } = compareTerraform('gcp', gcpStack(), after);
    expect(losses).toEqual([
      expect.objectContaining({
        resource: 'google_bigquery_dataset.Curated',
        kind: 'destroyed',
        reason: expect.stringContaining('gone from the new output'),
      }),
    ]);
    expect(other).toEqual({ added: 0, updated: 0, removed: 1 });
  });

  test('a resource moved by a moved block keeps its data', () => {
    const after = gcpStack();
    after.resource.google_storage_bucket = { RawRenamed: after.resource.google_storage_bucket.Raw };
    after.moved = [{ from: 'google_storage_bucket.Raw', to: 'google_storage_bucket.RawRenamed' }];
    expect(compareTerraform('gcp', gcpStack(), after)).toEqual({
      losses: [],
      retained: [],
      other: { added: 0, updated: 1, removed: 0 },
    });
  });

  test('a resource forgotten by a removed block with destroy = false is kept, not destroyed', () => {
    const after = gcpStack();
    delete after.resource.google_storage_bucket;
    after.removed = [{ from: 'google_storage_bucket.Raw', lifecycle: { destroy: false } }];
    const found = compareTerraform('gcp', gcpStack(), after);
    expect(found.losses).toEqual([]);
    expect(found.retained).toEqual([expect.objectContaining({ resource: 'google_storage_bucket.Raw' })]);
  });

  test('a dropped prevent_destroy removes retention', () => {
    const after = gcpStack();
    delete after.resource.google_bigquery_dataset.Curated.lifecycle;
    const { losses } = compareTerraform('gcp', gcpStack(), after);
    expect(losses.map((l) => [l.resource, l.kind, l.reason])).toEqual([
      ['google_bigquery_dataset.Curated', 'retention-removed', 'lifecycle.prevent_destroy true → absent'],
    ]);
  });

  test('force_destroy turned on, table deletion protection off and a shorter soft delete weaken retention', () => {
    const after = gcpStack();
    after.resource.google_storage_bucket.Raw.force_destroy = true;
    after.resource.google_storage_bucket.Raw.soft_delete_policy.retention_duration_seconds = 0;
    after.resource.google_bigquery_table.Orders.deletion_protection = false;
    const { losses } = compareTerraform('gcp', gcpStack(), after);
    expect(losses.map((l) => `${l.resource}: ${l.reason}`)).toEqual([
      expect.stringMatching(/^google_storage_bucket\.Raw: force_destroy false → true/),
      'google_storage_bucket.Raw: soft_delete_policy.retention_duration_seconds 604800 → 0 (shorter)',
      'google_bigquery_table.Orders: deletion_protection absent → false',
    ]);
  });

  test('a longer retention and a stateless change lose nothing', () => {
    const after = gcpStack();
    after.resource.google_storage_bucket.Raw.soft_delete_policy.retention_duration_seconds = 1209600;
    after.resource.google_service_account.Ingest.display_name = 'Ingestion';
    after.resource.google_service_account.Loader = { account_id: 'loader' };
    expect(compareTerraform('gcp', gcpStack(), after)).toEqual({
      losses: [],
      retained: [],
      other: { added: 1, updated: 2, removed: 0 },
    });
  });

  test("Azure: a renamed container and a storage account's shorter soft delete lose data", () => {
    const after = azureStack();
    after.resource.azurerm_storage_container.Raw.name = 'sales-landing';
    delete after.resource.azurerm_storage_account.Account.blob_properties.container_delete_retention_policy;
    const { losses } = compareTerraform('azure', azureStack(), after);
    expect(losses.map((l) => `${l.resource} ${l.kind}: ${l.reason}`)).toEqual([
      'azurerm_storage_account.Account retention-removed: blob_properties.container_delete_retention_policy.days 14 → absent (retention removed)',
      expect.stringContaining(
        'azurerm_storage_container.Raw replaced: replaced because name changed "sales-raw" → "sales-landing"',
      ),
    ]);
  });

  test("Azure: a key vault's purge protection turned off and the hierarchical namespace changed", () => {
    const after = azureStack();
    after.resource.azurerm_key_vault.Vault.purge_protection_enabled = false;
    after.resource.azurerm_storage_account.Account.is_hns_enabled = false;
    const { losses } = compareTerraform('azure', azureStack(), after);
    expect(losses.map((l) => `${l.resource} ${l.kind}`)).toEqual([
      'azurerm_storage_account.Account replaced',
      'azurerm_key_vault.Vault retention-removed',
    ]);
    expect(losses[0].reason).toContain('is_hns_enabled changed true → false');
  });
});
