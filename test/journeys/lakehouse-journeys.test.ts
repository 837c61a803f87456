import { JourneyAction, lakehouseJourneys } from './lakehouse-journeys';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { planLakehouse } from '../../src/patterns';
import { newScope } from '../helpers/scope';

describe('the lakehouse journey catalogue', () => {
  const journeys = lakehouseJourneys(planLakehouse(newScope(), SALES_LAKEHOUSE));
  const titles = new Set(journeys.map((j) => j.title));

  test.each([
    'ingest can publish to stream clickstream',
    'ingest can write zone raw',
    'ingest cannot read zone serving',
    'analyst can query zone serving',
    'analyst cannot write zone raw',
    'analyst cannot create tables in serving',
    'engineer can create tables in curated',
    'engineer can operate pipeline daily-orders',
    'analyst cannot operate pipeline daily-orders',
    'admin can administer catalog',
    'engineer cannot administer catalog',
    'job daily-orders/clean can read zone raw',
    'job daily-orders/clean can write zone curated',
    'job daily-orders/clean cannot read zone serving',
    'job daily-orders/publish cannot write zone raw',
  ])('%s', (title) => {
    expect(titles).toContain(title);
  });

  test('every identity meets every target once per action, so denials are listed too', () => {
    const keys = journeys.map((j) => `${j.actor.kind}:${j.actor.name}|${j.action}|${j.target}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(journeys.filter((j) => !j.allowed).length).toBeGreaterThan(
      journeys.filter((j) => j.allowed).length,
    );
    expect(journeys.some((j) => j.action === JourneyAction.PUBLISH_STREAM && !j.allowed)).toBe(true);
  });
});
