import * as path from 'node:path';
import { acknowledgedFindings, type CheckReport, openFindings } from './findings';

/** Pads each column of `rows` to its widest cell, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i].length))) ?? [];
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The human report of a check: one line per unacknowledged finding (cloud, stack, resource, rule
 * id, severity, message, then the file and line to open), the acknowledged findings counted by
 * rule and reason, and a summary line. Paths are shown relative to `cwd`.
 */
export function formatTextReport(report: CheckReport, cwd: string): string {
  const open = openFindings(report);
  const acknowledged = acknowledgedFindings(report);
  const lines = columns(
    open.map((f) => [
      f.cloud,
      f.stack,
      f.resource,
      f.findingId,
      f.level,
      `${f.message}  (${path.relative(cwd, f.file)}:${f.line})`,
    ]),
  );
  if (acknowledged.length > 0) {
    const groups = new Map<string, { ruleId: string; reason: string; count: number }>();
    for (const f of acknowledged) {
      const key = `${f.ruleId}\u0000${f.acknowledgedBecause}`;
      const group = groups.get(key) ?? { ruleId: f.ruleId, reason: f.acknowledgedBecause!, count: 0 };
      group.count++;
      groups.set(key, group);
    }
    lines.push(`${plural(acknowledged.length, 'acknowledged finding')}, by rule and reason:`);
    for (const g of [...groups.values()].sort(
      (a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId),
    )) {
      lines.push(`  ${String(g.count).padStart(3)} × ${g.ruleId}: ${g.reason}`);
    }
  }
  const byCloud = new Map<string, number>();
  for (const s of report.stacks) byCloud.set(s.cloud, (byCloud.get(s.cloud) ?? 0) + 1);
  const clouds = [...byCloud].map(([cloud, n]) => `${cloud} ${n}`).join(', ');
  const errors = open.filter((f) => f.level === 'error').length;
  const verdict =
    open.length === 0
      ? '0 findings'
      : `${plural(open.length, 'finding')} (${plural(errors, 'error')}, ${plural(open.length - errors, 'warning')})`;
  lines.push(
    `dpk check: ${plural(report.stacks.length, 'stack')} checked (${clouds}): ${verdict}, ` +
      `${acknowledged.length} acknowledged.`,
  );
  return `${lines.join('\n')}\n`;
}
