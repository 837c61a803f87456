import { argumentAt } from './identity-arguments';
import { showValue } from './report';
import { DATA_DESTROYING_ARGUMENTS } from '../../core/stateful';

/** Whether a Terraform resource body refuses to be destroyed (`lifecycle.prevent_destroy`). */
export function preventsDestroy(body: Readonly<Record<string, any>>): boolean {
  return body.lifecycle?.prevent_destroy === true;
}

/** The data-destroying arguments (src/core/stateful) a Terraform resource body sets true. */
export function dataDestroyingArgumentsOf(body: Readonly<Record<string, any>>): string[] {
  return DATA_DESTROYING_ARGUMENTS.filter((arg) => body[arg] === true);
}

/**
 * A protection flag that must stay on: turning it off lets a destroy or a replacement through.
 * `default` is the provider's value when the argument is absent.
 */
interface ProtectionFlag {
  readonly path: string;
  readonly default: boolean;
}

/**
 * A retention period that must not shrink (soft delete, time travel, log or message retention,
 * key destruction delay): data deleted by mistake can be recovered only within it.
 * `default` is the provider's value, in the same unit, when the argument is absent; without one,
 * removing the argument removes the retention.
 */
interface RetentionPeriod {
  readonly path: string;
  readonly default?: number;
}

/** Protection flags per type, from the providers' docs (the default is the provider's). */
const PROTECTION_FLAGS: Readonly<Record<string, readonly ProtectionFlag[]>> = {
  // google: docs/r/bigquery_table — deletion_protection defaults to true.
  google_bigquery_table: [{ path: 'deletion_protection', default: true }],
  // azurerm: docs/r/key_vault — purge protection (a soft-deleted vault cannot be purged).
  azurerm_key_vault: [{ path: 'purge_protection_enabled', default: false }],
  azurerm_key_vault_managed_hardware_security_module: [{ path: 'purge_protection_enabled', default: false }],
  // azurerm: docs/r/synapse_sql_pool — geo backups of the pool.
  azurerm_synapse_sql_pool: [{ path: 'geo_backup_policy_enabled', default: true }],
};

/** Retention periods per type, from the providers' docs (defaults in the argument's unit). */
const RETENTION_PERIODS: Readonly<Record<string, readonly RetentionPeriod[]>> = {
  google_storage_bucket: [
    // Soft delete keeps deleted objects 7 days unless set; 0 turns it off.
    { path: 'soft_delete_policy.retention_duration_seconds', default: 604800 },
    { path: 'retention_policy.retention_period' },
  ],
  // Time travel: 168 hours unless set.
  google_bigquery_dataset: [{ path: 'max_time_travel_hours', default: 168 }],
  // Destroyed key versions stay recoverable 30 days unless set (ForceNew in the provider too).
  google_kms_crypto_key: [{ path: 'destroy_scheduled_duration', default: 2592000 }],
  google_pubsub_topic: [{ path: 'message_retention_duration' }],
  google_pubsub_subscription: [{ path: 'message_retention_duration', default: 604800 }],
  // Log buckets keep entries 30 days unless set.
  google_logging_project_bucket_config: [{ path: 'retention_days', default: 30 }],
  azurerm_storage_account: [
    { path: 'blob_properties.delete_retention_policy.days' },
    { path: 'blob_properties.container_delete_retention_policy.days' },
  ],
  // A vault and its keys stay recoverable 90 days after deletion unless set.
  azurerm_key_vault: [{ path: 'soft_delete_retention_days', default: 90 }],
  azurerm_key_vault_managed_hardware_security_module: [{ path: 'soft_delete_retention_days', default: 90 }],
  azurerm_log_analytics_workspace: [{ path: 'retention_in_days', default: 30 }],
  azurerm_eventhub: [
    { path: 'retention_description.retention_time_in_hours' },
    { path: 'message_retention' },
  ],
};

/** A period as a number: numbers as they are, `"604800s"` and `"168"` read; anything else undefined. */
function periodOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)s?$/.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

/**
 * How `after` weakens what kept `before`'s data for one resource of `type`, one line each:
 * `lifecycle.prevent_destroy` dropped, a data-destroying argument (force_destroy,
 * delete_contents_on_destroy) turned on, a protection flag turned off, a retention period
 * shortened or removed. Values that are Terraform expressions are not compared.
 */
export function weakenedRetention(
  type: string,
  before: Readonly<Record<string, any>>,
  after: Readonly<Record<string, any>>,
): string[] {
  const weakened: string[] = [];
  if (preventsDestroy(before) && !preventsDestroy(after)) {
    weakened.push(`lifecycle.prevent_destroy true → ${showValue(after.lifecycle?.prevent_destroy)}`);
  }
  const destroying = new Set(dataDestroyingArgumentsOf(before));
  for (const arg of dataDestroyingArgumentsOf(after).filter((a) => !destroying.has(a))) {
    weakened.push(`${arg} ${showValue(before[arg])} → true (deletes the data with the resource)`);
  }
  for (const flag of PROTECTION_FLAGS[type] ?? []) {
    const was = argumentAt(before, flag.path) ?? flag.default;
    const now = argumentAt(after, flag.path) ?? flag.default;
    if (was === true && now === false) {
      weakened.push(
        `${flag.path} ${showValue(argumentAt(before, flag.path))} → ${showValue(argumentAt(after, flag.path))}`,
      );
    }
  }
  for (const period of RETENTION_PERIODS[type] ?? []) {
    const rawWas = argumentAt(before, period.path);
    const rawNow = argumentAt(after, period.path);
    const was = rawWas === undefined ? period.default : periodOf(rawWas);
    const now = rawNow === undefined ? period.default : periodOf(rawNow);
    const unreadable =
      (rawWas !== undefined && periodOf(rawWas) === undefined) ||
      (rawNow !== undefined && periodOf(rawNow) === undefined);
    if (was === undefined || unreadable) continue;
    if (now === undefined || now < was) {
      weakened.push(
        `${period.path} ${showValue(rawWas)} → ${showValue(rawNow)}${now === undefined ? ' (retention removed)' : ' (shorter)'}`,
      );
    }
  }
  return weakened;
}
