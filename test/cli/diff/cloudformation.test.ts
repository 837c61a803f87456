import { compareTemplates } from '../../../src/cli/diff/cloudformation';
import { DiffInputError } from '../../../src/cli/diff/diff-input-error';

const RETAINED = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

/** A small template: a named, retained bucket, a retained Iceberg table and a role. */
function template(): Record<string, any> {
  return {
    Resources: {
      RawBucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'sales-raw-1234' }, ...RETAINED },
      OrdersTable: {
        Type: 'AWS::Glue::Table',
        Properties: {
          CatalogId: '111111111111',
          DatabaseName: 'sales',
          TableInput: { Name: 'orders', StorageDescriptor: { Columns: [{ Name: 'id', Type: 'string' }] } },
          OpenTableFormatInput: { IcebergInput: { MetadataOperation: 'CREATE', Version: '2' } },
        },
        ...RETAINED,
      },
      IngestRole: {
        Type: 'AWS::IAM::Role',
        Properties: { AssumeRolePolicyDocument: { Statement: [] }, Description: 'ingest' },
      },
    },
  };
}

describe('compareTemplates (through @aws-cdk/cloudformation-diff)', () => {
  test('an unchanged copy loses nothing and changes nothing', () => {
    expect(compareTemplates(template(), template())).toEqual({
      losses: [],
      retained: [],
      other: { added: 0, updated: 0, removed: 0 },
    });
  });

  test('a changed BucketName replaces the bucket, naming the property and both values', () => {
    // GIVEN
    const after = template();
    after.Resources.RawBucket.Properties.BucketName = 'sales-raw-v2';
    // WHEN
    const { losses } = compareTemplates(template(), after);
    // THEN
    expect(losses).toEqual([
      {
        resource: 'RawBucket',
        type: 'AWS::S3::Bucket',
        kind: 'replaced',
        reason: expect.stringMatching(
          /^replaced because BucketName changed "sales-raw-1234" → "sales-raw-v2" \(UpdateReplacePolicy Retain keeps the old one/,
        ),
      },
    ]);
  });

  test('a removed retained bucket is kept (orphaned), an unretained one destroyed', () => {
    const before = template();
    delete before.Resources.OrdersTable.DeletionPolicy;
    const after = template();
    delete after.Resources.RawBucket;
    delete after.Resources.OrdersTable;
    const found = compareTemplates(before, after);
    expect(found.retained).toEqual([
      { resource: 'RawBucket', type: 'AWS::S3::Bucket', reason: 'DeletionPolicy Retain keeps it' },
    ]);
    expect(found.losses).toEqual([
      expect.objectContaining({
        resource: 'OrdersTable',
        kind: 'destroyed',
        reason: expect.stringContaining('DeletionPolicy Delete (the default)'),
      }),
    ]);
  });

  test('a dropped DeletionPolicy or UpdateReplacePolicy removes retention', () => {
    const after = template();
    delete after.Resources.RawBucket.DeletionPolicy;
    after.Resources.RawBucket.UpdateReplacePolicy = 'Delete';
    const { losses } = compareTemplates(template(), after);
    expect(losses.map((l) => [l.kind, l.reason])).toEqual([
      ['retention-removed', 'DeletionPolicy Retain → absent (Delete)'],
      ['retention-removed', 'UpdateReplacePolicy Retain → Delete'],
    ]);
  });

  test('RetainExceptOnCreate still retains', () => {
    const after = template();
    after.Resources.RawBucket.DeletionPolicy = 'RetainExceptOnCreate';
    const found = compareTemplates(template(), after);
    expect(found.losses).toEqual([]);
    expect(found.other).toEqual({ added: 0, updated: 1, removed: 0 });
  });

  test('an Iceberg table definition updated in place loses its Iceberg fields', () => {
    const after = template();
    after.Resources.OrdersTable.Properties.TableInput.StorageDescriptor.Columns.push({
      Name: 'total',
      Type: 'decimal',
    });
    const { losses } = compareTemplates(template(), after);
    expect(losses).toEqual([
      expect.objectContaining({ resource: 'OrdersTable', kind: 'iceberg-fields-dropped' }),
    ]);
  });

  test('stateless changes are counted, never losses', () => {
    const after = template();
    after.Resources.IngestRole.Properties.Description = 'ingestion';
    after.Resources.Topic = { Type: 'AWS::SNS::Topic', Properties: {} };
    expect(compareTemplates(template(), after)).toEqual({
      losses: [],
      retained: [],
      other: { added: 1, updated: 1, removed: 0 },
    });
  });
});

test('without the optional peer @aws-cdk/cloudformation-diff, an AWS diff says to install it', () => {
  // GIVEN the peer is not installed
  jest.isolateModules(() => {
    jest.doMock('@aws-cdk/cloudformation-diff', () => {
      throw Object.assign(
        new Error("Cannot find module '@aws-cdk/cloudformation-diff' from 'cloudformation.ts'"),
        {
          code: 'MODULE_NOT_FOUND',
        },
      );
    });
    type Module = typeof import('../../../src/cli/diff/cloudformation');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const isolated = require('../../../src/cli/diff/cloudformation') as Module;
    // WHEN / THEN
    expect(() => isolated.compareTemplates(template(), template())).toThrow(
      expect.objectContaining({
        name: DiffInputError.name,
        message: expect.stringContaining('npm install --save-dev @aws-cdk/cloudformation-diff'),
      }),
    );
  });
  jest.dontMock('@aws-cdk/cloudformation-diff');
});
