import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { type App, TerraformOutput, TerraformStack } from 'cdktf';
import {
  EncryptionKey,
  LakeStorage,
  Network,
  NotificationTarget,
  Pipeline,
  Principal,
  registerKitResourceProviders,
  ScheduleFrequency,
  SparkJob,
  Warehouse,
} from 'data-platform-kit/azure';

/**
 * App context key: set it to true in `cdktf.json`'s `context` when `terraform apply` runs on a
 * runner inside the network, so the warehouse makes its data-plane resources and the pipeline's
 * factory gets its Synapse roles.
 */
export const DEPLOYER_REACHES_WORKSPACE_CONTEXT = 'pipeline-azure:deployerReachesWorkspace';

/**
 * The Entra group of the example's SQL administrators (object id). PLACEHOLDER: replace it with
 * your own group's object id (`az ad group show --group <name> --query id -o tsv`) before
 * `terraform apply`; the all-zero id exists in no tenant.
 */
const SQL_ADMINS = '00000000-0000-0000-0000-00000000a001';

/** Adds the `pipeline-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'pipeline-azure');
  const provider = new AzurermProvider(stack, 'Azurerm', {
    // The storage account has no public endpoint and no shared keys: Entra ID auth only, and
    // no data-plane reads of queue/static-website properties the deployer could not reach.
    features: [{ storage: [{ dataPlaneAvailable: false }] }],
    storageUseAzuread: true,
  });
  // Microsoft.Synapse and Microsoft.Purview are not in azurerm 4.x's default registrations.
  registerKitResourceProviders(provider);
  const runnerEgress = runnerEgressRanges(app);
  const deployerReachesWorkspace = app.node.tryGetContext(DEPLOYER_REACHES_WORKSPACE_CONTEXT) === true;

  // example:start
  const rg = new ResourceGroup(stack, 'ResourceGroup', { name: 'rg-sales-pipeline', location: 'westeurope' });

  // One key for the lake, the warehouse and the factory; the deployer creates it from its range.
  const key = new EncryptionKey(stack, 'Key', {
    resourceGroup: rg,
    platformName: 'sales',
    // The runner's public egress range (DPK_RUNNER_EGRESS_CIDR or context), read below.
    allowedIpRanges: runnerEgress,
  });
  const lake = new LakeStorage(stack, 'Lake', {
    platformName: 'sales',
    resourceGroup: rg,
    encryptionKey: key,
  });
  const network = new Network(stack, 'Network', {
    platformName: 'sales',
    resourceGroup: rg,
    lake,
    encryptionKeys: [key],
  });

  // The Synapse workspace the Spark pool runs in. Its identity is what the job runs as: no read
  // zones beyond what the steps below need.
  const warehouse = new Warehouse(stack, 'Warehouse', {
    platformName: 'sales',
    resourceGroup: rg,
    lake,
    network,
    encryptionKey: key,
    sqlAdministrator: { login: 'sales-sql-admins', principal: Principal.group(SQL_ADMINS) },
    readZones: [],
    deployerReachesWorkspace,
  });

  // Two steps, raw -> curated -> serving, each a notebook published in the workspace. The
  // workspace identity gets read on raw, read/write on curated and serving, and nothing else.
  const job = new SparkJob(stack, 'Orders', {
    platformName: 'sales',
    jobName: 'orders',
    warehouse,
    lake,
    steps: [
      { name: 'clean', sourceZone: 'raw', targetZone: 'curated', notebook: 'clean_orders' },
      { name: 'publish', sourceZone: 'curated', targetZone: 'serving', notebook: 'publish_orders' },
    ],
  });

  const alerts = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    resourceGroup: rg,
    emailAddresses: ['data-oncall@example.com'],
  });

  // A private, CMK-encrypted Data Factory runs the steps in order every day at 02:00 UTC, retries
  // each step twice, and alerts the on-call group when a run or its trigger fails.
  const pipeline = new Pipeline(stack, 'Pipeline', {
    platformName: 'sales',
    pipelineName: 'orders',
    resourceGroup: rg,
    sparkJob: job,
    encryptionKey: key,
    schedule: { frequency: ScheduleFrequency.DAY, hours: [2], minutes: [0] },
    notificationTarget: alerts,
  });
  // example:end

  new TerraformOutput(stack, 'DataFactoryName', { value: pipeline.factory.name });
  new TerraformOutput(stack, 'SparkPoolName', { value: job.sparkPoolName });
  return [stack];
}

/**
 * App context key: the public egress CIDR of the machine that runs `terraform apply` (also read
 * from the `DPK_RUNNER_EGRESS_CIDR` environment variable). The Key Vault admits only this range;
 * unset, the vault has no public endpoint and a warning says the runner needs a private path.
 * Documentation and private ranges are rejected.
 */
export const RUNNER_EGRESS_CONTEXT = 'azure:runnerEgressCidr';

/** The runner's egress range from context or environment, or none. */
function runnerEgressRanges(app: App): string[] | undefined {
  const cidr = app.node.tryGetContext(RUNNER_EGRESS_CONTEXT) ?? process.env.DPK_RUNNER_EGRESS_CIDR;
  return typeof cidr === 'string' && cidr !== '' ? [cidr] : undefined;
}
