import type { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { Construct } from 'constructs';
import { validateMember } from '../private/members';

/**
 * An identity the kit can grant access to: one IAM member.
 *
 * Create one with {@link Principal}; public members (`allUsers`, `allAuthenticatedUsers`) are
 * rejected everywhere, so a grant can never make data public.
 */
export interface IPrincipal {
  /** The IAM member, `type:email` (e.g. `serviceAccount:etl@acme.iam.gserviceaccount.com`). */
  readonly iamMember: string;
  /**
   * A stable, token-free name for this principal, hashed into the construct ids of the IAM
   * resources that grants create. Needed only when `iamMember` is a deploy-time token: the
   * token's text is not stable between synths, and a moved IAM member resource would revoke
   * the binding it shares with its replacement.
   * @default - the member itself
   */
  readonly grantKey?: string;
}

/**
 * Factory for {@link IPrincipal}s, validating the `type:email` form at construction
 * (`DPK_INVALID_PRINCIPAL`; deploy-time tokens are not checked). Public access is never allowed:
 * `allUsers` and `allAuthenticatedUsers` are rejected.
 *
 * @see https://cloud.google.com/iam/docs/principal-identifiers
 * @example
 * const etl = Principal.serviceAccount('etl@acme-data.iam.gserviceaccount.com');
 * const analysts = Principal.group('analysts@acme.com');
 */
export class Principal implements IPrincipal {
  /** A service account by email (`<name>@<domain>.gserviceaccount.com`). */
  public static serviceAccount(email: string): IPrincipal {
    return new Principal(`serviceAccount:${email}`, 'email');
  }

  /** A service account the stack manages; keyed by its construct path, so grants stay stable. */
  public static fromServiceAccount(serviceAccount: ServiceAccount): IPrincipal {
    return new Principal(
      serviceAccount.member,
      'serviceAccount',
      `serviceAccount:${serviceAccount.node.path}`,
    );
  }

  /** A Google group by email. */
  public static group(email: string): IPrincipal {
    return new Principal(`group:${email}`, 'email');
  }

  /** A user by email. */
  public static user(email: string): IPrincipal {
    return new Principal(`user:${email}`, 'email');
  }

  /**
   * Any `user:`, `group:` or `serviceAccount:` member as IAM writes it. Pass `grantKey` when
   * `member` is a deploy-time token (see {@link IPrincipal.grantKey}).
   */
  public static fromMember(member: string, grantKey?: string): IPrincipal {
    return new Principal(member, 'member', grantKey);
  }

  public readonly iamMember: string;
  public readonly grantKey?: string;

  private constructor(member: string, prop: string, grantKey?: string) {
    // Principals have no construct of their own; errors name 'Principal' as the path.
    validateMember(new Construct(undefined as unknown as Construct, 'Principal'), member, prop);
    this.iamMember = member;
    this.grantKey = grantKey;
  }
}
