import { Principal } from '../../../src/azure/iam/principal';
import { Network } from '../../../src/azure/network/network';
import { Pipeline } from '../../../src/azure/orchestration/pipeline';
import type { PipelineProps } from '../../../src/azure/orchestration/pipeline-types';
import { SparkJob, type SparkJobProps } from '../../../src/azure/processing/spark-job';
import type { SparkStep } from '../../../src/azure/processing/spark-step';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { Warehouse } from '../../../src/azure/warehouse/warehouse';
import type { WarehouseProps } from '../../../src/azure/warehouse/warehouse-props';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID, RG } from '../azure-stack';

/** The two steps of the issue: raw → curated → serving. */
export const TWO_STEPS: SparkStep[] = [
  { name: 'clean', sourceZone: 'raw', targetZone: 'curated', notebook: 'clean_orders' },
  { name: 'publish', sourceZone: 'curated', targetZone: 'serving', notebook: 'publish_orders' },
];

/** What a platform fixture may change. */
export interface PlatformOptions {
  /** Warehouse props on top of the fixture's (no read zones, no network). */
  readonly warehouse?: Partial<WarehouseProps>;
  /** Adds a network and `deployerReachesWorkspace: true` to the warehouse. */
  readonly dataPlane?: boolean;
}

/** A lake (default zones) and a warehouse on it with no read zones of its own, in `stack`. */
export function newPlatform(options: PlatformOptions = {}, stack: TerraformStack = newAzureStack()) {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  const network = options.dataPlane
    ? new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG, lake })
    : undefined;
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    resourceGroup: RG,
    lake,
    sqlAdministrator: { login: 'sales-sql-admins', principal: Principal.group(OBJECT_ID) },
    readZones: [],
    network,
    deployerReachesWorkspace: options.dataPlane,
    ...options.warehouse,
  });
  return { stack, lake, warehouse, network };
}

/** A platform and a Spark job on it (the two steps unless `props.steps`). */
export function newSparkJob(props: Partial<SparkJobProps> = {}, options: PlatformOptions = {}) {
  const platform = newPlatform(options);
  const job = new SparkJob(platform.stack, 'Job', {
    platformName: 'sales',
    jobName: 'orders',
    warehouse: platform.warehouse,
    lake: platform.lake,
    steps: TWO_STEPS,
    ...props,
  });
  return { ...platform, job, template: () => TfTemplate.fromStack(platform.stack) };
}

/** A platform, the two-step job and a pipeline running it. */
export function newPipeline(props: Partial<PipelineProps> = {}, options: PlatformOptions = {}) {
  const base = newSparkJob({}, options);
  const pipeline = new Pipeline(base.stack, 'Pipeline', {
    platformName: 'sales',
    pipelineName: 'orders',
    resourceGroup: RG,
    sparkJob: base.job,
    ...props,
  });
  return { ...base, pipeline };
}

/** Matches a reference to `attr` of a resource of `type`: `${type.name.attr}`. */
export const ref = (type: string, attr: string) =>
  expect.stringMatching(new RegExp(`^\\$\\{${type}\\.\\w+\\.${attr.replace(/[[\]]/g, '\\$&')}\\}$`));
