import * as cdk from 'aws-cdk-lib';
import { isUnresolved } from '../../src/core/tokens';
import { Token as TfToken } from '../../src/terraform';

const resolvable = { resolve: () => 'x' };

describe('isUnresolved', () => {
  test.each([
    ['CDK string', cdk.Token.asString(resolvable)],
    ['CDK number', cdk.Token.asNumber(resolvable)],
    ['CDK list', cdk.Token.asList(resolvable)],
    ['CDK token inside text', `prefix-${cdk.Token.asString(resolvable)}`],
    ['cdktf string', TfToken.asString(resolvable)],
    ['cdktf number', TfToken.asNumber(resolvable)],
    ['cdktf list', TfToken.asList(resolvable)],
    ['an IResolvable', resolvable],
  ])('recognises a %s token', (_, value) => {
    expect(isUnresolved(value)).toBe(true);
  });

  test.each([['raw'], [90], [0], [-5], [['a', 'b']], [{ a: 1 }], [null], [undefined], ['${var.x}']])(
    'treats %p as resolved',
    (value) => {
      expect(isUnresolved(value)).toBe(false);
    },
  );
});
