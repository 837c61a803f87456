import { docOf, type FixtureResource, RULE_FIXTURES } from './rule-fixtures';
import {
  evaluateTerraform,
  RuleResult,
  type TerraformRule,
  terraformResources,
} from '../../../src/core/compliance';
import { DATA_PLATFORM_RULES } from '../../../src/gcp/compliance';

/** The rule's verdict on the first resource of `resources`, the rest being context. */
function verdict(rule: TerraformRule, resources: readonly FixtureResource[]): RuleResult {
  const all = terraformResources(docOf(resources));
  const subject = all.find((r) => r.type === resources[0].type && r.name === resources[0].name)!;
  return rule.check(subject, { resources: (type) => all.filter((r) => r.type === type) });
}

const subjectAddress = (resources: readonly FixtureResource[]) => `${resources[0].type}.${resources[0].name}`;

const cases = (kind: 'compliant' | 'nonCompliant' | 'notApplicable') =>
  DATA_PLATFORM_RULES.flatMap((rule) =>
    (RULE_FIXTURES[rule.id]?.[kind] ?? []).map((resources, i) => [rule.id, i, rule, resources] as const),
  );

describe('every rule of the GCP pack', () => {
  test('has fixtures with at least one compliant and one non-compliant case', () => {
    const missing = DATA_PLATFORM_RULES.filter(
      (r) => !RULE_FIXTURES[r.id]?.compliant.length || !RULE_FIXTURES[r.id]?.nonCompliant.length,
    ).map((r) => r.id);
    expect(missing).toEqual([]);
    expect(Object.keys(RULE_FIXTURES).sort()).toEqual(DATA_PLATFORM_RULES.map((r) => r.id).sort());
  });

  test.each(cases('compliant'))('%s passes compliant fixture %i', (_, __, rule, resources) => {
    // GIVEN a document holding the fixture
    const doc = docOf(resources);
    // WHEN the rule runs on it
    const report = evaluateTerraform(doc, [rule]);
    // THEN nothing is found, and the judged resource (when the rule inspects its type) is COMPLIANT
    expect(report.findings).toEqual([]);
    if (rule.resourceTypes.includes(resources[0].type)) {
      expect(verdict(rule, resources)).toBe(RuleResult.COMPLIANT);
    }
  });

  test.each(cases('nonCompliant'))('%s reports non-compliant fixture %i', (_, __, rule, resources) => {
    // GIVEN / WHEN
    const report = evaluateTerraform(docOf(resources), [rule]);
    // THEN the judged resource is reported, with the rule's id and level
    expect(verdict(rule, resources)).toBe(RuleResult.NON_COMPLIANT);
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: rule.id, level: rule.level, address: subjectAddress(resources) }),
    ]);
  });

  test.each(cases('notApplicable'))('%s does not apply to fixture %i', (_, __, rule, resources) => {
    // GIVEN / WHEN / THEN the judged resource is not checked at all
    expect(verdict(rule, resources)).toBe(RuleResult.NOT_APPLICABLE);
    const findings = evaluateTerraform(docOf(resources), [rule]).findings;
    expect(findings.map((f) => f.address)).not.toContain(subjectAddress(resources));
  });

  test('checks are pure: the same resource gives the same verdict twice', () => {
    for (const [, , rule, resources] of [...cases('compliant'), ...cases('nonCompliant')]) {
      expect(verdict(rule, resources)).toBe(verdict(rule, resources));
    }
  });
});
