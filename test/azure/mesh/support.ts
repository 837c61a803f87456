import * as os from 'node:os';
import { App } from 'cdktf';
import { ACME_MESH } from '../../../examples/data-mesh-spec';
import { DataMesh, type DataMeshProps, SparkJobScript } from '../../../src/azure';
import { synthesizeStack } from '../../../src/terraform';
import type { TfDocument } from '../../helpers/tf-template';

/** The subscriptions of the mesh: governance and sales share one; marketing and finance have theirs. */
export const CENTRAL = '11111111-1111-4111-8111-111111111111';
export const MARKETING = '22222222-2222-4222-8222-222222222222';
export const FINANCE = '33333333-3333-4333-8333-333333333333';
/** The day subscriptions are checked against: ACME's finance → customers subscription is live. */
export const TODAY = '2027-01-15';

/** ACME_MESH across three subscriptions, as the example renders it. */
export const MESH_PROPS: DataMeshProps = {
  ...ACME_MESH,
  location: 'westeurope',
  governanceSubscriptionId: CENTRAL,
  domainOptions: {
    sales: {
      subscriptionId: CENTRAL,
      stepScripts: {
        'daily/clean': SparkJobScript.fromNotebook('daily_clean'),
        'daily/publish': SparkJobScript.fromNotebook('daily_publish'),
      },
    },
    marketing: { subscriptionId: MARKETING },
    finance: { subscriptionId: FINANCE, addressSpace: '10.30.0.0/16' },
  },
  deployerInsideNetwork: true,
  today: TODAY,
};

/** A fresh app with the mesh, and each stack's synthesized Terraform by its planned name. */
export function buildMesh(
  props: DataMeshProps = MESH_PROPS,
  context: Record<string, unknown> = {},
): { app: App; mesh: DataMesh; docs: Record<string, TfDocument> } {
  const app = new App({ outdir: os.tmpdir(), stackTraces: false, context });
  const mesh = new DataMesh(app, 'Mesh', props);
  const docs = Object.fromEntries(
    Object.entries(mesh.stacks).map(([name, stack]) => [name, synthesizeStack(stack) as TfDocument]),
  );
  return { app, mesh, docs };
}

/** Blocks of `type` in a document (resources, or data sources with `data.`), as name → config. */
export function blocksOf(doc: TfDocument, type: string): Record<string, any> {
  if (type.startsWith('data.')) return ((doc as any).data?.[type.slice(5)] ?? {}) as Record<string, any>;
  return ((doc as any).resource?.[type] ?? {}) as Record<string, any>;
}
