import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EncryptionKey } from '../../../src/aws';
import { encryptedLogGroup, logGroupNamePattern } from '../../../src/aws/private/log-groups';
import { newAwsStack } from '../../helpers/aws-stack';
import { logsPatterns, logsStatement } from '../support/logs-key';

describe('key policy that scales', () => {
  test("one CloudWatch Logs statement for any number of the kit's log groups (ArnLike on name patterns)", () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Key');
    for (let i = 0; i < 100; i++) {
      encryptedLogGroup(stack, `Group${i}`, {
        logGroupName: `/aws/vendedlogs/states/sales-pipeline-${i}`,
        key,
        retentionDays: 365,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }
    encryptedLogGroup(stack, 'Flow', {
      logGroupName: '/data-platform/sales/vpc-flow-logs-1',
      key,
      retentionDays: 365,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const policy = Object.values<any>(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties
      .KeyPolicy;
    expect(logsStatement(policy).Condition.ArnEquals).toBeUndefined();
    expect(logsPatterns(policy)).toEqual([
      'arn:<AWS::Partition>:logs:eu-west-1:111122223333:log-group:/aws/vendedlogs/states/sales-*',
      'arn:<AWS::Partition>:logs:eu-west-1:111122223333:log-group:/data-platform/sales/*',
    ]);
    // well under the 32 KB key-policy limit
    expect(JSON.stringify(policy).length).toBeLessThan(4000);
  });

  test.each([
    ['/aws/redshift/sales-warehouse-1a2b/useractivitylog', '/aws/redshift/sales-*'],
    ['/aws-glue/jobs/logs-v2-sales-clean-1a2b', '/aws-glue/jobs/logs-v2-sales-*'],
    ['/aws-glue/jobs/sales-clean-1a2b-role/sales-clean-role/error', '/aws-glue/jobs/sales-*'],
    ['/aws/kinesisfirehose/sales-clicks-raw-1a2b', '/aws/kinesisfirehose/sales-*'],
    ['/custom/group', '/custom/group'],
  ])('logGroupNamePattern(%s) = %s', (name, pattern) => {
    expect(logGroupNamePattern(name)).toBe(pattern);
  });

  test('denies kms:CreateGrant unless the grant is for an AWS resource (CT.KMS.PR.3)', () => {
    const stack = newAwsStack();
    new EncryptionKey(stack, 'Key');
    const policy = Object.values<any>(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties
      .KeyPolicy;
    expect(policy.Statement).toContainEqual({
      Sid: 'DenyGrantsNotForAwsResources',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'false' } },
    });
  });
});
