import { CfnParameter, type Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { lakeIn } from './support';
import {
  EncryptionKey,
  NotificationTarget,
  StreamIngestion,
  type StreamIngestionProps,
} from '../../../src/aws';
import { ErrorCode } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';
import { type BadInputRow, describeBadInput } from '../../helpers/bad-input';

/**
 * Every way StreamIngestion rejects input, in one table: each row builds the block with one bad
 * prop and names the ErrorCode and prop it must throw. Where the prop accepts a deploy-time value,
 * the row also builds it with an unresolved token, which validation must skip.
 *
 * No prop can weaken the stream's security: encryption (a customer-managed key), the Firehose
 * destination key and the delivery role's scope are fixed; the one public-exposure input is a
 * grant to everyone ('*'), rejected below.
 */
type Row = BadInputRow<Stack>;

const ingest = (stack: Stack, props: Partial<StreamIngestionProps> = {}) =>
  new StreamIngestion(stack, 'Clicks', {
    platformName: 'sales',
    streamName: 'clickstream',
    lake: lakeIn(stack),
    ...props,
  });
const numberToken = (stack: Stack, id = 'Number') =>
  Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
const stringToken = (stack: Stack, id = 'Param') => new CfnParameter(stack, id).valueAsString;

const INVALID_STREAM_NAMES: [string, string][] = [
  ['empty', ''],
  ['too long (21)', 's'.repeat(21)],
  ['uppercase', 'Clicks'],
  ['starting with a digit', '1clicks'],
  ['ending with a hyphen', 'clicks-'],
  ["with '--'", 'click--stream'],
  ["with '_'", 'click_stream'],
  ["with '/' (it becomes an object prefix)", 'click/stream'],
  ["'errors', the root of the error prefixes", 'errors'],
];

const PUBLIC_PRINCIPALS: [string, () => iam.IGrantable][] = [
  ['AnyPrincipal', () => new iam.AnyPrincipal()],
  ['StarPrincipal', () => new iam.StarPrincipal()],
  ["ArnPrincipal('*')", () => new iam.ArnPrincipal('*')],
];

const range = (
  prop: keyof StreamIngestionProps & string,
  values: number[],
  allowed: string,
  extra: Partial<StreamIngestionProps> = {},
): Row[] =>
  values.map((value) => ({
    description: `${prop} ${value} (${allowed})`,
    build: (s) => ingest(s, { ...extra, [prop]: value }),
    code: ErrorCode.OUT_OF_RANGE,
    prop,
    withToken: (s) => ingest(s, { ...extra, [prop]: numberToken(s) }),
  }));

const ROWS: Row[] = [
  // Names
  ...['s', 'Sales', 'sales_eu', 'sales-'].map((platformName): Row => ({
    description: `platformName ${JSON.stringify(platformName)}`,
    build: (s) => ingest(s, { platformName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'platformName',
  })),
  ...INVALID_STREAM_NAMES.map(([what, streamName]): Row => ({
    description: `streamName ${what}`,
    build: (s) => ingest(s, { streamName }),
    code: ErrorCode.INVALID_NAME,
    prop: 'streamName',
  })),
  {
    description: 'streamName as a token (it would freeze into physical names and prefixes)',
    build: (s) => ingest(s, { streamName: stringToken(s) }),
    code: ErrorCode.INVALID_NAME,
    prop: 'streamName',
  },
  // Zone
  ...['gold', 'RAW', '*', ''].map((zone): Row => ({
    description: `zone ${JSON.stringify(zone)}, which the lake does not have`,
    build: (s) => ingest(s, { zone }),
    code: ErrorCode.UNKNOWN_ZONE,
    prop: 'zone',
  })),
  // Ranges
  ...range('retentionHours', [23, 8761, 0, 24.5], 'Kinesis allows 24-8760'),
  ...range('shardCount', [0, -1, 10001, 1.5], '1-10000'),
  ...range('bufferingIntervalSeconds', [-1, 901, 60.5], '0-900'),
  ...range('bufferingSizeMiB', [0, 129, 5.5], '1-128'),
  ...range('logRetentionDays', [0, 2, 4, 364, 3654, 36500], 'a CloudWatch Logs retention'),
  ...range('iteratorAgeThresholdMilliseconds', [0, 86_400_000, 1.5], 'below the 24-hour retention'),
  ...range('iteratorAgeThresholdMilliseconds', [172_800_000], 'below a 48-hour retention', {
    retentionHours: 48,
  }),
  ...range(
    'dataFreshnessThresholdSeconds',
    [300, 299, 86_401, 0],
    'above the 300 s buffering interval, at most 86400',
  ),
  ...range('dataFreshnessThresholdSeconds', [600], 'above a 600 s buffering interval', {
    bufferingIntervalSeconds: 600,
  }),
  // Conflicts
  {
    description: 'alertEmailAddresses with a brought notificationTarget',
    build: (s) =>
      ingest(s, {
        notificationTarget: new NotificationTarget(s, 'Shared', { platformName: 'sales' }),
        alertEmailAddresses: ['oncall@example.com'],
      }),
    code: ErrorCode.CONFLICTING_PROPS,
    prop: 'alertEmailAddresses',
  },
  // The addresses are checked up front, under this block's prop (not by the kit-made target later)
  ...['oncall', 'oncall@', '@example.com', 'on call@example.com'].map((email): Row => ({
    description: `alertEmailAddresses ${JSON.stringify(email)}`,
    build: (s) => ingest(s, { alertEmailAddresses: [email] }),
    code: ErrorCode.INVALID_PRINCIPAL,
    prop: 'alertEmailAddresses[0]',
    withToken: (s) => ingest(s, { alertEmailAddresses: [stringToken(s)] }),
  })),
  // Tags
  ...([{ 'aws:team': 'web' }, { '': 'web' }, { team: 'v'.repeat(257) }] as Record<string, string>[]).map(
    (tags): Row => ({
      description: `tags ${JSON.stringify(tags).slice(0, 40)}`,
      build: (s) => ingest(s, { tags }),
      code: ErrorCode.INVALID_TAGS,
      withToken: (s) => ingest(s, { tags: { team: stringToken(s) } }),
    }),
  ),
  // Grants to everyone
  ...PUBLIC_PRINCIPALS.flatMap(([what, principal]): Row[] => [
    {
      description: `grantWrite to everyone (${what})`,
      build: (s) => ingest(s).grantWrite(principal()),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'producer',
    },
    {
      description: `grantRead to everyone (${what})`,
      build: (s) => ingest(s).grantRead(principal()),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'consumer',
    },
    {
      description: `grantRead on an imported stream to everyone (${what})`,
      build: (s) =>
        StreamIngestion.fromStreamAttributes(s, 'Orders', {
          streamArn: 'arn:aws:kinesis:eu-west-1:111122223333:stream/orders',
          encryptionKey: new EncryptionKey(s, 'Key'),
        }).grantRead(principal()),
      code: ErrorCode.INVALID_PRINCIPAL,
      prop: 'consumer',
    },
  ]),
];

describeBadInput(
  'AWS streaming bad input',
  ROWS,
  {
    newStack: () => newAwsStack(),
    synth: (stack) => Template.fromStack(stack),
    codes: {
      title: 'the table covers every code StreamIngestion can raise from input',
      expected: [
        ErrorCode.INVALID_NAME,
        ErrorCode.UNKNOWN_ZONE,
        ErrorCode.OUT_OF_RANGE,
        ErrorCode.CONFLICTING_PROPS,
        ErrorCode.INVALID_PRINCIPAL,
        ErrorCode.INVALID_TAGS,
      ],
    },
  },
  () => {
    test('everyone narrowed by a condition is the explicit escape hatch: the grant is made', () => {
      const stack = newAwsStack();
      const org = new iam.AnyPrincipal().withConditions({
        StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' },
      });
      expect(ingest(stack).grantRead(org).success).toBe(true);
    });
  },
);
