import { Catalog, type CatalogProps, LakeStorage, type LakeStorageProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { type TfBlock, TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

export const DATASET = 'google_bigquery_dataset';
export const DATASET_IAM = 'google_bigquery_dataset_iam_member';
export const CONNECTION = 'google_bigquery_connection';
export const CONNECTION_IAM = 'google_bigquery_connection_iam_member';
export const KEY_IAM = 'google_kms_crypto_key_iam_member';
export const BUCKET_IAM = 'google_storage_bucket_iam_member';
export const BQ_AGENT = 'google_bigquery_default_service_account';
export const PLEX_LAKE = 'google_dataplex_lake';
export const PLEX_ZONE = 'google_dataplex_zone';
export const PLEX_ASSET = 'google_dataplex_asset';

/** A `sales` lake in europe-west1 (plus `props`) added to `stack`. */
export function newLake(stack: TerraformStack, props: Partial<LakeStorageProps> = {}): LakeStorage {
  return new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1', ...props });
}

/** A catalog over `lake` (plus `props`) added to `stack`. */
export function newCatalog(
  stack: TerraformStack,
  lake: LakeStorage,
  props: Partial<CatalogProps> = {},
): Catalog {
  return new Catalog(stack, 'Catalog', { platformName: 'sales', lake, ...props });
}

/** A fresh stack with a `sales` lake and its catalog, synthesized. */
export function synthCatalog(
  props: Partial<CatalogProps> = {},
  lakeProps: Partial<LakeStorageProps> = {},
  context: Record<string, unknown> = {},
) {
  const stack = newGcpStack(context);
  const lake = newLake(stack, lakeProps);
  const catalog = newCatalog(stack, lake, props);
  return { stack, lake, catalog, template: TfTemplate.fromStack(stack) };
}

/** The dataset whose `labels.data-zone` is `zone`. */
export function dataset(template: TfTemplate, zone: string): TfBlock {
  const found = template
    .resources(DATASET)
    .filter((d) => (d.config.labels as Record<string, string>)['data-zone'] === zone);
  expect(found).toHaveLength(1);
  return found[0];
}

/** `${address.attribute}` as Terraform writes a reference. */
export const ref = (block: TfBlock, attribute: string) => `\${${block.address}.${attribute}}`;
