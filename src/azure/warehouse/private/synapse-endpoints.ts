/**
 * A warehouse's private endpoints: inbound ones in the kit's network, and the workspace's managed
 * ones to the lake. Internal: not exported from the entry point.
 */
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { SynapseManagedPrivateEndpoint } from '@cdktf/provider-azurerm/lib/synapse-managed-private-endpoint';
import type { SynapseWorkspace } from '@cdktf/provider-azurerm/lib/synapse-workspace';
import type { SynapseWorkspaceKey } from '@cdktf/provider-azurerm/lib/synapse-workspace-key';
import type { Construct } from 'constructs';
import { physicalName } from '../../../core/naming';
import type { ITerraformDependable } from '../../../terraform';
import { PrivateEndpointSubresource } from '../../network/endpoints';
import type { INetwork } from '../../network/network';
import { WarehouseNameRules } from '../../private/warehouse-names';
import type { ILakeStorage } from '../../storage/lake-storage';

/** The workspace's inbound endpoints, by sub-resource. */
export type InboundEndpoints = Record<'sql' | 'sqlOnDemand' | 'dev', PrivateEndpoint>;

/**
 * Endpoints in `network` for the workspace's `Sql`, `SqlOnDemand` and `Dev` sub-resources, each
 * after the workspace key's activation (Synapse refuses connections before).
 */
export function createInboundEndpoints(
  warehouse: Construct,
  network: INetwork,
  workspace: SynapseWorkspace,
  workspaceKey: SynapseWorkspaceKey,
): InboundEndpoints {
  const add = (suffix: string, subresource: PrivateEndpointSubresource) =>
    network.addPrivateEndpoint(`${warehouse.node.id}${suffix}`, {
      resourceId: workspace.id,
      subresource,
      // Synapse accepts connections only once the customer-managed key is active.
      dependsOn: [workspaceKey],
    });
  return {
    sql: add('Sql', PrivateEndpointSubresource.SYNAPSE_SQL),
    sqlOnDemand: add('SqlOnDemand', PrivateEndpointSubresource.SYNAPSE_SQL_ON_DEMAND),
    // Data-plane resources wait for this one: the deployer reaches the workspace through it.
    dev: add('Dev', PrivateEndpointSubresource.SYNAPSE_DEV),
  };
}

/** What the managed endpoints connect and wait for. */
export interface LakeManagedEndpointTargets {
  readonly workspace: SynapseWorkspace;
  readonly lake: ILakeStorage;
  /** The workspace's activation and, with a network, its `Dev` endpoint. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * The workspace's managed private endpoints to the lake account's `dfs` and `blob` sub-resources
 * (`LakeDfsManagedEndpoint`, `LakeBlobManagedEndpoint`): workspace data plane, so they wait for
 * `targets.dependsOn`. They start Pending until approved on the account.
 */
export function createLakeManagedEndpoints(
  warehouse: Construct,
  platform: string,
  targets: LakeManagedEndpointTargets,
): SynapseManagedPrivateEndpoint[] {
  const endpoints: [string, string][] = [
    ['LakeDfs', 'dfs'],
    ['LakeBlob', 'blob'],
  ];
  return endpoints.map(
    ([id, subresource]) =>
      new SynapseManagedPrivateEndpoint(warehouse, `${id}ManagedEndpoint`, {
        name: physicalName(warehouse, WarehouseNameRules.NETWORK_RESOURCE, {
          platform,
          parts: ['lake', subresource],
        }),
        synapseWorkspaceId: targets.workspace.id,
        targetResourceId: targets.lake.storageAccountId,
        subresourceName: subresource,
        dependsOn: targets.dependsOn,
      }),
  );
}
