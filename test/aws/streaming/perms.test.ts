import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { buildStream, idOf, keyArnOf, only, synthStream } from './support';
import { DELIVERY_PERMISSIONS, EncryptionKey, STREAM_PERMISSIONS, StreamIngestion } from '../../../src/aws';
import { newAwsStack } from '../../helpers/aws-stack';

const role = (stack: ReturnType<typeof newAwsStack>, id: string) =>
  new iam.Role(stack, id, { assumedBy: new iam.AccountRootPrincipal() });

/** The statements of the grantee's default policy. */
function statementsOf(template: Template, roleId: string): any[] {
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: roleId }] } }),
  );
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

const list = (v: unknown) => (Array.isArray(v) ? v : [v]);

describe('STREAM_PERMISSIONS', () => {
  test('name exact actions: producers put and route, consumers read and describe', () => {
    expect(STREAM_PERMISSIONS.write).toEqual({
      streamActions: [
        'kinesis:PutRecord',
        'kinesis:PutRecords',
        'kinesis:ListShards',
        'kinesis:DescribeStreamSummary',
      ],
      keyActions: ['kms:GenerateDataKey'],
    });
    expect(STREAM_PERMISSIONS.read).toEqual({
      streamActions: [
        'kinesis:GetRecords',
        'kinesis:GetShardIterator',
        'kinesis:DescribeStream',
        'kinesis:DescribeStreamSummary',
        'kinesis:ListShards',
      ],
      keyActions: ['kms:Decrypt'],
    });
    for (const perms of Object.values(STREAM_PERMISSIONS)) {
      expect([...perms.streamActions, ...perms.keyActions].filter((a) => a.includes('*'))).toEqual([]);
    }
  });
});

describe.each([
  ['grantWrite', 'write'],
  ['grantRead', 'read'],
] as const)('%s', (method, intent) => {
  test(`emits the ${intent} actions on the stream ARN and the key actions on the stream key, and returns the grant`, () => {
    // GIVEN
    const stack = newAwsStack();
    const { ingestion } = buildStream({}, stack);
    const principal = role(stack, 'App');
    // WHEN
    const grant = ingestion[method](principal);
    // THEN
    expect(grant.success).toBe(true);
    const statements = statementsOf(Template.fromStack(stack), idOf(stack, principal));
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: [...STREAM_PERMISSIONS[intent].streamActions],
        Resource: { 'Fn::GetAtt': [idOf(stack, ingestion.stream), 'Arn'] },
      },
      {
        Effect: 'Allow',
        Action: STREAM_PERMISSIONS[intent].keyActions[0],
        Resource: keyArnOf(stack, ingestion.encryptionKey as EncryptionKey),
      },
    ]);
  });

  test('to another account: the statements go to the stream resource policy and the key policy', () => {
    const stack = newAwsStack();
    const { ingestion } = buildStream({}, stack);
    const grant = ingestion[method](new iam.AccountPrincipal('444455556666'));
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    const policy = only(template, 'AWS::Kinesis::ResourcePolicy').Properties;
    expect(policy.ResourceArn).toEqual({ 'Fn::GetAtt': [idOf(stack, ingestion.stream), 'Arn'] });
    expect(policy.ResourcePolicy.Statement).toEqual([
      expect.objectContaining({
        Action: [...STREAM_PERMISSIONS[intent].streamActions],
        Principal: {
          AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::444455556666:root']] },
        },
      }),
    ]);
    const keyPolicy =
      template.toJSON().Resources[idOf(stack, (ingestion.encryptionKey as EncryptionKey).key)].Properties
        .KeyPolicy.Statement;
    expect(keyPolicy).toContainEqual(
      expect.objectContaining({ Action: STREAM_PERMISSIONS[intent].keyActions[0], Resource: '*' }),
    );
  });

  test('on an imported stream: the same actions on its ARN and key', () => {
    const stack = newAwsStack();
    const { lake } = buildStream({}, stack);
    const arn = 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders';
    const orders = StreamIngestion.fromStreamAttributes(stack, 'Orders', {
      streamArn: arn,
      encryptionKey: lake.encryptionKey,
    });
    const principal = role(stack, 'App');
    expect(orders[method](principal).success).toBe(true);
    const statements = statementsOf(Template.fromStack(stack), idOf(stack, principal));
    expect(statements[0]).toEqual({
      Effect: 'Allow',
      Action: [...STREAM_PERMISSIONS[intent].streamActions],
      Resource: arn,
    });
    expect(statements[1].Action).toBe(STREAM_PERMISSIONS[intent].keyActions[0]);
  });
});

