import { buildMesh } from '../gcp/mesh/support';

/**
 * Snapshots of every stack of gcp.DataMesh over ACME_MESH in two projects: change detectors,
 * reviewed on every diff. The properties that matter are asserted alongside (and in
 * test/gcp/mesh/data-mesh.test.ts). cdktf's default local backend writes the working directory
 * into the state paths; the snapshots show it as `<cwd>`.
 */
const { mesh, docs } = buildMesh();
const portable = (doc: unknown) => JSON.parse(JSON.stringify(doc).split(process.cwd()).join('<cwd>'));

describe.each(Object.keys(docs))('gcp.DataMesh stack %s', (name) => {
  test('snapshot, named as planned', () => {
    expect(mesh.stacks[name].node.id).toBe(name);
    expect(portable(docs[name])).toMatchSnapshot();
  });
});
