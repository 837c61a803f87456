import { ZONE_ROLES } from '../../../src/azure/storage/roles';
import { EVENT_HUBS_TIER_LIMITS, EventHubsSku } from '../../../src/azure/streaming/event-hubs-sku';
import {
  CAPTURE_ZONE_ACCESS,
  DEPLOYER_CAPTURE_ROLE,
  STREAM_ROLES,
  StreamAccess,
} from '../../../src/azure/streaming/roles';

describe('STREAM_ROLES', () => {
  test('every stream access has exactly one role', () => {
    expect(Object.keys(STREAM_ROLES).sort()).toEqual(Object.values(StreamAccess).sort());
  });

  test('WRITE sends and READ receives, with the Event Hubs data roles; never the owner role', () => {
    expect(STREAM_ROLES[StreamAccess.WRITE]).toBe('Azure Event Hubs Data Sender');
    expect(STREAM_ROLES[StreamAccess.READ]).toBe('Azure Event Hubs Data Receiver');
    expect(Object.values(STREAM_ROLES).some((r) => /owner|contributor/i.test(r))).toBe(false);
  });

  test('Capture and the deployer get Storage Blob Data Contributor on the landing container', () => {
    expect(ZONE_ROLES[CAPTURE_ZONE_ACCESS]).toEqual({
      kind: 'builtIn',
      roleName: 'Storage Blob Data Contributor',
    });
    expect(DEPLOYER_CAPTURE_ROLE).toBe('Storage Blob Data Contributor');
  });
});

describe('EVENT_HUBS_TIER_LIMITS', () => {
  test('Standard: 1-40 throughput units, 32 partitions, 7 days, no customer-managed key', () => {
    const standard = EVENT_HUBS_TIER_LIMITS[EventHubsSku.STANDARD];
    expect([standard.capacities[0], standard.capacities.at(-1), standard.capacities.length]).toEqual([
      1, 40, 40,
    ]);
    expect(standard).toMatchObject({ maxPartitions: 32, maxRetentionHours: 168, customerManagedKey: false });
  });

  test('Premium: 1, 2, 4, 8 or 16 processing units, 100 partitions, 90 days, customer-managed key', () => {
    expect(EVENT_HUBS_TIER_LIMITS[EventHubsSku.PREMIUM]).toEqual({
      capacities: [1, 2, 4, 8, 16],
      maxPartitions: 100,
      maxRetentionHours: 2160,
      customerManagedKey: true,
      autoInflate: false,
    });
  });
});
