/**
 * One freshness check per product: a BigQuery scheduled query that fails when the product's
 * table was not written within its maximum age, or is empty, and a log-based alert policy on
 * that failure to the producing domain's channels. Internal: not exported from the entry point.
 */
import { BigqueryDataTransferConfig } from '@cdktf/provider-google/lib/bigquery-data-transfer-config';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { MonitoringAlertPolicy } from '@cdktf/provider-google/lib/monitoring-alert-policy';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { Construct } from 'constructs';
import { freshnessAccountId, idPart, productDatasetId } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import type { ProductTable } from './product-tables';
import { resourceTags, TagRules } from '../../../core/tags';
import type { PlannedProduct } from '../../../patterns';
import { Fn } from '../../../terraform';
import { type IPrincipal, Principal } from '../../iam/principal';
import type { Lakehouse } from '../../patterns/lakehouse';
import { dependsOnAll, enableApis, GoogleApi } from '../../private/project-services';
import { duration } from '../../private/pubsub';

/** Reads a dataset's table metadata (`__TABLES__`: last write, row count), not its rows. */
export const METADATA_VIEWER_ROLE = 'roles/bigquery.metadataViewer';
/** Runs the check's query jobs in the producer's project. */
export const JOB_USER_ROLE = 'roles/bigquery.jobUser';
/** At most one notification an hour while a check keeps failing. */
const ALERT_RATE_LIMIT_SECONDS = 3_600;
/** An incident closes a day after the last failure. */
const AUTO_CLOSE_SECONDS = 86_400;

/** A product's check: its scheduled query and the alert on its failures. */
export interface FreshnessCheck {
  readonly query: BigqueryDataTransferConfig;
  readonly alert: MonitoringAlertPolicy;
}

/** The check's query: `ERROR()` when the table is missing, empty, or last written before its maximum age. */
export function freshnessQuery(project: string, datasetId: string, product: PlannedProduct): string {
  const hours = product.freshness.maxAgeHours;
  return [
    'SELECT IF(',
    '  COUNT(*) = 0 OR MAX(row_count) = 0',
    `  OR TIMESTAMP_MILLIS(MAX(last_modified_time)) < TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL ${hours} HOUR),`,
    `  ERROR('data product ${product.id} is stale: nothing written in the last ${hours} h, or no data at all'),`,
    "  'fresh')",
    `FROM \`${project}.${datasetId}.__TABLES__\``,
    `WHERE table_id = '${product.table}'`,
  ].join('\n');
}

/**
 * The plan's check schedule (cron, UTC) as BigQuery Data Transfer writes one: `M * * * *` →
 * `every 1 hours`, `M H * * *` → `every day HH:MM`.
 */
export function transferSchedule(cron: string): string {
  const [minute, hour] = cron.split(' ');
  if (hour === '*') return 'every 1 hours';
  return `every day ${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`;
}

/**
 * Per domain with products: a service account `<mesh>-<domain>-freshness` allowed to run
 * queries in the project and read each product dataset's metadata (never its rows, so no
 * policy tag); per product, a scheduled query (BigQuery Data Transfer, as that account, on the
 * product's schedule) failing when the product is stale or empty, and an alert policy on the
 * run's error log to the domain's notification channels. A producer that stops writing fails
 * the next run: missing data is a breach, with no metric to go silent.
 */
export function createFreshnessChecks(
  stack: Construct,
  s: DataMeshSettings,
  lakehouse: Lakehouse,
  tables: readonly ProductTable[],
): Record<string, FreshnessCheck> {
  if (tables.length === 0) return {};
  const project = s.projects[lakehouse.plan.platformName];
  const scope = new Construct(stack, 'Freshness');
  const iamApi = enableApis(scope, true, project, GoogleApi.IAM);
  const apis = enableApis(scope, true, project, GoogleApi.BIGQUERY_DATA_TRANSFER, GoogleApi.MONITORING);
  const mesh = s.plan.name;
  const domain = lakehouse.plan.platformName;
  const account = new ServiceAccount(scope, 'ServiceAccount', {
    project,
    accountId: freshnessAccountId(mesh, domain),
    displayName: `${mesh} ${domain} freshness checks`,
    description: `Runs the freshness checks of the ${domain} domain's data products (table metadata only).`,
    dependsOn: iamApi,
  });
  const principal: IPrincipal = Principal.fromServiceAccount(account);
  const jobUser =
    lakehouse.warehouse?.grantQuery(principal) ??
    new ProjectIamMember(scope, 'JobUser', { project, role: JOB_USER_ROLE, member: principal.iamMember });
  const labels = resourceTags(scope, TagRules.GCP, domain, lakehouse.plan.tags);
  const checks: Record<string, FreshnessCheck> = {};
  for (const { product, dataset } of tables) {
    const here = new Construct(scope, idPart(product.name));
    const reader = new BigqueryDatasetIamMember(here, 'MetadataViewer', {
      project,
      datasetId: dataset.datasetId,
      role: METADATA_VIEWER_ROLE,
      member: principal.iamMember,
    });
    const query = new BigqueryDataTransferConfig(here, 'Query', {
      project,
      location: s.location,
      displayName: `${mesh} freshness ${product.id}`,
      dataSourceId: 'scheduled_query',
      schedule: transferSchedule(product.freshness.schedule.cron),
      serviceAccountName: account.email,
      params: { query: freshnessQuery(project, productDatasetId(mesh, product), product) },
      dependsOn: [reader, jobUser, ...apis],
    });
    const configId = Fn.element(Fn.split('/', query.name), 5);
    const alert = new MonitoringAlertPolicy(here, 'Alert', {
      project,
      displayName: `${mesh}: data product ${product.id} is stale`,
      combiner: 'OR',
      enabled: true,
      severity: 'ERROR',
      notificationChannels: lakehouse.notifications
        ? [...lakehouse.notifications.notificationChannelIds]
        : undefined,
      userLabels: labels,
      alertStrategy: {
        autoClose: duration(AUTO_CLOSE_SECONDS),
        notificationRateLimit: { period: duration(ALERT_RATE_LIMIT_SECONDS) },
      },
      conditions: [
        {
          displayName: 'The freshness check failed',
          conditionMatchedLog: {
            filter: `resource.type = "bigquery_dts_config" AND resource.labels.config_id = "${configId}" AND severity >= ERROR`,
          },
        },
      ],
      documentation: {
        mimeType: 'text/markdown',
        subject: `[${mesh}] data product ${product.id} is stale`,
        content:
          `The freshness check of **${product.id}** failed: table \`${project}.${productDatasetId(mesh, product)}.${product.table}\` ` +
          `was not written in the last ${product.freshness.maxAgeHours} h, is empty, or the check could not run ` +
          '(its error in the transfer run log says which). Consumers read stale data until the producer publishes again.',
      },
      dependsOn: dependsOnAll(apis),
    });
    checks[product.id] = { query, alert };
  }
  return checks;
}
