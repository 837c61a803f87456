import { StorageBucket } from '@cdktf/provider-google/lib/storage-bucket';
import { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import { Construct } from 'constructs';
import type { PipelineConfig } from './pipeline-config';
import type { Tags } from '../../../core/tags';
import { constructIdFrom } from '../../../core/zones';
import type { ITerraformDependable } from '../../../terraform';
import { hardenedBucketConfig } from '../../private/buckets';
import { PROCESSING_ROLES } from '../../processing/roles';
import { SparkJob } from '../../processing/spark-job';
import type { SparkJobRuntimeOptions } from '../../processing/spark-job-types';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { PipelineProps, PipelineStep } from '../pipeline-types';

/** What a pipeline's staging or code bucket is made of. */
export interface PipelineBucketSpec {
  readonly id: string;
  readonly name: string;
  readonly project?: string;
  readonly region: string;
  readonly key: IEncryptionKey;
  readonly softDeleteSeconds: number;
  /** Days objects are kept. @default - kept */
  readonly lifecycleDays?: number;
  readonly labels: Tags;
  readonly dependsOn: readonly ITerraformDependable[];
}

/** A hardened CMEK bucket of a pipeline; overwritten objects go after 7 days. */
export function newPipelineBucket(scope: Construct, spec: PipelineBucketSpec): StorageBucket {
  return new StorageBucket(scope, spec.id, {
    ...hardenedBucketConfig({
      project: spec.project,
      location: spec.region,
      name: spec.name,
      kmsKeyName: spec.key.cryptoKeyId,
      softDeleteSeconds: spec.softDeleteSeconds,
      labels: spec.labels,
      dependsOn: [...spec.dependsOn],
    }),
    lifecycleRule: [
      ...(spec.lifecycleDays === undefined
        ? []
        : [{ action: { type: 'Delete' }, condition: { age: spec.lifecycleDays } }]),
      { action: { type: 'Delete' }, condition: { daysSinceNoncurrentTime: 7, withState: 'ARCHIVED' } },
    ],
  });
}

/** The steps' code: each step's runtime, the uploaded scripts by step name, and the code bucket. */
export interface StepCode {
  /** The code bucket, made on first upload; undefined when no step uploads code. */
  readonly codeBucket?: StorageBucket;
  readonly scripts: Readonly<Record<string, StorageBucketObject>>;
  /** Each step's runtime options, in order, its script bound as its main Python file. */
  readonly runtimes: readonly SparkJobRuntimeOptions[];
}

/**
 * Each step's runtime: its own main file, or its `script` bound (a local file is uploaded into
 * the code bucket `codeBucket` makes, once, on first use).
 */
export function createStepCode(
  scope: Construct,
  steps: readonly PipelineStep[],
  codeBucket: () => StorageBucket,
): StepCode {
  let bucket: StorageBucket | undefined;
  const scripts: Record<string, StorageBucketObject> = {};
  const runtimes = steps.map((step): SparkJobRuntimeOptions => {
    const { name, sourceZone: _s, targetZone: _t, script, ...runtime } = step;
    if (script === undefined) return runtime;
    const location = script.bind(new Construct(scope, `${constructIdFrom(name)}Code`), name, () => {
      bucket ??= codeBucket();
      return bucket;
    });
    if (location.object) scripts[name] = location.object;
    return { ...runtime, mainPythonFileUri: location.uri };
  });
  return { codeBucket: bucket, scripts, runtimes };
}

/** One Spark job per step, in order, staging in `stagingBucket`. */
export function createJobs(
  scope: Construct,
  config: PipelineConfig,
  props: PipelineProps,
  runtimes: readonly SparkJobRuntimeOptions[],
  stagingBucket: StorageBucket,
): SparkJob[] {
  return props.steps.map(
    ({ name: step, sourceZone, targetZone }, i) =>
      new SparkJob(scope, `${constructIdFrom(step)}Step`, {
        stagingBucket: stagingBucket.name,
        ...runtimes[i],
        platformName: config.platform,
        jobName: step,
        lake: props.lake,
        network: props.network,
        sourceZone,
        targetZone,
        encryptionKey: config.encryptionKey,
        project: config.project,
        tags: props.tags,
        enableApis: config.settings.enableApis,
      }),
  );
}

/** Each job's grants on the staging bucket, and on the code bucket when there is one, job by job. */
export function createBucketGrants(
  scope: Construct,
  jobs: readonly SparkJob[],
  stagingBucket: StorageBucket,
  codeBucket: StorageBucket | undefined,
): StorageBucketIamMember[] {
  const grant = (grantId: string, target: StorageBucket, role: string, job: SparkJob) =>
    new StorageBucketIamMember(scope, `${grantId}${constructIdFrom(job.jobName)}`, {
      bucket: target.name,
      role,
      member: job.principal.iamMember,
    });
  return jobs.flatMap((job) => [
    grant('StagingUser', stagingBucket, PROCESSING_ROLES.staging, job),
    grant('StagingReader', stagingBucket, PROCESSING_ROLES.stagingBucket, job),
    ...(codeBucket ? [grant('CodeReader', codeBucket, PROCESSING_ROLES.code, job)] : []),
  ]);
}
