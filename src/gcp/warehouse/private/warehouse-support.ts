import { BigqueryReservation } from '@cdktf/provider-google/lib/bigquery-reservation';
import { BigqueryReservationAssignment } from '@cdktf/provider-google/lib/bigquery-reservation-assignment';
import { CloudQuotasQuotaPreference } from '@cdktf/provider-google/lib/cloud-quotas-quota-preference';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import type { Construct, IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { physicalName } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import { zoneNameViolation } from '../../../core/zones';
import { GcpNameRules } from '../../private/names';
import { dependsOnAll } from '../../private/project-services';

/** MiB in one GiB: BigQuery's query-usage quotas are counted in MiB. */
const MIB_PER_GIB = 1024;

/** Largest daily query limit the kit accepts, in GiB (1 PiB). */
export const MAX_DAILY_QUERY_GIB = 1_048_576;

/**
 * Throws `DPK_CONFLICTING_PROPS` for the first of `props` that is set while `conflict` holds;
 * `allowed` says when the prop may be set.
 */
export function rejectWhen(
  scope: IConstruct,
  conflict: boolean,
  allowed: string,
  props: Readonly<Record<string, unknown>>,
): void {
  if (!conflict) return;
  const set = Object.entries(props).find(([, value]) => value !== undefined);
  if (set) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, { prop: set[0], received: set[1], allowed });
  }
}

/** Validates the warehouse's own zone names (literal, well-formed, no duplicates, at least one). */
export function validateOwnZones(scope: IConstruct, prop: string, zones: readonly string[]): void {
  if (zones.length === 0) {
    throw ValidationError.of(ErrorCode.NO_ZONES, scope, {
      prop,
      received: [],
      allowed: 'at least one zone',
    });
  }
  ValidationError.throwIfAny(
    ErrorCode.INVALID_ZONE,
    scope,
    zones.flatMap((z, i) => zoneNameViolation(`${prop}[${i}]`, z) ?? []),
  );
  const duplicate = zones.findIndex((z, i) => zones.indexOf(z) !== i);
  if (duplicate >= 0) {
    throw ValidationError.of(ErrorCode.DUPLICATE_ZONE, scope, {
      prop: `${prop}[${duplicate}]`,
      received: zones[duplicate],
      allowed: 'a zone not already listed',
    });
  }
}

/** Validates the daily query limits: integers of GiB known at synth time, per user at most per project. */
export function validateDailyLimits(scope: IConstruct, project?: number, perUser?: number): void {
  const violations: Violation[] = [];
  for (const [prop, value] of [
    ['dailyQueryLimitGib', project],
    ['dailyQueryLimitPerUserGib', perUser],
  ] as const) {
    if (value === undefined) continue;
    if (isUnresolved(value)) {
      violations.push({
        prop,
        received: '<deploy-time token>',
        allowed: 'a number of GiB known at synth time (it is converted to MiB)',
      });
    } else if (!Number.isInteger(value) || value < 1 || value > MAX_DAILY_QUERY_GIB) {
      violations.push({
        prop,
        received: value,
        allowed: `an integer from 1 to ${MAX_DAILY_QUERY_GIB} (GiB)`,
      });
    }
  }
  ValidationError.throwIfAny(ErrorCode.OUT_OF_RANGE, scope, violations);
  if (
    project !== undefined &&
    perUser !== undefined &&
    !isUnresolved(project) &&
    !isUnresolved(perUser) &&
    perUser > project
  ) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'dailyQueryLimitPerUserGib',
      received: perUser,
      allowed: `at most dailyQueryLimitGib (${project}): the project limit caps every user anyway`,
    });
  }
}

/** A reservation capped at `maxSlots` autoscaled slots (no baseline), and its assignment to the project. */
export interface SlotCap {
  readonly reservation: BigqueryReservation;
  readonly assignment: BigqueryReservationAssignment;
}

/** What the slot cap is made of. */
export interface SlotCapSpec {
  readonly platform: string;
  readonly project?: string;
  readonly projectId: string;
  readonly location: string;
  readonly edition: string;
  readonly maxSlots: number;
  readonly apis: readonly ProjectService[];
}

/**
 * A BigQuery reservation with no baseline slots and autoscaling up to `maxSlots` (pay for the
 * slots used, never more than the cap), which never borrows idle slots, and the assignment of the
 * project's QUERY jobs to it.
 */
export function newSlotCap(scope: Construct, spec: SlotCapSpec): SlotCap {
  const reservation = new BigqueryReservation(scope, 'Reservation', {
    project: spec.project,
    location: spec.location,
    name: physicalName(scope, GcpNameRules.BIGQUERY_RESERVATION, {
      platform: spec.platform,
      parts: ['warehouse'],
    }),
    edition: spec.edition,
    slotCapacity: 0,
    autoscale: { maxSlots: spec.maxSlots },
    ignoreIdleSlots: true,
    dependsOn: dependsOnAll(spec.apis),
  });
  const assignment = new BigqueryReservationAssignment(scope, 'ReservationAssignment', {
    project: spec.project,
    location: spec.location,
    reservation: reservation.id,
    assignee: `projects/${spec.projectId}`,
    jobType: 'QUERY',
  });
  return { reservation, assignment };
}

/** BigQuery's custom query-usage quotas, by the Cloud Quotas id each sets. */
export enum QueryQuota {
  /** Bytes all users of the project may process per day. */
  PER_PROJECT = 'QueryUsagePerDay',
  /** Bytes each user or service account may process per day. */
  PER_USER = 'QueryUsagePerUserPerDay',
}

/**
 * A `google_cloud_quotas_quota_preference` lowering one BigQuery query-usage quota to `gib` per
 * day. Lowering a quota by more than 10 % trips a Cloud Quotas safety check, which the kit skips
 * on purpose (`QUOTA_DECREASE_PERCENTAGE_TOO_HIGH`): a cost cap is a decrease.
 */
export function newQueryQuota(
  scope: Construct,
  id: string,
  projectId: string,
  quota: QueryQuota,
  gib: number,
  apis: readonly ProjectService[],
): CloudQuotasQuotaPreference {
  return new CloudQuotasQuotaPreference(scope, id, {
    parent: `projects/${projectId}`,
    service: 'bigquery.googleapis.com',
    quotaId: quota,
    quotaConfig: { preferredValue: String(gib * MIB_PER_GIB) },
    ignoreSafetyChecks: 'QUOTA_DECREASE_PERCENTAGE_TOO_HIGH',
    justification: 'Cost cap of the data-platform-kit warehouse.',
    dependsOn: dependsOnAll(apis),
  });
}
