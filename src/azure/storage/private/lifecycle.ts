import type { StorageManagementPolicyRule } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import type { ResolvedZone } from '../../../core/zones';

/** One zone and the physical name of its container. */
export interface ZoneContainer {
  readonly zone: ResolvedZone;
  readonly containerName: string;
}

/**
 * A management-policy rule name for a zone: letters and digits only (older provider versions
 * reject '-'), camel-cased so `gold-eu` → `goldEu`; a clash (`a-1` vs `a1`) gets the zone's index.
 */
function ruleNames(zones: readonly ZoneContainer[]): string[] {
  const seen = new Set<string>();
  return zones.map(({ zone }, i) => {
    let name = zone.name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    if (seen.has(name)) name = `${name}zone${i}`;
    seen.add(name);
    return name;
  });
}

/**
 * One lifecycle rule per zone, matching the zone's container (`<container>/`):
 * block blobs move to Cool after `coolAfterDays` (when set), and snapshots are deleted after
 * `noncurrentVersionExpirationDays`. Hierarchical-namespace accounts have no blob versions, so
 * snapshots are the only noncurrent copies a rule can expire; deleted data is recovered through
 * blob and container soft delete instead.
 */
export function lifecycleRules(zones: readonly ZoneContainer[]): StorageManagementPolicyRule[] {
  const names = ruleNames(zones);
  return zones.map(({ zone, containerName }, i) => ({
    name: names[i],
    enabled: true,
    filters: { blobTypes: ['blockBlob'], prefixMatch: [`${containerName}/`] },
    actions: {
      baseBlob:
        zone.coolAfterDays === undefined
          ? undefined
          : { tierToCoolAfterDaysSinceModificationGreaterThan: zone.coolAfterDays },
      snapshot: { deleteAfterDaysSinceCreationGreaterThan: zone.noncurrentVersionExpirationDays },
    },
  }));
}
