import { Stack } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { grantJobRun, sparkJobPolicy } from './perms';
import { SparkJobLanguage, type SparkJobProps } from './spark-job-types';
import {
  CommonDefaults,
  ErrorCode,
  findZone,
  isUnresolved,
  NameRules,
  physicalName,
  resourceTags,
  TagRules,
  validateIntegerRange,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
  ValidationError,
} from '../../core/internal';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import {
  glueLogGroupNames,
  glueLogGroups,
  glueNetworkConnection,
  logGroupArn,
} from './private/glue-job-resources';
import { LOG_RETENTION_DAYS } from '../private/log-groups';
import { PipelineNameRules } from '../private/pipeline-names';
import { assertNotPublic } from '../private/principals';
import { removalPolicyFor } from '../private/removal';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';

const ARGUMENT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/**
 * A Spark job on AWS Glue that reads one lake zone and writes another, with a role that may do
 * exactly that.
 *
 * Secure defaults: a role of its own, granted the lake's `grantRead` on the source zone and
 * `grantReadWrite` on the target zone (nothing else of the lake), read access to its one script
 * object, and only the log, key and (in a network) EC2 permissions Glue needs for this job
 * ({@link SPARK_JOB_PERMISSIONS}); no AWS managed policy. A Glue security configuration encrypts
 * what the job writes to S3 with the lake's key (SSE-KMS), its CloudWatch logs (SSE-KMS) and
 * its job bookmarks (CSE-KMS) with the job's key. The job's log groups are created before it,
 * encrypted with the job's key (the regional logs service allowed on the key for those groups
 * only), with a retention (365 days) and `DeletionPolicy: RetainExceptOnCreate`. Glue 5.0 (real-time logging;
 * 4.0 gets continuous logging), G.1X × 2 workers, job bookmarks on, a 4-hour timeout, one run at
 * a time and no Glue-side retries (a {@link Pipeline} retries). With a `network`, workers run in
 * its first data subnet behind a security group of their own.
 *
 * The script learns its zones from the arguments `--source_path s3://<source bucket>/` and
 * `--target_path s3://<target bucket>/` (`SparkJob.PATH_ARGUMENTS`).
 *
 * @see https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-programming-etl-glue-arguments.html
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
 * new SparkJob(stack, 'Clean', {
 *   platformName: 'sales',
 *   jobName: 'clean',
 *   lake,
 *   sourceZone: 'raw',
 *   targetZone: 'curated',
 *   script: SparkJobScript.fromAsset(path.join(__dirname, 'clean.py')),
 * });
 */
export class SparkJob extends Construct {
  /** Glue version when none is given: 5.0 (Spark 3.5, Python 3.11). */
  public static readonly DEFAULT_GLUE_VERSION = glue.GlueVersion.V5_0;
  /** Glue versions the kit accepts (it knows where each writes its logs). */
  public static readonly SUPPORTED_GLUE_VERSIONS: readonly glue.GlueVersion[] = [
    glue.GlueVersion.V4_0,
    glue.GlueVersion.V5_0,
    glue.GlueVersion.V5_1,
  ];
  /** Worker type when none is given. */
  public static readonly DEFAULT_WORKER_TYPE = glue.WorkerType.G_1X;
  /** Worker types the kit accepts for batch Spark jobs. */
  public static readonly SUPPORTED_WORKER_TYPES: readonly glue.WorkerType[] = [
    glue.WorkerType.G_1X,
    glue.WorkerType.G_2X,
    glue.WorkerType.G_4X,
    glue.WorkerType.G_8X,
    glue.WorkerType.G_12X,
    glue.WorkerType.G_16X,
    glue.WorkerType.R_1X,
    glue.WorkerType.R_2X,
    glue.WorkerType.R_4X,
    glue.WorkerType.R_8X,
  ];
  /** Workers when none are given (the fewest Glue allows for G and R types). */
  public static readonly DEFAULT_WORKER_COUNT = 2;
  /** Workers per run: 2 (the fewest Glue allows for G and R types) to 1000 (kit policy). */
  public static readonly WORKER_COUNT_RANGE = { min: 2, max: 1000 } as const;
  /** Run timeout when none is given, in minutes. */
  public static readonly DEFAULT_TIMEOUT_MINUTES = 240;
  /** Run timeout Glue allows for batch jobs, in minutes: 1 to 10080 (7 days). */
  public static readonly TIMEOUT_MINUTES_RANGE = { min: 1, max: 10080 } as const;
  /** Whether job bookmarks are on when not told. */
  public static readonly DEFAULT_JOB_BOOKMARKS = true;
  /** Language when none is given. */
  public static readonly DEFAULT_LANGUAGE = SparkJobLanguage.PYTHON;
  /** Days the job's logs are kept when not told. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Runs of the job at once: a pipeline's next run waits (and retries) while one is running. */
  public static readonly MAX_CONCURRENT_RUNS = 1;
  /** The arguments through which the script learns its zones' roots (`s3://<bucket>/`). */
  public static readonly PATH_ARGUMENTS = { SOURCE: 'source_path', TARGET: 'target_path' } as const;
  /** Glue arguments the kit manages; `arguments` cannot set them. */
  public static readonly MANAGED_ARGUMENTS: readonly string[] = [
    'job-language',
    'class',
    'job-bookmark-option',
    'enable-continuous-cloudwatch-log',
    'enable-continuous-log-filter',
    'continuous-log-logGroup',
    'custom-logGroup-prefix',
    'TempDir',
  ];

