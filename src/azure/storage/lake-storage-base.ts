import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { ZoneAccess } from '../../core/internal';
import type { IPrincipal } from '../iam/principal';

/**
 * What every lake on this cloud does the same way, made or imported: the grant shorthands, each
 * one intent through `grant`. `LakeStorage` and the imported lake extend it (aws-cdk's BucketBase idiom).
 */
export abstract class LakeStorageBase extends Construct {
  /** Grants one intent on `zone` (see `LakeStorage.grant`). */
  public abstract grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment;

  /** Lets `principal` read `zone`'s filesystem. */
  public grantRead(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Lets `principal` write to `zone`'s filesystem. */
  public grantWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  /** Lets `principal` read and write `zone`'s filesystem. */
  public grantReadWrite(principal: IPrincipal, zone: string): RoleAssignment {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }
}
