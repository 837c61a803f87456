/**
 * A pipeline's data factory and its private connection to the Synapse workspace. Internal: not
 * exported from the entry point.
 */
import { DataFactory } from '@cdktf/provider-azurerm/lib/data-factory';
import { DataFactoryIntegrationRuntimeAzure } from '@cdktf/provider-azurerm/lib/data-factory-integration-runtime-azure';
import { DataFactoryLinkedCustomService } from '@cdktf/provider-azurerm/lib/data-factory-linked-custom-service';
import { DataFactoryManagedPrivateEndpoint } from '@cdktf/provider-azurerm/lib/data-factory-managed-private-endpoint';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { Construct } from 'constructs';
import type { ActivityPolicy, ResolvedSchedule } from './pipeline-activities';
import type { RemovalDecision } from '../../../core/removal';
import type { Tags } from '../../../core/tags';
import { afterRolePropagation } from '../../private/propagation';
import type { SparkJob } from '../../processing/spark-job';
import type { IEncryptionKey } from '../../security/encryption-key';

/** A pipeline's props, validated, with defaults resolved and names derived. */
export interface PipelineSettings {
  readonly platform: string;
  /** The pipeline's name (a literal component). */
  readonly name: string;
  readonly location: string;
  readonly resourceGroupName: string;
  /** Each step's retry and timeout. */
  readonly policy: ActivityPolicy;
  readonly logDays: number;
  readonly schedule: ResolvedSchedule;
  readonly tags: Tags;
  readonly factoryName: string;
  readonly keyIdentityName: string;
  /** The workspace for the run logs; undefined makes one. */
  readonly logWorkspaceId?: string;
  readonly removal: RemovalDecision;
}

/** How the factory reaches its customer-managed key. */
export interface FactoryKey {
  readonly key: IEncryptionKey;
  readonly identity: UserAssignedIdentity;
  /** The identity's role on the key: the factory waits for it to propagate. */
  readonly keyAccess: RoleAssignment;
}

/**
 * The data factory (`Factory`): no public network access, a managed virtual network, its
 * system-assigned identity (what runs the steps) and the customer-managed key through
 * `cmk.identity`, once the identity's key role has propagated.
 */
export function createFactory(pipeline: Construct, s: PipelineSettings, cmk: FactoryKey): DataFactory {
  return new DataFactory(pipeline, 'Factory', {
    name: s.factoryName,
    location: s.location,
    resourceGroupName: s.resourceGroupName,
    publicNetworkEnabled: false,
    managedVirtualNetworkEnabled: true,
    identity: { type: 'SystemAssigned, UserAssigned', identityIds: [cmk.identity.id] },
    customerManagedKeyId: cmk.key.keyId,
    customerManagedKeyIdentityId: cmk.identity.id,
    tags: s.tags,
    // The identity's key role must have propagated before the factory first uses the key.
    dependsOn: [afterRolePropagation(pipeline, 'KeyRolePropagation', [cmk.keyAccess])],
  });
}

/** Names of the connection's parts (`Pipeline.*_NAME`). */
export interface SynapseConnectionNames {
  readonly integrationRuntime: string;
  readonly endpoint: string;
  readonly linkedService: string;
}

/** What {@link createFactorySynapseConnection} made. */
export interface SynapseConnection {
  readonly integrationRuntime: DataFactoryIntegrationRuntimeAzure;
  readonly endpoint: DataFactoryManagedPrivateEndpoint;
  readonly linkedService: DataFactoryLinkedCustomService;
}

/**
 * The factory's way to the job's workspace: an integration runtime in the managed virtual network
 * (`IntegrationRuntime`), a managed private endpoint to the workspace's `Dev` endpoint
 * (`SynapseEndpoint`, once the workspace key is active) and a linked service authenticating as
 * the factory identity (`SynapseLinkedService`).
 */
export function createFactorySynapseConnection(
  pipeline: Construct,
  factory: DataFactory,
  job: SparkJob,
  names: SynapseConnectionNames & { readonly location: string },
): SynapseConnection {
  const integrationRuntime = new DataFactoryIntegrationRuntimeAzure(pipeline, 'IntegrationRuntime', {
    name: names.integrationRuntime,
    dataFactoryId: factory.id,
    location: names.location,
    virtualNetworkEnabled: true,
    description: 'data-platform-kit: runs activities inside the managed virtual network',
  });
  const endpoint = new DataFactoryManagedPrivateEndpoint(pipeline, 'SynapseEndpoint', {
    name: names.endpoint,
    dataFactoryId: factory.id,
    targetResourceId: job.warehouse.workspaceId,
    subresourceName: 'Dev',
    // Synapse accepts connections only once the workspace's customer-managed key is active.
    dependsOn: [job.warehouse.workspaceKey],
  });
  const linkedService = new DataFactoryLinkedCustomService(pipeline, 'SynapseLinkedService', {
    name: names.linkedService,
    dataFactoryId: factory.id,
    type: 'AzureSynapseArtifacts',
    typePropertiesJson: JSON.stringify({
      endpoint: job.warehouse.workspace.connectivityEndpoints.lookup('dev'),
      authentication: 'MSI',
      workspaceResourceId: job.warehouse.workspaceId,
    }),
    integrationRuntime: { name: integrationRuntime.name },
    description: 'data-platform-kit: the Synapse workspace, through the factory identity',
  });
  return { integrationRuntime, endpoint, linkedService };
}
