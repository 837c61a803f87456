/**
 * What the Azure lakehouse checks on the plan before it makes anything: the streams' retention
 * against the Event Hubs tier, and each step's notebook. Internal: not exported from the entry
 * point.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { isUnresolved } from '../../../core/tokens';
import { LakehouseDefaults, type LakehousePlan } from '../../../patterns/lakehouse';
import type { SparkJobScript } from '../../processing/spark-job-script';
import { StreamIngestion } from '../../streaming/stream-ingestion';

/**
 * The spec's streams become Event Hubs Standard namespaces, which keep events at most 7 days:
 * a longer `retentionHours` (the spec allows up to 744) throws `DPK_OUT_OF_RANGE` here, naming
 * the spec's stream, before any resource exists.
 */
export function checkStreamRetention(scope: IConstruct, plan: LakehousePlan): void {
  const tier = StreamIngestion.DEFAULT_SKU;
  const cap = StreamIngestion.RETENTION_HOURS_RANGE[tier].max;
  const min = LakehouseDefaults.STREAM_RETENTION_HOURS_RANGE.min;
  ValidationError.throwIfAny(
    ErrorCode.OUT_OF_RANGE,
    scope,
    plan.streams.flatMap((stream, i) =>
      isUnresolved(stream.retentionHours) || stream.retentionHours <= cap
        ? []
        : [
            {
              prop: `streams[${i}].retentionHours`,
              received: stream.retentionHours,
              allowed: `an integer from ${min} to ${cap} on Azure (its streams use Event Hubs ${tier}, which keeps events at most ${cap / 24} days)`,
            },
          ],
    ),
  );
}

/**
 * The notebook of every spec step from `stepScripts`, keyed `<pipeline>/<step>`, as AWS and GCP
 * check their scripts: `DPK_CONFLICTING_PROPS` for a missing or unknown key, then
 * `DPK_INVALID_NAME` for a notebook name Synapse rejects.
 */
export function resolveStepNotebooks(
  scope: IConstruct,
  plan: LakehousePlan,
  given: Readonly<Record<string, SparkJobScript>>,
): Record<string, string> {
  const needed = plan.pipelines.flatMap((p) => p.steps.map((step) => `${p.name}/${step.name}`));
  ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, scope, [
    ...needed
      .filter((k) => given[k] === undefined)
      .map((k) => ({
        prop: `stepScripts['${k}']`,
        received: 'undefined',
        allowed: 'a SparkJobScript for every pipeline step, keyed <pipeline>/<step>',
      })),
    ...Object.keys(given)
      .filter((k) => !needed.includes(k))
      .map((k) => ({
        prop: `stepScripts['${k}']`,
        received: k,
        allowed: `a key naming a pipeline step of the spec: ${needed.join(', ') || 'none (no pipelines)'}`,
      })),
  ]);
  return Object.fromEntries(needed.map((k) => [k, given[k].bind(scope, `stepScripts['${k}']`).notebook]));
}
