import type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import { Construct } from 'constructs';
import { ZoneAccess } from '../../core/internal';
import type { IPrincipal } from '../iam/principal';

/**
 * What every lake on this cloud does the same way, made or imported: the grant shorthands, each
 * one intent through `grant`. `LakeStorage` and the imported lake extend it (aws-cdk's BucketBase idiom).
 */
export abstract class LakeStorageBase extends Construct {
  /** Grants one intent on `zone` (see `LakeStorage.grant`). */
  public abstract grant(principal: IPrincipal, zone: string, access: ZoneAccess): StorageBucketIamMember;

  /** Lets `principal` list and read objects in `zone`. */
  public grantRead(principal: IPrincipal, zone: string): StorageBucketIamMember {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Lets `principal` create objects in `zone` (create-only on GCP). */
  public grantWrite(principal: IPrincipal, zone: string): StorageBucketIamMember {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  /** Lets `principal` read, create, overwrite and delete objects in `zone`. */
  public grantReadWrite(principal: IPrincipal, zone: string): StorageBucketIamMember {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }
}
