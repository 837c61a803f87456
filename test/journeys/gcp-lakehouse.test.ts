import { missing, synthLakehouse, withScripts } from './gcp/lakehouse-journeys';
import ROLE_TABLE from './gcp/roles.json';
import { CUSTOM_PERSONAS_SPEC, lakehouseJourneys } from './lakehouse-journeys';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';

/** The example's spec, on GCP. */
const EXAMPLE = withScripts({ ...SALES_LAKEHOUSE, project: 'acme-data-dev', location: 'europe-west1' });

/** The shared custom-persona spec, on GCP. */
const CUSTOM = withScripts({ ...CUSTOM_PERSONAS_SPEC, project: 'acme-data-dev', location: 'europe-west1' });

/** The example's spec in the EU multi-region: its pipelines encrypt with a key of their own in europe-west1. */
const MULTI_REGION = { ...EXAMPLE, location: 'EU', region: 'europe-west1' };

describe.each([
  ['the example spec', EXAMPLE],
  ['a spec with custom personas', CUSTOM],
  ['the example spec in the EU multi-region', MULTI_REGION],
])('GCP lakehouse journeys: %s', (_name, props) => {
  const { lakehouse, iam } = synthLakehouse(props);
  const journeys = lakehouseJourneys(lakehouse.plan);

  test('every role the stack grants is in the sourced role table or a synthesized custom role', () => {
    expect(() => iam.roles().map((r) => iam.permissionsOf(r))).not.toThrow();
  });

  test.each(journeys.filter((j) => j.allowed).map((j) => [j.title, j] as const))('%s', (_t, journey) => {
    expect(missing(iam, journey)).toEqual([]);
  });

  test.each(journeys.filter((j) => !j.allowed).map((j) => [j.title, j] as const))('%s', (_t, journey) => {
    expect(missing(iam, journey).length).toBeGreaterThan(0);
  });
});

describe('the GCP role table', () => {
  test('cites the IAM reference for every role it lists', () => {
    for (const [role, entry] of Object.entries(ROLE_TABLE.roles)) {
      expect([role, entry.source]).toEqual([
        role,
        expect.stringMatching(/^https:\/\/cloud\.google\.com\/iam\/docs\/roles-permissions\//),
      ]);
      expect(entry.permissions.length).toBeGreaterThan(0);
    }
  });

  test('the connection role the catalog grants has delegate; connectionUser would not', () => {
    const { iam } = synthLakehouse(EXAMPLE);
    const connectionRoles = iam.bindings.filter((b) => b.target.startsWith('google_bigquery_connection.'));
    expect(
      connectionRoles.some((b) => iam.permissionsOf(b.role).includes('bigquery.connections.delegate')),
    ).toBe(true);
    expect(ROLE_TABLE.roles['roles/bigquery.connectionAdmin'].permissions).toContain(
      'bigquery.connections.delegate',
    );
  });

  test('no job holds a storage permission on the project (the worker role has none)', () => {
    const { iam } = synthLakehouse(EXAMPLE);
    const projectStorage = iam.bindings.filter(
      (b) => b.target === 'project' && iam.permissionsOf(b.role).some((p) => p.startsWith('storage.')),
    );
    expect(projectStorage).toEqual([]);
  });
});
