import { buildMesh, resourceCount, TWO_PROJECT_PROPS } from './support';
import { DataMesh } from '../../../src/gcp';

/**
 * DataMesh.RESOURCE_MODEL against what the rendering synthesizes: every stack's estimate is at
 * least its real size (planning must not let a stack grow past what one state should hold
 * unnoticed) and at most MARGIN above it plus SLACK resources (a model that errs far high
 * rejects meshes that would deploy).
 */
const MARGIN = 0.25;
const SLACK = 5;

describe.each([
  ['two projects', TWO_PROJECT_PROPS],
  ['one project', { ...TWO_PROJECT_PROPS, domainOptions: { sales: TWO_PROJECT_PROPS.domainOptions!.sales } }],
])('gcp DataMesh.RESOURCE_MODEL (%s)', (_, props) => {
  const { mesh, docs } = buildMesh(props);
  test.each(mesh.plan.stacks.map((s) => [s.name, s] as const))(
    '%s: estimate covers the synthesized count within the margin',
    (name, planned) => {
      const actual = resourceCount(docs[name]);
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

test('the plan uses the GCP model', () => {
  const { mesh } = buildMesh();
  const governance = DataMesh.RESOURCE_MODEL.governance;
  expect(mesh.plan.stacks[0].estimatedResources).toBe(
    governance.base + governance.perProduct * mesh.plan.products.length + governance.perClassification * 4,
  );
});
