/**
 * The subscription matrix on GCP: each producer's products stack grants its subscribers'
 * persona service accounts read on exactly the subscribed product's dataset; each consumer's
 * products stack lets its subscribed personas run queries in its own project. Never a grant on
 * a producer's bucket or key. Internal: not exported from the entry point.
 */
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { Construct } from 'constructs';
import { JOB_USER_ROLE } from './freshness';
import { idPart, personaEmail } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import type { ProductTable } from './product-tables';
import type { PlannedSubscriptionGrant } from '../../../patterns';
import type { Lakehouse } from '../../patterns/lakehouse';

/** What a subscriber's persona gets on the product's dataset: read its tables, nothing else. */
export const SUBSCRIBER_DATASET_ROLE = 'roles/bigquery.dataViewer';

/**
 * In the producer's products stack: `roles/bigquery.dataViewer` on the product's own dataset
 * (dataset IAM, `google_bigquery_dataset_iam_member`: product datasets hold no authorized views
 * the IAM form would strip) for each consumer persona of the matrix, by its service account's
 * email. Columns above the consumer's clearance stay unreadable: their policy tags are granted
 * only to cleared domains (identity stacks).
 */
export function createProducerGrants(
  stack: Construct,
  s: DataMeshSettings,
  producer: string,
  tables: Readonly<Record<string, ProductTable>>,
): Record<string, BigqueryDatasetIamMember> {
  const grants = s.plan.subscriptions.filter((g) => g.producer === producer);
  if (grants.length === 0) return {};
  const scope = new Construct(stack, 'Subscribers');
  const made: Record<string, BigqueryDatasetIamMember> = {};
  for (const g of grants) {
    const { product, dataset } = tables[g.product];
    const id = `${idPart(product.name)}${idPart(g.consumer)}${idPart(g.persona)}`;
    if (made[id]) continue;
    made[id] = new BigqueryDatasetIamMember(scope, id, {
      project: s.projects[producer],
      datasetId: dataset.datasetId,
      role: SUBSCRIBER_DATASET_ROLE,
      member: `serviceAccount:${personaEmail(s.plan.name, g.consumer, g.persona, s.projects[g.consumer])}`,
    });
  }
  return made;
}

/**
 * In the consumer's products stack: `roles/bigquery.jobUser` in its own project for each of its
 * personas that subscribes to something (through the warehouse's grant when it has one, so one
 * binding has one member resource), so they can query what they were granted.
 */
export function createConsumerAccess(
  stack: Construct,
  s: DataMeshSettings,
  consumer: string,
  lakehouse: Lakehouse,
): void {
  const personas = [
    ...new Set(
      s.plan.subscriptions
        .filter((g: PlannedSubscriptionGrant) => g.consumer === consumer)
        .map((g) => g.persona),
    ),
  ];
  if (personas.length === 0) return;
  const scope = new Construct(stack, 'Subscriptions');
  for (const persona of personas) {
    const principal = lakehouse.principals[persona];
    if (lakehouse.warehouse) {
      lakehouse.warehouse.grantQuery(principal);
      continue;
    }
    new ProjectIamMember(scope, `${idPart(persona)}JobUser`, {
      project: s.projects[consumer],
      role: JOB_USER_ROLE,
      member: principal.iamMember,
    });
  }
}
