/**
 * Where an Azure deployment lives (subscription and resource group), for names that must be
 * globally unique, and the one deploying-identity data source per stack. Internal: not exported
 * from the entry point.
 */
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import type { IConstruct } from 'constructs';
import { type DeploymentScope, stableHash } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';
import { TERRAFORM_DEPLOY_TIME_NAMING, TerraformStack } from '../../terraform';
import type { ResourceGroupRef } from '../resource-group';

/** Construct id of the stack's one `azurerm_client_config` data source. */
const CLIENT_CONFIG_ID = 'AzurermClientConfig';

/**
 * The stack's one `data "azurerm_client_config"` (the deploying identity: tenant, subscription,
 * object id), created on first use. It has no `depends_on`, so Terraform reads it at plan time
 * and names built from it are known at plan.
 */
export function stackClientConfig(scope: IConstruct): DataAzurermClientConfig {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(CLIENT_CONFIG_ID);
  if (existing instanceof DataAzurermClientConfig) return existing;
  return new DataAzurermClientConfig(stack, CLIENT_CONFIG_ID);
}

/**
 * The subscription the stack deploys into: the literal `subscription_id` of the stack's only
 * default (unaliased) azurerm provider when it has one, else the deploying identity's subscription (a Terraform
 * reference, bound into names at plan time).
 */
export function stackSubscriptionId(scope: IConstruct): string {
  const stack = TerraformStack.of(scope);
  // Resources without a provider argument use the default (unaliased) one.
  const providers = stack.node.children.filter(
    (c): c is AzurermProvider => c instanceof AzurermProvider && c.alias === undefined,
  );
  const literal = providers.length === 1 ? providers[0].subscriptionIdInput : undefined;
  if (literal !== undefined && literal !== '' && !isUnresolved(literal)) return literal;
  return stackClientConfig(scope).subscriptionId;
}

/**
 * The deployment scope of a globally unique Azure name (storage account, Key Vault, Event Hubs
 * namespace, Synapse workspace, Data Factory, Purview account): the subscription and the
 * resource group's name. Literals join the synth-time hash; references are hashed by Terraform at
 * plan time to the same name the literals would give.
 */
export function azureDeploymentScope(scope: IConstruct, resourceGroup: ResourceGroupRef): DeploymentScope {
  return {
    values: [stackSubscriptionId(scope), resourceGroup.name],
    deployTime: TERRAFORM_DEPLOY_TIME_NAMING,
  };
}

/**
 * A name for a custom role definition, unique per subscription and resource group of one tenant
 * (role definition names are tenant-wide): `<prefix>-<hash of the construct path>-<hash of the
 * subscription and resource group>`, the last part computed by Terraform when either is a
 * reference.
 */
export function customRoleName(scope: IConstruct, prefix: string, resourceGroup: ResourceGroupRef): string {
  const values = [stackSubscriptionId(scope), resourceGroup.name];
  const base = `${prefix}-${stableHash(scope.node.path)}`;
  if (values.every((v) => !isUnresolved(v))) return `${base}-${stableHash(values.join('|'))}`;
  return TERRAFORM_DEPLOY_TIME_NAMING.render(base, '-', values);
}

/** Resource Manager id of `resourceGroup`: its own id when known, else built from the stack's subscription. */
export function resourceGroupId(scope: IConstruct, resourceGroup: ResourceGroupRef): string {
  return (
    resourceGroup.id ?? `/subscriptions/${stackSubscriptionId(scope)}/resourceGroups/${resourceGroup.name}`
  );
}
