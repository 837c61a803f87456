import type { CloudName } from '../spec/spec-file';

/**
 * What a platform's parts are called on one cloud: the services the kit's constructs render
 * them with (src/<cloud>/). Without a cloud, neutral words.
 */
export interface ServiceNames {
  /** The cloud's display name, or `any cloud`. */
  readonly cloud: string;
  /** A zone's storage (one per zone). */
  readonly zone: string;
  /** A persona's identity. */
  readonly persona: string;
  /** A stream and what lands it in the zone. */
  readonly stream: string;
  /** What runs a pipeline's steps in order on its schedule. */
  readonly orchestrator: string;
  /** What one step runs as. */
  readonly step: string;
  /** The catalog over the zones. */
  readonly catalog: string;
  /** The warehouse. */
  readonly warehouse: string;
  /** The mesh's governance: the contract registry and classification enforcement. */
  readonly governance: string;
  /** A data product's table or container. */
  readonly product: string;
  /** What a subscription grants. */
  readonly subscription: string;
}

/** Neutral names, for a diagram without `--cloud`. */
export const NEUTRAL_SERVICES: ServiceNames = {
  cloud: 'any cloud',
  zone: 'storage zone',
  persona: 'persona identity',
  stream: 'event stream',
  orchestrator: 'scheduled pipeline',
  step: 'Spark job',
  catalog: 'catalog: a database per zone',
  warehouse: 'warehouse',
  governance: 'contract registry',
  product: 'product table',
  subscription: 'read grant',
};

/** Service names per cloud, as the kit's constructs render each part. */
export const CLOUD_SERVICES: Readonly<Record<CloudName, ServiceNames>> = {
  aws: {
    cloud: 'AWS',
    zone: 'S3 bucket',
    persona: 'IAM role',
    stream: 'Kinesis Data Streams + Firehose',
    orchestrator: 'Step Functions + EventBridge Scheduler',
    step: 'Glue Spark job',
    catalog: 'Glue Data Catalog + Lake Formation',
    warehouse: 'Redshift Serverless',
    governance: 'Lake Formation LF-tags + SSM contract registry',
    product: 'Glue table',
    subscription: 'Lake Formation grant',
  },
  gcp: {
    cloud: 'Google Cloud',
    zone: 'Cloud Storage bucket',
    persona: 'service account',
    stream: 'Pub/Sub + Cloud Storage subscription',
    orchestrator: 'Workflows + Cloud Scheduler',
    step: 'Dataproc Serverless Spark',
    catalog: 'BigQuery datasets + Dataplex',
    warehouse: 'BigQuery',
    governance: 'Data Catalog policy tags + contract bucket',
    product: 'BigQuery table',
    subscription: 'BigQuery dataViewer',
  },
  azure: {
    cloud: 'Azure',
    zone: 'ADLS Gen2 container',
    persona: 'managed identity',
    stream: 'Event Hubs + Capture',
    orchestrator: 'Data Factory + schedule trigger',
    step: 'Synapse Spark',
    catalog: 'Synapse lake databases',
    warehouse: 'Synapse SQL',
    governance: 'hub network + contract registry',
    product: 'product container',
    subscription: 'Storage Blob Data Reader',
  },
};

/** The names for `cloud`, or the neutral ones. */
export function serviceNames(cloud: CloudName | undefined): ServiceNames {
  return cloud === undefined ? NEUTRAL_SERVICES : CLOUD_SERVICES[cloud];
}
