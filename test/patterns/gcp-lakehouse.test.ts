import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import type { ZoneAccess } from '../../src/core/blocks';
import { Lakehouse, type LakehouseProps } from '../../src/gcp';
import { checkCompliance } from '../../src/gcp/compliance';
import { ZONE_ROLES } from '../../src/gcp/storage/roles';
import { Testing } from '../../src/terraform';
import { newGcpStack } from '../gcp/support';
import { infosOf, TfTemplate } from '../helpers/tf-template';
import { withScripts } from '../journeys/gcp/lakehouse-journeys';

/** The GCP options every spec needs. */
const GCP = { project: 'acme-data-test', location: 'europe-west1' } as const;

const DEFAULT: LakehouseProps = { platformName: 'sales', ...GCP };
const MAXIMAL: LakehouseProps = withScripts({ ...SALES_LAKEHOUSE, ...GCP });

function synth(props: LakehouseProps) {
  const stack = newGcpStack();
  const lakehouse = new Lakehouse(stack, 'Lakehouse', props);
  return { stack, lakehouse, template: TfTemplate.fromStack(stack) };
}

type Resources = Record<string, Record<string, Record<string, any>>>;
const resources = (t: TfTemplate) => (t.doc.resource ?? {}) as Resources;
const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;

/** Persona → zone → access, read back from the bucket IAM members of each persona's service account. */
function accessMatrixOf(
  t: TfTemplate,
  lakehouse: Lakehouse,
): Record<string, Record<string, ZoneAccess | undefined>> {
  const res = resources(t);
  const accounts = res.google_service_account ?? {};
  const buckets = res.google_storage_bucket ?? {};
  const members = Object.values(res.google_storage_bucket_iam_member ?? {});
  const roleToAccess = new Map(
    Object.entries(ZONE_ROLES).map(([access, role]) => [role, access as ZoneAccess]),
  );
  const matrix: Record<string, Record<string, ZoneAccess | undefined>> = {};
  for (const persona of lakehouse.plan.personas) {
    const accountName = Object.keys(accounts).find(
      (n) => accounts[n].display_name === `${lakehouse.plan.platformName} ${persona.name}`,
    );
    expect(accountName).toBeDefined();
    const member = ref('google_service_account', accountName!, 'member');
    const row: Record<string, ZoneAccess | undefined> = {};
    for (const zone of lakehouse.lake.zoneNames) {
      const bucketName = Object.keys(buckets).find((n) => buckets[n].labels?.['data-zone'] === zone);
      const roles = members
        .filter((m) => m.member === member && m.bucket === ref('google_storage_bucket', bucketName!, 'name'))
        .map((m) => roleToAccess.get(m.role));
      expect(roles.length).toBeLessThanOrEqual(1);
      row[zone] = roles[0];
    }
    matrix[persona.name] = row;
  }
  return matrix;
}

function expectSecureZones(t: TfTemplate, lakehouse: Lakehouse): void {
  const buckets = Object.values(resources(t).google_storage_bucket);
  const key = Object.keys(resources(t).google_kms_crypto_key);
  expect(key).toHaveLength(1);
  const zoneBuckets = buckets.filter((b) => b.labels?.['data-zone'] !== undefined);
  expect(zoneBuckets.map((b) => b.labels['data-zone']).sort()).toEqual([...lakehouse.lake.zoneNames].sort());
  for (const b of buckets) {
    expect(b.encryption.default_kms_key_name).toBe(ref('google_kms_crypto_key', key[0], 'id'));
    expect(b.public_access_prevention).toBe('enforced');
    expect(b.versioning.enabled).toBe(true);
    expect(b.lifecycle.prevent_destroy).toBe(true);
  }
}

describe.each([
  ['default', DEFAULT],
  ['maximal', MAXIMAL],
])('gcp.Lakehouse, %s spec', (_name, props) => {
  test('snapshot, zones encrypted with the key, persona grants present, retained', () => {
    const { stack, lakehouse, template } = synth(props);
    expect(Testing.synth(stack)).toMatchSnapshot();
    expectSecureZones(template, lakehouse);
    expect(Object.keys(lakehouse.personas)).toEqual(lakehouse.plan.personas.map((p) => p.name));
    expect(template.doc.resource?.google_storage_bucket_iam_member).toBeDefined();
  });

  test('zero unacknowledged compliance findings', () => {
    const { stack } = synth(props);
    expect(checkCompliance(stack).findings).toEqual([]);
  });

  test('the persona × zone grants equal the plan', () => {
    const { lakehouse, template } = synth(props);
    expect(accessMatrixOf(template, lakehouse)).toEqual(lakehouse.plan.accessMatrix);
  });
});

