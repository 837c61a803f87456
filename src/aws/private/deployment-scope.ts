import { Aws, Fn, Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { type DeploymentScope, stableHash } from '../../core/naming';

/** Longest AWS account id and region code a deploy-time name must leave room for. */
const ACCOUNT_ID_LENGTH = 12;
const MAX_REGION_LENGTH = 16;

/**
 * The deployment scope of a globally unique AWS name (an S3 bucket): the stack's account and
 * region. Literal values join the synth-time hash; an environment-agnostic stack's account and
 * region are appended at deploy time with `Fn::Join` (`AWS::AccountId`, `AWS::Region`), so the
 * same app deployed to two accounts or regions never derives the same bucket name.
 */
export function awsDeploymentScope(scope: IConstruct): DeploymentScope {
  const stack = Stack.of(scope);
  return {
    values: [stack.account, stack.region],
    deployTime: {
      extraLength: (unresolved) =>
        unresolved.reduce(
          (sum, v) => sum + 1 + (v === Aws.ACCOUNT_ID ? ACCOUNT_ID_LENGTH : MAX_REGION_LENGTH),
          0,
        ),
      render: (body, separator, hashInput) => {
        const literal = hashInput.filter((v) => !Token.isUnresolved(v));
        const deployTime = hashInput.filter((v) => Token.isUnresolved(v));
        return Fn.join(separator, [`${body}${separator}${stableHash(literal.join('|'))}`, ...deployTime]);
      },
    },
  };
}
