import * as aws from '../../src/aws';
import * as azure from '../../src/azure';
import type { IntegerRange } from '../../src/core/ranges';
import * as gcp from '../../src/gcp';
import { LakehouseDefaults } from '../../src/patterns';

/** The spec's limits promise what every cloud accepts: each must sit inside the blocks' ranges. */
const within = (inner: IntegerRange, outer: IntegerRange): boolean =>
  inner.min >= outer.min && inner.max <= outer.max;

describe('LakehouseDefaults limits fit every cloud', () => {
  test.each([
    ['AWS Pipeline', aws.Pipeline.STEPS_RANGE],
    ['GCP Pipeline', gcp.Pipeline.STEPS_RANGE],
    ['Azure SparkJob', azure.SparkJob.STEPS_RANGE],
  ])('PIPELINE_STEPS_RANGE fits %s.STEPS_RANGE', (_, range) => {
    expect(within(LakehouseDefaults.PIPELINE_STEPS_RANGE, range)).toBe(true);
  });

  // Azure's bound depends on the Event Hubs tier (EVENT_HUBS_TIER_LIMITS), not on one range.
  test.each([
    ['AWS', aws.StreamIngestion.RETENTION_HOURS_RANGE],
    ['GCP', gcp.StreamIngestion.RETENTION_HOURS_RANGE],
  ])('STREAM_RETENTION_HOURS_RANGE fits %s StreamIngestion.RETENTION_HOURS_RANGE', (_, range) => {
    expect(within(LakehouseDefaults.STREAM_RETENTION_HOURS_RANGE, range)).toBe(true);
  });
});