describe('gcp.Lakehouse children', () => {
  test('the maximal spec composes every block', () => {
    const { lakehouse } = synth(MAXIMAL);
    expect(Object.keys(lakehouse.streams)).toEqual(['clickstream']);
    expect(Object.keys(lakehouse.pipelines)).toEqual(['daily-orders']);
    expect(lakehouse.pipelines['daily-orders'].jobs.map((j) => j.jobName)).toEqual(['clean', 'publish']);
    expect(lakehouse.network).toBeDefined();
    expect(lakehouse.catalog).toBeDefined();
    expect(lakehouse.warehouse?.zoneNames).toEqual(['serving']);
    expect(lakehouse.notifications?.channels).toHaveLength(1);
  });

  test('the default spec has no network, streams, pipelines nor alert channels', () => {
    const { lakehouse } = synth(DEFAULT);
    expect(lakehouse.network).toBeUndefined();
    expect(lakehouse.streams).toEqual({});
    expect(lakehouse.pipelines).toEqual({});
    expect(lakehouse.notifications).toBeUndefined();
    expect(lakehouse.warehouse).toBeDefined();
  });

  test('an info message lists the personas in effect and says when the defaults were replaced', () => {
    const stack = newGcpStack();
    const lakehouse = new Lakehouse(stack, 'Lakehouse', {
      platformName: 'sales',
      location: 'europe-west1',
      personas: [{ name: 'auditor', access: { curated: 'read' as ZoneAccess } }],
    });
    expect(infosOf(lakehouse)).toEqual([
      expect.stringContaining(
        'personas in effect: auditor (curated: read) — `personas` replaced the default personas',
      ),
    ]);
  });

  test('a multi-region location needs a region when there are regional services', () => {
    const stack = newGcpStack();
    expect(() => new Lakehouse(stack, 'Lakehouse', { platformName: 'sales', location: 'EU' })).toThrow(
      expect.objectContaining({ code: 'DPK_INVALID_LOCATION', prop: 'region' }),
    );
  });

  test.each([
    ['europe-west1', 'us-central1'],
    ['EU', 'us-central1'],
  ])('a region outside the location %p is reported on region, the prop the user gave', (location, region) => {
    const stack = newGcpStack();
    expect(() => new Lakehouse(stack, 'Lakehouse', { platformName: 'sales', location, region })).toThrow(
      expect.objectContaining({ code: 'DPK_INVALID_LOCATION', prop: 'region', received: region }),
    );
  });
});

