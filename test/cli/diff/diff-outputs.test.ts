import { diffOutputs } from '../../../src/cli/diff/diff-outputs';
import type { SynthesizedStackDocument } from '../../../src/cli/diff/outputs';

const terraform = (name: string, resource: Record<string, any>): SynthesizedStackDocument => ({
  cloud: 'gcp',
  name,
  file: `${name}/cdk.tf.json`,
  document: { resource },
});
const template = (name: string, Resources: Record<string, any>): SynthesizedStackDocument => ({
  cloud: 'aws',
  name,
  file: `${name}.template.json`,
  document: { Resources },
});

describe('diffOutputs', () => {
  test('a removed Terraform stack destroys its unprotected stateful resources and keeps the protected', () => {
    // GIVEN
    const before = [
      terraform('data', {
        google_storage_bucket: {
          Kept: { name: 'a', lifecycle: { prevent_destroy: true } },
          Lost: { name: 'b' },
        },
        google_service_account: { Sa: { account_id: 'sa' } },
      }),
    ];
    // WHEN
    const report = diffOutputs(before, []);
    // THEN
    expect(report.dataLoss).toBe(true);
    expect(report.stacks).toEqual([
      {
        cloud: 'gcp',
        stack: 'data',
        status: 'removed',
        losses: [
          {
            resource: 'google_storage_bucket.Lost',
            type: 'google_storage_bucket',
            kind: 'destroyed',
            reason: 'its stack is gone from the new output',
          },
        ],
        retained: [
          {
            resource: 'google_storage_bucket.Kept',
            type: 'google_storage_bucket',
            reason: 'lifecycle.prevent_destroy stops terraform destroy of the stack before it',
          },
        ],
        other: { added: 0, updated: 0, removed: 1 },
      },
    ]);
  });

  test('a removed CloudFormation stack destroys a bucket without DeletionPolicy Retain', () => {
    const before = [template('Data', { Bucket: { Type: 'AWS::S3::Bucket', DeletionPolicy: 'Delete' } })];
    const [stack] = diffOutputs(before, []).stacks;
    expect(stack.losses).toEqual([expect.objectContaining({ resource: 'Bucket', kind: 'destroyed' })]);
  });

  test('a new stack only adds; stacks are matched by cloud and name', () => {
    // GIVEN the same name on another cloud is another stack
    const before = [template('data', {})];
    const after = [template('data', {}), terraform('data', { google_storage_bucket: { B: { name: 'b' } } })];
    // WHEN
    const report = diffOutputs(before, after);
    // THEN
    expect(report.dataLoss).toBe(false);
    expect(report.stacks.map((s) => [s.cloud, s.stack, s.status, s.other.added])).toEqual([
      ['aws', 'data', 'unchanged', 0],
      ['gcp', 'data', 'added', 1],
    ]);
  });
});
