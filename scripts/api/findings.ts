/**
 * Sorts api-extractor's messages into what is fine and what must be fixed. api-extractor knows
 * one entry point at a time, so a type or `{@link}` that another entry exports looks forgotten
 * to it; that is fine when the other entry is one users of this entry reach
 * (see `neighbours` in ./entries).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Entry, neighbours } from './entries';
import { docModelFolder, type EntryMessage } from './extract';

/** The names `entry` exports, read from its doc model. */
export function exportedNames(entry: Entry): Set<string> {
  const file = path.join(docModelFolder(entry), `${entry.name}.api.json`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as { members: { members: { name: string }[] }[] };
  return new Set(model.members[0].members.map((m) => m.name));
}

/** The symbol a forgotten-export or unresolved-link message is about, if it names one. */
function missingName(message: EntryMessage): string | undefined {
  if (message.id === 'ae-forgotten-export') return /The symbol "([^"]+)"/.exec(message.text)?.[1];
  if (message.id === 'ae-unresolved-link') return /does not have an export "([^"]+)"/.exec(message.text)?.[1];
  return undefined;
}

/** The messages that need a fix, one line each, deduplicated (`console-*` ones are progress). */
export function problems(messages: readonly EntryMessage[], all: readonly Entry[]): string[] {
  const exportsOf = new Map(all.map((e) => [e, exportedNames(e)]));
  const lines = new Set<string>();
  for (const message of messages) {
    if (message.id.startsWith('console-')) continue;
    const name = missingName(message);
    if (name && neighbours(message.entry, all).some((n) => exportsOf.get(n)?.has(name))) continue;
    lines.add(`${message.where || message.entry.importPath}: ${message.id}: ${message.text.split('\n')[0]}`);
  }
  return [...lines].sort();
}
