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
import { pipelineMonitoring } from './private/pipeline-monitoring';
import { PipelineNameRules } from '../private/pipeline-names';
import { afterRolePropagation } from '../private/propagation';
import { retainData } from '../private/removal';
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
  /** Retries of a failed step when `retries` is unset. */
  public static readonly DEFAULT_RETRIES = 2;
  /** Seconds between retries when `retryIntervalSeconds` is unset. */
  public static readonly DEFAULT_RETRY_INTERVAL_SECONDS = 300;
  /** Minutes a step may run when `stepTimeoutMinutes` is unset. */
  public static readonly DEFAULT_STEP_TIMEOUT_MINUTES = 120;
  /** Days a pipeline-made workspace keeps run logs when `logRetentionDays` is unset. */
  public static readonly DEFAULT_LOG_RETENTION_DAYS = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Retries of a failed step: 0 to 10, kit policy. */
  public static readonly RETRIES_RANGE = { min: 0, max: 10 } as const;
  /** Seconds between retries: 30 to 86400, what ADF takes. */
  public static readonly RETRY_INTERVAL_SECONDS_RANGE = { min: 30, max: 86400 } as const;
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
    const platform = validatePlatformName(this, props.platformName);
    const name = validateName(
      this,
      NameRules.COMPONENT,
      'pipelineName',
      validateLiteralNamePart(this, 'pipelineName', props.pipelineName),
    );
    const location = props.location ?? props.resourceGroup.location;
    const retries = props.retries ?? Pipeline.DEFAULT_RETRIES;
    const retryIntervalSeconds = props.retryIntervalSeconds ?? Pipeline.DEFAULT_RETRY_INTERVAL_SECONDS;
    const timeoutMinutes = props.stepTimeoutMinutes ?? Pipeline.DEFAULT_STEP_TIMEOUT_MINUTES;
    const logDays = props.logRetentionDays ?? Pipeline.DEFAULT_LOG_RETENTION_DAYS;
    this.checkConflicts(props);
    validateIntegerRange(this, 'retries', retries, Pipeline.RETRIES_RANGE);
    validateIntegerRange(
      this,
      'retryIntervalSeconds',
      retryIntervalSeconds,
      Pipeline.RETRY_INTERVAL_SECONDS_RANGE,
    );
    validateIntegerRange(this, 'stepTimeoutMinutes', timeoutMinutes, Pipeline.STEP_TIMEOUT_MINUTES_RANGE);
    validateIntegerRange(this, 'logRetentionDays', logDays, Pipeline.LOG_RETENTION_DAYS_RANGE);
    validateIpRanges(this, 'keyVaultAllowedIpRanges', props.keyVaultAllowedIpRanges);
    this.schedule = resolveSchedule(this, props.schedule);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const factoryName = physicalName(this, PipelineNameRules.DATA_FACTORY, {
      platform,
      parts: [name, 'adf'],
      override: props.factoryName,
      overrideProp: 'factoryName',
      // Factory names are global: subscription and resource group join the hash.
      deploymentScope: azureDeploymentScope(this, props.resourceGroup),
    });
    const removal = decideRemoval(this, props.removalPolicy);
    const group = { location, resourceGroupName: props.resourceGroup.name };
    const job = props.sparkJob;
    this.pipelineName = name;
    this.resourceGroup = props.resourceGroup;
    this.platform = platform;
    this.notificationTarget = props.notificationTarget;

    // Customer-managed key: the identity holds its key role before the factory first uses the key.
    this.encryptionKey =
      props.encryptionKey ??
      new EncryptionKey(this, 'Key', {
        resourceGroup: props.resourceGroup,
        location,
        platformName: platform,
        purpose: 'pipeline',
        removalPolicy: props.removalPolicy,
        tags: props.tags,
        allowedIpRanges: props.keyVaultAllowedIpRanges,
      });
    this.keyIdentity = new UserAssignedIdentity(this, 'KeyIdentity', {
      name: physicalName(this, StreamNameRules.MANAGED_IDENTITY, { platform, parts: [name, 'adf-cmk'] }),
      ...group,
      tags,
    });
    this.keyIdentityAccess = this.encryptionKey.grantEncryptDecrypt(
      Principal.fromUserAssignedIdentity(this.keyIdentity),
    );

    this.factory = new DataFactory(this, 'Factory', {
      name: factoryName,
      ...group,
      publicNetworkEnabled: false,
      managedVirtualNetworkEnabled: true,
      identity: { type: 'SystemAssigned, UserAssigned', identityIds: [this.keyIdentity.id] },
      customerManagedKeyId: this.encryptionKey.keyId,
      customerManagedKeyIdentityId: this.keyIdentity.id,
      tags,
      // The identity's key role must have propagated before the factory first uses the key.
      dependsOn: [afterRolePropagation(this, 'KeyRolePropagation', [this.keyIdentityAccess])],
    });
    this.factoryId = this.factory.id;
    this.factoryPrincipal = {
      principalId: this.factory.identity.principalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      grantKey: this.factory.node.path,
    };

    this.integrationRuntime = new DataFactoryIntegrationRuntimeAzure(this, 'IntegrationRuntime', {
      name: Pipeline.INTEGRATION_RUNTIME_NAME,
      dataFactoryId: this.factory.id,
      location,
      virtualNetworkEnabled: true,
      description: 'data-platform-kit: runs activities inside the managed virtual network',
    });
    this.synapseEndpoint = new DataFactoryManagedPrivateEndpoint(this, 'SynapseEndpoint', {
      name: Pipeline.SYNAPSE_ENDPOINT_NAME,
      dataFactoryId: this.factory.id,
      targetResourceId: job.warehouse.workspaceId,
      subresourceName: 'Dev',
      // Synapse accepts connections only once the workspace's customer-managed key is active.
      dependsOn: [job.warehouse.workspaceKey],
    });
    this.synapseLinkedService = new DataFactoryLinkedCustomService(this, 'SynapseLinkedService', {
      name: Pipeline.SYNAPSE_LINKED_SERVICE_NAME,
      dataFactoryId: this.factory.id,
      type: 'AzureSynapseArtifacts',
      typePropertiesJson: JSON.stringify({
        endpoint: job.warehouse.workspace.connectivityEndpoints.lookup('dev'),
        authentication: 'MSI',
        workspaceResourceId: job.warehouse.workspaceId,
      }),
      integrationRuntime: { name: this.integrationRuntime.name },
      description: 'data-platform-kit: the Synapse workspace, through the factory identity',
    });

    this.pipeline = new DataFactoryPipeline(this, 'Pipeline', {
      name,
      dataFactoryId: this.factory.id,
      description: `data-platform-kit: ${job.steps.map((s) => s.name).join(' -> ')}`,
      concurrency: Pipeline.CONCURRENCY,
      activitiesJson: JSON.stringify(
        stepActivities(
          job.steps,
          {
            linkedServiceName: this.synapseLinkedService.name,
            sparkPoolName: job.sparkPoolName,
            lake: job.lake,
          },
          { retries, retryIntervalSeconds, timeoutMinutes },
        ),
      ),
    });

    this.runGrants = this.grantRun(job);
    this.trigger = new DataFactoryTriggerSchedule(this, 'Schedule', {
      name: `${name}-schedule`,
      dataFactoryId: this.factory.id,
      pipelineName: this.pipeline.name,
      description: `data-platform-kit: runs ${name}`,
      frequency: this.schedule.frequency,
      interval: this.schedule.interval,
      schedule:
        this.schedule.hours || this.schedule.minutes
          ? { hours: this.schedule.hours, minutes: this.schedule.minutes }
          : undefined,
      startTime: this.schedule.startTime,
      timeZone: this.schedule.timeZone,
      // Deactivated until the data-plane pass (deployerReachesWorkspace) has given the factory its
      // Synapse roles and the lake endpoints: an active trigger before that fails every run.
      activated: job.deployerReachesWorkspace,
      // The first run needs the factory identity's Synapse roles.
      dependsOn: this.runGrants.length > 0 ? this.runGrants : undefined,
    });

    const logWorkspaceId =
      props.logAnalyticsWorkspaceId ??
      (props.logRetentionDays === undefined ? lakeWorkspaceIdOf(job.lake) : undefined);
    this.logWorkspace =
      logWorkspaceId === undefined
        ? new LogAnalyticsWorkspace(this, 'LogWorkspace', {
            name: physicalName(this, StreamNameRules.LOG_ANALYTICS_WORKSPACE, {
              platform,
              parts: [name, 'logs'],
            }),
            ...group,
            sku: 'PerGB2018',
            retentionInDays: logDays,
            localAuthenticationEnabled: false,
            tags,
          })
        : undefined;
    if (this.logWorkspace) {
      retainData(this, removal, [this.logWorkspace]);
    }
    const monitoring = pipelineMonitoring(this, {
      platform,
      pipelineName: name,
      triggerName: this.trigger.name,
      resourceGroup: props.resourceGroup,
      factoryId: this.factory.id,
      workspaceId: logWorkspaceId ?? this.logWorkspace!.id,
      notificationTarget: props.notificationTarget,
      tags,
    });
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

  /** The factory identity's Synapse roles, or a warning naming them when they cannot be assigned. */
  private grantRun(job: SparkJob): SynapseRoleAssignment[] {
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
