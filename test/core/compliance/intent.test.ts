import { INTENT_RULES as AZURE_INTENTS } from '../../../src/azure/compliance/intents';
import {
  ComplianceIntent,
  compliantIf,
  intentRuleIds,
  RuleLevel,
  STATEFUL_RESOURCE_TYPES,
  type TerraformRule,
} from '../../../src/core/internal';
import { INTENT_RULES as GCP_INTENTS } from '../../../src/gcp/compliance/intents';

const rule = (id: string, resourceTypes: string[]): TerraformRule => ({
  id,
  description: `${id} holds.`,
  explanation: `${id} is why.`,
  level: RuleLevel.ERROR,
  resourceTypes,
  check: () => compliantIf(true),
});

describe('intentRuleIds', () => {
  test("maps an intent to the ids of its rules that apply to the resource's type, and nothing else", () => {
    const table = {
      [ComplianceIntent.DESTROY_CHOSEN]: [rule('A', ['t_one', 't_two']), rule('B', ['t_three'])],
    };
    expect(intentRuleIds(table, ComplianceIntent.DESTROY_CHOSEN, 't_two')).toEqual(['A']);
    expect(intentRuleIds(table, ComplianceIntent.DESTROY_CHOSEN, 't_three')).toEqual(['B']);
    expect(intentRuleIds(table, ComplianceIntent.DESTROY_CHOSEN, 't_other')).toEqual([]);
    expect(intentRuleIds(table, ComplianceIntent.NOTHING_AT_REST, 't_one')).toEqual([]);
  });
});

describe.each([
  ['gcp', GCP_INTENTS, STATEFUL_RESOURCE_TYPES.gcp],
  ['azure', AZURE_INTENTS, STATEFUL_RESOURCE_TYPES.azure],
])('the %s pack', (_, table, stateful) => {
  test('a chosen DESTROY answers exactly one prevent-destroy rule on every stateful type', () => {
    const counts = stateful.map((type) => [
      type,
      intentRuleIds(table, ComplianceIntent.DESTROY_CHOSEN, type).length,
    ]);
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
  });
});
