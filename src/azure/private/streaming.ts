/**
 * Naming rules and small helpers of the Azure streaming and monitoring blocks. Internal: nothing
 * here is exported from the entry point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../core/errors';
import type { NameRule } from '../../core/naming';
import type { IntegerRange } from '../../core/ranges';
import { isUnresolved } from '../../core/tokens';
import { Fn, Token } from '../../terraform';
import { LakeStorage, type ILakeStorage } from '../storage/lake-storage';

const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const startsAlnum = (n: string) => (/^[a-zA-Z0-9]/.test(n) ? undefined : 'start with a letter or digit');
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');
const noDoubleHyphen = (n: string) => (n.includes('--') ? "not contain '--'" : undefined);

/** Naming rules of the Azure resources the streaming and monitoring blocks make. */
export const StreamNameRules = {
  /**
   * Event Hubs namespace: 6-50 of letters, digits and '-', starting with a letter, ending with a
   * letter or digit, not ending in `-sb` or `-mgmt`; globally unique (`<name>.servicebus.windows.net`).
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsofteventhub
   */
  EVENTHUB_NAMESPACE: {
    target: 'Event Hubs namespace name',
    minLength: 6,
    maxLength: 50,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [
      startsLetter,
      endsAlnum,
      noDoubleHyphen,
      (n) => (/-(sb|mgmt)$/i.test(n) ? "not end with '-sb' or '-mgmt'" : undefined),
    ],
    allowed:
      "6-50 characters of letters, digits and '-', starting with a letter, ending with a letter or digit, without '--', not ending with '-sb' or '-mgmt'",
  },
  /** User-assigned managed identity: 3-128 of letters, digits, '-' and '_', starting with a letter or digit. */
  MANAGED_IDENTITY: {
    target: 'managed identity name',
    minLength: 3,
    maxLength: 128,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [startsAlnum],
    allowed: "3-128 characters of letters, digits, '-' and '_', starting with a letter or digit",
  },
  /** Monitor action group or metric alert: 1-260 of letters, digits, '-', '_' and '.', not ending with '.'. */
  MONITOR_RESOURCE: {
    target: 'Azure Monitor resource name',
    minLength: 1,
    maxLength: 260,
    charset: /[a-zA-Z0-9_.-]/,
    separator: '-',
    extraChecks: [(n) => (n.endsWith('.') ? "not end with '.'" : undefined)],
    allowed: "1-260 characters of letters, digits, '-', '_' and '.', not ending with '.'",
  },
  /** Action group short name (shown in notifications): 1-12 of letters, digits, spaces, '-', '_' and '.'. */
  ACTION_GROUP_SHORT_NAME: {
    target: 'action group short name',
    minLength: 1,
    maxLength: 12,
    charset: /[a-zA-Z0-9 _.-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-12 characters of letters, digits, spaces, '-', '_' and '.'",
  },
  /** Log Analytics workspace: 4-63 of letters, digits and '-', starting and ending with a letter or digit. */
  LOG_ANALYTICS_WORKSPACE: {
    target: 'Log Analytics workspace name',
    minLength: 4,
    maxLength: 63,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [startsAlnum, endsAlnum],
    allowed: "4-63 characters of letters, digits and '-', starting and ending with a letter or digit",
  },
} satisfies Record<string, NameRule>;

/**
 * Capture's blob path for `stream`: the stream name, then every field Event Hubs requires, so
 * files land time-partitioned under `<stream>/` in the zone's container.
 */
export function archiveNameFormat(stream: string): string {
  return `${stream}/{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}`;
}

/**
 * The name of `zone`'s container: a reference to the kit lake's container, or, for another
 * `ILakeStorage`, the last segment of its container resource id.
 */
export function containerNameOf(lake: ILakeStorage, zone: string): string {
  if (lake instanceof LakeStorage) return lake.containerFor(zone).name;
  const id = lake.containerResourceId(zone);
  if (!isUnresolved(id)) return id.split('/').pop() ?? id;
  // …/storageAccounts/<a>/blobServices/default/containers/<name>: element 12 after a split on '/'.
  return Token.asString(Fn.element(Fn.split('/', id), 12));
}

/**
 * The Log Analytics workspace the kit lake sends its access logs to (its own, or the one it was
 * given), or undefined for another `ILakeStorage`.
 */
export function lakeWorkspaceIdOf(lake: ILakeStorage): string | undefined {
  if (!(lake instanceof LakeStorage)) return undefined;
  return lake.logWorkspace?.id ?? lake.accessLogs.logAnalyticsWorkspaceId;
}

/** A loose e-mail address check: one '@', no spaces, a dot in the domain. */
const EMAIL_ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;

/** Checks count (`DPK_OUT_OF_RANGE`), shape and duplicates (`DPK_INVALID_PRINCIPAL`); tokens pass. */
export function validateEmails(
  scope: IConstruct,
  emails: readonly string[] | undefined,
  prop: string,
  range: IntegerRange,
): string[] {
  const list = [...(emails ?? [])];
  // A list token (`#{…}`) has no known length: receivers cannot be made from it.
  if (list.some((e) => typeof e === 'string' && e.startsWith('#{'))) {
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
      prop,
      received: list,
      allowed: 'a literal list of e-mail addresses (an address may be a token, the list may not)',
    });
  }
  if (list.length < range.min || list.length > range.max) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: list,
      allowed: `from ${range.min} to ${range.max} e-mail addresses`,
    });
  }
  const seen = new Set<string>();
  const violations: Violation[] = [];
  list.forEach((email, i) => {
    if (isUnresolved(email)) return;
    if (typeof email !== 'string' || !EMAIL_ADDRESS.test(email)) {
      violations.push({
        prop: `${prop}[${i}]`,
        received: email,
        allowed: 'an e-mail address (name@domain.tld)',
      });
    } else if (seen.has(email.toLowerCase())) {
      violations.push({ prop: `${prop}[${i}]`, received: email, allowed: 'an address not already listed' });
    }
    if (typeof email === 'string') seen.add(email.toLowerCase());
  });
  ValidationError.throwIfAny(ErrorCode.INVALID_PRINCIPAL, scope, violations);
  return list;
}
