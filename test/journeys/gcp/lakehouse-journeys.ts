/**
 * Proves the lakehouse journeys on a synthesized GCP stack: each journey becomes the permissions
 * the action needs on the resources it touches, checked against the synthesized bindings with
 * {@link GcpIamModel}.
 */
import * as path from 'node:path';
import { GcpIamModel, type Target } from './iam-model';
import { constructIdFrom } from '../../../src/core/zones';
import { Lakehouse, type LakehouseProps, SparkJobScript } from '../../../src/gcp';
import { synthesizeStack } from '../../../src/terraform';
import { newGcpStack } from '../../gcp/support';
import type { TfDocument } from '../../helpers/tf-template';
import { type Journey, JourneyAction } from '../lakehouse-journeys';

/** One permission a journey needs on one resource. */
export interface Need {
  readonly permission: string;
  readonly target: Target;
  /** The resource's IAM name, for conditional project bindings. */
  readonly resourceName?: string;
}

const JOBS = path.join(__dirname, '..', '..', '..', 'examples', 'jobs');

/** `props` with a local script for every pipeline step (the example's clean script). */
export function withScripts(props: Omit<LakehouseProps, 'stepScripts'>): LakehouseProps {
  const stepScripts: Record<string, SparkJobScript> = {};
  for (const p of props.pipelines ?? []) {
    for (const s of p.steps) {
      stepScripts[`${p.name}/${s.name}`] = SparkJobScript.fromAsset(path.join(JOBS, 'clean_orders.py'));
    }
  }
  return { ...props, stepScripts };
}

/** A synthesized lakehouse and its IAM model. */
export function synthLakehouse(props: LakehouseProps): {
  lakehouse: Lakehouse;
  doc: TfDocument;
  iam: GcpIamModel;
} {
  const stack = newGcpStack();
  const lakehouse = new Lakehouse(stack, 'Lakehouse', props);
  const doc = JSON.parse(JSON.stringify(synthesizeStack(stack))) as TfDocument;
  return { lakehouse, doc, iam: new GcpIamModel(doc) };
}

/** The identity (service account address) that acts in `journey`. */
export function actorOf(iam: GcpIamModel, journey: Journey): string {
  if (journey.actor.kind === 'persona') {
    return iam.one('google_service_account', `/Lakehouse/${constructIdFrom(journey.actor.name)}Persona`);
  }
  const [pipeline, step] = journey.actor.name.split('/');
  return iam.one(
    'google_service_account',
    `/Lakehouse/${constructIdFrom(pipeline)}Pipeline/${constructIdFrom(step)}Step/ServiceAccount`,
  );
}

/** The permissions `journey` needs, on the resources of the synthesized lakehouse. */
export function needsOf(iam: GcpIamModel, journey: Journey): Need[] {
  const zoneBucket = (zone: string) =>
    iam.one('google_storage_bucket', `/Lakehouse/Storage/${constructIdFrom(zone)}Bucket`);
  const dataset = (zone: string) =>
    iam.one('google_bigquery_dataset', `/Lakehouse/Catalog/${constructIdFrom(zone)}Dataset`);
  const connection = () => iam.one('google_bigquery_connection', '/Lakehouse/Catalog/BigLakeConnection');
  const on = (target: Target, ...permissions: string[]): Need[] =>
    permissions.map((permission) => ({ permission, target }));
  const t = journey.target;
  switch (journey.action) {
    case JourneyAction.READ_ZONE:
      return on(zoneBucket(t), 'storage.objects.get', 'storage.objects.list');
    case JourneyAction.WRITE_ZONE:
      return on(zoneBucket(t), 'storage.objects.create');
    case JourneyAction.QUERY_ZONE:
      return [
        ...on(dataset(t), 'bigquery.tables.getData', 'bigquery.tables.list'),
        ...on('project', 'bigquery.jobs.create'),
      ];
    case JourneyAction.CREATE_TABLE:
      return [
        ...on(dataset(t), 'bigquery.tables.create', 'bigquery.tables.update', 'bigquery.tables.updateData'),
        ...on(connection(), 'bigquery.connections.delegate'),
        ...on(zoneBucket(t), 'storage.objects.create'),
        ...on('project', 'bigquery.jobs.create'),
      ];
    case JourneyAction.PUBLISH_STREAM:
      return on(
        iam.one('google_pubsub_topic', `/Lakehouse/${constructIdFrom(t)}Stream/Topic`),
        'pubsub.topics.publish',
      );
    case JourneyAction.OPERATE_PIPELINE: {
      const workflow = iam.one(
        'google_workflows_workflow',
        `/Lakehouse/${constructIdFrom(t)}Pipeline/Workflow`,
      );
      const c = iam.config(workflow);
      const resourceName = `projects/${String(c.project)}/locations/${String(c.region)}/workflows/${String(c.name)}`;
      return ['workflows.executions.create', 'workflows.executions.list', 'workflows.executions.get'].map(
        (permission) => ({ permission, target: workflow, resourceName }),
      );
    }
    case JourneyAction.ADMINISTER_CATALOG:
      return iam
        .byPath('google_bigquery_dataset', 'Dataset')
        .map((d) => ({ permission: 'bigquery.datasets.setIamPolicy', target: d }));
  }
  throw new Error(`no GCP permissions known for ${String(journey.action)}`);
}

/** The needs of `journey` its actor lacks (empty: the journey works). */
export function missing(iam: GcpIamModel, journey: Journey): Need[] {
  const actor = actorOf(iam, journey);
  return needsOf(iam, journey).filter((n) => !iam.allows(actor, n.permission, n.target, n.resourceName));
}