describe('gcp.Lakehouse in a multi-region location', () => {
  // GIVEN the maximal spec in the EU multi-region, its regional services in europe-west1
  const MULTI_REGION: LakehouseProps = { ...MAXIMAL, location: 'EU', region: 'europe-west1' };
  /** The id of the crypto key made by the construct `keyId` of the lakehouse, as the JSON references it. */
  const keyRef = (template: TfTemplate, keyId: 'Key' | 'PipelineKey'): string => {
    const [key] = template
      .resources('google_kms_crypto_key')
      .filter((k) => k.name.startsWith(`Lakehouse_${keyId}_`));
    return ref('google_kms_crypto_key', key.name, 'id');
  };

  test('the pipelines encrypt with a key of their own in the region; the lake keeps its multi-region key', () => {
    // WHEN
    const { lakehouse, template } = synth(MULTI_REGION);
    // THEN the key rings sit where each key is used
    const rings = template
      .resources('google_kms_key_ring')
      .map((r) => r.config.location)
      .sort();
    expect(rings).toEqual(['europe', 'europe-west1']);
    const pipelineKey = lakehouse.pipelines['daily-orders'].encryptionKey;
    expect(pipelineKey).not.toBe(lakehouse.encryptionKey);
    expect(pipelineKey.location).toBe('europe-west1');
    // AND the workflow, its run-log bucket and each step's batch use the regional key
    template.allResourcesHave('google_workflows_workflow', {
      crypto_key_name: keyRef(template, 'PipelineKey'),
    });
    template.allResourcesHave('google_logging_project_bucket_config', {
      cmek_settings: { kms_key_name: keyRef(template, 'PipelineKey') },
    });
    const batchKeys = template
      .resources('google_workflows_workflow')
      .flatMap((w) => [...String(w.config.source_contents).matchAll(/"kmsKey":"([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(batchKeys)).toEqual(new Set([keyRef(template, 'PipelineKey')]));
    expect(batchKeys).toHaveLength(2);
    // AND the zone buckets (EU) keep the lake's key; the pipeline's code and staging buckets
    // (in the region) take the pipeline key
    const buckets = template.resources('google_storage_bucket').map((b) => {
      const zone = (b.config.labels as Record<string, string>)['data-zone'];
      const key = (b.config.encryption as { default_kms_key_name: string }).default_kms_key_name;
      return { zone, location: b.config.location, key };
    });
    expect(
      buckets
        .filter((b) => b.zone)
        .map((b) => b.zone)
        .sort(),
    ).toEqual([...lakehouse.lake.zoneNames].sort());
    expect(buckets).toEqual(
      buckets.map((b) =>
        b.zone
          ? { ...b, location: 'EU', key: keyRef(template, 'Key') }
          : { ...b, location: 'europe-west1', key: keyRef(template, 'PipelineKey') },
      ),
    );
  });

  // Which service agents hold the pipeline key, and that each user of a key waits for its agent's
  // grant on that key: test/journeys/gcp-deploy-order.test.ts (this spec in the EU multi-region).
  test("the pipeline key rotates like the lake's", () => {
    const { template } = synth(MULTI_REGION);
    const rotations = template.resources('google_kms_crypto_key').map((k) => k.config.rotation_period);
    expect(rotations).toHaveLength(2);
    expect(new Set(rotations)).toEqual(new Set([rotations[0]]));
  });

  test('zero unacknowledged compliance findings', () => {
    const { stack } = synth(MULTI_REGION);
    expect(checkCompliance(stack).findings).toEqual([]);
  });

  test("a lake in the pipelines' region keeps one key for everything", () => {
    const { lakehouse, template } = synth(MAXIMAL);
    expect(lakehouse.pipelines['daily-orders'].encryptionKey).toBe(lakehouse.encryptionKey);
    template.resourceCountIs('google_kms_crypto_key', 1);
  });
});

describe('gcp.Lakehouse stepRuntime', () => {
  test("is keyed '<pipeline>/<step>' like stepScripts and reaches that step's batch only", () => {
    // GIVEN / WHEN
    const { lakehouse } = synth({
      ...MAXIMAL,
      stepRuntime: {
        'daily-orders/publish': { properties: { 'spark.executor.instances': '4' }, args: ['--full'] },
      },
    });
    // THEN
    const [clean, publish] = lakehouse.pipelines['daily-orders'].jobs;
    expect(publish.batchRequest.runtimeConfig.properties).toEqual({ 'spark.executor.instances': '4' });
    expect(publish.batchRequest.pysparkBatch?.args).toEqual(['--full']);
    expect(clean.batchRequest.runtimeConfig.properties).toBeUndefined();
    expect(clean.batchRequest.pysparkBatch?.args).toBeUndefined();
  });

  test.each([
    ['a step the spec does not have', 'daily-orders/load'],
    ['a pipeline the spec does not have', 'hourly/clean'],
    ['a step name without its pipeline', 'clean'],
  ])('rejects a key naming %s', (_what, key) => {
    expect(() => synth({ ...MAXIMAL, stepRuntime: { [key]: { args: ['x'] } } })).toThrow(
      expect.objectContaining({
        code: 'DPK_CONFLICTING_PROPS',
        prop: `stepRuntime['${key}']`,
        message: expect.stringContaining('daily-orders/clean, daily-orders/publish'),
      }),
    );
  });

  test('rejects a main file, which comes from stepScripts', () => {
    const stepRuntime = { 'daily-orders/clean': { mainPythonFileUri: 'gs://acme-code/clean.py' } };
    expect(() => synth({ ...MAXIMAL, stepRuntime } as LakehouseProps)).toThrow(
      expect.objectContaining({
        code: 'DPK_CONFLICTING_PROPS',
        prop: "stepRuntime['daily-orders/clean'].mainPythonFileUri",
      }),
    );
  });

  test('an unknown key in both stepScripts and stepRuntime is reported once for each prop', () => {
    const script = MAXIMAL.stepScripts!['daily-orders/clean'];
    expect(() =>
      synth({
        ...MAXIMAL,
        stepScripts: { ...MAXIMAL.stepScripts, 'x/y': script },
        stepRuntime: { 'x/y': {} },
      }),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/stepScripts\['x\/y'\][\s\S]*stepRuntime\['x\/y'\]/),
      }),
    );
  });
});
