import { DataFactory } from '@cdktf/provider-azurerm/lib/data-factory';
import { DataFactoryIntegrationRuntimeAzure } from '@cdktf/provider-azurerm/lib/data-factory-integration-runtime-azure';
import { DataFactoryLinkedCustomService } from '@cdktf/provider-azurerm/lib/data-factory-linked-custom-service';
import { DataFactoryManagedPrivateEndpoint } from '@cdktf/provider-azurerm/lib/data-factory-managed-private-endpoint';
import { DataFactoryPipeline } from '@cdktf/provider-azurerm/lib/data-factory-pipeline';
import { DataFactoryTriggerSchedule } from '@cdktf/provider-azurerm/lib/data-factory-trigger-schedule';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import type { SynapseRoleAssignment } from '@cdktf/provider-azurerm/lib/synapse-role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import type { PipelineProps } from './pipeline-types';
import { PIPELINE_OPERATOR_ACTIONS } from './roles';
import { CommonDefaults } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import {
  NameRules,
  physicalName,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
} from '../../core/naming';
import { validateIntegerRange, validateIpRanges } from '../../core/ranges';
import { decideRemoval } from '../../core/removal';
import { resourceTags, TagRules } from '../../core/tags';
import { warn } from '../../terraform';
import { type IPrincipal, Principal, PrincipalType } from '../iam/principal';
import type { INotificationTarget } from '../monitoring/notification-target';
import { azureDeploymentScope, customRoleName, resourceGroupId } from '../private/deployment-scope';
import { grantRole } from '../private/grants';
import {
  type ResolvedSchedule,
  resolveSchedule,
  SCHEDULE_DEFAULTS,
  stepActivities,
} from './private/pipeline-activities';
import {
  createFactory,
  createFactorySynapseConnection,
  type PipelineSettings,
  type SynapseConnection,
} from './private/pipeline-factory';
import {
  createPipelineMonitoring,
  createRunLogWorkspace,
  type PipelineMonitoring,
} from './private/pipeline-monitoring';
import { PipelineNameRules } from '../private/pipeline-names';
import { lakeWorkspaceIdOf, StreamNameRules } from '../private/streaming';
import type { SparkJob } from '../processing/spark-job';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/**
 * Azure orchestration: a Data Factory pipeline that runs a `SparkJob`'s steps in order on its
 * Synapse Spark pool, started by a schedule trigger, alerting when a run fails.
 *
 * Secure defaults: public network access off; a managed virtual network whose integration runtime
 * reaches the Synapse workspace only through a managed private endpoint (`Dev`); a
 * system-assigned identity that authenticates to Synapse (no keys or secrets in linked services);
 * a customer-managed key through a user-assigned identity that holds "Key Vault Crypto Service
 * Encryption User" on the key before the factory is created (the factory depends on the grant;
 * azurerm 4.55 takes the versionless key id, so the factory follows rotation); run logs
 * (pipeline, activity and trigger runs) to Log Analytics, kept 365 days; alerts on failed runs
 * (`PipelineFailedRuns`: a step that fails or times out after its retries) and failed triggers
 * (`TriggerFailedRuns`). `checkCompliance` reports no finding on it.
 *
 * Least privilege: the factory identity holds no lake access at all: the steps read and write as
 * the Synapse workspace identity (see `SparkJob`). It gets only what running the steps needs
 * ({@link SPARK_RUN_ROLES}: "Synapse Artifact User" on the workspace, "Synapse Compute Operator"
 * on the job's pool). Those are Synapse RBAC assignments on the workspace data plane: they are made
 * only when the warehouse was made with `deployerReachesWorkspace`; otherwise a warning names the
 * roles to assign in Synapse Studio (Manage > Access control), as the warehouse does for its grants.
 *
 * Deployability: every resource here is management plane (Azure Resource Manager), so nothing
 * needs the factory's disabled public endpoint. The managed private endpoint to the workspace starts
 * Pending: approve it on the workspace (Networking > Private endpoint connections, or `az network
 * private-endpoint-connection approve`); a warning says so. ADF Studio (authoring and monitoring
 * UI) needs private endpoints (`dataFactory`, `portal`) that the kit's `Network` does not make yet;
 * runs are monitored through the alerts and the Log Analytics tables (`ADFPipelineRun`,
 * `ADFActivityRun`, `ADFTriggerRun`). A factory only takes a customer-managed key while it is empty,
 * which is why the key is set at creation.
 *
 * Airflow: Azure's managed Airflow in Data Factory (Workflow Orchestration Manager) is deprecated
 * and closed to new customers since early 2025, and azurerm has no resource for it; Microsoft's
 * successor is Apache Airflow jobs in Microsoft Fabric Data Factory (not an azurerm resource
 * either). The kit does not build an Airflow option on Azure.
 *
 * @see https://learn.microsoft.com/azure/data-factory/managed-virtual-network-private-endpoint
 * @see https://learn.microsoft.com/azure/data-factory/enable-customer-managed-key
 * @see https://learn.microsoft.com/azure/data-factory/monitor-data-factory
 * @example
 * new Pipeline(stack, 'Pipeline', {
 *   platformName: 'sales',
 *   pipelineName: 'orders',
 *   resourceGroup: rg,
 *   sparkJob: job,
 *   encryptionKey: key,
 *   notificationTarget: alerts,
 * });
 */
