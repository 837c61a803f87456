import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { stableHash } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';

/** Members that would make data public; the kit never grants to them. */
export const PUBLIC_MEMBERS: readonly string[] = ['allUsers', 'allAuthenticatedUsers'];

const MEMBER = /^(user|group|serviceAccount):[^\s@:]+@[^\s@:]+\.[a-z0-9-]+$/i;
const SERVICE_ACCOUNT_DOMAIN = '.gserviceaccount.com';

const MEMBER_ALLOWED =
  "an IAM member 'user:<email>', 'group:<email>' or 'serviceAccount:<name>@<domain>.gserviceaccount.com'";

/** What a grant needs from a principal (mirrors `IPrincipal` without importing it). */
export interface MemberLike {
  readonly iamMember: string;
  readonly grantKey?: string;
}

/**
 * Validates an IAM member (`DPK_INVALID_PRINCIPAL`): the `type:email` form for users, groups and
 * service accounts, and never `allUsers` / `allAuthenticatedUsers`. Tokens pass. Returns it.
 */
export function validateMember(scope: IConstruct, member: string, prop = 'principal'): string {
  if (isUnresolved(member)) return member;
  if (typeof member === 'string' && PUBLIC_MEMBERS.includes(member)) {
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
      prop,
      received: member,
      allowed: `a specific identity (public access is never allowed: not ${PUBLIC_MEMBERS.join(' or ')})`,
    });
  }
  const m = typeof member === 'string' ? MEMBER.exec(member) : null;
  if (!m || (m[1] === 'serviceAccount' && !member.endsWith(SERVICE_ACCOUNT_DOMAIN))) {
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
      prop,
      received: member,
      allowed: MEMBER_ALLOWED,
    });
  }
  return member;
}

/**
 * A stable, token-free construct-id suffix for the IAM resources a grant to `principal` makes,
 * so granting twice reuses one resource and ids never move between synths. Throws
 * `DPK_INVALID_PRINCIPAL` when the member is a deploy-time token and no `grantKey` names it.
 */
export function grantSuffix(scope: IConstruct, principal: MemberLike, prop = 'principal'): string {
  validateMember(scope, principal.iamMember, prop);
  const key = principal.grantKey ?? principal.iamMember;
  if (isUnresolved(key)) {
    throw ValidationError.of(ErrorCode.INVALID_PRINCIPAL, scope, {
      prop: `${prop}.grantKey`,
      received: key,
      allowed:
        'a token-free grantKey when the member is only known at deploy time (use Principal.fromServiceAccount, or Principal.fromMember(member, grantKey))',
    });
  }
  return stableHash(key);
}
