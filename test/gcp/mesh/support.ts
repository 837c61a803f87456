import * as os from 'node:os';
import * as path from 'node:path';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh, type DataMeshProps, PartitionedIcebergProducts, SparkJobScript } from '../../../src/gcp';
import { App, synthesizeStack, type TerraformStack } from '../../../src/terraform';

/** The projects of the two-project mesh: governance and sales; marketing and finance. */
export const CENTRAL = 'acme-central';
export const ANALYTICS = 'acme-analytics';
/** The day subscriptions are checked against: ACME's finance → customers subscription is live. */
export const TODAY = '2027-01-15';

const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../../../examples/jobs/clean_orders.py'));

/** ACME_MESH across two projects, as the example renders it. */
export const TWO_PROJECT_PROPS: DataMeshProps = {
  ...ACME_MESH,
  governanceProject: CENTRAL,
  location: 'europe-west1',
  partitionedIcebergProducts: PartitionedIcebergProducts.BIGQUERY_TABLE,
  domainOptions: {
    sales: { stepScripts: { 'daily/clean': SCRIPT, 'daily/publish': SCRIPT } },
    marketing: { project: ANALYTICS },
    finance: { project: ANALYTICS },
  },
  today: TODAY,
};

/** A synthesized document: resources by type then name. */
export type Doc = Record<string, any>;

/**
 * A fresh app with the mesh, and each stack's Terraform JSON by its planned name. Every stack is
 * prepared first (as `app.synth()` does), so cross-stack references make their outputs and
 * remote states before any stack is read.
 */
export function buildMesh(
  props: DataMeshProps = TWO_PROJECT_PROPS,
  context: Record<string, unknown> = {},
): { app: App; mesh: DataMesh; docs: Record<string, Doc> } {
  const app = new App({
    context,
    outdir: path.join(os.tmpdir(), 'data-platform-kit-tests'),
    stackTraces: false,
  });
  const mesh = new DataMesh(app, 'Mesh', props);
  const stacks = Object.values(mesh.stacks) as TerraformStack[];
  for (const stack of stacks) stack.prepareStack();
  const docs = Object.fromEntries(
    Object.entries(mesh.stacks).map(([name, stack]) => [
      name,
      JSON.parse(JSON.stringify(synthesizeStack(stack))),
    ]),
  );
  return { app, mesh, docs };
}

/** Resources of `type` in a document, by name. */
export function resourcesOf(doc: Doc, type: string): Record<string, any> {
  return doc.resource?.[type] ?? {};
}

/** The number of resources in a document. */
export function resourceCount(doc: Doc): number {
  return Object.values<Record<string, unknown>>(doc.resource ?? {}).reduce(
    (n, byName) => n + Object.keys(byName).length,
    0,
  );
}