export class Pipeline extends Construct {
  /** Recurrence unit when `schedule.frequency` is unset. */
  public static readonly DEFAULT_SCHEDULE_FREQUENCY = SCHEDULE_DEFAULTS.FREQUENCY;
  /** Units between runs when `schedule.interval` is unset. */
  public static readonly DEFAULT_SCHEDULE_INTERVAL = SCHEDULE_DEFAULTS.INTERVAL;
  /** Hour of the day (for Day, Week, Month) when `schedule.hours` is unset. */
  public static readonly DEFAULT_SCHEDULE_HOUR = SCHEDULE_DEFAULTS.HOUR;
  /** Minute of the hour (for every frequency but Minute) when `schedule.minutes` is unset. */
  public static readonly DEFAULT_SCHEDULE_MINUTE = SCHEDULE_DEFAULTS.MINUTE;
  /** Time zone when `schedule.timeZone` is unset. */
  public static readonly DEFAULT_SCHEDULE_TIME_ZONE = SCHEDULE_DEFAULTS.TIME_ZONE;
  /** Attempts per step (the first included) when `maxAttempts` is unset: two retries. */
  public static readonly DEFAULT_MAX_ATTEMPTS = 3;
  /** Seconds between attempts when `retryDelaySeconds` is unset. */
  public static readonly DEFAULT_RETRY_DELAY_SECONDS = 300;
  /** Minutes a step may run when `stepTimeoutMinutes` is unset. */
  public static readonly DEFAULT_STEP_TIMEOUT_MINUTES = 120;
  /** Days a pipeline-made workspace keeps run logs when `logRetentionDays` is unset. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Attempts per step (`maxAttempts`): 1 to 10, kit policy (as on AWS and GCP). */
  public static readonly MAX_ATTEMPTS_RANGE = { min: 1, max: 10 } as const;
  /** Seconds between attempts (`retryDelaySeconds`): 30 to 86400, what Data Factory takes. */
  public static readonly RETRY_DELAY_SECONDS_RANGE = { min: 30, max: 86400 } as const;
  /** Minutes a step may run: 5 (kit policy) to 10080 (7 days, the most ADF takes). */
  public static readonly STEP_TIMEOUT_MINUTES_RANGE = { min: 5, max: 10080 } as const;
  /** Run-log retention of a pipeline-made workspace, in days: 30 to 730, what Log Analytics takes. */
  public static readonly LOG_RETENTION_DAYS_RANGE = { min: 30, max: 730 } as const;
  /** Runs of the pipeline at once: one, so a slow run is never overtaken by the next. */
  public static readonly CONCURRENCY = 1;
  /** Name of the factory's linked service to the Synapse workspace. */
  public static readonly SYNAPSE_LINKED_SERVICE_NAME = 'SynapseArtifacts';
  /** Name of the integration runtime in the managed virtual network. */
  public static readonly INTEGRATION_RUNTIME_NAME = 'managed-vnet-ir';
  /** Name of the managed private endpoint to the workspace's development endpoint. */
  public static readonly SYNAPSE_ENDPOINT_NAME = 'synapse-dev';
  /** Warning id: the factory identity's Synapse roles were not assigned (no data-plane reach). */
  public static readonly SYNAPSE_RBAC_SKIPPED_WARNING = 'data-platform-kit:pipelineSynapseRbacSkipped';
  /** Warning id: the managed private endpoint to the workspace waits for approval. */
  public static readonly ENDPOINT_APPROVAL_WARNING = 'data-platform-kit:pipelineManagedEndpointApproval';
  /** Warning id: the failure alerts notify no one. */
  public static readonly NO_NOTIFICATION_WARNING = 'data-platform-kit:pipelineAlertsNotifyNoOne';

