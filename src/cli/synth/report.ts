/**
 * What `dpk synth` prints: one line per stack (cloud, stack, resources, findings), a line of
 * totals with the time taken, each stack's findings, and how to deploy what was written with
 * the engines' own CLIs.
 */
import * as path from 'node:path';
import type { CloudSynthesis } from './synthesize';
import { displayPath } from '../spec/locate';

/** One aligned line per stack, then the totals: `3 stacks, 440 resources, 0 findings in 4.7 s → dpk.out`. */
export function formatStackLines(
  syntheses: readonly CloudSynthesis[],
  seconds: number,
  shownOut: string,
): string {
  const stacks = syntheses.flatMap((s) => s.stacks);
  const width = Math.max(...stacks.map((s) => s.name.length), 5);
  const lines = stacks.map(
    (s) =>
      `${s.cloud.padEnd(5)}  ${s.name.padEnd(width)}  ${String(s.resources).padStart(5)} resources  ` +
      `${s.findings.length} finding${s.findings.length === 1 ? '' : 's'}`,
  );
  const resources = stacks.reduce((n, s) => n + s.resources, 0);
  const findings = stacks.reduce((n, s) => n + s.findings.length, 0);
  lines.push(
    `${stacks.length} stack${stacks.length === 1 ? '' : 's'}, ${resources} resources, ` +
      `${findings} finding${findings === 1 ? '' : 's'} in ${seconds.toFixed(1)} s → ${shownOut}`,
  );
  return `${lines.join('\n')}\n`;
}

/** Every stack's findings, under its name. */
export function formatFindings(syntheses: readonly CloudSynthesis[]): string {
  return syntheses
    .flatMap((s) => s.stacks)
    .filter((s) => s.findings.length > 0)
    .map((s) => `${s.cloud} ${s.name}:\n${s.findings.map((f) => `  ${f}`).join('\n')}\n`)
    .join('');
}

/**
 * How to deploy each cloud's output: `cdk deploy` with the cloud assembly as its app (it orders
 * the stacks itself), `terraform` in each stack's folder in deploy order for GCP and Azure.
 * Paths are shown relative to `cwd` when under it.
 */
export function formatDeployHints(syntheses: readonly CloudSynthesis[], cwd: string): string {
  const shown = (dir: string) => (dir === cwd ? '.' : displayPath(dir, cwd));
  const lines = syntheses.map((s) => {
    if (s.cloud === 'aws') return `  aws:   npx cdk deploy --app ${shown(s.outDir)} --all`;
    const stacksDir = path.join(shown(s.outDir), 'stacks');
    const names = s.stacks.map((stack) => stack.name);
    if (names.length === 1) {
      const dir = path.join(stacksDir, names[0]);
      return `  ${s.cloud}:${' '.repeat(6 - s.cloud.length)}terraform -chdir=${dir} init && terraform -chdir=${dir} apply`;
    }
    return (
      `  ${s.cloud}:${' '.repeat(6 - s.cloud.length)}for s in ${names.join(' ')}; do ` +
      `terraform -chdir=${stacksDir}/$s init && terraform -chdir=${stacksDir}/$s apply || break; done`
    );
  });
  return `Deploy (stacks in this order):\n${lines.join('\n')}\n`;
}
