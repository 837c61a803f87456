/**
 * A fix to the key statement aws-cdk-lib gives a state machine's role for log delivery.
 * Internal: not exported from the entry point.
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';

/**
 * aws-cdk-lib gives the state machine role `kms:GenerateDataKey` for log delivery under
 * `StringEquals` on `kms:EncryptionContext:SourceArn` = `arn:…:logs:<region>:<account>:*`: an
 * exact match on a value ending in `*` never matches. Rendered with `StringLike` instead, so
 * the statement means what it says (log groups of this account and region).
 */
export function fixLogDeliveryKeyCondition(stateMachine: sfn.StateMachine): void {
  const policy = stateMachine.role.node.tryFindChild('DefaultPolicy');
  if (!(policy instanceof iam.Policy)) return;
  const cfn = policy.node.defaultChild as iam.CfnPolicy;
  const stack = Stack.of(stateMachine);
  cfn.addPropertyOverride(
    'PolicyDocument',
    Lazy.any({
      produce: () => {
        const doc = stack.resolve(policy.document);
        for (const statement of doc.Statement ?? []) {
          const equals = statement.Condition?.StringEquals;
          const value = equals?.['kms:EncryptionContext:SourceArn'];
          if (value === undefined || !/:\*"(]]})?$/.test(JSON.stringify(value))) continue;
          delete equals['kms:EncryptionContext:SourceArn'];
          if (Object.keys(equals).length === 0) delete statement.Condition.StringEquals;
          statement.Condition.StringLike = {
            ...(statement.Condition.StringLike ?? {}),
            'kms:EncryptionContext:SourceArn': value,
          };
        }
        return doc;
      },
    }),
  );
}
