import { ZoneAccess } from '../../core/blocks';

/**
 * What a principal may do with a stream, by intent; {@link STREAM_ROLES} maps each to its role.
 * @see https://learn.microsoft.com/azure/event-hubs/authorize-access-azure-active-directory
 * @example
 * STREAM_ROLES[StreamAccess.READ]; // 'Azure Event Hubs Data Receiver'
 */
export enum StreamAccess {
  /** Receive events (from the event hub, or from one consumer group). */
  READ = 'read',
  /** Send events. */
  WRITE = 'write',
}

/**
 * Stream access → built-in Azure role, the one permission table of Azure streaming. Producers
 * and consumers are granted on the event hub (or one consumer group), never the namespace or
 * above, and never "Azure Event Hubs Data Owner". With local (SAS) authentication off, these
 * roles are the only way in.
 *
 * - WRITE: "Azure Event Hubs Data Sender" (send only).
 * - READ: "Azure Event Hubs Data Receiver" (receive only). Consumers that checkpoint into blob
 *   storage need their own grant on that container.
 *
 * No key role is needed: the namespace encrypts through its own managed identity.
 *
 * @see https://learn.microsoft.com/azure/event-hubs/authorize-access-azure-active-directory#azure-built-in-roles-for-azure-event-hubs
 * @example
 * const role = STREAM_ROLES[StreamAccess.WRITE]; // 'Azure Event Hubs Data Sender'
 */
export const STREAM_ROLES: Readonly<Record<StreamAccess, string>> = {
  [StreamAccess.WRITE]: 'Azure Event Hubs Data Sender',
  [StreamAccess.READ]: 'Azure Event Hubs Data Receiver',
};

/**
 * The zone access the namespace's identity gets on the landing zone, for identity-based
 * Capture: Event Hubs documents "Storage Blob Data Contributor" on the destination, which is the
 * lake's `ZoneAccess.READ_WRITE` role, scoped to the zone's container.
 * @see https://learn.microsoft.com/azure/event-hubs/event-hubs-capture-managed-identity
 * @example
 * lake.grant(namespaceIdentity, 'raw', CAPTURE_ZONE_ACCESS);
 */
export const CAPTURE_ZONE_ACCESS = ZoneAccess.READ_WRITE;

/**
 * The role the deployer gets on the landing container, so that creating the event hub passes
 * Event Hubs' linked access check on the Capture destination (the caller must hold container
 * and blob write there). `StreamIngestion` assigns it unless `assignDeployerCaptureAccess` is false.
 * @see https://learn.microsoft.com/azure/event-hubs/event-hubs-capture-overview
 * @example
 * new StreamIngestion(stack, 'Clicks', { ...props, assignDeployerCaptureAccess: false }); // deployer already holds it
 */
export const DEPLOYER_CAPTURE_ROLE = 'Storage Blob Data Contributor';