  /** The key encrypting the factory. */
  public readonly encryptionKey: IEncryptionKey;
  /** The identity the factory reaches its key through. */
  public readonly keyIdentity: UserAssignedIdentity;
  /** The key identity's "Key Vault Crypto Service Encryption User" assignment on the key. */
  public readonly keyIdentityAccess: RoleAssignment;
  /** The data factory. */
  public readonly factory: DataFactory;
  /** Resource Manager id of the factory. */
  public readonly factoryId: string;
  /** The factory's system-assigned identity: what runs the steps on Synapse. */
  public readonly factoryPrincipal: IPrincipal;
  /** The Azure integration runtime in the managed virtual network. */
  public readonly integrationRuntime: DataFactoryIntegrationRuntimeAzure;
  /** The managed private endpoint to the Synapse workspace's development endpoint. */
  public readonly synapseEndpoint: DataFactoryManagedPrivateEndpoint;
  /** The linked service to the workspace (Azure Synapse Analytics (Artifacts), managed identity). */
  public readonly synapseLinkedService: DataFactoryLinkedCustomService;
  /** The pipeline: one Synapse activity per step, in order. */
  public readonly pipeline: DataFactoryPipeline;
  /** The schedule trigger. */
  public readonly trigger: DataFactoryTriggerSchedule;
  /** The resolved schedule. */
  public readonly schedule: ResolvedSchedule;
  /** The factory identity's Synapse roles, when the deployer reaches the workspace. */
  public readonly runGrants: SynapseRoleAssignment[];
  /** The run-log workspace, when the pipeline made one. */
  public readonly logWorkspace?: LogAnalyticsWorkspace;
  /** The factory's run logs to Log Analytics. */
  public readonly runLogs: MonitorDiagnosticSetting;
  /** Alert on failed (or timed-out) runs. */
  public readonly failedRunsAlert: MonitorMetricAlert;
  /** Alert on a trigger that failed to start a run. */
  public readonly failedTriggersAlert: MonitorMetricAlert;
  /** Where the alerts notify, when given. */
  public readonly notificationTarget?: INotificationTarget;
  /** Name of the Data Factory pipeline. */
  public readonly pipelineName: string;
  private readonly resourceGroup: PipelineProps['resourceGroup'];
  private readonly platform: string;
  private operatorRole?: RoleDefinition;

  constructor(scope: Construct, id: string, props: PipelineProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    const job = props.sparkJob;
    this.pipelineName = s.name;
    this.resourceGroup = props.resourceGroup;
    this.platform = s.platform;
    this.notificationTarget = props.notificationTarget;
    this.schedule = s.schedule;

    // Customer-managed key: the identity holds its key role before the factory first uses the key.
    this.encryptionKey = props.encryptionKey ?? this.createEncryptionKey(s, props);
    this.keyIdentity = this.createKeyIdentity(s);
    this.keyIdentityAccess = this.encryptionKey.grantEncryptDecrypt(
      Principal.fromUserAssignedIdentity(this.keyIdentity),
    );
    this.factory = createFactory(this, s, {
      key: this.encryptionKey,
      identity: this.keyIdentity,
      keyAccess: this.keyIdentityAccess,
    });
    this.factoryId = this.factory.id;
    this.factoryPrincipal = {
      principalId: this.factory.identity.principalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      grantKey: this.factory.node.path,
    };
    const synapse = this.createSynapseConnection(s, job);
    this.integrationRuntime = synapse.integrationRuntime;
    this.synapseEndpoint = synapse.endpoint;
    this.synapseLinkedService = synapse.linkedService;
    this.pipeline = this.createPipeline(s, job);
    this.runGrants = this.createRunGrants(job);
    this.trigger = this.createTrigger(s, job);
    this.logWorkspace = s.logWorkspaceId === undefined ? createRunLogWorkspace(this, s) : undefined;
    const monitoring = this.createMonitoring(s, props);
    this.runLogs = monitoring.diagnostics;
    this.failedRunsAlert = monitoring.failedRunsAlert;
    this.failedTriggersAlert = monitoring.failedTriggersAlert;
    this.warnAboutOperations();
  }

