import { ZoneAccess } from 'data-platform-kit/core';
import type { LakehouseSpec } from 'data-platform-kit/patterns';

/**
 * One lakehouse, declared once: the three lakehouse examples synthesize this same spec on AWS,
 * GCP and Azure (each adds only its cloud's own options).
 */
// example:start
export const SALES_LAKEHOUSE: LakehouseSpec = {
  platformName: 'sales',
  zones: [{ name: 'raw', coolAfterDays: 30 }, { name: 'curated', coolAfterDays: 90 }, { name: 'serving' }],
  // The default personas (ingest, engineer, analyst, admin), plus an auditor who reads curated and serving.
  additionalPersonas: [{ name: 'auditor', access: { curated: ZoneAccess.READ, serving: ZoneAccess.READ } }],
  streams: [{ name: 'clickstream', retentionHours: 48 }],
  pipelines: [
    {
      name: 'daily-orders',
      steps: [
        { name: 'clean', sourceZone: 'raw', targetZone: 'curated' },
        { name: 'publish', sourceZone: 'curated', targetZone: 'serving' },
      ],
      schedule: { cron: '0 2 * * *', timeZone: 'Etc/UTC' },
    },
  ],
  alerts: { emails: ['data-platform@example.com'] },
  tags: { team: 'sales-data' },
};
// example:end
