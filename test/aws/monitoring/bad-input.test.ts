import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { NotificationTarget, type NotificationTargetProps } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

/**
 * Every way NotificationTarget rejects input, in one table (see test/aws/bad-input.test.ts).
 * The topic's encryption and TLS-only policy are fixed: no prop can turn them off.
 */
interface Row {
  readonly description: string;
  readonly build: (stack: Stack) => unknown;
  readonly code: ErrorCode;
  readonly prop?: string;
  readonly withToken?: (stack: Stack) => unknown;
}

const target = (stack: Stack, props: Partial<NotificationTargetProps> = {}) =>
  new NotificationTarget(stack, 'Alerts', { platformName: 'sales', ...props });
const stringToken = (stack: Stack, id = 'Param') => new CfnParameter(stack, id).valueAsString;

const ROWS: Row[] = [
  ...['s', 'Sales', 'sales_eu', '-sales', ''].map((platformName): Row => ({
    description: `platformName ${JSON.stringify(platformName)}`,
    build: (s) => target(s, { platformName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  {
    description: 'platformName as a token (it would freeze into the topic name)',
    build: (s) => target(s, { platformName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  },
  {
    description: 'purpose as a token (it would freeze into the topic name and key alias)',
    build: (s) => target(s, { purpose: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'purpose',
  },
  ...['oncall', 'oncall@example', '@example.com', 'on call@example.com', ''].map((email): Row => ({
    description: `emailAddresses ${JSON.stringify(email)}`,
    build: (s) => target(s, { emailAddresses: ['ok@example.com', email] }),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'emailAddresses[1]',
    withToken: (s) => target(s, { emailAddresses: ['ok@example.com', stringToken(s)] }),
  })),
  ...(
    [{ 'aws:team': 'ops' }, { 'team#1': 'ops' }, { team: 'v'.repeat(257) }] as Record<string, string>[]
  ).map((tags): Row => ({
    description: `tags ${JSON.stringify(tags).slice(0, 40)}`,
    build: (s) => target(s, { tags }),
    code: ErrorCode.INVALID_TAGS,
    withToken: (s) => target(s, { tags: { team: stringToken(s) } }),
  })),
];

describe('AWS monitoring bad input', () => {
  test.each(ROWS.map((r) => [r.description, r] as const))('%s', (_, row) => {
    expect(() => row.build(newAwsStack())).toThrow(
      expect.objectContaining(
        row.prop === undefined ? { code: row.code } : { code: row.code, prop: row.prop },
      ),
    );
  });

  test.each(ROWS.filter((r) => r.withToken).map((r) => [r.description, r] as const))(
    'the same prop as a token is skipped: %s',
    (_, row) => {
      const stack = newAwsStack();
      row.withToken!(stack);
      expect(() => Template.fromStack(stack)).not.toThrow();
    },
  );

  test('every invalid address is reported at once', () => {
    expect(() => target(newAwsStack(), { emailAddresses: ['a', 'ok@example.com', 'b'] })).toThrow(
      expect.objectContaining({
        violations: [
          expect.objectContaining({ prop: 'emailAddresses[0]' }),
          expect.objectContaining({ prop: 'emailAddresses[2]' }),
        ],
      }),
    );
  });

  test('the table covers every code NotificationTarget can raise from input', () => {
    expect(new Set(ROWS.map((r) => r.code))).toEqual(
      new Set([ErrorCode.INVALID_NAME, ErrorCode.INVALID_PRINCIPAL, ErrorCode.INVALID_TAGS]),
    );
  });
});
