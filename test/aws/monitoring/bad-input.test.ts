import { CfnParameter, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { NotificationTarget, type NotificationTargetProps } from '../../../src/aws';
import { ErrorCode } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way NotificationTarget rejects input, in one table (see test/aws/bad-input.test.ts).
 * The topic's encryption and TLS-only policy are fixed: no prop can turn them off.
 */
type Row = BadInputRow<Stack>;

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

describeBadInput(
  'AWS monitoring bad input',
  ROWS,
  {
    newStack: () => newAwsStack(),
    synth: (stack) => Template.fromStack(stack),
    codes: {
      title: 'the table covers every code NotificationTarget can raise from input',
      expected: [ErrorCode.INVALID_NAME, ErrorCode.INVALID_PRINCIPAL, ErrorCode.INVALID_TAGS],
    },
  },
  () => {
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
  },
);
