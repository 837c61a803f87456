import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

/** The kind of Microsoft Entra principal a role is assigned to (`principal_type`). */
export enum PrincipalType {
  /** A user account. */
  USER = 'User',
  /** A security group. */
  GROUP = 'Group',
  /** A service principal, including every managed identity. */
  SERVICE_PRINCIPAL = 'ServicePrincipal',
}

/**
 * Someone or something that can be granted access: an Entra object id and its type.
 * Role assignments the kit makes always set `principal_type`, so Azure does not have to look
 * the principal up (which fails for identities created moments before).
 *
 * Build one with {@link Principal}.
 */
export interface IPrincipal {
  /** Object id of the principal in Microsoft Entra ID (a GUID). */
  readonly principalId: string;
  /** What kind of principal it is. */
  readonly principalType: PrincipalType;
  /**
   * A stable, token-free key that names the grant resources made for this principal, so
   * construct ids never change between syntheses. Set by {@link Principal.fromUserAssignedIdentity}
   * (the identity's construct path).
   * @default - the principal id when it is a literal; otherwise grants are numbered in creation order
   */
  readonly grantKey?: string;
}

/** What a user-assigned identity must offer to be a principal: a construct with a principal id. */
export interface UserAssignedIdentityRef extends IConstruct {
  /** Object id of the identity's service principal. */
  readonly principalId: string;
}

/** A Microsoft Entra object id: a GUID. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRINCIPAL_TYPES: readonly string[] = Object.values(PrincipalType);

/**
 * Every way `principal` is malformed (a literal id that is not a GUID, an unknown type).
 * Unresolved ids are skipped. Internal: not exported from the entry point.
 * @internal
 */
export function principalViolations(prop: string, principal: IPrincipal): Violation[] {
  const violations: Violation[] = [];
  const id: unknown = principal.principalId;
  if (!(typeof id === 'string' && (isUnresolved(id) || GUID.test(id)))) {
    violations.push({
      prop: `${prop}.principalId`,
      received: id,
      allowed: 'a Microsoft Entra object id (GUID, e.g. 00000000-0000-0000-0000-000000000000)',
    });
  }
  if (!PRINCIPAL_TYPES.includes(principal.principalType)) {
    violations.push({
      prop: `${prop}.principalType`,
      received: principal.principalType,
      allowed: `one of ${PRINCIPAL_TYPES.join(', ')}`,
    });
  }
  return violations;
}

/**
 * Throws `DPK_INVALID_PRINCIPAL` when `principal` is malformed; returns it otherwise.
 * @internal
 */
export function validatePrincipal(scope: IConstruct, principal: IPrincipal, prop = 'principal'): IPrincipal {
  ValidationError.throwIfAny(ErrorCode.INVALID_PRINCIPAL, scope, principalViolations(prop, principal));
  return principal;
}

/**
 * Factory for {@link IPrincipal}: managed identities, service principals, groups and users.
 * Literal object ids are validated as GUIDs (`DPK_INVALID_PRINCIPAL`); tokens are accepted as is.
 *
 * @see https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#principaltype
 * @example
 * const identity = new UserAssignedIdentity(stack, 'Reader', { name: 'id-reader', location, resourceGroupName });
 * lake.grantRead(Principal.fromUserAssignedIdentity(identity), 'serving');
 * lake.grantReadWrite(Principal.group('8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f'), 'curated');
 */
export class Principal {
  /** The identity's service principal; grant ids derive from the identity's construct path. */
  public static fromUserAssignedIdentity(identity: UserAssignedIdentityRef): IPrincipal {
    return Principal.make('fromUserAssignedIdentity', 'identity', {
      principalId: identity.principalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      grantKey: identity.node.path,
    });
  }

  /** A service principal (an application or a managed identity) by object id. */
  public static servicePrincipal(objectId: string): IPrincipal {
    return Principal.make('servicePrincipal', 'objectId', {
      principalId: objectId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
    });
  }

  /** A security group by object id. */
  public static group(objectId: string): IPrincipal {
    return Principal.make('group', 'objectId', { principalId: objectId, principalType: PrincipalType.GROUP });
  }

  /** A user by object id. */
  public static user(objectId: string): IPrincipal {
    return Principal.make('user', 'objectId', { principalId: objectId, principalType: PrincipalType.USER });
  }

  private static make(method: string, prop: string, principal: IPrincipal): IPrincipal {
    const violations = principalViolations(prop, principal).map((v) => ({ ...v, prop }));
    // No construct exists yet: errors name the factory method as their path.
    const origin = new Construct(undefined as unknown as Construct, `Principal.${method}`);
    ValidationError.throwIfAny(ErrorCode.INVALID_PRINCIPAL, origin, violations);
    return principal;
  }

  private constructor() {}
}
