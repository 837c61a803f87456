import type * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ZoneAccess } from '../../core/internal';

/**
 * What every lake on this cloud does the same way, made or imported: the grant shorthands, each
 * one intent through `grant`. `LakeStorage` and the imported lake extend it (aws-cdk's BucketBase idiom).
 */
export abstract class LakeStorageBase extends Construct {
  /** Grants one intent on `zone` (see `LakeStorage.grant`). */
  public abstract grant(principal: iam.IGrantable, zone: string, access: ZoneAccess): iam.Grant;

  /** Lets `principal` list and read objects in `zone`, and decrypt them with the key. */
  public grantRead(principal: iam.IGrantable, zone: string): iam.Grant {
    return this.grant(principal, zone, ZoneAccess.READ);
  }

  /** Lets `principal` write (not read or delete) objects in `zone`, encrypting them with the key. */
  public grantWrite(principal: iam.IGrantable, zone: string): iam.Grant {
    return this.grant(principal, zone, ZoneAccess.WRITE);
  }

  /** Lets `principal` read, write and delete objects in `zone` (never object versions). */
  public grantReadWrite(principal: iam.IGrantable, zone: string): iam.Grant {
    return this.grant(principal, zone, ZoneAccess.READ_WRITE);
  }
}