  /**
   * Lets `principal` start this factory's pipelines and follow, cancel and inspect their runs
   * ({@link PIPELINE_OPERATOR_ACTIONS}, a custom role defined once per pipeline, assignable in the
   * resource group, assigned on the factory). It cannot edit pipelines, linked services or
   * triggers. Returns the assignment; throws `DPK_INVALID_PRINCIPAL` for a malformed principal.
   */
  public grantOperate(principal: IPrincipal): RoleAssignment {
    const group = resourceGroupId(this, this.resourceGroup);
    this.operatorRole ??= new RoleDefinition(this, 'OperatorRole', {
      // Role definition names are tenant-wide: construct path, subscription and group keep them apart.
      name: customRoleName(this, `${this.platform}-${this.pipelineName}-operator`, this.resourceGroup),
      scope: group,
      assignableScopes: [group],
      description: `data-platform-kit: run and observe the ${this.pipelineName} pipeline, without editing the factory.`,
      permissions: [{ actions: [...PIPELINE_OPERATOR_ACTIONS], dataActions: [] }],
    });
    return grantRole(this, 'Operate', principal, {
      scope: this.factory.id,
      roleDefinitionId: this.operatorRole.roleDefinitionResourceId,
      description: `data-platform-kit: operate pipeline ${this.pipelineName}`,
    });
  }

  /** Validates the props and resolves their defaults, schedule and names, before any resource exists. */
  private resolveSettings(props: PipelineProps): PipelineSettings {
    const platform = validatePlatformName(this, props.platformName);
    const name = validateName(
      this,
      NameRules.COMPONENT,
      'pipelineName',
      validateLiteralNamePart(this, 'pipelineName', props.pipelineName),
    );
    const maxAttempts = props.maxAttempts ?? Pipeline.DEFAULT_MAX_ATTEMPTS;
    const retryDelaySeconds = props.retryDelaySeconds ?? Pipeline.DEFAULT_RETRY_DELAY_SECONDS;
    const timeoutMinutes = props.stepTimeoutMinutes ?? Pipeline.DEFAULT_STEP_TIMEOUT_MINUTES;
    const logDays = props.logRetentionDays ?? Pipeline.DEFAULT_LOG_RETENTION_DAYS;
    this.checkConflicts(props);
    validateIntegerRange(this, 'maxAttempts', maxAttempts, Pipeline.MAX_ATTEMPTS_RANGE);
    validateIntegerRange(this, 'retryDelaySeconds', retryDelaySeconds, Pipeline.RETRY_DELAY_SECONDS_RANGE);
    validateIntegerRange(this, 'stepTimeoutMinutes', timeoutMinutes, Pipeline.STEP_TIMEOUT_MINUTES_RANGE);
    validateIntegerRange(this, 'logRetentionDays', logDays, Pipeline.LOG_RETENTION_DAYS_RANGE);
    validateIpRanges(this, 'keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges);
    const schedule = resolveSchedule(this, props.schedule);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const factoryName = physicalName(this, PipelineNameRules.DATA_FACTORY, {
      platform,
      parts: [name, 'adf'],
      override: props.factoryName,
      overrideProp: 'factoryName',
      // Factory names are global: subscription and resource group join the hash.
      deploymentScope: azureDeploymentScope(this, props.resourceGroup),
    });
    return {
      platform,
      name,
      location: props.location ?? props.resourceGroup.location,
      resourceGroupName: props.resourceGroup.name,
      policy: { maxAttempts, retryDelaySeconds, timeoutMinutes },
      logDays,
      schedule,
      tags,
      factoryName,
      keyIdentityName: physicalName(this, StreamNameRules.MANAGED_IDENTITY, {
        platform,
        parts: [name, 'adf-cmk'],
      }),
      logWorkspaceId:
        props.logAnalyticsWorkspaceId ??
        (props.logRetentionDays === undefined ? lakeWorkspaceIdOf(props.sparkJob.lake) : undefined),
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The pipeline's own key (purpose `pipeline`), when none is given. */
  private createEncryptionKey(s: PipelineSettings, props: PipelineProps): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      resourceGroup: props.resourceGroup,
      location: s.location,
      platformName: s.platform,
      purpose: 'pipeline',
      removalPolicy: props.removalPolicy,
      tags: props.tags,
      allowedIpRanges: props.keyVaultAllowedIpRanges,
    });
  }

  /** The user-assigned identity the factory reaches its key through. */
  private createKeyIdentity(s: PipelineSettings): UserAssignedIdentity {
    return new UserAssignedIdentity(this, 'KeyIdentity', {
      name: s.keyIdentityName,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      tags: s.tags,
    });
  }

  /** The integration runtime, managed private endpoint and linked service to the job's workspace. */
  private createSynapseConnection(s: PipelineSettings, job: SparkJob): SynapseConnection {
    return createFactorySynapseConnection(this, this.factory, job, {
      location: s.location,
      integrationRuntime: Pipeline.INTEGRATION_RUNTIME_NAME,
      endpoint: Pipeline.SYNAPSE_ENDPOINT_NAME,
      linkedService: Pipeline.SYNAPSE_LINKED_SERVICE_NAME,
    });
  }

