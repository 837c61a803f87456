import type { IConstruct } from 'constructs';
import { isUnresolved } from '../../core/tokens';
import { type IPrincipal, Principal } from '../iam/principal';

/**
 * Google-managed service agents the processing and orchestration blocks grant on a key, by the
 * domain of their email (`service-<project number>@<domain>`).
 * @see https://cloud.google.com/iam/docs/service-agents
 */
export enum ServiceAgent {
  /** Dataproc Service Agent: creates the Serverless workload's resources. */
  DATAPROC = 'dataproc-accounts.iam.gserviceaccount.com',
  /** Compute Engine Service Agent: encrypts the workload VMs' persistent disks. */
  COMPUTE = 'compute-system.iam.gserviceaccount.com',
  /** Cloud Storage service agent: encrypts objects written with a key (the lake grants it too). */
  STORAGE = 'gs-project-accounts.iam.gserviceaccount.com',
  /** Workflows Service Agent: encrypts workflow sources and execution data. */
  WORKFLOWS = 'gcp-sa-workflows.iam.gserviceaccount.com',
}

/** Grant-key prefixes, shared with the blocks that grant the same agents (the lake: `storage-service-agent`). */
const GRANT_KEY_PREFIX: Readonly<Record<ServiceAgent, string>> = {
  [ServiceAgent.DATAPROC]: 'dataproc-service-agent',
  [ServiceAgent.COMPUTE]: 'compute-service-agent',
  [ServiceAgent.STORAGE]: 'storage-service-agent',
  [ServiceAgent.WORKFLOWS]: 'workflows-service-agent',
};

/**
 * The service agent of `project` as a principal, from the project number. Its grant key names the
 * project, so two blocks granting one agent on one key share one IAM member resource (the lake's
 * storage-agent grant included); a project given as a token keys by `scope`'s path instead.
 */
export function serviceAgent(
  scope: IConstruct,
  agent: ServiceAgent,
  projectNumber: string,
  project: string | undefined,
): IPrincipal {
  return serviceAgentMember(scope, agent, `serviceAccount:service-${projectNumber}@${agent}`, project);
}

/**
 * The service agent as a principal from its IAM member (e.g. a `google_project_service_identity`'s
 * `member`), keyed like {@link serviceAgent} so every block granting it shares one resource.
 */
export function serviceAgentMember(
  scope: IConstruct,
  agent: ServiceAgent,
  member: string,
  project: string | undefined,
): IPrincipal {
  const where =
    project === undefined ? '<provider project>' : isUnresolved(project) ? scope.node.path : project;
  return Principal.fromMember(member, `${GRANT_KEY_PREFIX[agent]}:${where}`);
}
