import * as fs from 'node:fs';
import type * as glue from 'aws-cdk-lib/aws-glue';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import type { Construct } from 'constructs';
import {
  type DataRemovalPolicy,
  ErrorCode,
  isUnresolved,
  type Tags,
  ValidationError,
} from '../../core/internal';
import type { INetwork } from '../network/network';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/** Where a bound script lives: one S3 object the job's role may read, and nothing else. */
export interface SparkJobScriptLocation {
  /** The bucket holding the script. */
  readonly bucket: s3.IBucket;
  /** The script's object key. */
  readonly objectKey: string;
}

/**
 * The script a {@link SparkJob} runs: a local file the app uploads as an S3 asset, or an object
 * already in S3. The job's role may read that one object (`s3:GetObject` on its ARN, and
 * `kms:Decrypt` on the bucket's key when the bucket knows it).
 *
 * @example
 * SparkJobScript.fromAsset(path.join(__dirname, 'jobs', 'clean_orders.py'));
 * SparkJobScript.fromBucket(scriptsBucket, 'jobs/publish_orders.py');
 */
export abstract class SparkJobScript {
  /**
   * A local file, uploaded with the app's assets (`cdk deploy` publishes it to the bootstrap
   * assets bucket). The file must exist when the app synthesizes. If the bootstrap bucket was
   * given a customer-managed key, also grant the job's role `kms:Decrypt` on it.
   */
  public static fromAsset(path: string): SparkJobScript {
    return new AssetScript(path);
  }

  /** An object already in S3 (`key` without a leading '/', no wildcards). */
  public static fromBucket(bucket: s3.IBucket, objectKey: string): SparkJobScript {
    return new BucketScript(bucket, objectKey);
  }

  /**
   * Makes the script available to the job built in `scope` (an asset is created there) and
   * returns where it lives. Throws `DPK_INVALID_LOCATION` for a missing file or a malformed key.
   */
  public abstract bind(scope: Construct): SparkJobScriptLocation;
}

class AssetScript extends SparkJobScript {
  constructor(private readonly path: string) {
    super();
  }

  public bind(scope: Construct): SparkJobScriptLocation {
    if (!fs.existsSync(this.path) || !fs.statSync(this.path).isFile()) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
        prop: 'script',
        received: this.path,
        allowed: 'the path of an existing script file (SparkJobScript.fromAsset)',
      });
    }
    const asset = new s3assets.Asset(scope, 'Script', { path: this.path });
    return { bucket: asset.bucket, objectKey: asset.s3ObjectKey };
  }
}

class BucketScript extends SparkJobScript {
  constructor(
    private readonly bucket: s3.IBucket,
    private readonly objectKey: string,
  ) {
    super();
  }

  public bind(scope: Construct): SparkJobScriptLocation {
    const key = this.objectKey;
    if (
      !isUnresolved(key) &&
      (key.length === 0 || key.length > 1024 || key.startsWith('/') || key.includes('*'))
    ) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
        prop: 'script',
        received: key,
        allowed: "an S3 object key of 1-1024 characters, not starting with '/', without '*'",
      });
    }
    return { bucket: this.bucket, objectKey: key };
  }
}

/** The language of a Spark job's script. */
export enum SparkJobLanguage {
  /** A PySpark script (`.py`). */
  PYTHON = 'python',
  /** A Scala script; `mainClass` names the object with `main`. */
  SCALA = 'scala',
}

/**
 * What a Spark job runs and how: the part of a job a pipeline step declares too.
 */
export interface SparkJobRuntimeOptions {
  /** The script the job runs. */
  readonly script: SparkJobScript;
  /**
   * The script's language.
   * @default SparkJobLanguage.PYTHON
   */
  readonly language?: SparkJobLanguage;
  /**
   * The Scala object whose `main` runs (Scala scripts only, where it is required).
   * @default - none (Python)
   */
  readonly mainClass?: string;
  /**
   * Glue version, which fixes the Spark, Python and Scala versions: 4.0, 5.0 or 5.1.
   * @default SparkJob.DEFAULT_GLUE_VERSION (5.0: Spark 3.5, Python 3.11)
   * @see https://docs.aws.amazon.com/glue/latest/dg/release-notes.html
   */
  readonly glueVersion?: glue.GlueVersion;
  /**
   * Worker type: a G (general) or R (memory-optimized) type; Standard and G.025X (streaming) are
   * not accepted.
   * @default SparkJob.DEFAULT_WORKER_TYPE (G.1X: 4 vCPU, 16 GB)
   * @see https://docs.aws.amazon.com/glue/latest/dg/worker-types.html
   */
  readonly workerType?: glue.WorkerType;
  /**
   * Workers per run, in `SparkJob.WORKER_COUNT_RANGE` (2 to 1000; your account's DPU quota may be lower).
   * @default SparkJob.DEFAULT_WORKER_COUNT (2)
   */
  readonly workerCount?: number;
  /**
   * Job bookmarks: each run processes only the data earlier runs have not (the bookmark is
   * client-side encrypted with the job's key).
   * @default true
   */
  readonly jobBookmarks?: boolean;
  /**
   * Minutes a run may take before Glue stops it, 1 to 10080 (7 days).
   * @default SparkJob.DEFAULT_TIMEOUT_MINUTES (240)
   */
  readonly timeoutMinutes?: number;
  /**
   * Extra job arguments, passed to the script as `--<name> <value>`. Names are 1-128 of letters,
   * digits, '_' and '-', not starting with '-' (the kit adds the `--`); the kit's own (`source_path`, `target_path`,
   * and the Glue settings it manages) cannot be given.
   * @default - only the kit's
   */
  readonly arguments?: Readonly<Record<string, string>>;
}

/** Props of the AWS {@link SparkJob}. */
export interface SparkJobProps extends SparkJobRuntimeOptions {
  /** Platform name that derived names start with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /** Job name within the platform (1-20 of a-z, 0-9, '-'); part of derived names. */
  readonly jobName: string;
  /** The lake the job reads from and writes to. */
  readonly lake: ILakeStorage;
  /** The zone the job reads: its role gets the lake's read grant on it, nothing more. */
  readonly sourceZone: string;
  /** The zone the job writes, not `sourceZone`: its role gets the lake's read-write grant on it. */
  readonly targetZone: string;
  /**
   * The network the job's workers run in (a Glue network connection in its first data subnet,
   * with a security group of its own). The subnets need routes to S3 (a gateway endpoint) and
   * interface endpoints for Glue, CloudWatch Logs, KMS and STS, as a kit `Network` has.
   * @default - Glue's own network (no VPC)
   */
  readonly network?: INetwork;
  /**
   * Key for the job's CloudWatch logs (SSE-KMS) and job bookmarks (CSE-KMS). Data the job writes
   * to S3 is always encrypted with the lake's key, so the zone's readers can decrypt it.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Days the job's log groups keep events (a retention CloudWatch Logs accepts: 1, 3, 5, 7, 14,
   * 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Description of the Glue job.
   * @default - `<jobName>: <sourceZone> to <targetZone> (platform <platformName>)`
   */
  readonly description?: string;
  /**
   * What happens to the job's log groups when they leave the stack (DESTROY also needs the
   * `data-platform-kit:removeDataOnDestroy` flag). The job itself holds no data.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags for the job's resources, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}
