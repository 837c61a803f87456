import type * as iam from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/internal';

/**
 * Throws `DPK_INVALID_PRINCIPAL` when `grantee` is everyone (`*`: `AnyPrincipal`,
 * `StarPrincipal`, `ArnPrincipal('*')`) without conditions. Such a grant cannot go to an IAM
 * policy, so aws-cdk-lib writes it into the bucket and key policies: data readable by anyone.
 * A `*` principal narrowed by conditions (e.g. `aws:PrincipalOrgID`) is an explicit choice and passes.
 */
export function assertNotPublic(scope: IConstruct, grantee: iam.IGrantable, prop = 'principal'): void {
  const fragment = grantee.grantPrincipal.policyFragment;
  const everyone = Object.values(fragment.principalJson).some((values) => values.includes('*'));
  if (everyone && Object.keys(fragment.conditions).length === 0) {
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
      prop,
      received: fragment.principalJson,
      allowed:
        "a role, user, account or service principal; not everyone ('*') unless narrowed by conditions such as aws:PrincipalOrgID",
    });
  }
}
