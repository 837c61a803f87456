import { PUBSUB_AGENT_ROLES, STREAM_ROLES } from '../../../src/gcp';
import { BASIC_ROLES } from '../../../src/gcp/compliance/private/iam';

describe('STREAM_ROLES', () => {
  test('maps each intent to a predefined Pub/Sub role', () => {
    expect(STREAM_ROLES).toEqual({ write: 'roles/pubsub.publisher', read: 'roles/pubsub.subscriber' });
  });
});

describe('PUBSUB_AGENT_ROLES', () => {
  test('are the narrow predefined roles the Pub/Sub service agent needs, never a basic or admin role', () => {
    expect(PUBSUB_AGENT_ROLES).toEqual({
      key: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      bucketWriter: 'roles/storage.objectCreator',
      bucketReader: 'roles/storage.legacyBucketReader',
      deadLetterPublisher: 'roles/pubsub.publisher',
      deadLetterSubscriber: 'roles/pubsub.subscriber',
      bigQueryWriter: 'roles/bigquery.dataEditor',
    });
    for (const role of Object.values(PUBSUB_AGENT_ROLES)) {
      expect(BASIC_ROLES).not.toContain(role);
      expect(role).not.toMatch(/admin|owner/i);
    }
  });
});
