import { Pipeline, type PipelineProps, type PipelineStep } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newLake, newNetwork } from '../processing/spark-job-fixtures';
import { newGcpStack } from '../support';

export { byId, dependsOf, refTo } from '../streaming/stream-fixtures';
export { newLake, newNetwork } from '../processing/spark-job-fixtures';

export const WORKFLOW = 'google_workflows_workflow';
export const SCHEDULE = 'google_cloud_scheduler_job';
export const ALERT = 'google_monitoring_alert_policy';
export const LOG_BUCKET = 'google_logging_project_bucket_config';
export const LOG_SINK = 'google_logging_project_sink';
export const SERVICE_ACCOUNT = 'google_service_account';
export const PROJECT_IAM = 'google_project_iam_member';
export const SA_IAM = 'google_service_account_iam_member';
export const BUCKET_IAM = 'google_storage_bucket_iam_member';
export const KEY_IAM = 'google_kms_crypto_key_iam_member';
export const SERVICE = 'google_project_service';

/** The two steps raw → curated → serving. */
export const STEPS: readonly PipelineStep[] = [
  {
    name: 'clean',
    sourceZone: 'raw',
    targetZone: 'curated',
    mainPythonFileUri: 'gs://acme-code/sales/clean.py',
  },
  {
    name: 'publish',
    sourceZone: 'curated',
    targetZone: 'serving',
    mainPythonFileUri: 'gs://acme-code/sales/publish.py',
  },
];

/** A `daily` pipeline of STEPS over a new lake and network (plus `props`). */
export function newPipeline(
  stack: TerraformStack,
  props: Partial<PipelineProps> = {},
  id = 'Daily',
): Pipeline {
  return new Pipeline(stack, id, {
    platformName: 'sales',
    pipelineName: 'daily',
    lake: props.lake ?? newLake(stack),
    network: props.network ?? newNetwork(stack),
    steps: STEPS,
    ...props,
  });
}

/** A fresh stack with the pipeline (plus `props`), synthesized. */
export function synthPipeline(props: Partial<PipelineProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const pipeline = newPipeline(stack, props);
  return { stack, pipeline, template: TfTemplate.fromStack(stack) };
}
