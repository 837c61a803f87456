import { ProjectIamAuditConfig } from '@cdktf/provider-google/lib/project-iam-audit-config';
import { ProjectIamCustomRole } from '@cdktf/provider-google/lib/project-iam-custom-role';
import { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { GoogleProjectServiceIdentity } from '@cdktf/provider-google-beta/lib/google-project-service-identity';
import { Construct, type IConstruct } from 'constructs';
import { ensureGoogleBetaProvider, providerProject } from './providers';
import { stableHash } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';
import { TerraformStack } from '../../terraform';

/** The Google APIs the GCP blocks use, each enabled once per project per stack. */
export enum GoogleApi {
  STORAGE = 'storage.googleapis.com',
  CLOUD_KMS = 'cloudkms.googleapis.com',
  PUBSUB = 'pubsub.googleapis.com',
  MONITORING = 'monitoring.googleapis.com',
  COMPUTE = 'compute.googleapis.com',
  BIGQUERY = 'bigquery.googleapis.com',
  BIGQUERY_CONNECTION = 'bigqueryconnection.googleapis.com',
  BIGQUERY_RESERVATION = 'bigqueryreservation.googleapis.com',
  DATAPLEX = 'dataplex.googleapis.com',
  CLOUD_QUOTAS = 'cloudquotas.googleapis.com',
  DATAPROC = 'dataproc.googleapis.com',
  WORKFLOWS = 'workflows.googleapis.com',
  CLOUD_SCHEDULER = 'cloudscheduler.googleapis.com',
  LOGGING = 'logging.googleapis.com',
  IAM = 'iam.googleapis.com',
  DATA_CATALOG = 'datacatalog.googleapis.com',
  BIGQUERY_DATA_TRANSFER = 'bigquerydatatransfer.googleapis.com',
}

const API_IDS: Readonly<Record<GoogleApi, string>> = {
  [GoogleApi.STORAGE]: 'Storage',
  [GoogleApi.CLOUD_KMS]: 'CloudKms',
  [GoogleApi.PUBSUB]: 'PubSub',
  [GoogleApi.MONITORING]: 'Monitoring',
  [GoogleApi.COMPUTE]: 'Compute',
  [GoogleApi.BIGQUERY]: 'BigQuery',
  [GoogleApi.BIGQUERY_CONNECTION]: 'BigQueryConnection',
  [GoogleApi.BIGQUERY_RESERVATION]: 'BigQueryReservation',
  [GoogleApi.DATAPLEX]: 'Dataplex',
  [GoogleApi.CLOUD_QUOTAS]: 'CloudQuotas',
  [GoogleApi.DATAPROC]: 'Dataproc',
  [GoogleApi.WORKFLOWS]: 'Workflows',
  [GoogleApi.CLOUD_SCHEDULER]: 'CloudScheduler',
  [GoogleApi.LOGGING]: 'Logging',
  [GoogleApi.IAM]: 'Iam',
  [GoogleApi.DATA_CATALOG]: 'DataCatalog',
  [GoogleApi.BIGQUERY_DATA_TRANSFER]: 'BigQueryDataTransfer',
};

/** Construct id of the per-stack holder, at the stack root. */
const HOLDER_ID = 'DataPlatformKitProjectServices';

/**
 * Per-stack singleton that enables each Google API once per project with
 * `google_project_service` (`disable_on_destroy = false`, so destroying a stack never turns an
 * API off under other workloads). Every block in the stack shares it: two blocks asking for the
 * same API on the same project get the same resource.
 *
 * Projects are keyed by their id (`Default` for the provider's project). A project given as a
 * deploy-time token has no stable id, so its services live under the requesting block instead
 * (not shared); enabling an API twice is harmless, and so is replacing such a resource.
 */
export class ProjectServices extends Construct {
  /** The stack's singleton, created on first use. */
  public static of(scope: IConstruct): ProjectServices {
    const stack = TerraformStack.of(scope);
    return (
      (stack.node.tryFindChild(HOLDER_ID) as ProjectServices | undefined) ??
      new ProjectServices(stack, HOLDER_ID)
    );
  }

  /**
   * The `google_project_service` resources enabling `apis` on `project` (the provider's project
   * when unset), created once; `requester` hosts them when the project is a token.
   */
  public enable(requester: IConstruct, project: string | undefined, ...apis: GoogleApi[]): ProjectService[] {
    const holder = this.holderFor(requester, project);
    return apis.map(
      (api) =>
        (holder.node.tryFindChild(API_IDS[api]) as ProjectService | undefined) ??
        new ProjectService(holder, API_IDS[api], { project, service: api, disableOnDestroy: false }),
    );
  }

  /**
   * The service agent of `api` on `project`, created with `google_project_service_identity`
   * (google-beta; enabling an API does not create every agent, e.g. Workflows', Pub/Sub's), once
   * per project and API, after the API when `enabled` (the kit enables APIs). Grant to its `member`. Adds the google-beta provider.
   */
  public identity(
    requester: IConstruct,
    project: string | undefined,
    api: GoogleApi,
    enabled: boolean,
  ): GoogleProjectServiceIdentity {
    ensureGoogleBetaProvider(requester);
    const holder = this.holderFor(requester, project);
    const id = `${API_IDS[api]}Identity`;
    return (
      (holder.node.tryFindChild(id) as GoogleProjectServiceIdentity | undefined) ??
      new GoogleProjectServiceIdentity(holder, id, {
        project,
        service: api,
        dependsOn: enabled ? this.enable(requester, project, api) : undefined,
      })
    );
  }

  /**
   * Cloud Audit Logs data-access logs (DATA_READ, DATA_WRITE) for `api` on `project`:
   * `google_project_iam_audit_config`, once per project and service. It is project-wide (every
   * bucket of the project is logged, not only the kit's) and authoritative for that service's
   * audit config, so a project that manages it elsewhere should turn it off in the block.
   */
  public dataAccessLogs(
    requester: IConstruct,
    project: string | undefined,
    api: GoogleApi,
  ): ProjectIamAuditConfig {
    const holder = this.holderFor(requester, project);
    const id = `${API_IDS[api]}DataAccessLogs`;
    return (
      (holder.node.tryFindChild(id) as ProjectIamAuditConfig | undefined) ??
      new ProjectIamAuditConfig(holder, id, {
        project: project ?? providerProject(requester),
        service: api,
        auditLogConfig: [{ logType: 'DATA_READ' }, { logType: 'DATA_WRITE' }],
      })
    );
  }

  /**
   * A custom role on `project` (`google_project_iam_custom_role`), once per project, stack and
   * `key`; its id is `<key>_<hash of the holder's path>` so two stacks in one project never
   * claim the same id.
   */
  public customRole(
    requester: IConstruct,
    project: string | undefined,
    key: string,
    spec: { readonly title: string; readonly description: string; readonly permissions: readonly string[] },
  ): ProjectIamCustomRole {
    const holder = this.holderFor(requester, project);
    const id = `${key}Role`;
    return (
      (holder.node.tryFindChild(id) as ProjectIamCustomRole | undefined) ??
      new ProjectIamCustomRole(holder, id, {
        project: project ?? providerProject(requester),
        roleId: `${key}_${stableHash(holder.node.path)}`,
        title: spec.title,
        description: spec.description,
        permissions: [...spec.permissions],
        stage: 'GA',
      })
    );
  }

  private holderFor(requester: IConstruct, project: string | undefined): IConstruct {
    if (project !== undefined && isUnresolved(project)) {
      const id = `ProjectServices${stableHash(requester.node.path)}`;
      return requester.node.tryFindChild(id) ?? new Construct(requester, id);
    }
    const id = project ?? 'Default';
    return this.node.tryFindChild(id) ?? new Construct(this, id);
  }
}

/** `deps` as a `dependsOn` value: undefined when empty, so no empty `depends_on` is written. */
export function dependsOnAll<T>(deps: readonly T[]): T[] | undefined {
  return deps.length > 0 ? [...deps] : undefined;
}

/** Shorthand: the resources enabling `apis`, or none when `enabled` is false. */
export function enableApis(
  requester: IConstruct,
  enabled: boolean,
  project: string | undefined,
  ...apis: GoogleApi[]
): ProjectService[] {
  return enabled ? ProjectServices.of(requester).enable(requester, project, ...apis) : [];
}
