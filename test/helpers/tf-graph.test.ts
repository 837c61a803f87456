import { TfGraph } from './tf-graph';

describe('TfGraph', () => {
  const graph = new TfGraph({
    resource: {
      google_kms_crypto_key_iam_member: { grant: { crypto_key_id: '${google_kms_crypto_key.key.id}' } },
      time_sleep: { wait: { depends_on: ['google_kms_crypto_key_iam_member.grant'] } },
      google_storage_bucket: {
        waited: {
          encryption: { default_kms_key_name: '${google_kms_crypto_key.key.id}' },
          depends_on: ['time_sleep.wait'],
        },
        hasty: { depends_on: ['google_kms_crypto_key_iam_member.grant'] },
      },
      google_kms_crypto_key: { key: { name: 'k' } },
    },
    data: { google_project: { this: { project_id: 'p' } } },
  });

  test('follows expressions and depends_on, transitively', () => {
    expect(graph.dependsOn('google_storage_bucket.waited', 'google_kms_crypto_key_iam_member.grant')).toBe(
      true,
    );
    expect(graph.dependsOn('google_kms_crypto_key.key', 'google_storage_bucket.waited')).toBe(false);
    expect(graph.addressesOf('data.google_project')).toEqual(['data.google_project.this']);
  });

  test('tells a consumer that waits from one that may race the grant', () => {
    const grant = 'google_kms_crypto_key_iam_member.grant';
    expect(graph.dependsOnOnlyThrough('google_storage_bucket.waited', grant, 'time_sleep')).toBe(true);
    expect(graph.dependsOnOnlyThrough('google_storage_bucket.hasty', grant, 'time_sleep')).toBe(false);
  });
});
