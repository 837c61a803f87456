import { DataGoogleProject } from '@cdktf/provider-google/lib/data-google-project';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import type { StorageBucketIamMember } from '@cdktf/provider-google/lib/storage-bucket-iam-member';
import type { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import type { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Construct } from 'constructs';
import { PROCESSING_ROLES, SPARK_WORKER_PERMISSIONS } from './roles';
import type { DataprocBatchRequest, SparkJobProps } from './spark-job-types';
import { ErrorCode, ValidationError } from '../../core/errors';
import {
  NameRules,
  physicalName,
  stableHash,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
} from '../../core/naming';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { findZone } from '../../core/zones';
import { type ITerraformDependable, propagationWait } from '../../terraform';
import { type IPrincipal, Principal } from '../iam/principal';
import { type INetwork, Network } from '../network/network';
import { projectIdOf } from '../private/bigquery';
import { grantSuffix } from '../private/members';
import { PipelineNameRules } from '../private/pipeline-names';
import { validateProject } from '../private/project';
import { dependsOnAll, enableApis, GoogleApi, ProjectServices } from '../private/project-services';
import { serviceAgent, ServiceAgent, serviceAgentMember } from '../private/service-agents';
import { resolveSparkSettings, type SparkSettings, validateRole } from './private/spark-settings';
import type { IEncryptionKey } from '../security/encryption-key';

/** The APIs a job uses, enabled in this order. */
const JOB_APIS = [GoogleApi.DATAPROC, GoogleApi.COMPUTE, GoogleApi.IAM] as const;

/** A job's props, validated, with defaults resolved and its service account id derived. */
interface JobSettings {
  readonly platform: string;
  readonly jobName: string;
  readonly project?: string;
  readonly sourceZone: string;
  readonly targetZone: string;
  readonly region: string;
  readonly encryptionKey: IEncryptionKey;
  readonly runtime: SparkSettings;
  /** The validated `workerRole`; undefined for the kit's custom worker role. */
  readonly workerRole?: string;
  readonly labels: Tags;
  readonly enableApis: boolean;
  readonly serviceAccountId: string;
}

/**
 * A Spark job on Dataproc Serverless: its own service account, exactly the lake access it needs,
 * and the batch request that runs it.
 *
 * A Dataproc Serverless batch is a one-shot run, not a standing resource, so the job is a spec:
 * the construct makes the identity and the grants and renders the batches API request body
 * (`batchRequest`, `batchRequestJson`), which a {@link Pipeline} submits on schedule (or anything
 * else: `gcloud dataproc batches submit`, Cloud Composer, a Workflows program).
 *
 * Secure defaults: a dedicated service account per job (no keys), granted `roles/storage.objectViewer`
 * on the source zone's bucket and `roles/storage.objectUser` on the target zone's bucket only (the
 * lake's `grantRead` / `grantReadWrite`); the workload encrypted with the lake's key (CMEK,
 * `kms_key`), run in the network's data subnet (internal IPs only: Dataproc Serverless never gives
 * workloads external addresses, and the kit's subnet reaches Google APIs through Private Google
 * Access), a run timeout (`ttl`, 4 hours), labels, and the run's staging data in the target zone's
 * bucket, so it is CMEK-encrypted and retained like the zone.
 *
 * One broader grant is required by Dataproc: `roles/dataproc.worker` on the project for the job's
 * service account (a predefined role, not a basic one). It also carries Cloud Storage object
 * permissions on the project's buckets; keep the lake in its own project, or pass `workerRole`
 * with a custom role without them, for strict zone isolation.
 *
 * Deployable as is: the Dataproc, Compute Engine and Cloud Storage service agents (their emails
 * built from the project number, `data.google_project`) are granted
 * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on the key; whatever submits the batch must wait
 * for `deployDependencies` (a `Pipeline` does). The Dataproc, Compute Engine and IAM APIs are
 * enabled. A kit `Network` must have `allowInternalIngress: true` (Dataproc Serverless needs
 * ingress between its VMs). Deployer prerequisite: `roles/iam.serviceAccountAdmin`,
 * `roles/resourcemanager.projectIamAdmin`, the key's and buckets' IAM admin roles and, while
 * `enableApis` is on, `roles/serviceusage.serviceUsageAdmin`.
 *
 * @see https://cloud.google.com/dataproc-serverless/docs/guides/cmek-serverless
 * @see https://cloud.google.com/dataproc-serverless/docs/concepts/network
 * @example
 * const network = new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1', allowInternalIngress: true });
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
 * const clean = new SparkJob(stack, 'Clean', {
 *   platformName: 'sales', jobName: 'clean', lake, network,
 *   sourceZone: 'raw', targetZone: 'curated', mainPythonFileUri: 'gs://acme-code/clean.py',
 * });
 */
export class SparkJob extends Construct {
  /** Dataproc Serverless runtime version. */
  public static readonly DEFAULT_RUNTIME_VERSION = '2.2';
  /** Minutes a run may take (the batch `ttl`; Dataproc's own default for batches). */
  public static readonly DEFAULT_TIMEOUT_MINUTES = 240;
  /** Run timeout (the batch `ttl`) Dataproc Serverless accepts, in minutes: 10 to 20160 (14 days). */
  public static readonly TIMEOUT_MINUTES_RANGE = { min: 10, max: 20_160 } as const;
  /**
   * Permissions of the role the job's service account gets on the project by default: a custom
   * role with `roles/dataproc.worker`'s permissions minus its Cloud Storage ones.
   */
  public static readonly DEFAULT_WORKER_PERMISSIONS = SPARK_WORKER_PERMISSIONS;
  /** Seconds fresh grants are given to propagate before a run or a key user needs them. */
  public static readonly GRANT_PROPAGATION_SECONDS = 60;
  /** Whether the kit enables the Dataproc, Compute Engine and IAM APIs. */
  public static readonly DEFAULT_ENABLE_APIS = true;

  /** The job name. */
  public readonly jobName: string;
  /** The zone the job reads, and the zone it writes. */
  public readonly sourceZone: string;
  public readonly targetZone: string;
  /** The region the batches run in (the network's). */
  public readonly region: string;
  /** The project, or undefined for the provider's project. */
  public readonly project?: string;
  /** The key the workload is encrypted with. */
  public readonly encryptionKey: IEncryptionKey;
  /** Minutes a run may take. */
  public readonly timeoutMinutes: number;
  /** The job's `google_service_account` (no keys). */
  public readonly serviceAccount: ServiceAccount;
  /** The job's service account as a principal. */
  public readonly principal: IPrincipal;
  /** `roles/storage.objectViewer` on the source zone's bucket (made by the lake). */
  public readonly sourceGrant: StorageBucketIamMember;
  /** `roles/storage.objectUser` on the target zone's bucket (made by the lake). */
  public readonly targetGrant: StorageBucketIamMember;
  /** The `workerRole` on the project (`google_project_iam_member`). */
  public readonly workerGrant: ProjectIamMember;
  /** The `data.google_project` the Compute Engine and Cloud Storage agents' emails are built from. */
  public readonly projectData: DataGoogleProject;
  /** The Dataproc service agent, created with `google_project_service_identity` (google-beta). */
  public readonly dataprocIdentity: GoogleProjectServiceIdentity;
  /** The wait between the job's grants (project, zones, key) and its first run. */
  public readonly grantWait: Sleep;
  /** The Dataproc, Compute Engine and Cloud Storage service agents' grants on the key, in that order. */
  public readonly serviceAgentKeyGrants: readonly KmsCryptoKeyIamMember[];
  /** The batches API request body of one run. */
  public readonly batchRequest: DataprocBatchRequest;
  /** `batchRequest` as JSON (deploy-time values as Terraform references). */
  public readonly batchRequestJson: string;
  /**
   * What batch ids of this job start with: `<jobName>-<6 hex of the construct path>` (27 characters
   * at most), so a 32-character run id and an attempt number still fit Dataproc's 63.
   */
  public readonly batchIdPrefix: string;
  /** The `google_project_service` resources the job waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: SparkJobProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.jobName = settings.jobName;
    this.project = settings.project;
    this.sourceZone = settings.sourceZone;
    this.targetZone = settings.targetZone;
    this.region = settings.region;
    this.encryptionKey = settings.encryptionKey;
    this.timeoutMinutes = settings.runtime.timeoutMinutes;
    this.batchIdPrefix = `${this.jobName}-${stableHash(this.node.path, 6)}`;
    const workerRole = settings.workerRole ?? this.createWorkerRole();
    this.apiServices = enableApis(this, settings.enableApis, this.project, ...JOB_APIS);
    this.serviceAccount = this.createServiceAccount(settings);
    this.principal = Principal.fromServiceAccount(this.serviceAccount);
    this.sourceGrant = props.lake.grantRead(this.principal, this.sourceZone);
    this.targetGrant = props.lake.grantReadWrite(this.principal, this.targetZone);
    this.workerGrant = this.createWorkerGrant(workerRole);
    // The Dataproc agent is created (google_project_service_identity); the Compute Engine agent
    // appears when the Compute Engine API is enabled and the Cloud Storage agent exists in every
    // project, so theirs are built from the project number.
    this.projectData = this.createProjectData();
    this.dataprocIdentity = ProjectServices.of(this).identity(
      this,
      this.project,
      GoogleApi.DATAPROC,
      settings.enableApis,
    );
    this.serviceAgentKeyGrants = this.createServiceAgentKeyGrants();
    this.grantWait = propagationWait(
      this,
      'GrantWait',
      [this.sourceGrant, this.targetGrant, this.workerGrant, ...this.serviceAgentKeyGrants],
      SparkJob.GRANT_PROPAGATION_SECONDS,
    );
    this.batchRequest = this.renderBatchRequest(settings, props);
    this.batchRequestJson = JSON.stringify(this.batchRequest);
  }

  /**
   * Everything a submitter must wait for before the first run: the service account, its grants,
   * the service agents' key grants and the APIs.
   */
  public get deployDependencies(): ITerraformDependable[] {
    return [this.serviceAccount, this.grantWait, ...this.apiServices];
  }

  /**
   * Lets `principal` run this job, i.e. submit its batches as the job's service account:
   * `roles/iam.serviceAccountUser` on that service account only (once per principal), like
   * `grantRun` on the other clouds. The submitter also needs `dataproc.batches.create` on the
   * project (a `Pipeline` grants its workflow `roles/dataproc.editor`).
   */
  public grantRun(principal: IPrincipal): ServiceAccountIamMember {
    // The id predates the method's name: kept, so existing grants are never replaced.
    const id = `Submit${grantSuffix(this, principal)}`;
    return (
      (this.node.tryFindChild(id) as ServiceAccountIamMember | undefined) ??
      new ServiceAccountIamMember(this, id, {
        serviceAccountId: this.serviceAccount.name,
        role: PROCESSING_ROLES.submit,
        member: principal.iamMember,
      })
    );
  }

  /** Validates the props and resolves their defaults, before any resource exists. */
  private resolveSettings(props: SparkJobProps): JobSettings {
    const platform = validatePlatformName(this, props.platformName);
    const jobName = validateName(
      this,
      NameRules.COMPONENT,
      'jobName',
      validateLiteralNamePart(this, 'jobName', props.jobName),
    );
    const project = validateProject(this, props.project);
    const sourceZone = findZone(this, props.lake.zones, props.sourceZone, 'sourceZone').name;
    const targetZone = findZone(this, props.lake.zones, props.targetZone, 'targetZone').name;
    if (sourceZone === targetZone) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'targetZone',
        received: targetZone,
        allowed: `a zone other than sourceZone (${JSON.stringify(sourceZone)}): a job reads one zone and writes another`,
      });
    }
    const region = props.network.region;
    this.checkNetwork(props.network);
    const encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
    this.checkKeyLocation(encryptionKey, region);
    const runtime = resolveSparkSettings(this, props, SparkJob);
    return {
      platform,
      jobName,
      project,
      sourceZone,
      targetZone,
      region,
      encryptionKey,
      runtime,
      workerRole:
        props.workerRole === undefined ? undefined : validateRole(this, 'workerRole', props.workerRole),
      labels: resourceTags(this, TagRules.GCP, platform, props.tags, targetZone),
      enableApis: props.enableApis ?? SparkJob.DEFAULT_ENABLE_APIS,
      serviceAccountId: physicalName(this, PipelineNameRules.SERVICE_ACCOUNT, {
        platform,
        parts: [jobName],
        override: props.serviceAccountId,
        overrideProp: 'serviceAccountId',
      }),
    };
  }

  /** The default worker role: `roles/dataproc.worker` without its Cloud Storage permissions (shared in the stack). */
  private createWorkerRole(): string {
    return ProjectServices.of(this).customRole(this, this.project, 'dataPlatformKitSparkWorker', {
      title: 'Spark worker (data-platform-kit)',
      description:
        'roles/dataproc.worker without its Cloud Storage permissions: a job reaches only the buckets it is granted on.',
      permissions: SparkJob.DEFAULT_WORKER_PERMISSIONS,
    }).name;
  }

  /** The job's own service account (no keys), after the APIs. */
  private createServiceAccount(s: JobSettings): ServiceAccount {
    return new ServiceAccount(this, 'ServiceAccount', {
      project: this.project,
      accountId: s.serviceAccountId,
      displayName: `${s.platform} ${this.jobName} Spark job`,
      description: `Runs the ${this.jobName} Spark job of the ${s.platform} data platform: reads ${this.sourceZone}, writes ${this.targetZone}.`,
      dependsOn: dependsOnAll(this.apiServices),
    });
  }

  /** The job's `workerRole` on the project. */
  private createWorkerGrant(role: string): ProjectIamMember {
    return new ProjectIamMember(this, 'WorkerRole', {
      project: projectIdOf(this, this.project),
      role,
      member: this.principal.iamMember,
    });
  }

  /** The project lookup, without depends_on: its number feeds members, which must stay known at plan. */
  private createProjectData(): DataGoogleProject {
    return new DataGoogleProject(this, 'Project', { projectId: this.project });
  }

  /** The Dataproc, Compute Engine and Cloud Storage service agents' grants on the key, in that order. */
  private createServiceAgentKeyGrants(): KmsCryptoKeyIamMember[] {
    const number = this.projectData.number;
    return [
      serviceAgentMember(this, ServiceAgent.DATAPROC, this.dataprocIdentity.member, this.project),
      serviceAgent(this, ServiceAgent.COMPUTE, number, this.project),
      serviceAgent(this, ServiceAgent.STORAGE, number, this.project),
    ].map((agent) => this.encryptionKey.grantEncryptDecrypt(agent));
  }

  /** The batches API request body of one run. */
  private renderBatchRequest(s: JobSettings, props: SparkJobProps): DataprocBatchRequest {
    return {
      [s.runtime.driverKind]: s.runtime.driver,
      runtimeConfig: {
        version: s.runtime.runtimeVersion,
        ...(s.runtime.properties ? { properties: s.runtime.properties } : {}),
      },
      environmentConfig: {
        executionConfig: {
          serviceAccount: this.serviceAccount.email,
          subnetworkUri: props.network.subnetworkId,
          kmsKey: this.encryptionKey.cryptoKeyId,
          stagingBucket: props.stagingBucket ?? props.lake.bucketFor(this.targetZone).name,
          ttl: `${s.runtime.timeoutMinutes * 60}s`,
        },
      },
      labels: { ...s.labels },
    } as DataprocBatchRequest;
  }

  /** A kit network must let the workload's VMs talk to each other, as Dataproc Serverless requires. */
  private checkNetwork(network: INetwork): void {
    if (!(network instanceof Network) || network.allowInternalIngress !== undefined) return;
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
      prop: 'network',
      received: network.node.path,
      allowed:
        'a Network with allowInternalIngress: true (Dataproc Serverless needs ingress between its VMs on all ports inside the subnet)',
    });
  }

  /** The key must be in the batches' region (`DPK_INVALID_LOCATION`). */
  private checkKeyLocation(key: IEncryptionKey, region: string): void {
    const actual = key.location;
    if (isUnresolved(actual) || isUnresolved(region) || actual === region) return;
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
      prop: 'encryptionKey',
      received: actual,
      allowed: `a key in the region the job runs in, ${JSON.stringify(region)} (the network's region): pass encryptionKey when the lake's key is elsewhere`,
    });
  }
}
