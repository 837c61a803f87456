import { Annotations, Arn, ArnFormat, Aws, Lazy, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct, IConstruct } from 'constructs';
import { ErrorCode, isUnresolved, ValidationError } from '../../core/internal';
import type { IEncryptionKey } from '../security/encryption-key';

/** Warning id: the key is imported, so the CloudWatch Logs statement could not be added to its policy. */
export const LOGS_KEY_POLICY_NOT_ADDED_WARNING = 'data-platform-kit:logsKeyPolicyNotAdded';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS: readonly number[] = Object.values(logs.RetentionDays).filter(
  (d): d is number => typeof d === 'number' && d !== logs.RetentionDays.INFINITE,
);

/**
 * Throws `DPK_OUT_OF_RANGE` naming `prop` unless `days` is a retention CloudWatch Logs accepts
 * (a token passes: CloudFormation checks it at deploy time).
 */
export function validateLogRetentionDays(scope: IConstruct, prop: string, days: number): void {
  if (isUnresolved(days) || LOG_RETENTION_DAYS.includes(days)) return;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop,
    received: days,
    allowed: `one of the retention periods CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
  });
}

/** What an encrypted log group is made of. */
export interface EncryptedLogGroupOptions {
  /** The log group name (a literal: the key-policy condition names it). */
  readonly logGroupName: string;
  readonly key: IEncryptionKey;
  readonly retentionDays: number;
  readonly removalPolicy: RemovalPolicy;
}

/** Where the kit's log groups live: each prefix is followed by a name derived from the platform. */
const KIT_LOG_GROUP_ROOTS = [
  '/aws-glue/jobs/logs-v2-',
  '/aws-glue/jobs/',
  '/aws/kinesisfirehose/',
  '/aws/redshift/',
  '/aws/vendedlogs/states/',
  '/data-platform/',
];

/**
 * The name pattern the key-policy statement allows for `logGroupName`: its kit root plus the
 * first word of the platform-derived part (`/aws/redshift/sales-*`, `/data-platform/sales/*`);
 * the exact name for any other log group.
 */
export function logGroupNamePattern(logGroupName: string): string {
  const root = KIT_LOG_GROUP_ROOTS.find((r) => logGroupName.startsWith(r));
  if (!root) return logGroupName;
  const word = /^[^-/]+[-/]/.exec(logGroupName.slice(root.length));
  return word ? `${root}${word[0]}*` : logGroupName;
}

/** The CloudWatch Logs statement of each kit key and the name patterns it allows. */
const LOGS_STATEMENTS = new WeakMap<kms.IKey, Set<string>>();

/**
 * Lets the regional CloudWatch Logs service use `key` for the log group named `logGroupName`,
 * through ONE key-policy statement per key whose `ArnLike` condition on the log group's ARN in
 * the encryption context lists the kit's log-group name patterns (`logGroupNamePattern`): a
 * statement per log group (~400 bytes each) would reach the 32 KB key-policy limit at ~75 log
 * groups. The statement lives in the key's own policy, so any log group that references the
 * key is created after it. For an imported key, warns with the statement to add.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function allowLogsToUseKey(scope: Construct, key: IEncryptionKey, logGroupName: string): boolean {
  const stack = Stack.of(scope);
  const arnOf = (name: string) =>
    Arn.format(
      {
        service: 'logs',
        resource: 'log-group',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      },
      stack,
    );
  const existing = LOGS_STATEMENTS.get(key.key);
  if (existing) {
    existing.add(logGroupNamePattern(logGroupName));
    return true;
  }
  const patterns = new Set([logGroupNamePattern(logGroupName)]);
  const statementFor = (arns: string[] | string) =>
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsForKitLogGroups',
      effect: iam.Effect.ALLOW,
      principals: [new iam.ServicePrincipal(`logs.${Aws.REGION}.amazonaws.com`)],
      actions: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncryptFrom',
        'kms:ReEncryptTo',
        'kms:GenerateDataKey',
        'kms:GenerateDataKeyWithoutPlaintext',
        'kms:DescribeKey',
      ],
      resources: ['*'],
      conditions: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': arns,
        },
      },
    });
  const result = key.key.addToResourcePolicy(
    statementFor(Lazy.list({ produce: () => [...patterns].sort().map(arnOf) })),
    true,
  );
  if (!result.statementAdded) {
    Annotations.of(scope).addWarningV2(
      LOGS_KEY_POLICY_NOT_ADDED_WARNING,
      `The encryption key is imported, so CloudWatch Logs cannot be allowed to use it from here; until you add ` +
        `this statement to its key policy, creating the log group ${logGroupName} fails: ` +
        JSON.stringify(stack.resolve(statementFor([arnOf(logGroupName)]).toStatementJson())),
    );
    return false;
  }
  LOGS_STATEMENTS.set(key.key, patterns);
  return true;
}

/**
 * A CloudWatch log group encrypted with the kit's key (the logs service allowed on the key
 * first), with a retention period and the removal policy given.
 */
export function encryptedLogGroup(
  scope: Construct,
  id: string,
  options: EncryptedLogGroupOptions,
): logs.LogGroup {
  allowLogsToUseKey(scope, options.key, options.logGroupName);
  return new logs.LogGroup(scope, id, {
    logGroupName: options.logGroupName,
    encryptionKey: options.key.key,
    retention: options.retentionDays as logs.RetentionDays,
    removalPolicy: options.removalPolicy,
  });
}
