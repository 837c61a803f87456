import { buildMesh, ONE_ACCOUNT_PROPS, TWO_ACCOUNT_PROPS } from './support';
import { DataMesh } from '../../../src/aws';

/**
 * DataMesh.RESOURCE_MODEL against what the rendering synthesizes: every stack's estimate is at
 * least its real size (planning must not let a stack pass CloudFormation's limit unnoticed) and
 * at most MARGIN above it plus SLACK resources (a model that errs far high rejects meshes that
 * would deploy; SLACK covers an identity stack that does not own its account's settings).
 */
const MARGIN = 0.25;
const SLACK = 5;

describe.each([
  ['two accounts', TWO_ACCOUNT_PROPS],
  ['one account', ONE_ACCOUNT_PROPS],
])('DataMesh.RESOURCE_MODEL (%s)', (_, props) => {
  const { mesh, templates } = buildMesh(props);
  test.each(mesh.plan.stacks.map((s) => [s.name, s] as const))(
    '%s: estimate covers the synthesized count within the margin',
    (name, planned) => {
      const actual = Object.keys(templates[name].toJSON().Resources).length;
      expect({
        name,
        estimate: planned.estimatedResources,
        actual,
        ok:
          planned.estimatedResources >= actual &&
          planned.estimatedResources <= Math.ceil(actual * (1 + MARGIN)) + SLACK,
      }).toEqual(expect.objectContaining({ ok: true }));
    },
  );
});

test('the plan uses the AWS model', () => {
  expect(DataMesh.RESOURCE_MODEL.products.perGrant).toBeGreaterThan(0);
});
