import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { type App, TerraformOutput, TerraformStack } from 'cdktf';
import { SALES_LAKEHOUSE } from '../lakehouse-spec';
import { Lakehouse, registerKitResourceProviders, SparkJobScript } from 'data-platform-kit/azure';

/**
 * App context key: set it to true in `cdktf.json`'s `context` when `terraform apply` runs on a
 * runner inside the network, so the Synapse workspace's data-plane resources are made too.
 */
export const DEPLOYER_REACHES_WORKSPACE_CONTEXT = 'lakehouse-azure:deployerReachesWorkspace';

/** Adds the `lakehouse-azure` stack to `app` and returns it. */
export function build(app: App): TerraformStack[] {
  const stack = new TerraformStack(app, 'lakehouse-azure');
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
  const rg = new ResourceGroup(stack, 'ResourceGroup', {
    name: 'rg-sales-lakehouse',
    location: 'westeurope',
  });

  // The shared spec, on Azure: a resource group, the Synapse notebook each pipeline step runs
  // (published in the workspace), and how the runner reaches the Key Vault: its public egress
  // range (DPK_RUNNER_EGRESS_CIDR or context, read below), or, when none is set (offline synth
  // in CI), a runner inside the network that reaches the vault privately.
  const lakehouse = new Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    resourceGroup: rg,
    stepScripts: {
      'daily-orders/clean': SparkJobScript.fromNotebook('daily_orders_clean'),
      'daily-orders/publish': SparkJobScript.fromNotebook('daily_orders_publish'),
    },
    keyVaultAllowedIpRanges: runnerEgress,
    deployerInsideNetwork: runnerEgress === undefined,
    deployerReachesWorkspace,
  });
  // example:end

  new TerraformOutput(stack, 'StorageAccountName', { value: lakehouse.lake.storageAccountName });
  new TerraformOutput(stack, 'AnalystIdentityClientId', { value: lakehouse.personas.analyst.clientId });
  return [stack];
}

/**
 * App context key: the public egress CIDR of the machine that runs `terraform apply` (also read
 * from the `DPK_RUNNER_EGRESS_CIDR` environment variable). The Key Vault admits only this range;
 * unset, the example declares the runner inside the network (`deployerInsideNetwork`): the vault
 * has no public endpoint, so an apply from outside fails at the key. Documentation and private
 * ranges are rejected.
 */
export const RUNNER_EGRESS_CONTEXT = 'azure:runnerEgressCidr';

/** The runner's egress range from context or environment, or none. */
function runnerEgressRanges(app: App): string[] | undefined {
  const cidr = app.node.tryGetContext(RUNNER_EGRESS_CONTEXT) ?? process.env.DPK_RUNNER_EGRESS_CIDR;
  return typeof cidr === 'string' && cidr !== '' ? [cidr] : undefined;
}
