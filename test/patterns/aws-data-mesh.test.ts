import { buildMesh } from '../aws/mesh/support';

/**
 * Snapshots of every stack of aws.DataMesh over ACME_MESH in two accounts: change detectors,
 * reviewed on every diff. The properties that matter are asserted alongside (and in
 * test/aws/mesh/data-mesh.test.ts).
 */
const { mesh, templates } = buildMesh();

describe.each(Object.keys(templates))('aws.DataMesh stack %s', (name) => {
  test('snapshot, and no export or import', () => {
    const template = templates[name].toJSON();
    expect(JSON.stringify(template)).not.toMatch(/Fn::ImportValue|"Export"/);
    expect(mesh.stacks[name].stackName).toBe(name);
    expect(template).toMatchSnapshot();
  });
});
