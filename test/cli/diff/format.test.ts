import { formatDiffJson, formatDiffText } from '../../../src/cli/diff/format';
import type { DiffReport } from '../../../src/cli/diff/report';

const LOSING: DiffReport = {
  dataLoss: true,
  stacks: [
    {
      cloud: 'aws',
      stack: 'Lake',
      status: 'changed',
      losses: [
        {
          resource: 'RawBucket',
          type: 'AWS::S3::Bucket',
          kind: 'replaced',
          reason: 'replaced because BucketName changed "a" → "b"',
        },
        {
          resource: 'RawBucket',
          type: 'AWS::S3::Bucket',
          kind: 'retention-removed',
          reason: 'DeletionPolicy Retain → absent (Delete)',
        },
      ],
      retained: [
        { resource: 'OldDb', type: 'AWS::Glue::Database', reason: 'DeletionPolicy Retain keeps it' },
      ],
      other: { added: 1, updated: 2, removed: 0 },
    },
    {
      cloud: 'gcp',
      stack: 'lake',
      status: 'removed',
      losses: [
        {
          resource: 'google_storage_bucket.Raw',
          type: 'google_storage_bucket',
          kind: 'destroyed',
          reason: 'its stack is gone from the new output',
        },
      ],
      retained: [],
      other: { added: 0, updated: 0, removed: 3 },
    },
    {
      cloud: 'azure',
      stack: 'lake',
      status: 'unchanged',
      losses: [],
      retained: [],
      other: { added: 0, updated: 0, removed: 0 },
    },
  ],
};

describe('formatDiffText', () => {
  test('lists per stack what loses data and why, what is kept, the other changes, then a summary', () => {
    expect(formatDiffText(LOSING, { before: 'out/main', after: 'out/branch' })).toBe(
      [
        'dpk diff out/main → out/branch',
        '',
        'aws/Lake: 1 resource losing data',
        '  replaced           RawBucket (AWS::S3::Bucket): replaced because BucketName changed "a" → "b"',
        '  retention removed  RawBucket (AWS::S3::Bucket): DeletionPolicy Retain → absent (Delete)',
        '  kept  OldDb (AWS::Glue::Database): leaves the stack, DeletionPolicy Retain keeps it',
        '  other changes: 1 added, 2 updated, 0 removed',
        'gcp/lake (stack removed): 1 resource losing data',
        '  destroyed  google_storage_bucket.Raw: its stack is gone from the new output',
        '  other changes: 0 added, 0 updated, 3 removed',
        'azure/lake: unchanged',
        '',
        'Data would be lost: 2 stateful resources in 2 stacks. Other changes: 1 added, 2 updated, 3 removed. ' +
          'If this is intended, migrate or back up the data first; otherwise keep the old names and retention.',
        '',
      ].join('\n'),
    );
  });

  test('says no data would be lost when none is', () => {
    const text = formatDiffText({ dataLoss: false, stacks: [LOSING.stacks[2]] }, { before: 'a', after: 'b' });
    expect(text.trimEnd().split('\n').pop()).toBe(
      'No data would be lost. Other changes: 0 added, 0 updated, 0 removed.',
    );
  });
});

test('formatDiffJson: the report with the other changes in all', () => {
  const json = JSON.parse(formatDiffJson(LOSING));
  expect(json).toEqual({
    dataLoss: true,
    other: { added: 1, updated: 2, removed: 3 },
    stacks: LOSING.stacks,
  });
});
