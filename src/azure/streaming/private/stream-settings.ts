import type { IConstruct } from 'constructs';
import { validateConsumerGroupName } from './stream-import';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { NameRules, validateLiteralNamePart, validateName } from '../../../core/naming';
import { type IntegerRange, validateIntegerRange, validateIpRanges } from '../../../core/ranges';
import type { RemovalDecision } from '../../../core/removal';
import type { Tags } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { findZone } from '../../../core/zones';
import { type INotificationTarget, NotificationTarget } from '../../monitoring/notification-target';
import { validateEmails } from '../../private/streaming';
import type { ILakeStorage } from '../../storage/lake-storage';
import { EVENT_HUBS_TIER_LIMITS, EventHubsSku } from '../event-hubs-sku';

/** A `StreamIngestion`'s settings with every default resolved. */
export interface StreamSettings {
  readonly platform: string;
  readonly stream: string;
  readonly zone: string;
  readonly location: string;
  readonly sku: EventHubsSku;
  readonly capacity: number;
  readonly maximumThroughputUnits?: number;
  readonly partitionCount: number;
  readonly retentionHours: number;
  readonly customerManagedKey: boolean;
  readonly captureIntervalSeconds: number;
  readonly captureSizeLimitBytes: number;
  readonly consumerGroups: readonly string[];
  readonly captureBacklogThreshold: number;
  /** The workspace for diagnostic logs; undefined means the stream creates one. */
  readonly workspaceId?: string;
  readonly assignDeployerCaptureAccess: boolean;
}

/** The settings, checked, and what the stream derives from them before making anything. */
export interface ResolvedStream extends StreamSettings {
  /** The resources' tags (the kit's and the user's). */
  readonly tags: Tags;
  readonly resourceGroupName: string;
  readonly identityName: string;
  readonly namespaceName: string;
  readonly removal: RemovalDecision;
}

/** The props the checks read that are not in the settings. */
export interface StreamPropsToCheck {
  readonly lake: ILakeStorage;
  readonly encryptionKey?: unknown;
  readonly customerManagedKey?: boolean;
  readonly keyVaultAllowedIpRanges?: string[];
  readonly notificationTarget?: INotificationTarget;
  readonly alertEmailAddresses?: string[];
}

/** Event Hubs Capture windows. */
export const CAPTURE_LIMITS = {
  intervalSeconds: { min: 60, max: 900 },
  sizeLimitBytes: { min: 10485760, max: 524288000 },
} as const;

/** Hours of event retention an Event Hubs tier allows: 1 to its cap (Standard 7 days, Premium 90). */
export function retentionHoursRange(sku: EventHubsSku): IntegerRange {
  return { min: 1, max: EVENT_HUBS_TIER_LIMITS[sku].maxRetentionHours };
}

/**
 * Throws `DPK_OUT_OF_RANGE` unless `hours` is an integer the tier keeps events for, naming the
 * tier and its cap; a token passes.
 */
function validateRetentionHours(scope: IConstruct, hours: number, sku: EventHubsSku): void {
  const { min, max } = retentionHoursRange(sku);
  if (isUnresolved(hours) || (Number.isInteger(hours) && hours >= min && hours <= max)) return;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop: 'retentionHours',
    received: hours,
    allowed: `an integer from ${min} to ${max} (Event Hubs ${sku} keeps events at most ${max / 24} days)`,
  });
}

/** Validates the stream name: a literal `NameRules.COMPONENT`. Throws `DPK_INVALID_NAME`. */
export function validateStreamName(scope: IConstruct, name: string): string {
  return validateName(
    scope,
    NameRules.COMPONENT,
    'streamName',
    validateLiteralNamePart(scope, 'streamName', name),
  );
}

/**
 * Every cross-prop and range check of `StreamIngestion`, in the order a user would fix them:
 * conflicts (`DPK_CONFLICTING_PROPS`), the zone (`DPK_UNKNOWN_ZONE`), ranges for the tier
 * (`DPK_OUT_OF_RANGE`), consumer groups (`DPK_INVALID_NAME`), IP ranges. Tokens are skipped.
 */
