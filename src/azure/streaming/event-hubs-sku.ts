/**
 * Event Hubs tier (`sku`). Basic is left out: it has no Capture and one consumer group.
 * @see https://learn.microsoft.com/azure/event-hubs/compare-tiers
 * @example
 * new StreamIngestion(stack, 'Orders', { ...props, sku: EventHubsSku.PREMIUM }); // customer-managed key
 */
export enum EventHubsSku {
  /** Throughput units, up to 32 partitions and 7 days of retention; Microsoft-managed keys only. */
  STANDARD = 'Standard',
  /** Processing units, up to 100 partitions and 90 days of retention; customer-managed keys. */
  PREMIUM = 'Premium',
}

/** What one Event Hubs tier allows, as the kit validates it. */
export interface EventHubsTierLimits {
  /** Allowed `capacity` values (throughput units on STANDARD, processing units on PREMIUM). */
  readonly capacities: readonly number[];
  /** Most partitions one event hub may have. */
  readonly maxPartitions: number;
  /** Longest event retention, in hours. */
  readonly maxRetentionHours: number;
  /** Whether the tier takes a customer-managed key. */
  readonly customerManagedKey: boolean;
  /** Whether the tier can auto-inflate throughput units. */
  readonly autoInflate: boolean;
}

/**
 * Event Hubs quotas per tier, the one table `StreamIngestion` validates against.
 * @see https://learn.microsoft.com/azure/event-hubs/event-hubs-quotas
 * @example
 * const days = EVENT_HUBS_TIER_LIMITS[EventHubsSku.STANDARD].maxRetentionHours / 24; // 7
 */
export const EVENT_HUBS_TIER_LIMITS: Readonly<Record<EventHubsSku, EventHubsTierLimits>> = {
  [EventHubsSku.STANDARD]: {
    capacities: Array.from({ length: 40 }, (_, i) => i + 1),
    maxPartitions: 32,
    maxRetentionHours: 7 * 24,
    customerManagedKey: false,
    autoInflate: true,
  },
  [EventHubsSku.PREMIUM]: {
    capacities: [1, 2, 4, 8, 16],
    maxPartitions: 100,
    maxRetentionHours: 90 * 24,
    customerManagedKey: true,
    autoInflate: false,
  },
};
