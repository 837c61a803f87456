import { LakeStorage, Network, SparkJob, type SparkJobProps } from '../../../src/gcp';
import { TerraformOutput, type TerraformStack, Testing } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

export { byId, dependsOf, refTo } from '../streaming/stream-fixtures';

export const SERVICE_ACCOUNT = 'google_service_account';
export const PROJECT_IAM = 'google_project_iam_member';
export const SA_IAM = 'google_service_account_iam_member';
export const BUCKET_IAM = 'google_storage_bucket_iam_member';
export const KEY_IAM = 'google_kms_crypto_key_iam_member';
export const SERVICE = 'google_project_service';
export const CLEAN_PY = 'gs://acme-code/sales/clean.py';

/** A `sales` network in europe-west1 that allows internal ingress, as Dataproc Serverless needs. */
export function newNetwork(stack: TerraformStack, region = 'europe-west1'): Network {
  return new Network(stack, 'Network', { platformName: 'sales', region, allowInternalIngress: true });
}

/** A `sales` lake in europe-west1 (zones raw, curated, serving). */
export function newLake(stack: TerraformStack, location = 'europe-west1'): LakeStorage {
  return new LakeStorage(stack, 'Lake', { platformName: 'sales', location });
}

/** A `clean` job raw → curated running clean.py (plus `props`), with a new lake and network unless given. */
export function newJob(stack: TerraformStack, props: Partial<SparkJobProps> = {}, id = 'Clean'): SparkJob {
  return new SparkJob(stack, id, {
    platformName: 'sales',
    jobName: 'clean',
    lake: props.lake ?? (stack.node.tryFindChild('Lake') as LakeStorage | undefined) ?? newLake(stack),
    network:
      props.network ?? (stack.node.tryFindChild('Network') as Network | undefined) ?? newNetwork(stack),
    sourceZone: 'raw',
    targetZone: 'curated',
    mainPythonFileUri: CLEAN_PY,
    ...props,
  });
}

/** A fresh stack with the job (plus `props`), synthesized. */
export function synthJob(props: Partial<SparkJobProps> = {}, context: Record<string, unknown> = {}) {
  const stack = newGcpStack(context);
  const job = newJob(stack, props);
  return { stack, job, template: TfTemplate.fromStack(stack) };
}

/** A resolved batch request: the job's JSON with the stack's references, as Terraform would get it. */
export function resolvedBatch(stack: TerraformStack, job: SparkJob): Record<string, any> {
  const id = `${job.node.id}BatchRequest`;
  if (!stack.node.tryFindChild(id)) new TerraformOutput(stack, id, { value: job.batchRequestJson });
  const doc = JSON.parse(Testing.synth(stack, false)) as { output: Record<string, { value: string }> };
  return JSON.parse(doc.output[id].value);
}
