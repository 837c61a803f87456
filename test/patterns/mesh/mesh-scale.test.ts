import { generatedMesh, MESH_FAN_OUT } from '../../../scripts/bench/generated-mesh';
import { DataMesh as AwsDataMesh } from '../../../src/aws/mesh/data-mesh';
import { DataMesh as AzureDataMesh } from '../../../src/azure/mesh/data-mesh';
import { DataMesh as GcpDataMesh } from '../../../src/gcp/mesh/data-mesh';
import { DataMeshDefaults, type MeshResourceModel, planDataMesh } from '../../../src/patterns';
import { newScope } from '../../helpers/scope';

/**
 * The generated mesh of the scale benchmark (scripts/bench/generated-mesh.ts), planned at its
 * sizes with each rendering's calibrated resource model: valid, the same fan-out at every size,
 * and no stack near its engine's limit however many domains, so synthesis time can grow
 * linearly (the benchmark measures it).
 */
const MODELS: Record<string, MeshResourceModel> = {
  aws: AwsDataMesh.RESOURCE_MODEL,
  gcp: GcpDataMesh.RESOURCE_MODEL,
  azure: AzureDataMesh.RESOURCE_MODEL,
};

describe.each(Object.entries(MODELS))('%s: a generated mesh', (_cloud, resourceModel) => {
  const plans = [10, 50, 100].map((n) => planDataMesh(newScope(), generatedMesh(n), { resourceModel }));

  test('every domain consumes from, and is read by, a fixed number of others', () => {
    for (const plan of plans) {
      for (const domain of plan.domains) {
        const consumed = new Set(
          plan.subscriptions.filter((g) => g.consumer === domain.name).map((g) => g.producer),
        );
        const readers = new Set(
          plan.subscriptions.filter((g) => g.producer === domain.name).map((g) => g.consumer),
        );
        expect({ domain: domain.name, consumed: consumed.size, readers: readers.size }).toEqual({
          domain: domain.name,
          consumed: MESH_FAN_OUT,
          readers: MESH_FAN_OUT,
        });
      }
    }
  });

  test('stacks grow with domains, none of them with its size', () => {
    const largest = plans.map((p) => Math.max(...p.stacks.map((s) => s.estimatedResources)));
    expect(plans.map((p) => p.stacks.length)).toEqual([21, 101, 201]);
    // Governance grows by a contract per product; every domain stack stays the same size.
    const domainStacks = plans.map((p) =>
      Math.max(...p.stacks.filter((s) => s.domain).map((s) => s.estimatedResources)),
    );
    expect(new Set(domainStacks).size).toBe(1);
    expect(Math.max(...largest)).toBeLessThanOrEqual(DataMeshDefaults.MAX_RESOURCES_PER_STACK);
  });
});

test('a generated mesh is too small to fan out below three domains', () => {
  expect(() => generatedMesh(2)).toThrow(/more than 2 domains/);
});
