import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { grantJobRun, sparkJobPolicy } from './perms';
import { SparkJobLanguage, type SparkJobProps, type SparkJobScriptLocation } from './spark-job-types';
import { CommonDefaults } from '../../core/internal';
import type { INetwork } from '../network/network';
import { acknowledgeWildcards, INHERENT_WILDCARD_REASONS } from '../private/acknowledgements';
import {
  type GlueLogGroupName,
  glueLogGroupNames,
  glueLogGroups,
  type GlueNetworkConnection,
  glueNetworkConnection,
  logGroupArn,
} from './private/glue-job-resources';
import { resolveSparkJobSettings, type SparkJobSettings } from './private/spark-job-settings';
import { assertNotPublic } from '../private/principals';
import { applyTags } from '../private/tags';
import type { IEncryptionKey } from '../security/encryption-key';

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
    const settings = resolveSparkJobSettings(this, props);
    this.jobName = settings.jobName;
    this.jobArn = settings.jobArn;
    this.sourceZone = settings.source;
    this.targetZone = settings.target;
    this.glueVersion = settings.glueVersion;
    this.encryptionKey = settings.encryptionKey;
    // Bound first: a script that is not there throws before anything else is made.
    const script = this.createScript(props);
    this.scriptLocation = `s3://${script.bucket.bucketName}/${script.objectKey}`;

    this.role = this.createRole(settings);
    this.sourceGrant = props.lake.grantRead(this.role, settings.source);
    this.targetGrant = props.lake.grantReadWrite(this.role, settings.target);
    this.securityConfiguration = this.createSecurityConfiguration(props, settings);
    this.logGroups = this.createLogGroups(settings);
    const network = props.network && this.createNetworkConnection(props.network);
    this.connection = network?.connection;
    this.securityGroup = network?.securityGroup;
    this.addRolePolicy(props, settings, script, network);
    this.job = this.createJob(props, settings, network);
    applyTags(this, settings.tags);
  }

  /**
   * Lets `grantee` start runs of this job, watch them and stop them ({@link SPARK_JOB_RUN_PERMISSIONS}).
   * Throws `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions.
   */
  public grantRun(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return grantJobRun(grantee, this.jobArn);
  }

  /** The script, made available to the job (an asset is uploaded from a local file). */
  private createScript(props: SparkJobProps): SparkJobScriptLocation {
    return props.script.bind(this);
  }

  /** The job's own role, assumable by Glue. */
  private createRole(settings: SparkJobSettings): iam.Role {
    return new iam.Role(this, 'Role', {
      roleName: settings.roleName,
      assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
      description: `Glue job ${settings.jobName}: reads zone ${settings.source}, writes zone ${settings.target}`,
    });
  }

  /** What encrypts the job's S3 writes (the lake's key), its logs and its bookmarks (the job's key). */
  private createSecurityConfiguration(
    props: SparkJobProps,
    settings: SparkJobSettings,
  ): glue.CfnSecurityConfiguration {
    return new glue.CfnSecurityConfiguration(this, 'SecurityConfiguration', {
      name: settings.jobName,
      encryptionConfiguration: {
        s3Encryptions: [{ s3EncryptionMode: 'SSE-KMS', kmsKeyArn: props.lake.encryptionKey.keyArn }],
        cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn: this.encryptionKey.keyArn },
        jobBookmarksEncryption: {
          jobBookmarksEncryptionMode: 'CSE-KMS',
          kmsKeyArn: this.encryptionKey.keyArn,
        },
      },
    });
  }

  /** The log groups Glue writes the job's runs to, made first: encrypted, with their retention. */
  private createLogGroups(settings: SparkJobSettings): logs.LogGroup[] {
    return glueLogGroups(
      this,
      this.logNames(settings),
      this.encryptionKey,
      settings.logRetentionDays,
      settings.removalPolicy,
    );
  }

  /** The network connection and the workers' security group. */
  private createNetworkConnection(network: INetwork): GlueNetworkConnection {
    // The job's name also names its security configuration and connection (separate namespaces).
    return glueNetworkConnection(this, network, this.jobName);
  }

  /** Exactly what the job needs, on the role: its script, zones, logs, key and network. */
  private addRolePolicy(
    props: SparkJobProps,
    settings: SparkJobSettings,
    script: SparkJobScriptLocation,
    network: GlueNetworkConnection | undefined,
  ): void {
    const sourceBucket = props.lake.bucketFor(settings.source);
    const targetBucket = props.lake.bucketFor(settings.target);
    const policy = sparkJobPolicy(this, {
      scriptBucket: script.bucket,
      scriptObjectKey: script.objectKey,
      buckets: [sourceBucket, targetBucket],
      logGroupArns: this.logNames(settings).map((l) => logGroupArn(this, l.name)),
      key: this.encryptionKey,
      network: network && {
        connectionName: network.connection.ref,
        subnetId: network.subnet.subnetId,
        securityGroupId: network.securityGroup.securityGroupId,
      },
    });
    for (const statement of policy.statements) this.role.addToPrincipalPolicy(statement);
    this.acknowledgeInherentWildcards(sourceBucket, targetBucket, policy);
  }

  /** The Glue job, made after its role's policy and its log groups. */
  private createJob(
    props: SparkJobProps,
    settings: SparkJobSettings,
    network: GlueNetworkConnection | undefined,
  ): glue.CfnJob {
    const { language, glueVersion } = settings;
    const sourceBucket = props.lake.bucketFor(settings.source);
    const targetBucket = props.lake.bucketFor(settings.target);
    const job = new glue.CfnJob(this, 'Resource', {
      name: this.jobName,
      description: settings.description,
      role: this.role.roleArn,
      command: {
        name: 'glueetl',
        scriptLocation: this.scriptLocation,
        pythonVersion: language === SparkJobLanguage.PYTHON ? '3' : undefined,
      },
      glueVersion,
      workerType: settings.workerType,
      numberOfWorkers: settings.workerCount,
      timeout: settings.timeoutMinutes,
      maxRetries: 0,
      executionProperty: { maxConcurrentRuns: SparkJob.MAX_CONCURRENT_RUNS },
      securityConfiguration: this.securityConfiguration.ref,
      connections: network ? { connections: [network.connection.ref] } : undefined,
      defaultArguments: {
        '--job-language': language,
        ...(props.mainClass === undefined ? {} : { '--class': props.mainClass }),
        '--job-bookmark-option': settings.jobBookmarks ? 'job-bookmark-enable' : 'job-bookmark-disable',
        ...(glueVersion === glue.GlueVersion.V4_0 ? { '--enable-continuous-cloudwatch-log': 'true' } : {}),
        [`--${SparkJob.PATH_ARGUMENTS.SOURCE}`]: `s3://${sourceBucket.bucketName}/`,
        [`--${SparkJob.PATH_ARGUMENTS.TARGET}`]: `s3://${targetBucket.bucketName}/`,
        ...Object.fromEntries(Object.entries(settings.userArguments).map(([k, v]) => [`--${k}`, v])),
      },
    });
    // The role's policy and the log groups exist (encrypted, with their retention) before the job
    // can run: otherwise Glue would create unencrypted, never-expiring log groups itself.
    job.node.addDependency(this.role, ...this.logGroups);
    return job;
  }

  /** The log groups Glue names after the job's security configuration and role. */
  private logNames(settings: SparkJobSettings): GlueLogGroupName[] {
    return glueLogGroupNames(settings.glueVersion, settings.jobName, settings.roleName);
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
}
