import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { EncryptionKey } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

const ARN = 'arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('EncryptionKey.fromEncryptionKeyAttributes', () => {
  test('creates nothing for the key; grants land in the grantee policy on its ARN', () => {
    const stack = newAwsStack();
    const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', { keyArn: ARN });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    key.grantDecrypt(role);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.resourceCountIs('AWS::KMS::Alias', 0);
    expect(key.keyArn).toBe(ARN);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'kms:Decrypt', Effect: 'Allow', Resource: ARN }] },
    });
  });

  test('fromKeyArn is the same import', () => {
    const stack = newAwsStack();
    const key = EncryptionKey.fromKeyArn(stack, 'Shared', ARN);
    expect(key.keyArn).toBe(ARN);
    expect(key.key.keyArn).toBe(ARN);
  });

  test('fromKey wraps an aws-cdk-lib key of the app, whose policy stays editable', () => {
    const stack = newAwsStack();
    const own = new kms.Key(stack, 'Own');
    const key = EncryptionKey.fromKey(stack, 'Wrapped', own);
    expect(key.key).toBe(own);
    expect(Token.isUnresolved(key.keyArn)).toBe(true);
  });

  test('fromKey takes an imported alias as it comes, even with a literal partition (the mesh names catalog keys so)', () => {
    const stack = newAwsStack({ '@aws-cdk/core:enablePartitionLiterals': true });
    const alias = kms.Alias.fromAliasName(stack, 'Catalog', 'alias/acme/catalog');
    const key = EncryptionKey.fromKey(stack, 'Wrapped', alias);
    expect(key.key).toBe(alias);
  });

  test.each([
    ['an alias ARN', 'arn:aws:kms:eu-west-1:444455556666:alias/lake'],
    ['a bare key id', '1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['another service', 'arn:aws:s3:::bucket'],
    ['a short account', 'arn:aws:kms:eu-west-1:4444:key/1234abcd'],
  ])('rejects %s with DPK_INVALID_NAME on keyArn', (_, keyArn) => {
    const stack = newAwsStack();
    expect(() => EncryptionKey.fromEncryptionKeyAttributes(stack, 'Shared', { keyArn })).toThrow(
      expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'keyArn', constructPath: 'Test/Shared' }),
    );
  });

  test('a token ARN passes unvalidated', () => {
    const stack = newAwsStack();
    const keyArn = Token.asString({ 'Fn::ImportValue': 'LakeKeyArn' });
    expect(EncryptionKey.fromKeyArn(stack, 'Shared', keyArn).keyArn).toBe(keyArn);
  });
});
