import { synthLakehouse, withScripts } from './gcp/lakehouse-journeys';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { ServiceAgent } from '../../src/gcp/private/service-agents';
import { TfGraph } from '../helpers/tf-graph';

/**
 * The first `terraform apply` on a fresh project: every resource that uses a customer-managed
 * key, a service agent, an API or a fresh grant must come after it in Terraform's graph, through a
 * `time_sleep` where IAM propagation matters.
 */
const refersTo = (value: unknown, address: string) => JSON.stringify(value).includes(`\${${address}.`);

/** The example's spec on GCP, in a region. */
const REGIONAL = withScripts({ ...SALES_LAKEHOUSE, project: 'acme-data-dev', location: 'europe-west1' });
/** The same in the EU multi-region: the pipelines get a key of their own in europe-west1. */
const MULTI_REGION = { ...REGIONAL, location: 'EU', region: 'europe-west1' };

describe.each([
  ['lakehouse-gcp', REGIONAL],
  ['lakehouse-gcp in the EU multi-region', MULTI_REGION],
])('GCP deploy order (%s)', (_name, props) => {
  const { doc } = synthLakehouse(props);
  const graph = new TfGraph(doc);
  const cfg = (a: string) => graph.configs.get(a) as Record<string, any>;
  const keyGrants = graph.addressesOf('google_kms_crypto_key_iam_member');
  /** The key grants whose member is built from `source` (an agent lookup or identity). */
  const grantsFrom = (source: string) => keyGrants.filter((g) => refersTo(cfg(g).member, source));

  // Each consumer of a key, the field naming the key, the lookup or identity its service agent's
  // address comes from, and (the Cloud Storage agent, which the pipelines address by project
  // number) the agent's domain.
  test.each<{ type: string; field: string; agentType: string; domain?: ServiceAgent }>([
    {
      type: 'google_storage_bucket',
      field: 'encryption',
      agentType: 'data.google_storage_project_service_account',
      domain: ServiceAgent.STORAGE,
    },
    {
      type: 'google_bigquery_dataset',
      field: 'default_encryption_configuration',
      agentType: 'data.google_bigquery_default_service_account',
    },
    { type: 'google_pubsub_topic', field: 'kms_key_name', agentType: 'google_project_service_identity' },
    {
      type: 'google_workflows_workflow',
      field: 'crypto_key_name',
      agentType: 'google_project_service_identity',
    },
    {
      type: 'google_logging_project_bucket_config',
      field: 'cmek_settings',
      agentType: 'data.google_logging_project_cmek_settings',
    },
  ])(
    'every $type waits (time_sleep) for its service agent’s grant on the key it uses',
    ({ type, field, agentType, domain }) => {
      const consumers = graph.addressesOf(type);
      expect(consumers.length).toBeGreaterThan(0);
      const agents = [...graph.configs.keys()].filter((a) => a.startsWith(`${agentType}.`));
      const byDomain = domain ? keyGrants.filter((g) => String(cfg(g).member).endsWith(`@${domain}`)) : [];
      const grants = [...agents.flatMap(grantsFrom), ...byDomain];
      const keys = graph.addressesOf('google_kms_crypto_key');
      for (const consumer of consumers) {
        const used = keys.filter((k) => refersTo(cfg(consumer)[field], k));
        expect([consumer, used.length]).toEqual([consumer, 1]);
        const waited = grants.filter(
          (g) =>
            refersTo(cfg(g).crypto_key_id, used[0]) && graph.dependsOnOnlyThrough(consumer, g, 'time_sleep'),
        );
        expect([consumer, waited.length > 0]).toEqual([consumer, true]);
      }
    },
  );

  test('every grant to a created service agent comes after the agent, which comes after its API', () => {
    for (const identity of graph.addressesOf('google_project_service_identity')) {
      const api = graph
        .addressesOf('google_project_service')
        .find((s) => cfg(s).service === cfg(identity).service);
      expect([identity, api !== undefined && graph.dependsOn(identity, api)]).toEqual([identity, true]);
      const grants = [...graph.configs.keys()].filter(
        (a) => a.includes('_iam_member.') && refersTo(cfg(a).member, identity),
      );
      expect(grants.length).toBeGreaterThan(0);
      for (const g of grants) expect(graph.dependsOn(g, identity)).toBe(true);
    }
  });

  test('the Workflows, Pub/Sub and Dataproc agents are created, not assumed', () => {
    expect(
      graph
        .addressesOf('google_project_service_identity')
        .map((a) => cfg(a).service)
        .sort(),
    ).toEqual(['dataproc.googleapis.com', 'pubsub.googleapis.com', 'workflows.googleapis.com']);
  });

  test('every service account is created after the IAM API is enabled', () => {
    const iam = graph
      .addressesOf('google_project_service')
      .find((s) => cfg(s).service === 'iam.googleapis.com')!;
    for (const account of graph.addressesOf('google_service_account')) {
      expect([account, graph.dependsOn(account, iam)]).toEqual([account, true]);
    }
  });

  test('the Cloud Storage subscription waits (time_sleep) for the Pub/Sub agent’s bucket grants', () => {
    const landing = graph
      .addressesOf('google_pubsub_subscription')
      .filter((s) => cfg(s).cloud_storage_config !== undefined);
    expect(landing).toHaveLength(1);
    const identity = graph
      .addressesOf('google_project_service_identity')
      .find((a) => cfg(a).service === 'pubsub.googleapis.com')!;
    const bucketGrants = graph
      .addressesOf('google_storage_bucket_iam_member')
      .filter((g) => refersTo(cfg(g).member, identity));
    expect(bucketGrants.map((g) => cfg(g).role).sort()).toEqual([
      'roles/storage.legacyBucketReader',
      'roles/storage.objectCreator',
    ]);
    for (const g of bucketGrants) expect(graph.dependsOnOnlyThrough(landing[0], g, 'time_sleep')).toBe(true);
  });

  test('the schedule waits (time_sleep) for every grant a run needs: the steps’ and the pipeline’s own', () => {
    const [schedule] = graph.addressesOf('google_cloud_scheduler_job');
    const accounts = graph.addressesOf('google_service_account').filter((a) => /Pipeline_/.test(a));
    const runGrants = [...graph.configs.keys()].filter(
      (a) => a.includes('_iam_member.') && accounts.some((acc) => refersTo(cfg(a).member, acc)),
    );
    expect(runGrants.length).toBeGreaterThan(8);
    for (const g of runGrants) {
      expect([g, graph.dependsOnOnlyThrough(schedule, g, 'time_sleep')]).toEqual([g, true]);
    }
    for (const o of graph.addressesOf('google_storage_bucket_object')) {
      expect(graph.dependsOn(schedule, o)).toBe(true);
    }
  });

  test('the schedule is live: its code is part of the deployment', () => {
    const [schedule] = graph.addressesOf('google_cloud_scheduler_job');
    expect(cfg(schedule).paused).toBe(false);
  });

  test('the BigLake connection account’s grants are followed by a wait that the first run waits for', () => {
    const [connection] = graph.addressesOf('google_bigquery_connection');
    const grants = graph
      .addressesOf('google_storage_bucket_iam_member')
      .filter((g) => refersTo(cfg(g).member, connection));
    expect(grants.length).toBe(3);
    const waits = graph.addressesOf('time_sleep').filter((w) => grants.every((g) => graph.dependsOn(w, g)));
    expect(waits.length).toBeGreaterThan(0);
    const [schedule] = graph.addressesOf('google_cloud_scheduler_job');
    for (const g of grants) expect(graph.dependsOnOnlyThrough(schedule, g, 'time_sleep')).toBe(true);
  });

  test('no data source with depends_on feeds an IAM member (its values would turn unknown at plan)', () => {
    const withDeps = [...graph.configs.keys()].filter(
      (a) => a.startsWith('data.') && cfg(a).depends_on !== undefined,
    );
    const members = [...graph.configs.keys()].filter((a) => a.includes('_iam_member.'));
    const fed = members.filter((m) => withDeps.some((d) => refersTo(cfg(m).member, d)));
    expect(fed).toEqual([]);
  });
});