describe('the delivery role', () => {
  test('DELIVERY_PERMISSIONS: exact actions, never s3:GetObject or a wildcard action', () => {
    const all = Object.values(DELIVERY_PERMISSIONS).flat();
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
    expect(all).not.toContain('s3:GetObject');
    expect(DELIVERY_PERMISSIONS.objectActions).toEqual(['s3:PutObject', 's3:AbortMultipartUpload']);
  });

  test('reads its one stream, writes its two prefixes of its one bucket, uses the keys only through the services, logs to one stream', () => {
    // GIVEN
    const { lake, ingestion, stack, template } = synthStream();
    const streamArn = { 'Fn::GetAtt': [idOf(stack, ingestion.stream), 'Arn'] };
    const bucketArn = { 'Fn::GetAtt': [idOf(stack, lake.bucketFor('raw')), 'Arn'] };
    const objects = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] });
    const keyArn = keyArnOf(stack, lake.encryptionKey as EncryptionKey);
    const via = (service: string) => ({
      'Fn::Join': ['', [`${service}.`, { Ref: 'AWS::Region' }, '.amazonaws.com']],
    });
    const logGroup = only(template, 'AWS::Logs::LogGroup').Properties.LogGroupName;
    // WHEN
    const policy = template.toJSON().Resources[idOf(stack, ingestion.deliveryRole)].Properties.Policies[0];
    // THEN
    expect(policy.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: [...DELIVERY_PERMISSIONS.sourceActions], Resource: streamArn },
      {
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: keyArn,
        Condition: {
          StringEquals: {
            'kms:ViaService': via('kinesis'),
            'kms:EncryptionContext:aws:kinesis:arn': streamArn,
          },
        },
      },
      { Effect: 'Allow', Action: [...DELIVERY_PERMISSIONS.bucketActions], Resource: bucketArn },
      {
        Effect: 'Allow',
        Action: [...DELIVERY_PERMISSIONS.objectActions],
        Resource: [objects('clickstream/'), objects('errors/clickstream/')],
      },
      {
        Effect: 'Allow',
        Action: [...DELIVERY_PERMISSIONS.destinationKeyActions],
        Resource: keyArn,
        Condition: {
          StringEquals: { 'kms:ViaService': via('s3') },
          // S3 Bucket Keys use the bucket ARN as the encryption context; without them, the object ARN
          StringLike: {
            'kms:EncryptionContext:aws:s3:arn': [
              bucketArn,
              objects('clickstream/'),
              objects('errors/clickstream/'),
            ],
          },
        },
      },
      {
        Effect: 'Allow',
        Action: 'logs:PutLogEvents',
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              `:logs:eu-west-1:111122223333:log-group:${logGroup}:log-stream:S3Delivery`,
            ],
          ],
        },
      },
    ]);
    // AND no other bucket, and no `*` resource
    const resources = policy.PolicyDocument.Statement.flatMap((s: any) => list(s.Resource));
    expect(resources).not.toContain('*');
    expect(JSON.stringify(resources)).not.toMatch(/CuratedBucket|ServingBucket|AccessLogsBucket/);
  });

  test('a separate stream key: Kinesis decrypts with it, S3 encrypts with the lake key', () => {
    const stack = newAwsStack();
    const streamKey = new EncryptionKey(stack, 'StreamKey', { platformName: 'sales', purpose: 'stream' });
    const { lake, template } = synthStream({ encryptionKey: streamKey }, stack);
    const statements = only(template, 'AWS::IAM::Role').Properties.Policies[0].PolicyDocument.Statement;
    expect(statements[1]).toMatchObject({ Action: 'kms:Decrypt', Resource: keyArnOf(stack, streamKey) });
    expect(statements[4]).toMatchObject({
      Action: [...DELIVERY_PERMISSIONS.destinationKeyActions],
      Resource: keyArnOf(stack, lake.encryptionKey as EncryptionKey),
    });
  });
});
