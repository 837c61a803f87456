/**
 * A stream's event hub with Capture into the lake. Internal: not exported from the entry point.
 */
import { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import type { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import type { EventhubNamespaceCustomerManagedKey } from '@cdktf/provider-azurerm/lib/eventhub-namespace-customer-managed-key';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { Construct } from 'constructs';
import type { StreamSettings } from './stream-settings';
import { TerraformStack } from '../../../terraform';
import { afterRolePropagation } from '../../private/propagation';
import { archiveNameFormat, containerNameOf } from '../../private/streaming';
import type { ILakeStorage } from '../../storage/lake-storage';

/** What the hub is made in, writes to and waits for. */
export interface EventHubInputs {
  readonly namespace: EventhubNamespace;
  /** The namespace's identity: Capture authenticates as it. */
  readonly identity: UserAssignedIdentity;
  readonly lake: ILakeStorage;
  /** The identity's and the deployer's write access to the landing container. */
  readonly captureGrants: readonly (RoleAssignment | undefined)[];
  /** The namespace's customer-managed key, on PREMIUM. */
  readonly customerManagedKey?: EventhubNamespaceCustomerManagedKey;
  /** Capture's file format (`StreamIngestion.CAPTURE_ENCODING`). */
  readonly captureEncoding: string;
  /** The stack's azurerm constraint (`StreamIngestion.AZURERM_VERSION_CONSTRAINT`). */
  readonly azurermVersionConstraint: string;
}

/**
 * The event hub (`EventHub`), its Capture writing Avro files into the zone's container as the
 * namespace identity, after the Capture grants have propagated (`CaptureRolePropagation`) and,
 * on PREMIUM, after the key is set. Moves the stack's azurerm constraint to a release that sets
 * Capture's authentication (`StreamIngestion.MINIMUM_AZURERM_VERSION`).
 */
export function createEventHub(stream: Construct, s: StreamSettings, inputs: EventHubInputs): Eventhub {
  const grants = afterRolePropagation(stream, 'CaptureRolePropagation', inputs.captureGrants);
  const after = [grants, inputs.customerManagedKey];
  const hub = new Eventhub(stream, 'EventHub', {
    name: s.stream,
    namespaceId: inputs.namespace.id,
    partitionCount: s.partitionCount,
    retentionDescription: { cleanupPolicy: 'Delete', retentionTimeInHours: s.retentionHours },
    captureDescription: {
      enabled: true,
      encoding: inputs.captureEncoding,
      intervalInSeconds: s.captureIntervalSeconds,
      sizeLimitInBytes: s.captureSizeLimitBytes,
      skipEmptyArchives: true,
      destination: {
        name: 'EventHubArchive.AzureBlockBlob',
        archiveNameFormat: archiveNameFormat(s.stream),
        blobContainerName: containerNameOf(inputs.lake, s.zone),
        storageAccountId: inputs.lake.storageAccountId,
      },
    },
    // Capture's destination must be writable first; on PREMIUM, Event Hubs encrypts only an
    // empty namespace, so the key is set before the hub exists.
    dependsOn: after.filter((d): d is NonNullable<typeof d> => d !== undefined),
  });
  // Not in the pinned bindings (azurerm 4.55): set through an override, see MINIMUM_AZURERM_VERSION.
  hub.addOverride('capture_description.destination.storage_authentication_type', 'UserAssigned');
  hub.addOverride('capture_description.destination.storage_authentication_id', inputs.identity.id);
  TerraformStack.of(stream).addOverride(
    'terraform.required_providers.azurerm.version',
    inputs.azurermVersionConstraint,
  );
  return hub;
}
