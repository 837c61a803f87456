import { Catalog, LakeStorage, Warehouse, type WarehouseProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

export const DATASET = 'google_bigquery_dataset';
export const DATASET_IAM = 'google_bigquery_dataset_iam_member';
export const RESERVATION = 'google_bigquery_reservation';
export const ASSIGNMENT = 'google_bigquery_reservation_assignment';
export const QUOTA = 'google_cloud_quotas_quota_preference';
export const PROJECT_IAM = 'google_project_iam_member';

/** A `sales` lake in europe-west1 and its catalog, added to `stack`. */
export function newCatalog(stack: TerraformStack): Catalog {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
  return new Catalog(stack, 'Catalog', { platformName: 'sales', lake });
}

/** A warehouse serving a fresh catalog (plus `props`), synthesized. */
export function synthOnCatalog(props: Partial<WarehouseProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const catalog = newCatalog(stack);
  const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', catalog, ...props });
  return { stack, catalog, warehouse, template: TfTemplate.fromStack(stack) };
}

/** A warehouse with its own datasets in EU (plus `props`), synthesized. */
export function synthOwn(props: Partial<WarehouseProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const warehouse = new Warehouse(stack, 'Warehouse', { platformName: 'sales', location: 'EU', ...props });
  return { stack, warehouse, template: TfTemplate.fromStack(stack) };
}
