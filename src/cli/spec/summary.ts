import type { SpecFile } from './spec-file';
import { DEFAULT_ZONES } from '../../core/zones';

/** What a valid spec file declares, counted: what `dpk validate` reports. */
export interface SpecSummary {
  readonly pattern: SpecFile['pattern'];
  /** The lakehouse's platform name, or the mesh's name. */
  readonly name: string;
  /** Counts by what is counted (`zones`, `personas`, … or `domains`, `products`, `subscriptions`). */
  readonly counts: Readonly<Record<string, number>>;
  /** The clouds the file has a section for. */
  readonly clouds: readonly string[];
}

/** Counts what a loaded spec file declares (defaults included: three zones when none are given). */
export function summarizeSpecFile(file: SpecFile): SpecSummary {
  const clouds = Object.keys(file.clouds);
  if (file.pattern === 'lakehouse') {
    const spec = file.spec;
    return {
      pattern: 'lakehouse',
      name: spec.platformName,
      counts: {
        zones: (spec.zones ?? DEFAULT_ZONES).length,
        streams: spec.streams?.length ?? 0,
        pipelines: spec.pipelines?.length ?? 0,
      },
      clouds,
    };
  }
  const domains = file.spec.domains;
  return {
    pattern: 'mesh',
    name: file.spec.name,
    counts: {
      domains: domains.length,
      products: domains.reduce((n, d) => n + (d.products?.length ?? 0), 0),
      subscriptions: domains.reduce((n, d) => n + (d.subscriptions?.length ?? 0), 0),
    },
    clouds,
  };
}

/** `3 zones`, `1 stream`: a count and its noun, singular for one. */
function counted(n: number, plural: string): string {
  return `${n} ${n === 1 ? plural.replace(/s$/, '') : plural}`;
}

/** One line: `lakehouse "sales": 3 zones, 1 stream, 1 pipeline; sections: aws, gcp, azure`. */
export function formatSummary(summary: SpecSummary): string {
  const counts = Object.entries(summary.counts)
    .map(([what, n]) => counted(n, what))
    .join(', ');
  const clouds =
    summary.clouds.length > 0
      ? summary.clouds.join(', ')
      : 'none (each cloud renders with its defaults, where it has them)';
  return `${summary.pattern} ${JSON.stringify(summary.name)}: ${counts}; cloud sections: ${clouds}`;
}
