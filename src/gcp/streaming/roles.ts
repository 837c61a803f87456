/**
 * Predefined Pub/Sub role granted to a producer or a consumer of a stream, by intent.
 *
 * No Cloud KMS role goes with them: Pub/Sub encrypts and decrypts messages through the project's
 * Pub/Sub service agent, which the stream grants on the key itself, so producers and consumers
 * need no key permission (least privilege). A consumer is granted on its own pull subscription,
 * never on the topic, so it cannot attach further subscriptions.
 *
 * @see https://cloud.google.com/pubsub/docs/access-control#roles
 */
export const STREAM_ROLES = {
  /** Publish to the topic (`grantWrite`). */
  write: 'roles/pubsub.publisher',
  /** Pull and acknowledge from one subscription (`grantRead`, `grantReadDeadLetters`). */
  read: 'roles/pubsub.subscriber',
} as const;

/**
 * What the project's Pub/Sub service agent (`service-<project number>@gcp-sa-pubsub.iam.gserviceaccount.com`)
 * is granted so a stream deploys and delivers: each role on the one resource named.
 *
 * @see https://cloud.google.com/pubsub/docs/create-cloudstorage-subscription#assign_roles_cloudstorage
 * @see https://cloud.google.com/pubsub/docs/handling-failures#grant_forwarding_permissions
 */
export const PUBSUB_AGENT_ROLES = {
  /** On the stream's key: encrypt and decrypt stored messages (CMEK). */
  key: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
  /** On the zone bucket: create the landed objects. */
  bucketWriter: 'roles/storage.objectCreator',
  /** On the zone bucket: read bucket metadata, which a Cloud Storage subscription checks. */
  bucketReader: 'roles/storage.legacyBucketReader',
  /** On the dead-letter topic: forward undeliverable messages. */
  deadLetterPublisher: 'roles/pubsub.publisher',
  /** On each subscription with a dead-letter policy: acknowledge the forwarded messages. */
  deadLetterSubscriber: 'roles/pubsub.subscriber',
  /** On the BigQuery table of a BigQuery subscription: read its metadata and write rows. */
  bigQueryWriter: 'roles/bigquery.dataEditor',
} as const;
