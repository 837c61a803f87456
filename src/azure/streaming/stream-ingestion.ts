import type { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import type { Eventhub } from '@cdktf/provider-azurerm/lib/eventhub';
import { EventhubConsumerGroup } from '@cdktf/provider-azurerm/lib/eventhub-consumer-group';
import { EventhubNamespace } from '@cdktf/provider-azurerm/lib/eventhub-namespace';
import { EventhubNamespaceCustomerManagedKey } from '@cdktf/provider-azurerm/lib/eventhub-namespace-customer-managed-key';
import type { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { EventHubsSku } from './event-hubs-sku';
import { CAPTURE_ZONE_ACCESS, DEPLOYER_CAPTURE_ROLE, StreamAccess } from './roles';
import type { IStreamIngestion, StreamIngestionProps } from './stream-ingestion-types';

export type { IStreamIngestion, StreamIngestionProps } from './stream-ingestion-types';
import { CommonDefaults } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName, validatePlatformName } from '../../core/naming';
import { decideRemoval } from '../../core/removal';
import { resourceTags, TagRules } from '../../core/tags';
import { constructIdFrom } from '../../core/zones';
import { warn } from '../../terraform';
import { Principal, type IPrincipal } from '../iam/principal';
import type { INotificationTarget } from '../monitoring/notification-target';
import { PrivateEndpointSubresource } from '../network/endpoints';
import type { INetwork } from '../network/network';
import { azureDeploymentScope, stackClientConfig } from '../private/deployment-scope';
import { afterRolePropagation } from '../private/propagation';
import { retainData } from '../private/removal';
import { createEventHub } from './private/stream-hub';
import {
  DEFAULT_CONSUMER_GROUP,
  grantStream,
  ImportedStream,
  validateConsumerGroupName,
} from './private/stream-import';
import { createStreamMonitoring, type StreamMonitoring } from './private/stream-monitoring';
import {
  type ResolvedStream,
  retentionHoursRange,
  type StreamSettings,
  validateStreamName,
  validateStreamSettings,
} from './private/stream-settings';
import { lakeWorkspaceIdOf, StreamNameRules } from '../private/streaming';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/**
 * Streaming ingestion into the lake: an Event Hubs namespace and event hub whose Capture lands
 * every event in a lake zone as Avro files, with alerts on throttling and capture backlog.
 *
 * Secure defaults: no public network access, local (SAS key) authentication off (Entra ID and
 * RBAC only), TLS 1.2, a user-assigned identity; on PREMIUM a customer-managed key with
 * infrastructure (double) encryption, the identity granted on the key before the key is set and
 * the event hub created after it (Event Hubs encrypts only empty namespaces); diagnostic logs
 * (all categories, Capture errors included) to Log Analytics; namespace and hub retained on
 * destroy; grants only on the hub or one consumer group.
 *
 * Capture writes `<stream>/{Namespace}/{EventHub}/{PartitionId}/{Year}/…/{Second}` Avro files
 * into the zone's container, every `captureIntervalSeconds` or `captureSizeLimitBytes`.
 *
 * Deployability:
 * - Capture writes with the namespace's user-assigned identity (`storage_authentication_type =
 *   "UserAssigned"` in the hub's `capture_description.destination`), never SAS: the kit's lake
 *   has Shared Key authorization off. azurerm supports it from
 *   {@link StreamIngestion.MINIMUM_AZURERM_VERSION} (hashicorp/terraform-provider-azurerm#31265);
 *   the pinned bindings predate it, so the stream sets it through an override and moves the
 *   stack's `required_providers.azurerm.version` to `>= ` that release.
 * - Capture cannot use private endpoints: the lake admits the namespace through a
 *   resource-instance rule (`ILakeStorage.admitResourceInstance`; firewall default Deny, trusted
 *   Azure services bypass, no IP rules).
 * - Creating the hub passes Event Hubs' linked access check only if the deployer may write to
 *   the container (`assignDeployerCaptureAccess`); the hub waits for that grant, the identity's
 *   lake and key grants to propagate (`time_sleep`).
 * - Producers and consumers reach the namespace through a private endpoint
 *   (`privatelink.servicebus.windows.net`) in `network`; public access is off.
 *
 * @see https://learn.microsoft.com/azure/event-hubs/event-hubs-capture-overview
 * @example
 * const clicks = new StreamIngestion(stack, 'Clickstream', {
 *   platformName: 'sales',
 *   streamName: 'clickstream',
 *   resourceGroup: rg,
 *   lake,
 *   notificationTarget: alerts,
 * });
 * clicks.grantWrite(Principal.fromUserAssignedIdentity(producer));
 */
export class StreamIngestion extends Construct implements IStreamIngestion {
  /** Tier when `sku` is unset. */
  public static readonly DEFAULT_SKU = EventHubsSku.STANDARD;
  /** Throughput or processing units when `capacity` is unset. */
  public static readonly DEFAULT_CAPACITY = 1;
  /** Partitions when `partitionCount` is unset. */
  public static readonly DEFAULT_PARTITION_COUNT = 4;
  /** Hours of retention when `retentionHours` is unset. */
  public static readonly DEFAULT_RETENTION_HOURS = CommonDefaults.STREAM_RETENTION_HOURS;
  /**
   * Hours of retention each tier allows (`retentionHours`): 1 to 168 on STANDARD (7 days), 1 to
   * 2160 on PREMIUM (90 days), from `EVENT_HUBS_TIER_LIMITS`.
   */
  public static readonly RETENTION_HOURS_RANGE: Readonly<
    Record<EventHubsSku, { readonly min: number; readonly max: number }>
  > = {
    [EventHubsSku.STANDARD]: retentionHoursRange(EventHubsSku.STANDARD),
    [EventHubsSku.PREMIUM]: retentionHoursRange(EventHubsSku.PREMIUM),
  };
  /** Zone when `zone` is unset. */
  public static readonly DEFAULT_ZONE = CommonDefaults.STREAM_ZONE;
  /** Capture time window when `captureIntervalSeconds` is unset (Event Hubs' default). */
  public static readonly DEFAULT_CAPTURE_INTERVAL_SECONDS = 300;
  /** Capture size window when `captureSizeLimitBytes` is unset (Event Hubs' default, 300 MiB). */
  public static readonly DEFAULT_CAPTURE_SIZE_LIMIT_BYTES = 314572800;
  /** Capture-backlog alert threshold when `captureBacklogThreshold` is unset. */
  public static readonly DEFAULT_CAPTURE_BACKLOG_THRESHOLD = 10000;
  /** Whether the deployer gets write on the landing container when `assignDeployerCaptureAccess` is unset. */
  public static readonly DEFAULT_ASSIGN_DEPLOYER_CAPTURE_ACCESS = true;
  /** Capture file format. */
  public static readonly CAPTURE_ENCODING = 'Avro';
  /** Minimum TLS version of the namespace. */
  public static readonly MINIMUM_TLS_VERSION = '1.2';
  /**
   * First azurerm release whose `azurerm_eventhub` sets Capture's authentication
   * (`storage_authentication_type`, `storage_authentication_id`): 4.71.0 (CHANGELOG, 2026-04-30).
   */
  public static readonly MINIMUM_AZURERM_VERSION = '4.71.0';
  /** The `required_providers.azurerm.version` constraint a stack with a stream gets. */
  public static readonly AZURERM_VERSION_CONSTRAINT = '>= 4.71.0, < 5.0.0';
  /** Warning id: the lake is not the kit's and cannot admit the namespace through its firewall. */
  public static readonly LAKE_FIREWALL_WARNING = 'data-platform-kit:eventHubsCaptureLakeFirewall';
  /** Warning id: no `network`, so no producer or consumer reaches the namespace (public access off). */
  public static readonly UNREACHABLE_WARNING = 'data-platform-kit:eventHubsUnreachable';
  /** Warning id: the alerts have no action group. */
  public static readonly NO_NOTIFICATION_WARNING = 'data-platform-kit:alertsWithoutNotification';

  /** An existing event hub, by resource id, to grant on. A malformed literal id throws `DPK_INVALID_NAME`. */
  public static fromEventHubId(scope: Construct, id: string, eventHubId: string): IStreamIngestion {
    return new ImportedStream(scope, id, eventHubId);
  }

  /** The namespace's identity: reaches the key (PREMIUM) and the landing container (Capture). */
  public readonly identity: UserAssignedIdentity;
  /** The key encrypting the namespace, when `customerManagedKey`. */
  public readonly encryptionKey?: IEncryptionKey;
  /** The identity's "Key Vault Crypto Service Encryption User" assignment on the key, when `customerManagedKey`. */
  public readonly identityKeyAccess?: RoleAssignment;
  public readonly namespace: EventhubNamespace;
  /** The namespace's customer-managed key setting, when `customerManagedKey`. */
  public readonly customerManagedKeySetting?: EventhubNamespaceCustomerManagedKey;
  /** The identity's "Storage Blob Data Contributor" assignment on the landing container (made by the lake). */
  public readonly captureAccess: RoleAssignment;
  /** The deploying identity, when `assignDeployerCaptureAccess`. */
  public readonly deployer?: DataAzurermClientConfig;
  /** The deployer's write access to the landing container, when `assignDeployerCaptureAccess`. */
  public readonly deployerCaptureAccess?: RoleAssignment;
  public readonly eventHub: Eventhub;
  /** Consumer groups by name (`$Default` is not managed). */
  public readonly consumerGroups: Readonly<Record<string, EventhubConsumerGroup>>;
  /** The diagnostic-log workspace, when the stream had to create one. */
  public readonly logWorkspace?: LogAnalyticsWorkspace;
  /** The namespace's diagnostic logs. */
  public readonly diagnostics: MonitorDiagnosticSetting;
  /** Alerts when Event Hubs throttles requests. */
  public readonly throttledRequestsAlert: MonitorMetricAlert;
  /** Alerts when Capture falls behind. */
  public readonly captureBacklogAlert: MonitorMetricAlert;
  /** Where the alerts notify, when anywhere. */
  public readonly notificationTarget?: INotificationTarget;
  public readonly eventHubId: string;
  public readonly eventHubName: string;
  public readonly namespaceId: string;
  /** The zone Capture lands in. */
  public readonly zone: string;
  /** The namespace's private endpoint, when `network` is given. */
  public readonly privateEndpoint?: PrivateEndpoint;

  constructor(scope: Construct, id: string, props: StreamIngestionProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.zone = s.zone;
    this.identity = this.createIdentity(s);
    const identity = Principal.fromUserAssignedIdentity(this.identity);
    if (s.customerManagedKey) {
      this.encryptionKey = props.encryptionKey ?? this.createEncryptionKey(s, props);
      this.identityKeyAccess = this.encryptionKey.grantEncryptDecrypt(identity);
    }
    this.namespace = this.createNamespace(s);
    this.namespaceId = this.namespace.id;
    this.customerManagedKeySetting = this.createCustomerManagedKey();
    this.captureAccess = this.createCaptureAccess(props.lake, identity);
    if (s.assignDeployerCaptureAccess) {
      this.deployer = stackClientConfig(this);
      this.deployerCaptureAccess = this.createDeployerCaptureAccess(this.deployer, props.lake);
    }
    this.eventHub = createEventHub(this, s, {
      namespace: this.namespace,
      identity: this.identity,
      lake: props.lake,
      captureGrants: [this.captureAccess, this.deployerCaptureAccess],
      customerManagedKey: this.customerManagedKeySetting,
      captureEncoding: StreamIngestion.CAPTURE_ENCODING,
      azurermVersionConstraint: StreamIngestion.AZURERM_VERSION_CONSTRAINT,
    });
    this.eventHubId = this.eventHub.id;
    this.eventHubName = this.eventHub.name;
    this.consumerGroups = this.createConsumerGroups(s, props.resourceGroup);

    const monitoring = this.createMonitoring(s, props);
    this.logWorkspace = monitoring.logWorkspace;
    this.diagnostics = monitoring.diagnostics;
    this.notificationTarget = monitoring.notificationTarget;
    this.throttledRequestsAlert = monitoring.throttledRequests;
    this.captureBacklogAlert = monitoring.captureBacklog;
    retainData(this, s.removal, [
      this.namespace,
      this.eventHub,
      ...(this.logWorkspace ? [this.logWorkspace] : []),
    ]);
    this.privateEndpoint = this.createPrivateEndpoint(props.network);
  }

  public grantWrite(principal: IPrincipal): RoleAssignment {
    return grantStream(this, principal, StreamAccess.WRITE, { scope: this.eventHub.id });
  }

  public grantRead(principal: IPrincipal, consumerGroup?: string): RoleAssignment {
    if (consumerGroup === undefined) {
      return grantStream(this, principal, StreamAccess.READ, { scope: this.eventHub.id });
    }
    const name = validateConsumerGroupName(this, consumerGroup);
    const declared = this.consumerGroups[name];
    if (!declared && name !== DEFAULT_CONSUMER_GROUP) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'consumerGroup',
        received: consumerGroup,
        allowed: `one of the stream's consumer groups: ${[DEFAULT_CONSUMER_GROUP, ...Object.keys(this.consumerGroups)].join(', ')}`,
      });
    }
    return grantStream(this, principal, StreamAccess.READ, {
      scope: declared ? declared.id : `${this.eventHub.id}/consumergroups/${DEFAULT_CONSUMER_GROUP}`,
      consumerGroup: name,
    });
  }

  /**
   * Every default resolved once, then every check (see `validateStreamSettings`), then the
   * names: all before any resource exists.
   */
  private resolveSettings(props: StreamIngestionProps): ResolvedStream {
    const sku = props.sku ?? StreamIngestion.DEFAULT_SKU;
    const settings: StreamSettings = {
      platform: validatePlatformName(this, props.platformName),
      stream: validateStreamName(this, props.streamName),
      zone: props.zone ?? StreamIngestion.DEFAULT_ZONE,
      location: props.location ?? props.resourceGroup.location,
      sku,
      capacity: props.capacity ?? StreamIngestion.DEFAULT_CAPACITY,
      maximumThroughputUnits: props.maximumThroughputUnits,
      partitionCount: props.partitionCount ?? StreamIngestion.DEFAULT_PARTITION_COUNT,
      retentionHours: props.retentionHours ?? StreamIngestion.DEFAULT_RETENTION_HOURS,
      customerManagedKey:
        props.customerManagedKey ?? (props.encryptionKey !== undefined || sku === EventHubsSku.PREMIUM),
      captureIntervalSeconds:
        props.captureIntervalSeconds ?? StreamIngestion.DEFAULT_CAPTURE_INTERVAL_SECONDS,
      captureSizeLimitBytes: props.captureSizeLimitBytes ?? StreamIngestion.DEFAULT_CAPTURE_SIZE_LIMIT_BYTES,
      consumerGroups: props.consumerGroups ?? [],
      captureBacklogThreshold:
        props.captureBacklogThreshold ?? StreamIngestion.DEFAULT_CAPTURE_BACKLOG_THRESHOLD,
      workspaceId: props.logAnalyticsWorkspaceId ?? lakeWorkspaceIdOf(props.lake),
      assignDeployerCaptureAccess:
        props.assignDeployerCaptureAccess ?? StreamIngestion.DEFAULT_ASSIGN_DEPLOYER_CAPTURE_ACCESS,
    };
    validateStreamSettings(this, settings, props);
    return {
      ...settings,
      tags: resourceTags(this, TagRules.AZURE, settings.platform, props.tags),
      resourceGroupName: props.resourceGroup.name,
      identityName: physicalName(this, StreamNameRules.MANAGED_IDENTITY, {
        platform: settings.platform,
        parts: [settings.stream, 'eh'],
      }),
      namespaceName: physicalName(this, StreamNameRules.EVENTHUB_NAMESPACE, {
        platform: settings.platform,
        parts: [settings.stream],
        override: props.namespaceName,
        overrideProp: 'namespaceName',
        // Namespace names are global (<name>.servicebus.windows.net): subscription and resource group join the hash.
        deploymentScope: azureDeploymentScope(this, props.resourceGroup),
      }),
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The namespace's identity: reaches the key (PREMIUM) and the landing container (Capture). */
  private createIdentity(s: ResolvedStream): UserAssignedIdentity {
    return new UserAssignedIdentity(this, 'Identity', {
      name: s.identityName,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      tags: s.tags,
    });
  }

  /** The stream's own key (purpose `stream`), when a customer-managed key is on and none is given. */
  private createEncryptionKey(s: ResolvedStream, props: StreamIngestionProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      resourceGroup: props.resourceGroup,
      location: s.location,
      platformName: s.platform,
      purpose: 'stream',
      removalPolicy: props.removalPolicy,
      tags: props.tags,
      allowedIpRanges: props.keyVaultAllowedIpRanges,
    });
  }

  /** The namespace: no public access, no SAS keys, TLS 1.2, the user-assigned identity. */
  private createNamespace(s: ResolvedStream): EventhubNamespace {
    return new EventhubNamespace(this, 'Namespace', {
      name: s.namespaceName,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      sku: s.sku,
      capacity: s.capacity,
      autoInflateEnabled: s.maximumThroughputUnits === undefined ? undefined : true,
      maximumThroughputUnits: s.maximumThroughputUnits,
      publicNetworkAccessEnabled: false,
      localAuthenticationEnabled: false,
      minimumTlsVersion: StreamIngestion.MINIMUM_TLS_VERSION,
      identity: { type: 'UserAssigned', identityIds: [this.identity.id] },
      tags: s.tags,
    });
  }

  /** The namespace's customer-managed key (double encryption), once the identity's key role has propagated. */
  private createCustomerManagedKey(): EventhubNamespaceCustomerManagedKey | undefined {
    if (!this.encryptionKey || !this.identityKeyAccess) return undefined;
    return new EventhubNamespaceCustomerManagedKey(this, 'CustomerManagedKey', {
      eventhubNamespaceId: this.namespace.id,
      keyVaultKeyIds: [this.encryptionKey.keyId],
      userAssignedIdentityId: this.identity.id,
      infrastructureEncryptionEnabled: true,
      // The identity's key role must have propagated before the namespace first uses the key.
      dependsOn: [afterRolePropagation(this, 'KeyRolePropagation', [this.identityKeyAccess])],
    });
  }

  /**
   * Capture's write access to the landing zone (the lake's grant), and the namespace admitted
   * through the lake's firewall: Capture cannot use private endpoints. A lake that cannot admit
   * it gets a warning.
   */
  private createCaptureAccess(lake: ILakeStorage, identity: IPrincipal): RoleAssignment {
    const access = lake.grant(identity, this.zone, CAPTURE_ZONE_ACCESS);
    if (lake.admitResourceInstance) {
      lake.admitResourceInstance(this.namespace.id);
    } else {
      warn(
        this,
        StreamIngestion.LAKE_FIREWALL_WARNING,
        `The lake '${lake.node.path}' cannot admit resources through its firewall: add a resource-instance ` +
          'rule for this Event Hubs namespace (or allow trusted Azure services) there, or Capture cannot write.',
      );
    }
    return access;
  }

  /** The deployer's write access to the landing container, for Event Hubs' linked access check. */
  private createDeployerCaptureAccess(deployer: DataAzurermClientConfig, lake: ILakeStorage): RoleAssignment {
    return new RoleAssignment(this, 'DeployerCaptureAccess', {
      scope: lake.containerResourceId(this.zone),
      roleDefinitionName: DEPLOYER_CAPTURE_ROLE,
      // The deployer may be a user or a service principal: Azure resolves the type.
      principalId: deployer.objectId,
      description:
        'Lets the deployer configure Event Hubs Capture into this container (linked access check).',
    });
  }

  /** The declared consumer groups (`$Default` is not managed), by name. */
  private createConsumerGroups(
    s: ResolvedStream,
    resourceGroup: StreamIngestionProps['resourceGroup'],
  ): Record<string, EventhubConsumerGroup> {
    const groups: Record<string, EventhubConsumerGroup> = {};
    for (const name of s.consumerGroups) {
      groups[name] = new EventhubConsumerGroup(this, `ConsumerGroup${constructIdFrom(name)}`, {
        name,
        namespaceName: this.namespace.name,
        eventhubName: this.eventHub.name,
        resourceGroupName: resourceGroup.name,
      });
    }
    return groups;
  }

  /** Diagnostic logs, the notification target and the two alerts (see `createStreamMonitoring`). */
  private createMonitoring(s: ResolvedStream, props: StreamIngestionProps): StreamMonitoring {
    return createStreamMonitoring(this, {
      ...s,
      resourceGroup: props.resourceGroup,
      namespaceId: this.namespace.id,
      notificationTarget: props.notificationTarget,
      alertEmailAddresses: props.alertEmailAddresses,
      userTags: props.tags,
      noNotificationWarning: StreamIngestion.NO_NOTIFICATION_WARNING,
    });
  }

  /** The namespace's private endpoint in `network`; without one, a warning. */
  private createPrivateEndpoint(network: INetwork | undefined): PrivateEndpoint | undefined {
    if (!network) {
      warn(
        this,
        StreamIngestion.UNREACHABLE_WARNING,
        "The Event Hubs namespace has public network access disabled and no private endpoint (no 'network'): " +
          "no producer or consumer can connect. Pass 'network'.",
      );
      return undefined;
    }
    return network.addPrivateEndpoint(`${this.node.id}Namespace`, {
      resourceId: this.namespace.id,
      subresource: PrivateEndpointSubresource.EVENT_HUBS_NAMESPACE,
    });
  }
}
