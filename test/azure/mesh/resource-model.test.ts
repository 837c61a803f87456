import { buildMesh, MESH_PROPS, TODAY } from './support';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh } from '../../../src/azure';

/**
 * DataMesh.RESOURCE_MODEL against what the rendering synthesizes: every stack's estimate is at
 * least its real count of Terraform resources (data sources excluded) and at most MARGIN above it
 * plus SLACK (a model that errs far high rejects meshes that would deploy).
 */
const MARGIN = 0.25;
const SLACK = 5;

const ONE_SUBSCRIPTION = {
  ...ACME_MESH,
  location: 'westeurope',
  deployerInsideNetwork: true,
  today: TODAY,
  domainOptions: { sales: { stepScripts: MESH_PROPS.domainOptions!.sales.stepScripts } },
};

describe.each([
  ['three subscriptions', MESH_PROPS],
  ['one subscription', ONE_SUBSCRIPTION],
])('DataMesh.RESOURCE_MODEL (%s)', (_, props) => {
  const { mesh, docs } = buildMesh(props);
  test.each(mesh.plan.stacks.map((s) => [s.name, s] as const))(
    '%s: estimate covers the synthesized count within the margin',
    (name, planned) => {
      const resources = (docs[name] as any).resource ?? {};
      const actual = Object.values(resources).reduce(
        (n: number, blocks: any) => n + Object.keys(blocks).length,
        0,
      );
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

test('the plan uses the Azure model', () => {
  const { mesh } = buildMesh();
  expect(mesh.plan.stacks.find((s) => s.name === 'acme-governance')!.estimatedResources).toBe(
    DataMesh.RESOURCE_MODEL.governance.base +
      DataMesh.RESOURCE_MODEL.governance.perProduct * mesh.plan.products.length,
  );
});
