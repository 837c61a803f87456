import { CfnParameter, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { EncryptionKey, type EncryptionKeyProps } from '../../../src/aws';
import {
  CommonDefaults,
  DataRemovalPolicy,
  ErrorCode,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';

const KEY = 'AWS::KMS::Key';
const ALIAS = 'AWS::KMS::Alias';

function keyIn(stack: Stack, props: EncryptionKeyProps = {}): EncryptionKey {
  return new EncryptionKey(stack, 'Key', props);
}

function synthKey(props: EncryptionKeyProps = {}): Template {
  const stack = newAwsStack();
  keyIn(stack, props);
  return Template.fromStack(stack);
}

const expectCode = (fn: () => unknown, code: ErrorCode, prop?: string) =>
  expect(fn).toThrow(expect.objectContaining(prop ? { code, prop } : { code }));

/** A number token (a CloudFormation parameter), which validators must pass through. */
const numberToken = (stack: Stack, id: string) =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);

describe('EncryptionKey defaults', () => {
  test('rotation is on, every DEFAULT_ROTATION_PERIOD_DAYS (90) days', () => {
    // GIVEN / WHEN a key with no props
    const template = synthKey();
    // THEN
    expect(EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS).toBe(CommonDefaults.ROTATION_PERIOD_DAYS);
    template.hasResourceProperties(KEY, {
      EnableKeyRotation: true,
      RotationPeriodInDays: EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS,
    });
  });

  test('the deletion waiting period is DEFAULT_PENDING_WINDOW_DAYS (30)', () => {
    const template = synthKey();
    expect(EncryptionKey.DEFAULT_PENDING_WINDOW_DAYS).toBe(30);
    template.hasResourceProperties(KEY, { PendingWindowInDays: 30 });
  });

  test('the alias is alias/<platform>/<purpose>/<hash> with the default platform and purpose', () => {
    const template = synthKey();
    expect([EncryptionKey.DEFAULT_PLATFORM_NAME, EncryptionKey.DEFAULT_PURPOSE]).toEqual(['data', 'data']);
    template.resourceCountIs(ALIAS, 1);
    template.hasResourceProperties(ALIAS, {
      AliasName: Match.stringLikeRegexp('^alias/data/data/[0-9a-f]{8}$'),
      TargetKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
    });
  });

  test('the alias hash is stable for one construct path and differs between paths', () => {
    // GIVEN two keys with the same platform and purpose, and one rebuilt in a fresh app
    const stack = newAwsStack();
    const a = new EncryptionKey(stack, 'A', { platformName: 'sales' });
    const b = new EncryptionKey(stack, 'B', { platformName: 'sales' });
    const again = new EncryptionKey(newAwsStack(), 'A', { platformName: 'sales' });
    // THEN
    expect(a.aliasName).toBe(again.aliasName);
    expect(a.aliasName).not.toBe(b.aliasName);
  });

  test('the description names the purpose and platform', () => {
    synthKey().hasResourceProperties(KEY, { Description: 'data-platform-kit data key for platform data' });
  });

  test('the key carries the kit tag data-platform', () => {
    synthKey().hasResourceProperties(KEY, { Tags: [{ Key: 'data-platform', Value: 'data' }] });
  });

  test('the key is retained by default', () => {
    synthKey().hasResource(KEY, { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
  });

  test('the escape hatch fields expose the kms.Key, its ARN and the alias', () => {
    const stack = newAwsStack();
    const key = keyIn(stack);
    expect(key.key).toBeInstanceOf(kms.Key);
    expect(key.keyArn).toBe(key.key.keyArn);
    expect(key.aliasName).toMatch(/^alias\/data\/data\/[0-9a-f]{8}$/);
    expect(key.rotationPeriodDays).toBe(90);
  });

  test('under the recommended feature flags the same key properties are emitted', () => {
    const stack = newRecommendedAwsStack();
    keyIn(stack, { platformName: 'sales', purpose: 'lake' });
    const template = Template.fromStack(stack);
    template.hasResource(KEY, {
      DeletionPolicy: 'RetainExceptOnCreate',
      Properties: Match.objectLike({
        EnableKeyRotation: true,
        RotationPeriodInDays: 90,
        PendingWindowInDays: 30,
      }),
    });
    template.hasResourceProperties(ALIAS, {
      AliasName: Match.stringLikeRegexp('^alias/sales/lake/[0-9a-f]{8}$'),
    });
  });
});

describe('EncryptionKey options', () => {
  test('rotationPeriodDays sets the rotation period', () => {
    synthKey({ rotationPeriodDays: 365 }).hasResourceProperties(KEY, { RotationPeriodInDays: 365 });
  });

  test.each([EncryptionKey.ROTATION_PERIOD_DAYS_RANGE.min, EncryptionKey.ROTATION_PERIOD_DAYS_RANGE.max])(
    'rotationPeriodDays accepts the KMS limit %d',
    (days) => {
      synthKey({ rotationPeriodDays: days }).hasResourceProperties(KEY, { RotationPeriodInDays: days });
    },
  );

  test('pendingWindowDays sets the deletion waiting period', () => {
    synthKey({ pendingWindowDays: 7 }).hasResourceProperties(KEY, { PendingWindowInDays: 7 });
  });

  test('platformName and purpose shape the alias, description and tag', () => {
    const template = synthKey({ platformName: 'sales', purpose: 'lake' });
    template.hasResourceProperties(ALIAS, {
      AliasName: Match.stringLikeRegexp('^alias/sales/lake/[0-9a-f]{8}$'),
    });
    template.hasResourceProperties(KEY, {
      Description: 'data-platform-kit lake key for platform sales',
      Tags: [{ Key: 'data-platform', Value: 'sales' }],
    });
  });

  test.each([
    ['alias/sales/lake-key', 'alias/sales/lake-key'],
    ['sales/lake-key', 'alias/sales/lake-key'],
  ])('aliasName %s is used as %s', (aliasName, expected) => {
    synthKey({ aliasName }).hasResourceProperties(ALIAS, { AliasName: expected });
  });

  test('description replaces the derived one', () => {
    synthKey({ description: 'Sales lake key' }).hasResourceProperties(KEY, { Description: 'Sales lake key' });
  });

  test('tags are added after the kit tag', () => {
    synthKey({ tags: { team: 'analytics', 'cost-center': '42' } }).hasResourceProperties(KEY, {
      // CloudFormation tags come sorted by key.
      Tags: [
        { Key: 'cost-center', Value: '42' },
        { Key: 'data-platform', Value: 'data' },
        { Key: 'team', Value: 'analytics' },
      ],
    });
  });
});

describe('EncryptionKey validation', () => {
  test.each([89, 2561, 90.5])('rotationPeriodDays %p is DPK_OUT_OF_RANGE', (days) => {
    expectCode(
      () => keyIn(newAwsStack(), { rotationPeriodDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'rotationPeriodDays',
    );
  });

  test.each([6, 31])('pendingWindowDays %p is DPK_OUT_OF_RANGE', (days) => {
    expectCode(
      () => keyIn(newAwsStack(), { pendingWindowDays: days }),
      ErrorCode.OUT_OF_RANGE,
      'pendingWindowDays',
    );
  });

  test.each(['Sales', 's', 'sales_eu', '9sales'])('platformName %p is DPK_INVALID_NAME', (platformName) => {
    expectCode(() => keyIn(newAwsStack(), { platformName }), ErrorCode.INVALID_NAME, 'platformName');
  });

  test.each(['alias/aws/lake', 'aws/lake', 'sales lake', 'x'.repeat(251)])(
    'aliasName %p is DPK_INVALID_NAME',
    (aliasName) => {
      expectCode(() => keyIn(newAwsStack(), { aliasName }), ErrorCode.INVALID_NAME, 'aliasName');
    },
  );

  test('a reserved tag key is DPK_INVALID_TAGS', () => {
    expectCode(() => keyIn(newAwsStack(), { tags: { 'aws:owner': 'me' } }), ErrorCode.INVALID_TAGS);
  });

  test('tokens skip validation and reach the template unchanged', () => {
    // GIVEN deploy-time values for every validated number, the alias and a tag
    const stack = newAwsStack();
    const alias = new CfnParameter(stack, 'Alias').valueAsString;
    const team = new CfnParameter(stack, 'Team').valueAsString;
    // WHEN
    keyIn(stack, {
      rotationPeriodDays: numberToken(stack, 'Rotation'),
      pendingWindowDays: numberToken(stack, 'Window'),
      aliasName: alias,
      tags: { team },
    });
    // THEN
    const template = Template.fromStack(stack);
    template.hasResourceProperties(KEY, {
      RotationPeriodInDays: { Ref: 'Rotation' },
      PendingWindowInDays: { Ref: 'Window' },
      Tags: Match.arrayWith([{ Key: 'team', Value: { Ref: 'Team' } }]),
    });
    template.hasResourceProperties(ALIAS, { AliasName: { 'Fn::Join': ['', ['alias/', { Ref: 'Alias' }]] } });
  });
});

describe('EncryptionKey removal guard', () => {
  test('RETAIN by default, without a warning', () => {
    const stack = newAwsStack();
    keyIn(stack);
    Template.fromStack(stack).hasResource(KEY, { DeletionPolicy: 'RetainExceptOnCreate' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('DESTROY without the context flag still retains and warns', () => {
    const stack = newAwsStack();
    keyIn(stack, { removalPolicy: DataRemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource(KEY, {
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    Annotations.fromStack(stack).hasWarning('/Test/Key', Match.stringLikeRegexp(REMOVAL_DOWNGRADED_WARNING));
  });

  test('DESTROY with the context flag deletes, after the pending window', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    keyIn(stack, { removalPolicy: DataRemovalPolicy.DESTROY });
    const template = Template.fromStack(stack);
    template.hasResource(KEY, {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: Match.objectLike({ PendingWindowInDays: 30 }),
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('EncryptionKey grants', () => {
  const role = (stack: Stack) => new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });

  test.each([
    ['grantEncryptDecrypt', ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
    ['grantDecrypt', ['kms:Decrypt']],
    ['grantEncrypt', ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
  ] as const)('%s grants exactly its actions on the key and returns the grant', (method, actions) => {
    // GIVEN
    const stack = newRecommendedAwsStack();
    const key = keyIn(stack);
    const grantee = role(stack);
    // WHEN
    const grant = key[method](grantee);
    // THEN
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Action: actions.length === 1 ? actions[0] : Match.arrayEquals([...actions].sort()),
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] },
          },
        ],
      },
    });
  });

  test.each([
    ['legacy', newAwsStack],
    ['recommended', newRecommendedAwsStack],
  ])('under %s flags a same-account grant leaves the key policy to the account root', (_, newStack) => {
    const stack = newStack();
    const key = keyIn(stack);
    key.grantDecrypt(role(stack));
    // the account root, and the CT.KMS.PR.3 deny: no statement for the grantee
    Template.fromStack(stack).hasResourceProperties(KEY, {
      KeyPolicy: {
        Statement: [
          Match.objectLike({ Action: 'kms:*', Resource: '*' }),
          Match.objectLike({ Sid: 'DenyGrantsNotForAwsResources', Effect: 'Deny' }),
        ],
      },
    });
  });
});

describe('EncryptionKey.fromKey', () => {
  const ARN = 'arn:aws:kms:eu-west-1:111122223333:key/11111111-2222-3333-4444-555555555555';

  test('wraps an existing key without creating or changing one', () => {
    // GIVEN
    const stack = newAwsStack();
    const existing = kms.Key.fromKeyArn(stack, 'Existing', ARN);
    // WHEN
    const key = EncryptionKey.fromKey(stack, 'Imported', existing);
    // THEN
    expect(key.key).toBe(existing);
    expect(key.keyArn).toBe(ARN);
    const template = Template.fromStack(stack);
    template.resourceCountIs(KEY, 0);
    template.resourceCountIs(ALIAS, 0);
  });

  test('grants on the brought key', () => {
    const stack = newAwsStack();
    const key = EncryptionKey.fromKey(stack, 'Imported', kms.Key.fromKeyArn(stack, 'Existing', ARN));
    const grantee = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    expect(key.grantDecrypt(grantee).success).toBe(true);
    key.grantEncrypt(grantee);
    key.grantEncryptDecrypt(grantee);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Resource: ARN })]),
      },
    });
  });
});