  /** The Glue job's name. */
  public readonly jobName: string;
  /** ARN of the Glue job. */
  public readonly jobArn: string;
  /** The Glue job (escape hatch, L1). */
  public readonly job: glue.CfnJob;
  /** The role the job runs as. */
  public readonly role: iam.Role;
  /** The security configuration encrypting the job's S3 writes, logs and bookmarks (L1). */
  public readonly securityConfiguration: glue.CfnSecurityConfiguration;
  /** The job's log groups (error and output; Glue 4.0 also continuous). */
  public readonly logGroups: readonly logs.LogGroup[];
  /** The zone the job reads. */
  public readonly sourceZone: string;
  /** The zone the job writes. */
  public readonly targetZone: string;
  /** The key of the job's logs and bookmarks. */
  public readonly encryptionKey: IEncryptionKey;
  /** The Glue version the job runs on. */
  public readonly glueVersion: glue.GlueVersion;
  /** `s3://…` location of the script. */
  public readonly scriptLocation: string;
  /** What the role was granted on the source zone. */
  public readonly sourceGrant: iam.Grant;
  /** What the role was granted on the target zone. */
  public readonly targetGrant: iam.Grant;
  /** The network connection, when the job runs in a network. */
  public readonly connection?: glue.CfnConnection;
  /** The workers' security group, when the job runs in a network. */
  public readonly securityGroup?: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SparkJobProps) {
    super(scope, id);
    const platform = validatePlatformName(this, props.platformName);
    const name = validateName(
      this,
      NameRules.COMPONENT,
      'jobName',
      validateLiteralNamePart(this, 'jobName', props.jobName),
    );
    const source = findZone(this, props.lake.zones, props.sourceZone, 'sourceZone').name;
    const target = findZone(this, props.lake.zones, props.targetZone, 'targetZone').name;
    const language = props.language ?? SparkJob.DEFAULT_LANGUAGE;
    const glueVersion = props.glueVersion ?? SparkJob.DEFAULT_GLUE_VERSION;
    const workerType = props.workerType ?? SparkJob.DEFAULT_WORKER_TYPE;
    const workerCount = props.workerCount ?? SparkJob.DEFAULT_WORKER_COUNT;
    const jobBookmarks = props.jobBookmarks ?? SparkJob.DEFAULT_JOB_BOOKMARKS;
    const timeoutMinutes = props.timeoutMinutes ?? SparkJob.DEFAULT_TIMEOUT_MINUTES;
    const logRetentionDays = props.logRetentionDays ?? SparkJob.DEFAULT_LOG_RETENTION_DAYS;

    this.validateZones(source, target);
    this.validateRuntime(glueVersion, workerType, language, props.mainClass);
    validateIntegerRange(this, 'workerCount', workerCount, SparkJob.WORKER_COUNT_RANGE);
    validateIntegerRange(this, 'timeoutMinutes', timeoutMinutes, SparkJob.TIMEOUT_MINUTES_RANGE);
    this.validateLogRetention(logRetentionDays);
    const userArguments = this.validateArguments(props.arguments ?? {});
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const removalPolicy = removalPolicyFor(this, props.removalPolicy);

    const stack = Stack.of(this);
    const uniqueness = [stack.account, stack.region];
    this.jobName = physicalName(this, PipelineNameRules.GLUE, { platform, parts: [name], uniqueness });
    this.jobArn = stack.formatArn({ service: 'glue', resource: 'job', resourceName: this.jobName });
    this.sourceZone = source;
    this.targetZone = target;
    this.glueVersion = glueVersion;
    this.encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
    const sourceBucket = props.lake.bucketFor(source);
    const targetBucket = props.lake.bucketFor(target);
    const description = props.description ?? `${name}: ${source} to ${target} (platform ${platform})`;

    // IAM role names are account-wide: the region joins the hash, so two regions never collide.
    const roleName = physicalName(this, PipelineNameRules.IAM_ROLE, { platform, parts: [name], uniqueness });
    this.role = new iam.Role(this, 'Role', {
      roleName,
      assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
      description: `Glue job ${this.jobName}: reads zone ${source}, writes zone ${target}`,
    });
    this.sourceGrant = props.lake.grantRead(this.role, source);
    this.targetGrant = props.lake.grantReadWrite(this.role, target);

    const securityConfigurationName = this.jobName;
    this.securityConfiguration = new glue.CfnSecurityConfiguration(this, 'SecurityConfiguration', {
      name: securityConfigurationName,
      encryptionConfiguration: {
        s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS', kmsKeyArn: props.lake.encryptionKey.keyArn }],
        cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn: this.encryptionKey.keyArn },
        jobBookmarksEncryption: {
          jobBookmarksEncryptionMode: 'CSE-KMS',
          kmsKeyArn: this.encryptionKey.keyArn,
        },
      },
    });

    const logNames = glueLogGroupNames(glueVersion, securityConfigurationName, roleName);
    this.logGroups = glueLogGroups(this, logNames, this.encryptionKey, logRetentionDays, removalPolicy);

    // The job's name also names its security configuration and connection (separate namespaces).
    const network = props.network ? glueNetworkConnection(this, props.network, this.jobName) : undefined;
    this.connection = network?.connection;
    this.securityGroup = network?.securityGroup;

    const script = props.script.bind(this);
    this.scriptLocation = `s3://${script.bucket.bucketName}/${script.objectKey}`;
    const policy = sparkJobPolicy(this, {
      scriptBucket: script.bucket,
      scriptObjectKey: script.objectKey,
      buckets: [sourceBucket, targetBucket],
      logGroupArns: logNames.map((l) => logGroupArn(this, l.name)),
      key: this.encryptionKey,
      network: network && {
        connectionName: network.connection.ref,
        subnetId: network.subnet.subnetId,
        securityGroupId: network.securityGroup.securityGroupId,
      },
    });
    for (const statement of policy.statements) this.role.addToPrincipalPolicy(statement);
    this.acknowledgeInherentWildcards(sourceBucket, targetBucket, policy);

    this.job = new glue.CfnJob(this, 'Resource', {
      name: this.jobName,
      description,
      role: this.role.roleArn,
      command: {
        name: 'glueetl',
        scriptLocation: this.scriptLocation,
        pythonVersion: language === SparkJobLanguage.PYTHON ? '3' : undefined,
      },
      glueVersion,
      workerType,
      numberOfWorkers: workerCount,
      timeout: timeoutMinutes,
      maxRetries: 0,
      executionProperty: { maxConcurrentRuns: SparkJob.MAX_CONCURRENT_RUNS },
      securityConfiguration: this.securityConfiguration.ref,
      connections: network ? { connections: [network.connection.ref] } : undefined,
      defaultArguments: {
        '--job-language': language,
        ...(props.mainClass === undefined ? {} : { '--class': props.mainClass }),
        '--job-bookmark-option': jobBookmarks ? 'job-bookmark-enable' : 'job-bookmark-disable',
        ...(glueVersion === glue.GlueVersion.V4_0 ? { '--enable-continuous-cloudwatch-log': 'true' } : {}),
        [`--${SparkJob.PATH_ARGUMENTS.SOURCE}`]: `s3://${sourceBucket.bucketName}/`,
        [`--${SparkJob.PATH_ARGUMENTS.TARGET}`]: `s3://${targetBucket.bucketName}/`,
        ...Object.fromEntries(Object.entries(userArguments).map(([k, v]) => [`--${k}`, v])),
      },
    });
    // The role's policy and the log groups exist (encrypted, with their retention) before the job
    // can run: otherwise Glue would create unencrypted, never-expiring log groups itself.
    this.job.node.addDependency(this.role, ...this.logGroups);
    applyTags(this, tags);
  }

  /**
   * Lets `grantee` start runs of this job, watch them and stop them ({@link SPARK_JOB_RUN_PERMISSIONS}).
   * Throws `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions.
   */
  public grantRun(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return grantJobRun(grantee, this.jobArn);
  }

  /** The role's wildcards are its intent or Glue's own: acknowledged on the role, never on data. */
  private acknowledgeInherentWildcards(
    sourceBucket: s3.IBucket,
    targetBucket: s3.IBucket,
    policy: ReturnType<typeof sparkJobPolicy>,
  ): void {
    acknowledgeWildcards(
      this.role,
      [sourceBucket.arnForObjects('*'), targetBucket.arnForObjects('*')],
      INHERENT_WILDCARD_REASONS.SPARK_JOB_ZONES,
    );
    acknowledgeWildcards(
      this.role,
      policy.logStreamWildcards,
      INHERENT_WILDCARD_REASONS.SPARK_JOB_LOG_STREAMS,
    );
    acknowledgeWildcards(this.role, policy.networkWildcards, INHERENT_WILDCARD_REASONS.SPARK_JOB_NETWORK);
  }

  private validateZones(source: string, target: string): void {
    if (source === target) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'targetZone',
        received: target,
        allowed: `a zone other than sourceZone ('${source}'): a job never rewrites the zone it reads`,
      });
    }
  }

  private validateRuntime(
    glueVersion: glue.GlueVersion,
    workerType: glue.WorkerType,
    language: SparkJobLanguage,
    mainClass: string | undefined,
  ): void {
    if (!SparkJob.SUPPORTED_GLUE_VERSIONS.includes(glueVersion)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'glueVersion',
        received: glueVersion,
        allowed: `one of ${SparkJob.SUPPORTED_GLUE_VERSIONS.join(', ')}`,
      });
    }
    if (!SparkJob.SUPPORTED_WORKER_TYPES.includes(workerType)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'workerType',
        received: workerType,
        allowed: `one of ${SparkJob.SUPPORTED_WORKER_TYPES.join(', ')}`,
      });
    }
    const scala = language === SparkJobLanguage.SCALA;
    if (scala !== (mainClass !== undefined)) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'mainClass',
        received: mainClass,
        allowed: scala
          ? 'the Scala object to run (required with SparkJobLanguage.SCALA)'
          : 'unset for a Python script',
      });
    }
    if (scala && !isUnresolved(mainClass) && !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(mainClass!)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'mainClass',
        received: mainClass,
        allowed: "a fully qualified Scala object name (e.g. 'com.example.CleanOrders')",
      });
    }
  }

  private validateLogRetention(days: number): void {
    if (isUnresolved(days) || LOG_RETENTION_DAYS.includes(days)) return;
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
      prop: 'logRetentionDays',
      received: days,
      allowed: `one of the retentions CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(', ')}`,
    });
  }

  /** Argument names are literal, well-formed, and never the kit's own (all reported at once). */
  private validateArguments(args: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
    const reserved = [...Object.values(SparkJob.PATH_ARGUMENTS), ...SparkJob.MANAGED_ARGUMENTS];
    const entries = Object.keys(args);
    ValidationError.throwIfAny(
      ErrorCode.INVALID_NAME,
      this,
      entries
        .filter((k) => !ARGUMENT_NAME.test(k))
        .map((k) => ({
          prop: 'arguments key',
          received: k,
          allowed:
            "1-128 characters of letters, digits, '_' and '-', not starting with '-' (the kit adds '--')",
        })),
    );
    ValidationError.throwIfAny(
      ErrorCode.CONFLICTING_PROPS,
      this,
      entries
        .filter((k) => reserved.includes(k))
        .map((k) => ({
          prop: 'arguments key',
          received: k,
          allowed: `not one of the kit's: ${reserved.join(', ')}`,
        })),
    );
    return args;
  }
}
