import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { type App, TerraformStack } from 'cdktf';
import { Catalog, LakeStorage, Network, Principal, Warehouse } from 'data-platform-kit/gcp';

/** Adds the `warehouse-gcp` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'warehouse-gcp');
  new GoogleProvider(stack, 'Google', { project: 'acme-data-dev', region: 'europe-west1' });

  // example:start
  new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1' });
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });

  // One CMEK dataset per zone, a BigLake connection that may read the lake, a Dataplex lake.
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
  // BigQuery on the serving dataset, capped at the SMALL size's 100 autoscaled slots.
  const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', catalog, reservation: true });

  const analyst = new ServiceAccount(stack, 'Analyst', { accountId: 'sales-analyst' });
  const engineer = new ServiceAccount(stack, 'Engineer', { accountId: 'sales-engineer' });
  warehouse.grantRead(Principal.fromServiceAccount(analyst), 'serving');
  catalog.grantReadWrite(Principal.fromServiceAccount(engineer), 'curated');
  warehouse.grantQuery(Principal.fromServiceAccount(engineer));
  // example:end

  return [stack];
}
