import {
  type DataLossKind,
  type DiffReport,
  type OtherChanges,
  type StackDiff,
  sumOtherChanges,
} from './report';

/** How each kind of loss is labelled in the text output. */
const KIND_LABELS: Readonly<Record<DataLossKind, string>> = {
  replaced: 'replaced',
  destroyed: 'destroyed',
  'retention-removed': 'retention removed',
  'iceberg-fields-dropped': 'Iceberg fields dropped',
};

const counted = (o: OtherChanges) => `${o.added} added, ${o.updated} updated, ${o.removed} removed`;
/** A resource as shown: a Terraform address already names its type, a logical id does not. */
const named = (r: { resource: string; type: string }) =>
  r.resource.startsWith(`${r.type}.`) ? r.resource : `${r.resource} (${r.type})`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The text report of `dpk diff`: per stack, each resource that would lose data with why, the
 * resources that leave but are kept, and a count of the other changes; then one summary line.
 */
export function formatDiffText(report: DiffReport, labels: { before: string; after: string }): string {
  const lines = [`dpk diff ${labels.before} → ${labels.after}`, ''];
  for (const stack of report.stacks) lines.push(...stackLines(stack));
  lines.push('', summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** The lines of one stack. */
function stackLines(stack: StackDiff): string[] {
  const title = `${stack.cloud}/${stack.stack}`;
  if (stack.status === 'unchanged') return [`${title}: unchanged`];
  const status = stack.status === 'changed' ? '' : ` (stack ${stack.status})`;
  const losing = new Set(stack.losses.map((l) => l.resource)).size;
  const lossNote = losing > 0 ? `: ${plural(losing, 'resource')} losing data` : ': no data lost';
  const width = Math.max(0, ...stack.losses.map((l) => KIND_LABELS[l.kind].length));
  return [
    `${title}${status}${lossNote}`,
    ...stack.losses.map((l) => `  ${KIND_LABELS[l.kind].padEnd(width)}  ${named(l)}: ${l.reason}`),
    ...stack.retained.map((r) => `  kept  ${named(r)}: leaves the stack, ${r.reason}`),
    `  other changes: ${counted(stack.other)}`,
  ];
}

/** The closing line: data loss or not, and the other changes in all. */
function summaryLine(report: DiffReport): string {
  const other = `Other changes: ${counted(sumOtherChanges(report.stacks.map((s) => s.other)))}.`;
  if (!report.dataLoss) return `No data would be lost. ${other}`;
  const losing = report.stacks.filter((s) => s.losses.length > 0);
  const resources = new Set(
    losing.flatMap((s) => s.losses.map((l) => `${s.cloud}/${s.stack}/${l.resource}`)),
  );
  return (
    `Data would be lost: ${plural(resources.size, 'stateful resource')} in ${plural(losing.length, 'stack')}. ${other} ` +
    'If this is intended, migrate or back up the data first; otherwise keep the old names and retention.'
  );
}

/** The JSON report of `dpk diff`: the report itself and the other changes in all. */
export function formatDiffJson(report: DiffReport): string {
  const other = sumOtherChanges(report.stacks.map((s) => s.other));
  return `${JSON.stringify({ dataLoss: report.dataLoss, other, stacks: report.stacks }, null, 2)}\n`;
}
