import { argumentAt, IDENTITY_ARGUMENTS } from './identity-arguments';
import { type DataLoss, type OtherChanges, type RetainedResource, showValue } from './report';
import { isStatefulType, type StackDocument } from './stateful-resources';
import { tableRecreatingChanges, tableShape } from './tables';
import { preventsDestroy, weakenedRetention } from './terraform-retention';
import type { CloudName } from '../spec/spec-file';

/** One resource of a Terraform document. */
interface TerraformResource {
  readonly type: string;
  /** Its body without cdktf's `//` metadata (construct path, unique id). */
  readonly body: Readonly<Record<string, any>>;
}

/** The resources of a cdktf Terraform JSON document by address (`type.name`). */
export function terraformResources(document: StackDocument): Map<string, TerraformResource> {
  const resources = new Map<string, TerraformResource>();
  for (const [type, byName] of Object.entries<Record<string, any>>(document.resource ?? {})) {
    for (const [name, raw] of Object.entries<Record<string, any>>(byName)) {
      const { ['//']: _metadata, ...body } = raw;
      resources.set(`${type}.${name}`, { type, body });
    }
  }
  return resources;
}

/** `moved` blocks of a document (cdktf's `moveTo`/`moveFromId`), as old address → new address. */
function movedAddresses(document: StackDocument): Map<string, string> {
  const moved = (document.moved ?? []) as { from?: string; to?: string }[];
  return new Map(moved.filter((m) => m.from && m.to).map((m) => [m.from!, m.to!]));
}

/** Addresses that `removed` blocks with `lifecycle.destroy = false` forget without destroying. */
function forgottenAddresses(document: StackDocument): Set<string> {
  const removed = (document.removed ?? []) as { from?: string; lifecycle?: { destroy?: boolean } }[];
  return new Set(removed.filter((r) => r.from && r.lifecycle?.destroy === false).map((r) => r.from!));
}

/** What applying `after` over a stack applied from `before` does to its data, and the rest. */
export interface TerraformComparison {
  readonly losses: DataLoss[];
  readonly retained: RetainedResource[];
  readonly other: OtherChanges;
}

/**
 * Compares two Terraform JSON documents of one stack, resources matched by address (through
 * `moved` blocks): stateful resources gone from `after` (destroyed, unless a `removed` block
 * forgets them), replaced (an identity-forming argument changed, old → new, or a BigQuery
 * table's schema changed so BigQuery recreates it), or whose retention is weakened; and counts
 * the other added, updated and removed resources.
 */
export function compareTerraform(
  cloud: CloudName,
  before: StackDocument,
  after: StackDocument,
): TerraformComparison {
  const was = terraformResources(before);
  const now = terraformResources(after);
  const moved = movedAddresses(after);
  const forgotten = forgottenAddresses(after);
  const losses: DataLoss[] = [];
  const retained: RetainedResource[] = [];
  const other = { added: 0, updated: 0, removed: 0 };
  const matched = new Set<string>();
  for (const [address, old] of was) {
    const target = moved.get(address) ?? address;
    const current = now.get(target);
    const stateful = isStatefulType(cloud, old.type);
    if (current === undefined) {
      if (!stateful) {
        other.removed++;
      } else if (forgotten.has(address)) {
        retained.push({
          resource: address,
          type: old.type,
          reason: 'a removed block with lifecycle.destroy = false forgets it',
        });
      } else {
        const protectedNote = preventsDestroy(old.body) ? ' (its prevent_destroy went with it)' : '';
        losses.push({
          resource: address,
          type: old.type,
          kind: 'destroyed',
          reason: `gone from the new output${protectedNote}`,
        });
      }
      continue;
    }
    matched.add(target);
    const found = stateful && current.type === old.type ? resourceLosses(address, old, current) : [];
    if (current.type !== old.type && stateful) {
      found.push({
        resource: address,
        type: old.type,
        kind: 'replaced',
        reason: `its type changed ${old.type} → ${current.type}`,
      });
    }
    if (found.length > 0) losses.push(...found);
    else if (target !== address || JSON.stringify(old.body) !== JSON.stringify(current.body)) other.updated++;
  }
  other.added = [...now.keys()].filter((address) => !matched.has(address)).length;
  return { losses, retained, other };
}

/** What a change of one stateful resource's body loses: replacement, then weakened retention. */
function resourceLosses(address: string, old: TerraformResource, current: TerraformResource): DataLoss[] {
  const at = { resource: address, type: old.type };
  const replacing = (IDENTITY_ARGUMENTS[old.type] ?? [])
    .filter(
      (arg) => JSON.stringify(argumentAt(old.body, arg)) !== JSON.stringify(argumentAt(current.body, arg)),
    )
    .map(
      (arg) =>
        `${arg} changed ${showValue(argumentAt(old.body, arg))} → ${showValue(argumentAt(current.body, arg))}`,
    );
  if (old.type === 'google_bigquery_table') {
    replacing.push(...tableRecreatingChanges(tableShape(old.body), tableShape(current.body)));
  }
  const losses: DataLoss[] = [];
  if (replacing.length > 0) {
    const stopped = preventsDestroy(current.body) ? ' (prevent_destroy fails the apply before it does)' : '';
    losses.push({ ...at, kind: 'replaced', reason: `replaced because ${replacing.join('; ')}${stopped}` });
  }
  for (const weakened of weakenedRetention(old.type, old.body, current.body)) {
    losses.push({ ...at, kind: 'retention-removed', reason: weakened });
  }
  return losses;
}
