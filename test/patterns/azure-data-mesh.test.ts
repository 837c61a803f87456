import { buildMesh } from '../azure/mesh/support';

/**
 * Snapshots of every stack of azure.DataMesh over ACME_MESH across three subscriptions: change
 * detectors, reviewed on every diff. The properties that matter are asserted alongside (and in
 * test/azure/mesh/data-mesh.test.ts).
 */
const { mesh, docs } = buildMesh();

describe.each(Object.keys(docs))('azure.DataMesh stack %s', (name) => {
  test('snapshot, and no remote state or output', () => {
    const doc = docs[name] as any;
    expect(doc.data?.terraform_remote_state).toBeUndefined();
    expect(doc.output).toBeUndefined();
    expect(mesh.stacks[name].node.id).toBe(name);
    expect(doc).toMatchSnapshot();
  });
});
