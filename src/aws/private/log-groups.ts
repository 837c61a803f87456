import { Annotations, Arn, ArnFormat, Aws, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { IEncryptionKey } from '../security/encryption-key';

/** Warning id: the key is imported, so the CloudWatch Logs statement could not be added to its policy. */
export const LOGS_KEY_POLICY_NOT_ADDED_WARNING = 'data-platform-kit:logsKeyPolicyNotAdded';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS: readonly number[] = Object.values(logs.RetentionDays).filter(
  (d): d is number => typeof d === 'number' && d !== logs.RetentionDays.INFINITE,
);

/** What an encrypted log group is made of. */
export interface EncryptedLogGroupOptions {
  /** The log group name (a literal: the key-policy condition names it). */
  readonly logGroupName: string;
  readonly key: IEncryptionKey;
  readonly retentionDays: number;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Lets the regional CloudWatch Logs service use `key` for the log group named `logGroupName`
 * only (the key-policy statement AWS documents, conditioned on the log group's ARN in the
 * encryption context). The statement lives in the key's own policy, so any log group that
 * references the key is created after it. For an imported key, warns with the statement to add.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function allowLogsToUseKey(scope: Construct, key: IEncryptionKey, logGroupName: string): boolean {
  const stack = Stack.of(scope);
  const logGroupArn = Arn.format(
    {
      service: 'logs',
      resource: 'log-group',
      resourceName: logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    },
    stack,
  );
  const statement = new iam.PolicyStatement({
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
    conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
  });
  const result = key.key.addToResourcePolicy(statement, true);
  if (!result.statementAdded) {
    Annotations.of(scope).addWarningV2(
      LOGS_KEY_POLICY_NOT_ADDED_WARNING,
      `The encryption key is imported, so CloudWatch Logs cannot be allowed to use it from here; until you add ` +
        `this statement to its key policy, creating the log group ${logGroupName} fails: ` +
        JSON.stringify(stack.resolve(statement.toStatementJson())),
    );
  }
  return result.statementAdded;
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