export function validateStreamSettings(
  scope: IConstruct,
  s: StreamSettings,
  props: StreamPropsToCheck,
): void {
  checkConflicts(scope, s, props);
  findZone(
    scope,
    props.lake.zoneNames.map((name) => ({ name })),
    s.zone,
    'zone',
  );
  const tier = EVENT_HUBS_TIER_LIMITS[s.sku];
  if (!isUnresolved(s.capacity) && !tier.capacities.includes(s.capacity)) {
    const allowed =
      s.sku === EventHubsSku.STANDARD
        ? `an integer from 1 to ${Math.max(...tier.capacities)} (throughput units)`
        : `one of ${tier.capacities.join(', ')} (processing units)`;
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'capacity',
      received: s.capacity,
      allowed,
    });
  }
  if (s.maximumThroughputUnits !== undefined) {
    const min = isUnresolved(s.capacity) ? 1 : s.capacity;
    validateIntegerRange(
      scope,
      'maximumThroughputUnits',
      s.maximumThroughputUnits,
      min,
      Math.max(...tier.capacities),
    );
  }
  validateIntegerRange(scope, 'partitionCount', s.partitionCount, 1, tier.maxPartitions);
  validateRetentionHours(scope, s.retentionHours, s.sku);
  const { intervalSeconds: interval, sizeLimitBytes: size } = CAPTURE_LIMITS;
  validateIntegerRange(scope, 'captureIntervalSeconds', s.captureIntervalSeconds, interval.min, interval.max);
  validateIntegerRange(scope, 'captureSizeLimitBytes', s.captureSizeLimitBytes, size.min, size.max);
  validateIntegerRange(
    scope,
    'captureBacklogThreshold',
    s.captureBacklogThreshold,
    0,
    Number.MAX_SAFE_INTEGER,
  );
  checkConsumerGroups(scope, s.consumerGroups);
  if (props.alertEmailAddresses !== undefined) {
    validateEmails(
      scope,
      props.alertEmailAddresses,
      'alertEmailAddresses',
      NotificationTarget.EMAIL_ADDRESSES_RANGE,
    );
  }
  validateIpRanges(scope, 'keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges);
}

function checkConflicts(scope: IConstruct, s: StreamSettings, props: StreamPropsToCheck): void {
  const conflict = (prop: string, received: unknown, allowed: string): Violation => ({
    prop,
    received,
    allowed,
  });
  const violations: Violation[] = [];
  const tier = EVENT_HUBS_TIER_LIMITS[s.sku];
  const premiumOnly = `unset unless 'sku' is EventHubsSku.PREMIUM (Event Hubs takes a customer-managed key on Premium or Dedicated only; 'sku' is ${s.sku})`;
  if (props.encryptionKey !== undefined && !tier.customerManagedKey) {
    violations.push(conflict('encryptionKey', '<IEncryptionKey>', premiumOnly));
  }
  if (props.customerManagedKey === true && !tier.customerManagedKey) {
    violations.push(conflict('customerManagedKey', true, premiumOnly.replace('unset', 'false')));
  }
  if (props.customerManagedKey === false && props.encryptionKey !== undefined) {
    violations.push(conflict('customerManagedKey', false, "true or unset when 'encryptionKey' is given"));
  }
  if (
    props.keyVaultAllowedIpRanges !== undefined &&
    (props.encryptionKey !== undefined || !s.customerManagedKey)
  ) {
    violations.push(
      conflict(
        'keyVaultAllowedIpRanges',
        props.keyVaultAllowedIpRanges,
        "unset unless the stream creates its key (a customer-managed key without 'encryptionKey')",
      ),
    );
  }
  if (s.maximumThroughputUnits !== undefined && !tier.autoInflate) {
    violations.push(
      conflict('maximumThroughputUnits', s.maximumThroughputUnits, 'unset on Premium (no auto-inflate)'),
    );
  }
  if (props.notificationTarget !== undefined && props.alertEmailAddresses !== undefined) {
    violations.push(
      conflict('alertEmailAddresses', props.alertEmailAddresses, "unset when 'notificationTarget' is given"),
    );
  }
  ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, scope, violations);
}

function checkConsumerGroups(scope: IConstruct, groups: readonly string[]): void {
  const seen = new Set<string>();
  groups.forEach((group, i) => {
    const prop = `consumerGroups[${i}]`;
    if (group === '$Default' || seen.has(group)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
        prop,
        received: group,
        allowed: "a consumer group not already declared (every event hub has '$Default')",
      });
    }
    validateConsumerGroupName(scope, group, prop);
    seen.add(group);
  });
}
