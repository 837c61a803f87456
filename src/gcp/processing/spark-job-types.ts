import type { Tags } from '../../core/tags';
import type { INetwork } from '../network/network';
import type { IEncryptionKey } from '../security/encryption-key';
import type { ILakeStorage } from '../storage/lake-storage';

/**
 * What a Spark job runs and how: the part of a job that a pipeline step declares too. Exactly one
 * of `mainPythonFileUri`, `mainJarFileUri` and `mainClass` is set.
 */
export interface SparkJobRuntimeOptions {
  /**
   * The PySpark driver: `gs://bucket/path/main.py` (or `file://` for a file on the runtime image).
   * The job's service account must be able to read it.
   * @default - none; set this, `mainJarFileUri` or `mainClass`
   */
  readonly mainPythonFileUri?: string;
  /**
   * The Spark driver jar, `gs://…/job.jar` or `file://…`.
   * @default - none; set this, `mainPythonFileUri` or `mainClass`
   */
  readonly mainJarFileUri?: string;
  /**
   * The driver's main class, found in `jarFileUris` (or the runtime's own jars).
   * @default - none; set this, `mainPythonFileUri` or `mainJarFileUri`
   */
  readonly mainClass?: string;
  /**
   * Arguments passed to the driver.
   * @default - none
   */
  readonly args?: readonly string[];
  /**
   * Python files (`.py`, `.zip`, `.egg`) added to the PySpark path (PySpark jobs only).
   * @default - none
   */
  readonly pythonFileUris?: readonly string[];
  /**
   * Jars added to the driver and executor classpaths.
   * @default - none
   */
  readonly jarFileUris?: readonly string[];
  /**
   * Files placed in the working directory of each executor.
   * @default - none
   */
  readonly fileUris?: readonly string[];
  /**
   * Archives extracted into the working directory of each executor.
   * @default - none
   */
  readonly archiveUris?: readonly string[];
  /**
   * Dataproc Serverless runtime version (`major.minor`, or `major.minor.subminor` to pin one),
   * which fixes the Spark, Java, Scala and Python versions.
   * @default SparkJob.DEFAULT_RUNTIME_VERSION ('2.2')
   * @see https://cloud.google.com/dataproc-serverless/docs/concepts/versions/spark-runtime-versions
   */
  readonly runtimeVersion?: string;
  /**
   * Spark and Dataproc Serverless properties (`spark.executor.instances`, …).
   * @default - the runtime's defaults
   * @see https://cloud.google.com/dataproc-serverless/docs/concepts/properties
   */
  readonly properties?: Readonly<Record<string, string>>;
  /**
   * Minutes a run may take before Dataproc terminates it (the batch `ttl`), 10 to 20160 (14 days).
   * A pipeline waits this long (and a margin) for the run before it fails the step.
   * @default SparkJob.DEFAULT_TIMEOUT_MINUTES (240)
   */
  readonly timeoutMinutes?: number;
  /**
   * Bucket (name, no `gs://`) where Dataproc stages the job's dependencies and run metadata
   * (under `google-cloud-dataproc-metainfo/`). The job's service account must be able to use it.
   * @default - the target zone's bucket (CMEK, retained, already writable by the job)
   */
  readonly stagingBucket?: string;
}

/** Props of {@link SparkJob}. */
export interface SparkJobProps extends SparkJobRuntimeOptions {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Job name within the platform (1-20 of a-z, 0-9, '-'); part of derived names and batch ids. */
  readonly jobName: string;
  /** The lake the job reads from and writes to. */
  readonly lake: ILakeStorage;
  /** The zone the job reads (it gets read access to that zone only). */
  readonly sourceZone: string;
  /** The zone the job writes (it gets read-write access to that zone only); not `sourceZone`. */
  readonly targetZone: string;
  /**
   * The network whose data subnet the workload runs in; its region is the job's region. A kit
   * `Network` must allow ingress inside the subnet (`allowInternalIngress: true`), as Dataproc
   * Serverless requires.
   */
  readonly network: INetwork;
  /**
   * Key for the workload's disks, shuffle and staging data (CMEK), in the network's region.
   * @default - the lake's key
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Project the job runs in (its service account, grants and batches).
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Id of the job's service account (the part before `@`).
   * @default - `<platformName>-<jobName>-<hash>`, cut to 30 characters
   */
  readonly serviceAccountId?: string;
  /**
   * Role granted to the job's service account on the project for Dataproc Serverless to run the
   * workload. Pass a custom role (`projects/<p>/roles/<id>`) holding `roles/dataproc.worker`'s
   * permissions minus its Cloud Storage ones to keep the job out of the project's other buckets.
   * @default SparkJob.DEFAULT_WORKER_ROLE ('roles/dataproc.worker')
   */
  readonly workerRole?: string;
  /**
   * Labels for the batches (and the service account's description names the platform).
   * @default - only the kit's `data-platform` and `data-zone` (target zone) labels
   */
  readonly tags?: Tags;
  /**
   * Enable the Dataproc, Compute Engine and IAM APIs (`google_project_service`, never disabled on destroy).
   * @default true
   */
  readonly enableApis?: boolean;
}

/**
 * The driver of a Dataproc Serverless batch (`pysparkBatch` or `sparkBatch`), as the batches API
 * takes it; unset fields are left out.
 * @see https://cloud.google.com/dataproc-serverless/docs/reference/rest/v1/PySparkBatch
 */
export interface DataprocBatchDriver {
  /** PySpark only: the main Python file. */
  readonly mainPythonFileUri?: string;
  /** Spark only: the jar holding the main class. */
  readonly mainJarFileUri?: string;
  /** Spark only: the main class, in `jarFileUris` or the runtime's jars. */
  readonly mainClass?: string;
  /** Arguments passed to the driver. */
  readonly args?: readonly string[];
  /** PySpark only: Python files added to the path. */
  readonly pythonFileUris?: readonly string[];
  /** Jars added to the classpaths. */
  readonly jarFileUris?: readonly string[];
  /** Files placed in each executor's working directory. */
  readonly fileUris?: readonly string[];
  /** Archives extracted into each executor's working directory. */
  readonly archiveUris?: readonly string[];
}

/**
 * The Dataproc batches API request body (REST v1 `Batch`, camelCase) a {@link SparkJob} renders:
 * what `projects.locations.batches.create` takes for one run. Values may hold deploy-time tokens
 * (the service account's email, the key and subnet ids).
 * @see https://cloud.google.com/dataproc-serverless/docs/reference/rest/v1/projects.locations.batches#Batch
 */
export interface DataprocBatchRequest {
  /** The PySpark driver (a job with `mainPythonFileUri`). */
  readonly pysparkBatch?: DataprocBatchDriver;
  /** The Spark (JVM) driver (a job with `mainJarFileUri` or `mainClass`). */
  readonly sparkBatch?: DataprocBatchDriver;
  /** Runtime version and Spark properties. */
  readonly runtimeConfig: {
    readonly version: string;
    readonly properties?: Readonly<Record<string, string>>;
  };
  /**
   * Where and as whom the workload runs: the job's service account, the network's data subnet
   * (internal IPs only), the key (CMEK), the staging bucket and the run timeout (`ttl`, `"<n>s"`).
   */
  readonly environmentConfig: {
    readonly executionConfig: {
      readonly serviceAccount: string;
      readonly subnetworkUri: string;
      readonly kmsKey: string;
      readonly stagingBucket: string;
      readonly ttl: string;
    };
  };
  /** Labels of the batch (the kit's and the job's `tags`). */
  readonly labels: Readonly<Record<string, string>>;
}
