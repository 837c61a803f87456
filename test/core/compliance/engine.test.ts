import {
  compliantIf,
  evaluateTerraform,
  formatFindings,
  RuleLevel,
  RuleResult,
  type TerraformRule,
  terraformResources,
} from '../../../src/core/compliance';

const versioned: TerraformRule = {
  id: 'TEST_1',
  description: 'Buckets are versioned',
  explanation: 'Overwritten objects stay recoverable.',
  level: RuleLevel.ERROR,
  resourceTypes: ['bucket'],
  check: (r) => compliantIf(r.config.versioning?.enabled === true),
};

const onlyWhenLogged: TerraformRule = {
  id: 'TEST_2',
  description: 'Logged buckets name a log bucket',
  explanation: 'Access logs need somewhere to go.',
  level: RuleLevel.WARNING,
  resourceTypes: ['bucket'],
  check: (r) =>
    r.config.logging === undefined ? RuleResult.NOT_APPLICABLE : compliantIf(!!r.config.logging.log_bucket),
};

const doc = {
  resource: {
    bucket: {
      good: { versioning: { enabled: true }, '//': { metadata: { path: 'stack/Good' } } },
      bad: { versioning: { enabled: false }, logging: {}, '//': { metadata: { path: 'stack/Bad' } } },
      accepted: {
        '//': {
          metadata: { path: 'stack/Accepted' },
          acknowledgements: [{ ruleId: 'TEST_1', reason: 'archive bucket, written once' }],
        },
      },
    },
    other: { x: { versioning: { enabled: false } } },
  },
};

describe('terraformResources', () => {
  test('lists resources with address, path, acknowledgements and config without the // block', () => {
    const [good, , accepted] = terraformResources(doc);
    expect(good).toEqual({
      type: 'bucket',
      name: 'good',
      address: 'bucket.good',
      path: 'stack/Good',
      config: { versioning: { enabled: true } },
      acknowledgements: [],
    });
    expect(accepted.acknowledgements).toEqual([{ ruleId: 'TEST_1', reason: 'archive bucket, written once' }]);
  });

  test('an empty document has no resources', () => {
    expect(terraformResources({})).toEqual([]);
  });
});

describe('evaluateTerraform', () => {
  const report = evaluateTerraform(doc, [versioned, onlyWhenLogged]);

  test('reports non-compliant resources of the rule types only', () => {
    expect(report.findings).toEqual([
      {
        ruleId: 'TEST_1',
        description: 'Buckets are versioned',
        level: RuleLevel.ERROR,
        address: 'bucket.bad',
        path: 'stack/Bad',
      },
      expect.objectContaining({ ruleId: 'TEST_2', address: 'bucket.bad', level: RuleLevel.WARNING }),
    ]);
  });

  test('moves acknowledged findings aside with their reason', () => {
    expect(report.acknowledged).toEqual([
      expect.objectContaining({
        ruleId: 'TEST_1',
        address: 'bucket.accepted',
        reason: 'archive bucket, written once',
      }),
    ]);
  });

  test('counts checks that applied, not the not-applicable ones', () => {
    expect(report.checks).toBe(3 + 1);
  });

  test('formats one line per finding', () => {
    expect(formatFindings(report.findings).split('\n')).toEqual([
      'Error TEST_1 bucket.bad (stack/Bad): Buckets are versioned',
      'Warning TEST_2 bucket.bad (stack/Bad): Logged buckets name a log bucket',
    ]);
  });
});
