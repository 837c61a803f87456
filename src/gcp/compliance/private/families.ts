import { BASIC_ROLES, isPublicPrincipal, membersOf } from './iam';
import { compliantIf, RuleLevel, RuleResult, type TerraformRule } from '../../../core/compliance';

/** What a rule of one of the families below is about. */
interface FamilyRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly explanation: string;
  readonly resourceTypes: readonly string[];
}

/** Why no rule of the public-members family may be broken. */
const PUBLIC_WHY =
  'A public principal opens the resource to anyone on the internet (allUsers) or with any Google account ' +
  '(allAuthenticatedUsers), outside every persona the platform grants.';

/** Why no rule of the basic-roles family may be broken. */
const BASIC_ROLES_WHY =
  'Basic roles carry thousands of permissions across every service, which voids per-zone least privilege.';

/**
 * An IAM member or binding on one of `resourceTypes` grants to no public principal
 * (`allUsers`, `allAuthenticatedUsers`, `principalSet://goog/public:all`). Checkov has one id per
 * service; they share this check.
 */
export function noPublicMembersRule(spec: FamilyRuleSpec): TerraformRule {
  return {
    ...spec,
    explanation: `${spec.explanation} ${PUBLIC_WHY}`,
    level: RuleLevel.ERROR,
    check: (r) => compliantIf(!membersOf(r.config).some(isPublicPrincipal)),
  };
}

/**
 * An IAM member or binding on one of `resourceTypes` grants no basic role (`roles/owner`,
 * `roles/editor`, `roles/viewer`). A role given as a reference is not judged.
 */
export function noBasicRolesRule(spec: FamilyRuleSpec): TerraformRule {
  return {
    ...spec,
    explanation: `${spec.explanation} ${BASIC_ROLES_WHY}`,
    level: RuleLevel.ERROR,
    check: (r) =>
      typeof r.config.role === 'string'
        ? compliantIf(!BASIC_ROLES.includes(r.config.role))
        : RuleResult.COMPLIANT,
  };
}
