import { LakeStorage, type LakeStorageProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { type TfBlock, TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

export const BUCKET = 'google_storage_bucket';
export const BUCKET_IAM = 'google_storage_bucket_iam_member';
export const KEY_IAM = 'google_kms_crypto_key_iam_member';
export const AGENT = 'google_storage_project_service_account';
export const DAY = 86_400;

/** A fresh stack with one `sales` lake in europe-west1 (plus `props`), synthesized. */
export function synthLake(props: Partial<LakeStorageProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1', ...props });
  return { stack, lake, template: TfTemplate.fromStack(stack) };
}

/** The bucket whose `labels.data-zone` is `zone`; the log bucket for `logs`. */
export function bucket(template: TfTemplate, zone: string): TfBlock {
  const found = template
    .resources(BUCKET)
    .filter(
      (b) =>
        (b.config.labels as Record<string, string>)['data-zone'] === (zone === 'logs' ? undefined : zone),
    );
  expect(found).toHaveLength(1);
  return found[0];
}

/** A `sales` lake in europe-west1 (plus `props`) added to `stack`. */
export function newLake(
  stack: TerraformStack,
  id: string,
  props: Partial<LakeStorageProps> = {},
): LakeStorage {
  return new LakeStorage(stack, id, { platformName: 'sales', location: 'europe-west1', ...props });
}
