import { LakeStorage, StreamIngestion, type StreamIngestionProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { type TfBlock, TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

export const TOPIC = 'google_pubsub_topic';
export const SUBSCRIPTION = 'google_pubsub_subscription';
export const TOPIC_IAM = 'google_pubsub_topic_iam_member';
export const SUBSCRIPTION_IAM = 'google_pubsub_subscription_iam_member';
export const BUCKET_IAM = 'google_storage_bucket_iam_member';
export const KEY_IAM = 'google_kms_crypto_key_iam_member';
export const ALERT = 'google_monitoring_alert_policy';
export const CHANNEL = 'google_monitoring_notification_channel';
export const SERVICE = 'google_project_service';
export const AGENT_MEMBER = /^\$\{google_project_service_identity\.[A-Za-z0-9_-]+\.member\}$/;
export const PRODUCER = 'serviceAccount:web@acme-data.iam.gserviceaccount.com';
export const CONSUMER = 'serviceAccount:fraud@acme-data.iam.gserviceaccount.com';
export const HOUR = 3_600;
export const DAY = 86_400;

/** A `sales` lake in europe-west1 and a `clickstream` stream into it (plus `props`). */
export function newStream(
  stack: TerraformStack,
  props: Partial<StreamIngestionProps> = {},
  lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' }),
): StreamIngestion {
  return new StreamIngestion(stack, 'Clickstream', {
    platformName: 'sales',
    streamName: 'clickstream',
    lake,
    ...props,
  });
}

/** A fresh stack with the stream (plus `props`), synthesized. */
export function synthStream(
  props: Partial<StreamIngestionProps> = {},
  context: Record<string, unknown> = {},
) {
  const stack = newGcpStack(context);
  const stream = newStream(stack, props);
  return { stack, stream, template: TfTemplate.fromStack(stack) };
}

/** The one resource of `type` whose construct id is `id` (cdktf names it `<path…>_<id>_<hash>`). */
export function byId(template: TfTemplate, type: string, id: string): TfBlock {
  const found = template.resources(type).filter((b) => new RegExp(`(^|_)${id}_[0-9A-F]{8}$`).test(b.name));
  expect(found.map((b) => b.address)).toHaveLength(1);
  return found[0];
}

/** `${type.name}` reference of a block's attribute. */
export const refTo = (block: TfBlock, attribute: string) => `\${${block.address}.${attribute}}`;

/** The `depends_on` entries of a block. */
export const dependsOf = (block: TfBlock) => (block.config.depends_on as string[] | undefined) ?? [];