  /** The Data Factory pipeline: one Synapse activity per step, in order, one run at a time. */
  private createPipeline(s: PipelineSettings, job: SparkJob): DataFactoryPipeline {
    return new DataFactoryPipeline(this, 'Pipeline', {
      name: s.name,
      dataFactoryId: this.factory.id,
      description: `data-platform-kit: ${job.steps.map((step) => step.name).join(' -> ')}`,
      concurrency: Pipeline.CONCURRENCY,
      activitiesJson: JSON.stringify(
        stepActivities(
          job.steps,
          {
            linkedServiceName: this.synapseLinkedService.name,
            sparkPoolName: job.sparkPoolName,
            lake: job.lake,
          },
          s.policy,
        ),
      ),
    });
  }

  /** The schedule trigger, active only once the factory can run the steps. */
  private createTrigger(s: PipelineSettings, job: SparkJob): DataFactoryTriggerSchedule {
    return new DataFactoryTriggerSchedule(this, 'Schedule', {
      name: `${s.name}-schedule`,
      dataFactoryId: this.factory.id,
      pipelineName: this.pipeline.name,
      description: `data-platform-kit: runs ${s.name}`,
      frequency: s.schedule.frequency,
      interval: s.schedule.interval,
      schedule:
        s.schedule.hours || s.schedule.minutes
          ? { hours: s.schedule.hours, minutes: s.schedule.minutes }
          : undefined,
      startTime: s.schedule.startTime,
      timeZone: s.schedule.timeZone,
      // Deactivated until the data-plane pass (deployerReachesWorkspace) has given the factory its
      // Synapse roles and the lake endpoints: an active trigger before that fails every run.
      activated: job.deployerReachesWorkspace,
      // The first run needs the factory identity's Synapse roles.
      dependsOn: this.runGrants.length > 0 ? this.runGrants : undefined,
    });
  }

  /** Run logs and the failure alerts (see `createPipelineMonitoring`). */
  private createMonitoring(s: PipelineSettings, props: PipelineProps): PipelineMonitoring {
    return createPipelineMonitoring(this, {
      platform: s.platform,
      pipelineName: s.name,
      triggerName: this.trigger.name,
      resourceGroup: props.resourceGroup,
      factoryId: this.factory.id,
      workspaceId: s.logWorkspaceId ?? this.logWorkspace!.id,
      notificationTarget: props.notificationTarget,
      tags: s.tags,
    });
  }

  /** The factory identity's Synapse roles, or a warning naming them when they cannot be assigned. */
  private createRunGrants(job: SparkJob): SynapseRoleAssignment[] {
    if (job.deployerReachesWorkspace) return job.grantRun(this.factoryPrincipal);
    warn(
      this,
      Pipeline.SYNAPSE_RBAC_SKIPPED_WARNING,
      "The data factory's identity was not given its Synapse roles ('Synapse Artifact User' on the workspace, " +
        `'Synapse Compute Operator' on Spark pool of job '${job.node.id}'): the deployer does not reach the workspace ` +
        "(the warehouse's deployerReachesWorkspace is false). Until they are assigned (Synapse Studio > Manage > " +
        'Access control, or a deploy from the network), every run fails.',
    );
    return [];
  }

  private warnAboutOperations(): void {
    warn(
      this,
      Pipeline.ENDPOINT_APPROVAL_WARNING,
      "The factory reaches the Synapse workspace through a managed private endpoint ('Dev') that starts Pending: " +
        'approve it on the workspace (Networking > Private endpoint connections, or `az network ' +
        'private-endpoint-connection approve`). Until then every run fails.',
    );
    if (!this.notificationTarget) {
      warn(
        this,
        Pipeline.NO_NOTIFICATION_WARNING,
        "The pipeline's failure alerts notify no one: pass 'notificationTarget'.",
      );
    }
  }

  private checkConflicts(props: PipelineProps): void {
    const conflict = (prop: string, received: unknown, other: string) => {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop,
        received,
        allowed: `unset when '${other}' is given`,
      });
    };
    if (props.encryptionKey && props.keyVaultAllowedIpRanges !== undefined) {
      conflict('keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges, 'encryptionKey');
    }
    if (props.logAnalyticsWorkspaceId !== undefined && props.logRetentionDays !== undefined) {
      conflict('logRetentionDays', props.logRetentionDays, 'logAnalyticsWorkspaceId');
    }
  }
}
