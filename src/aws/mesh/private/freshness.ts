/**
 * One freshness check per product: a CloudWatch alarm on the signal its producer gives each time
 * it publishes, breaching when none came in the product's maximum age. Internal: not exported
 * from the entry point.
 */
import { Duration, type Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import { idPart } from './mesh-names';
import { ZoneAccess } from '../../../core/internal';
import type { PlannedProduct } from '../../../patterns';
import type { Lakehouse } from '../../patterns/lakehouse';
import { acknowledgeWildcards } from '../../private/acknowledgements';

/** The metric namespace a producer without a pipeline publishes `ProductPublished` to. */
export const FRESHNESS_NAMESPACE = 'DataPlatformKit/DataMesh';
/** The metric a producer without a pipeline publishes after each successful write of a product. */
export const PRODUCT_PUBLISHED_METRIC = 'ProductPublished';

const PUT_METRIC_REASON =
  'cloudwatch:PutMetricData has no resource-level permissions; the grant is limited to the mesh freshness namespace by condition.';

/**
 * Per product, an alarm over `maxAgeHours` (one period, at most a day: CloudWatch's limit) on
 * the succeeded runs of the pipeline whose last step writes the product's zone, or else on
 * `ProductPublished` (dimension `Product` = `<domain>.<product>`), which the personas that write
 * the zone may publish. Fewer than one in the window breaches, and missing data breaches too
 * (`treatMissingData: breaching`): a silent producer alarms. The alarm notifies the producing
 * domain's alert target. One resource per product; no scheduled query, no function.
 */
export function createFreshnessChecks(
  stack: Stack,
  lakehouse: Lakehouse,
  products: readonly PlannedProduct[],
): Record<string, cloudwatch.Alarm> {
  const alarms: Record<string, cloudwatch.Alarm> = {};
  const publishers = new Set<iam.IRole>();
  for (const product of products) {
    const period = Duration.hours(product.freshness.maxAgeHours);
    const producing = lakehouse.plan.pipelines.filter(
      (p) => p.steps.length > 0 && p.steps[p.steps.length - 1].targetZone === product.zone,
    );
    const metric =
      producing.length > 0
        ? lakehouse.pipelines[producing[producing.length - 1].name].stateMachine.metricSucceeded({
            period,
            statistic: cloudwatch.Stats.SUM,
          })
        : new cloudwatch.Metric({
            namespace: FRESHNESS_NAMESPACE,
            metricName: PRODUCT_PUBLISHED_METRIC,
            dimensionsMap: { Product: product.id },
            period,
            statistic: cloudwatch.Stats.SUM,
          });
    if (producing.length === 0) {
      for (const g of lakehouse.plan.grants) {
        if (g.zone === product.zone && g.access !== ZoneAccess.READ) {
          publishers.add(lakehouse.personas[g.persona]);
        }
      }
    }
    const alarm = new cloudwatch.Alarm(stack, `Product${idPart(product.name)}Freshness`, {
      metric,
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      alarmDescription: `${product.id} has not been published for ${product.freshness.maxAgeHours} h (data product freshness)`,
    });
    lakehouse.notifications?.notifyOn(alarm);
    alarms[product.id] = alarm;
  }
  for (const role of publishers) {
    iam.Grant.addToPrincipal({
      grantee: role,
      actions: ['cloudwatch:PutMetricData'],
      resourceArns: ['*'],
      conditions: { StringEquals: { 'cloudwatch:namespace': FRESHNESS_NAMESPACE } },
    });
    acknowledgeWildcards(role, ['*'], PUT_METRIC_REASON);
  }
  return alarms;
}
