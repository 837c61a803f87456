import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { Construct } from 'constructs';
import { compliantIf, RuleLevel, type TerraformRule } from '../../src/core/compliance';
import { ErrorCode } from '../../src/core/errors';
import { synthesizeStack, acknowledgeRule, checkTerraformStack } from '../../src/terraform';
import { newGcpStack } from '../gcp/support';

const uniform: TerraformRule = {
  id: 'TEST_UBLA',
  description: 'Uniform bucket-level access',
  explanation: 'No object ACL can make one object public.',
  level: RuleLevel.ERROR,
  resourceTypes: ['google_storage_bucket'],
  check: (r) => compliantIf(r.config.uniform_bucket_level_access === true),
};

function stackWithBuckets() {
  const stack = newGcpStack();
  const group = new Construct(stack, 'Group');
  new StorageBucket(group, 'Inner', { name: 'inner', location: 'EU' });
  new StorageBucket(stack, 'Outer', { name: 'outer', location: 'EU' });
  return { stack, group };
}

describe('checkTerraformStack', () => {
  test('reports findings with the construct path of the resource', () => {
    const { stack } = stackWithBuckets();
    const report = checkTerraformStack(stack, [uniform]);
    expect(report.findings.map((f) => f.path).sort()).toEqual(['Test/Group/Inner', 'Test/Outer']);
    expect(report.acknowledged).toEqual([]);
  });

  test('an acknowledgement covers the construct and everything below it, with its reason', () => {
    const { stack, group } = stackWithBuckets();
    acknowledgeRule(group, { id: 'TEST_UBLA', reason: 'legacy ACL consumers until migration' });
    const report = checkTerraformStack(stack, [uniform]);
    expect(report.findings.map((f) => f.path)).toEqual(['Test/Outer']);
    expect(report.acknowledged).toEqual([
      expect.objectContaining({ path: 'Test/Group/Inner', reason: 'legacy ACL consumers until migration' }),
    ]);
  });

  test('an acknowledgement of another rule does not hide the finding', () => {
    const { stack, group } = stackWithBuckets();
    acknowledgeRule(group, { id: 'OTHER_RULE', reason: 'unrelated to uniform access' });
    expect(checkTerraformStack(stack, [uniform]).findings).toHaveLength(2);
  });

  test('acknowledgements are stamped into the Terraform JSON, so files on disk carry them', () => {
    const { stack, group } = stackWithBuckets();
    acknowledgeRule(group, { id: 'TEST_UBLA', reason: 'legacy ACL consumers until migration' });
    const doc = synthesizeStack(stack);
    const inner = Object.values<any>(doc.resource.google_storage_bucket).find((b) => b.name === 'inner');
    expect(inner['//'].acknowledgements).toEqual([
      { ruleId: 'TEST_UBLA', reason: 'legacy ACL consumers until migration' },
    ]);
  });

  test.each([
    [{ id: '', reason: 'a long enough reason' }],
    [{ id: 'TEST_UBLA', reason: 'short' }],
    [{ id: 'TEST_UBLA', reason: '          ' }],
  ])('rejects an acknowledgement without a rule id or a real reason: %p', (ack) => {
    const { group } = stackWithBuckets();
    expect(() => acknowledgeRule(group, ack)).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_ACKNOWLEDGEMENT }),
    );
  });
});
