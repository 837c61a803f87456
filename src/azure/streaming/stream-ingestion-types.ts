import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { IConstruct } from 'constructs';
import type { EventHubsSku } from './event-hubs-sku';
import type { StreamIngestionCommonProps } from '../../core/blocks';
import type { IPrincipal } from '../iam/principal';
import type { INotificationTarget } from '../monitoring/notification-target';
import type { INetwork } from '../network/network';
import type { ResourceGroupRef } from '../resource-group';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** An event hub the kit can grant on: made by {@link StreamIngestion} or imported. */
export interface IStreamIngestion extends IConstruct {
  /** Resource Manager id of the event hub. */
  readonly eventHubId: string;
  /** Name of the event hub. */
  readonly eventHubName: string;
  /** Resource Manager id of the namespace. */
  readonly namespaceId: string;
  /** Lets `principal` send events ("Azure Event Hubs Data Sender" on the hub); returns the assignment. */
  grantWrite(principal: IPrincipal): RoleAssignment;
  /**
   * Lets `principal` receive events ("Azure Event Hubs Data Receiver") from the hub, or from one
   * consumer group only; returns the assignment.
   */
  grantRead(principal: IPrincipal, consumerGroup?: string): RoleAssignment;
}

/** Props of {@link StreamIngestion}. */
export interface StreamIngestionProps extends StreamIngestionCommonProps {
  /** Resource group for the namespace and everything the stream makes. */
  readonly resourceGroup: ResourceGroupRef;
  /** The lake Capture writes into, in the zone `zone`. */
  readonly lake: ILakeStorage;
  /**
   * Azure location of the namespace.
   * @default - the resource group's location
   */
  readonly location?: string;
  /**
   * Namespace tier. A customer-managed key needs PREMIUM (asking for one on STANDARD throws).
   * @default EventHubsSku.STANDARD
   */
  readonly sku?: EventHubsSku;
  /**
   * Throughput units (STANDARD, 1-40) or processing units (PREMIUM: 1, 2, 4, 8 or 16).
   * @default 1
   */
  readonly capacity?: number;
  /**
   * Turn on auto-inflate up to this many throughput units (STANDARD only, `capacity`-40).
   * @default - no auto-inflate
   */
  readonly maximumThroughputUnits?: number;
  /**
   * Hours the event hub keeps events (replay window): 1-168 on STANDARD (7 days), 1-2160 on
   * PREMIUM (90 days), `StreamIngestion.RETENTION_HOURS_RANGE`; more than the tier keeps throws
   * `DPK_OUT_OF_RANGE`.
   * @default 24
   */
  readonly retentionHours?: number;
  /**
   * Partitions of the event hub (STANDARD 1-32, PREMIUM 1-100). Only PREMIUM can add partitions later.
   * @default 4
   */
  readonly partitionCount?: number;
  /**
   * Encrypt the namespace with a customer-managed key (`encryptionKey`, or a new one). PREMIUM only.
   * @default - true on PREMIUM or with `encryptionKey`; false otherwise (Microsoft-managed keys)
   */
  readonly customerManagedKey?: boolean;
  /**
   * The customer-managed key. Implies `customerManagedKey`; PREMIUM only.
   * @default - a new `EncryptionKey` (purpose `stream`) when `customerManagedKey` is on
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * The deployer's IPv4 ranges allowed through the firewall of the Key Vault the stream creates
   * (see `EncryptionKeyProps.allowedIpRanges`). Not allowed together with `encryptionKey`.
   * @default - the vault has no public endpoint
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Seconds Capture waits before writing a file (60-900), whichever of time and size comes first.
   * @default 300
   */
  readonly captureIntervalSeconds?: number;
  /**
   * Bytes after which Capture writes a file (10485760-524288000).
   * @default 314572800
   */
  readonly captureSizeLimitBytes?: number;
  /**
   * Consumer groups besides `$Default` (each 1-20 of a-z, 0-9 and '-').
   * @default - none
   */
  readonly consumerGroups?: string[];
  /**
   * Namespace name (globally unique, 6-50 characters).
   * @default - `<platform>-<stream>-<hash of the construct path and resource group>`
   */
  readonly namespaceName?: string;
  /**
   * Where the alerts notify. Not allowed together with `alertEmailAddresses`.
   * @default - a `NotificationTarget` for `alertEmailAddresses`, or alerts without actions (and a warning)
   */
  readonly notificationTarget?: INotificationTarget;
  /**
   * E-mail addresses for a `NotificationTarget` the stream creates.
   * @default - none
   */
  readonly alertEmailAddresses?: string[];
  /**
   * The capture-backlog alert fires when `CaptureBacklog` (events waiting for Capture, summed
   * over the 15-minute window) exceeds this.
   * @default 10000
   */
  readonly captureBacklogThreshold?: number;
  /**
   * Log Analytics workspace for the namespace's diagnostic logs.
   * @default - the lake's access-log workspace, or a new workspace when the lake does not expose one
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Assign the deployer "Storage Blob Data Contributor" on the landing container, and create the
   * event hub after it: Event Hubs checks that whoever configures Capture may write there.
   * @default true
   */
  readonly assignDeployerCaptureAccess?: boolean;
  /**
   * Where producers and consumers reach the namespace: a private endpoint
   * (`privatelink.servicebus.windows.net`) in this network.
   * @default - no private endpoint: with public access off no client connects (a warning says so)
   */
  readonly network?: INetwork;
}
