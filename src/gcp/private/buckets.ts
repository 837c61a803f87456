import type { StorageBucketConfig } from '@cdktf/provider-google/lib/storage-bucket';
import type { Tags } from '../../core/tags';
import type { ITerraformDependable } from '../../terraform';

/** What a hardened bucket is made of. */
export interface HardenedBucketSpec {
  readonly project?: string;
  readonly location: string;
  readonly name: string;
  readonly kmsKeyName: string;
  readonly softDeleteSeconds: number;
  readonly labels: Tags;
  readonly dependsOn: readonly ITerraformDependable[];
}

/** Storage class of new objects in every kit bucket. */
export const STANDARD_STORAGE_CLASS = 'STANDARD';

/**
 * The kit's bucket defaults: uniform bucket-level access, public access prevention `enforced`,
 * versioning, soft delete, CMEK, `force_destroy = false`, labels, and the dependencies (the
 * storage agent's key grant, through its propagation wait, and the APIs).
 */
export function hardenedBucketConfig(spec: HardenedBucketSpec): StorageBucketConfig {
  return {
    project: spec.project,
    location: spec.location,
    name: spec.name,
    storageClass: STANDARD_STORAGE_CLASS,
    uniformBucketLevelAccess: true,
    publicAccessPrevention: 'enforced',
    versioning: { enabled: true },
    softDeletePolicy: { retentionDurationSeconds: spec.softDeleteSeconds },
    encryption: { defaultKmsKeyName: spec.kmsKeyName },
    forceDestroy: false,
    labels: { ...spec.labels },
    dependsOn: [...spec.dependsOn],
  };
}
