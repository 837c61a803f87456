import { compareTemplates, RETAINED_ON_DELETE } from './cloudformation';
import type { SynthesizedStackDocument } from './outputs';
import {
  type DataLoss,
  type DiffReport,
  NO_OTHER_CHANGES,
  type RetainedResource,
  type StackDiff,
} from './report';
import { isStatefulType, resourceTypesOf, type StackDocument } from './stateful-resources';
import { compareTerraform, terraformResources } from './terraform';
import { preventsDestroy } from './terraform-retention';

const keyOf = (s: SynthesizedStackDocument) => `${s.cloud}/${s.name}`;

/**
 * Compares two synthesized outputs stack by stack (matched by cloud and name): what deploying
 * `after` where `before` is deployed would do to the data of each stack, and the other changes.
 * A stack only in `before` is treated as deleted with its stack; one only in `after` as new.
 */
export function diffOutputs(
  before: readonly SynthesizedStackDocument[],
  after: readonly SynthesizedStackDocument[],
): DiffReport {
  const afterByKey = new Map(after.map((s) => [keyOf(s), s]));
  const beforeKeys = new Set(before.map(keyOf));
  const stacks: StackDiff[] = [
    ...before.map((old) => {
      const current = afterByKey.get(keyOf(old));
      return current === undefined ? removedStack(old) : changedStack(old, current);
    }),
    ...after.filter((s) => !beforeKeys.has(keyOf(s))).map(addedStack),
  ];
  return { stacks, dataLoss: stacks.some((s) => s.losses.length > 0) };
}

/** One stack present on both sides. */
function changedStack(old: SynthesizedStackDocument, current: SynthesizedStackDocument): StackDiff {
  const found =
    old.cloud === 'aws'
      ? compareTemplates(old.document, current.document)
      : compareTerraform(old.cloud, old.document, current.document);
  const changed =
    found.losses.length +
      found.retained.length +
      found.other.added +
      found.other.updated +
      found.other.removed >
    0;
  return { cloud: old.cloud, stack: old.name, status: changed ? 'changed' : 'unchanged', ...found };
}

/** A stack gone from the new output: its stateful resources are destroyed with it unless retained. */
function removedStack(old: SynthesizedStackDocument): StackDiff {
  const losses: DataLoss[] = [];
  const retained: RetainedResource[] = [];
  let removed = 0;
  for (const [id, type, body] of resourcesOf(old)) {
    if (!isStatefulType(old.cloud, type)) {
      removed++;
      continue;
    }
    const keptBy = keptWithStack(old.cloud, body);
    if (keptBy) {
      retained.push({ resource: id, type, reason: keptBy });
    } else {
      losses.push({ resource: id, type, kind: 'destroyed', reason: 'its stack is gone from the new output' });
    }
  }
  return {
    cloud: old.cloud,
    stack: old.name,
    status: 'removed',
    losses,
    retained,
    other: { ...NO_OTHER_CHANGES, removed },
  };
}

/** A stack new in the new output: every resource is added. */
function addedStack(current: SynthesizedStackDocument): StackDiff {
  const added = Object.keys(resourceTypesOf(current.cloud, current.document)).length;
  return {
    cloud: current.cloud,
    stack: current.name,
    status: 'added',
    losses: [],
    retained: [],
    other: { ...NO_OTHER_CHANGES, added },
  };
}

/** What keeps a stateful resource's data when its whole stack is deleted, or undefined. */
function keptWithStack(
  cloud: SynthesizedStackDocument['cloud'],
  body: Readonly<Record<string, any>>,
): string | undefined {
  if (cloud === 'aws') {
    return RETAINED_ON_DELETE.has(body.DeletionPolicy)
      ? `DeletionPolicy ${body.DeletionPolicy} keeps it when the stack is deleted`
      : undefined;
  }
  return preventsDestroy(body)
    ? 'lifecycle.prevent_destroy stops terraform destroy of the stack before it'
    : undefined;
}

/** `[id, type, body]` of every resource of a stack. */
function resourcesOf(stack: {
  cloud: SynthesizedStackDocument['cloud'];
  document: StackDocument;
}): [string, string, Record<string, any>][] {
  if (stack.cloud === 'aws') {
    return Object.entries<any>(stack.document.Resources ?? {}).map(([id, r]) => [id, r.Type, r]);
  }
  return [...terraformResources(stack.document)].map(([address, r]) => [address, r.type, r.body]);
}
