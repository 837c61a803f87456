import type * as iam from 'aws-cdk-lib/aws-iam';
import type { DataMeshSpec } from '../../patterns';
import type { SparkJobScript } from '../processing/spark-job-types';

/**
 * Where one part of the mesh deploys: an AWS account and region. Literal values are required as
 * soon as the mesh spans more than one account (grants name other accounts' roles).
 * @example
 * const sales: MeshEnvironment = { account: '111111111111', region: 'eu-west-1' };
 */
export interface MeshEnvironment {
  /**
   * The 12-digit account id.
   * @default - the scope's account (a `Stage`'s `env`), else `CDK_DEFAULT_ACCOUNT`, else the
   *   deploying account (environment-agnostic)
   */
  readonly account?: string;
  /**
   * The region (e.g. `eu-west-1`).
   * @default - the scope's region, else `CDK_DEFAULT_REGION`, else the deploying region
   */
  readonly region?: string;
}

/**
 * What only AWS needs to render one domain of the mesh.
 * @example
 * const salesOnAws: DataMeshDomainOptions = {
 *   env: { account: '111111111111', region: 'eu-west-1' },
 *   personaPrincipals: { analyst: new iam.AccountPrincipal('111111111111') },
 * };
 */
export interface DataMeshDomainOptions {
  /**
   * Where the domain's identity and products stacks deploy.
   * @default - the app's account and region (see {@link MeshEnvironment})
   */
  readonly env?: MeshEnvironment;
  /**
   * The script each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'` (as
   * `LakehouseProps.stepScripts`).
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
  /**
   * Who may assume each persona's role, keyed by persona name (as
   * `LakehouseProps.personaPrincipals`).
   * @default - the domain's account (`AccountRootPrincipal`)
   */
  readonly personaPrincipals?: Readonly<Record<string, iam.IPrincipal>>;
}

/** Props of the AWS {@link DataMesh}: the cloud-neutral spec plus AWS's own options. */
export interface DataMeshProps extends DataMeshSpec {
  /**
   * AWS options per domain, keyed by domain name. Throws `DPK_UNKNOWN_REFERENCE` for a name
   * that is not a domain of the spec.
   * @default - every domain in the app's account and region, with no pipelines' scripts
   */
  readonly domainOptions?: Readonly<Record<string, DataMeshDomainOptions>>;
  /**
   * Where the governance stack deploys (classification, contract registry, the account-wide
   * catalog settings of its account).
   * @default - the app's account and region (see {@link MeshEnvironment})
   */
  readonly governanceEnv?: MeshEnvironment;
  /**
   * Whether every account of the mesh is in one AWS Organization. Across organizations, Lake
   * Formation shares through AWS RAM invitations, which each consumer account must accept
   * before its products stack deploys (synthesis says so).
   * @default true
   */
  readonly sameOrganization?: boolean;
  /**
   * Lake Formation administrators that exist already, per 12-digit account id (people,
   * break-glass roles, the mesh admins' roles). The account-wide settings replace the list on
   * every deploy, so they are written back each time.
   * @default - none: the deployment role only
   */
  readonly existingLakeFormationAdminArns?: Readonly<Record<string, readonly string[]>>;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC): expired ones are not
   * granted. For deterministic synthesis in tests.
   * @default - today, UTC
   */
  readonly today?: string;
}
