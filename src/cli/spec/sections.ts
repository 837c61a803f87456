/**
 * The per-cloud sections of a spec file (`aws:`, `gcp:`, `azure:`): JSON-serializable mirrors of
 * each cloud construct's own options. A field has the name of the construct prop it sets, so an
 * error the construct reports about a prop points at that field; construct objects become plain
 * data (a bucket by name, a principal by ARN, e-mail or object id, a step script by file path or
 * notebook name). The JSON Schemas (schemas/*.schema.json) are generated from
 * {@link LakehouseSpecDocument} and {@link MeshSpecDocument}: the JSDoc here is their text.
 */
import type { DataMeshSpec, LakehouseSpec } from '../../patterns';

/**
 * The code a pipeline step runs on AWS or GCP: a local PySpark file, as a path relative to the
 * spec file (uploaded as an asset), or an object already in a bucket.
 */
export type FileStepScript = string | BucketStepScript;

/** A step script already in a bucket (the pipeline's schedule is then created paused on GCP). */
export interface BucketStepScript {
  /** The bucket's name. */
  readonly bucket: string;
  /** The object's key (S3) or name (Cloud Storage) in the bucket. */
  readonly object: string;
}

/** The code a pipeline step runs on Azure: a Synapse notebook published in the workspace. */
export interface NotebookStepScript {
  /** The notebook's name in the Synapse workspace. */
  readonly notebook: string;
}

/** Where an AWS stack deploys. */
export interface AwsEnvironment {
  /**
   * The 12-digit account id.
   * @default - the deploying account (an environment-agnostic stack)
   */
  readonly account?: string;
  /**
   * The region, e.g. `eu-west-1`.
   * @default - the deploying region (an environment-agnostic stack)
   */
  readonly region?: string;
}

/** How the lakehouse renders on AWS (a CloudFormation stack through the AWS CDK). */
export interface AwsLakehouseSection {
  /**
   * The stack's construct id and CloudFormation stack name; the template is `<stackName>.template.json`.
   * @default - the spec's `platformName`
   */
  readonly stackName?: string;
  /**
   * The `Lakehouse` construct's id inside the stack: it prefixes every logical id, so changing
   * it replaces every resource.
   * @default 'Lakehouse'
   */
  readonly id?: string;
  /**
   * Where the stack deploys.
   * @default - environment-agnostic: the account and region `cdk deploy` runs with
   */
  readonly env?: AwsEnvironment;
  /**
   * The script each pipeline step runs, keyed `'<pipeline>/<step>'` (e.g. `'daily/clean'`):
   * a path relative to the spec file, or `{ bucket, object }`. Every step needs one.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, FileStepScript>>;
  /**
   * ARNs of Lake Formation administrators that exist in the account already and must stay
   * administrators (the settings replace the list on every deploy).
   * @default - none
   */
  readonly existingLakeFormationAdminArns?: readonly string[];
  /**
   * The name of an existing bucket (e.g. the organization's Log Archive bucket) that receives the
   * lake's server access logs, instead of a log bucket in the stack.
   * @default - an SSE-S3 access-log bucket in the stack
   */
  readonly accessLogsBucket?: string;
  /**
   * Who may assume each persona's role, keyed by persona name: an IAM principal's ARN (a role,
   * a user, or an account's root `arn:aws:iam::<account>:root`).
   * @default - the stack's account
   */
  readonly personaPrincipals?: Readonly<Record<string, string>>;
}

/** Further Dataproc Serverless runtime options of one pipeline step on GCP. */
export interface GcpStepRuntime {
  /**
   * Arguments passed to the step's main file.
   * @default - none
   */
  readonly args?: readonly string[];
  /**
   * Further Python files (`gs://` URIs) on the step's PYTHONPATH.
   * @default - none
   */
  readonly pythonFileUris?: readonly string[];
  /**
   * Jar files (`gs://` URIs) on the step's classpath.
   * @default - none
   */
  readonly jarFileUris?: readonly string[];
  /**
   * Files (`gs://` URIs) placed in each executor's working directory.
   * @default - none
   */
  readonly fileUris?: readonly string[];
  /**
   * Archives (`gs://` URIs) extracted into each executor's working directory.
   * @default - none
   */
  readonly archiveUris?: readonly string[];
  /**
   * The Dataproc Serverless runtime version.
   * @default - SparkJob.DEFAULT_RUNTIME_VERSION
   */
  readonly runtimeVersion?: string;
  /**
   * Spark properties, e.g. `{ "spark.executor.memory": "4g" }`.
   * @default - none
   */
  readonly properties?: Readonly<Record<string, string>>;
  /**
   * The step's time limit in minutes.
   * @default - SparkJob.DEFAULT_TIMEOUT_MINUTES
   */
  readonly timeoutMinutes?: number;
}

/** How the lakehouse renders on GCP (a Terraform stack through CDK for Terraform). */
export interface GcpLakehouseSection {
  /**
   * The Terraform stack's name: its configuration is `stacks/<stackName>/cdk.tf.json`.
   * @default - the spec's `platformName`
   */
  readonly stackName?: string;
  /**
   * The `Lakehouse` construct's id inside the stack: it prefixes every Terraform address.
   * @default 'Lakehouse'
   */
  readonly id?: string;
  /** The project of every resource (and the Google provider's project). */
  readonly project: string;
  /**
   * Where the data lives (buckets, datasets, key): a region like `europe-west1`, or one of the
   * multi-regions `EU`, `US`, `ASIA`.
   */
  readonly location: string;
  /**
   * The region of the regional services (network, pipelines, streams, Dataplex), and the Google
   * provider's region. Must lie in `location`.
   * @default - `location` when it is a region
   */
  readonly region?: string;
  /**
   * The PySpark file each pipeline step runs, keyed `'<pipeline>/<step>'`: a path relative to
   * the spec file (uploaded into the pipeline's code bucket), or `{ bucket, object }`.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, FileStepScript>>;
  /**
   * Further runtime options of pipeline steps, keyed `'<pipeline>/<step>'` like `stepScripts`.
   * @default - the runtime's defaults for every step
   */
  readonly stepRuntime?: Readonly<Record<string, GcpStepRuntime>>;
  /**
   * Cap the project's query slots with a BigQuery reservation sized by the warehouse size.
   * @default false
   */
  readonly warehouseReservation?: boolean;
  /**
   * Daily GiB all users may query in the project (on-demand pricing only).
   * @default - Lakehouse.DAILY_QUERY_LIMIT_GIB for the spec's warehouse size
   */
  readonly dailyQueryLimitGib?: number;
  /**
   * The personas' service accounts, made elsewhere, by persona name: each one's e-mail. Every
   * persona of the spec and no other.
   * @default - the lakehouse makes one service account per persona
   */
  readonly personaServiceAccounts?: Readonly<Record<string, string>>;
  /**
   * Whether the lakehouse owns its project's project-wide settings (the daily query quota,
   * Cloud Storage data-access audit logs); `false` for a second lakehouse in the project.
   * @default true
   */
  readonly ownsProjectSettings?: boolean;
}

/** An Azure resource group. */
export interface AzureResourceGroup {
  /** The group's name. */
  readonly name: string;
  /** The group's Azure location, e.g. `westeurope`; the lakehouse's resources live there. */
  readonly location: string;
  /**
   * Whether the stack makes the group (`true`) or it exists already (`false`: it is used by name).
   * @default true
   */
  readonly create?: boolean;
}

/** The Entra administrator of the Synapse SQL endpoints. */
export interface AzureSqlAdministrator {
  /** The login name SQL shows for the administrator, 1-128 characters. */
  readonly login: string;
  /** What kind of Entra principal it is. */
  readonly principalType: 'group' | 'user' | 'servicePrincipal';
  /** The principal's Entra object id (a GUID). */
  readonly objectId: string;
}

/** An existing virtual network and subnet for the lakehouse's private endpoints. */
export interface AzureExistingNetwork {
  /** Resource Manager id of the virtual network. */
  readonly virtualNetworkId: string;
  /** Resource Manager id of a subnet of that network, for the private endpoints. */
  readonly privateEndpointSubnetId: string;
}

/** Where the Azure lakehouse places its private endpoints, when it is not a network of its own. */
export interface AzureLakehouseNetwork {
  /**
   * An existing virtual network and subnet for the endpoints.
   * @default - a new virtual network over `cidr`
   */
  readonly existingNetwork?: AzureExistingNetwork;
  /**
   * The range of the new virtual network; not with `existingNetwork`.
   * @default Network.DEFAULT_CIDR
   */
  readonly cidr?: string;
  /**
   * Existing private DNS zones by zone name (e.g. `privatelink.blob.core.windows.net`): their
   * Resource Manager ids, used as they are.
   * @default - every zone an endpoint needs is created and linked
   */
  readonly privateDnsZoneIds?: Readonly<Record<string, string>>;
}

/** The Terraform outputs of the Azure lakehouse stack, read by the commands run after apply. */
export interface AzureLakehouseOutputs {
  /**
   * Output `StorageAccountName`: the lake's storage account name.
   * @default true
   */
  readonly storageAccountName?: boolean;
  /**
   * Personas whose identity's client id is output as `<Persona>IdentityClientId` (e.g.
   * `AnalystIdentityClientId`).
   * @default - every persona of the spec
   */
  readonly personaClientIds?: readonly string[];
}

/** How the lakehouse renders on Azure (a Terraform stack through CDK for Terraform). */
export interface AzureLakehouseSection {
  /**
   * The Terraform stack's name: its configuration is `stacks/<stackName>/cdk.tf.json`.
   * @default - the spec's `platformName`
   */
  readonly stackName?: string;
  /**
   * The `Lakehouse` construct's id inside the stack: it prefixes every Terraform address.
   * @default 'Lakehouse'
   */
  readonly id?: string;
  /** The resource group everything deploys into; its location is the lakehouse's. */
  readonly resourceGroup: AzureResourceGroup;
  /**
   * The public IPv4 egress ranges of the machine that runs `terraform apply`, allowed through
   * the Key Vault's firewall. Required unless `deployerInsideNetwork`.
   * @default - none: then `deployerInsideNetwork` must be true
   */
  readonly keyVaultAllowedIpRanges?: readonly string[];
  /**
   * Whether `terraform apply` runs inside the virtual network (then no egress ranges are needed).
   * @default false
   */
  readonly deployerInsideNetwork?: boolean;
  /**
   * Whether `terraform apply` reaches the Synapse workspace, so its data-plane resources
   * (managed private endpoints, Synapse RBAC) are made.
   * @default false
   */
  readonly deployerReachesWorkspace?: boolean;
  /**
   * The Synapse workspace's Entra SQL administrator.
   * @default - the first admin persona's identity, login `<name>-sql-admin`
   */
  readonly sqlAdministrator?: AzureSqlAdministrator;
  /**
   * The Synapse notebook each pipeline step runs, keyed `'<pipeline>/<step>'`: `{ notebook: name }`.
   * @default - none (a spec without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, NotebookStepScript>>;
  /**
   * Where the private endpoints go, when not in a network of the lakehouse's own.
   * @default - a network of its own only when a stream, a warehouse or a pipeline needs one
   */
  readonly network?: AzureLakehouseNetwork;
  /**
   * The stack's Terraform outputs.
   * @default - the storage account's name and every persona's identity client id
   */
  readonly outputs?: AzureLakehouseOutputs;
}

/** What only AWS needs to render one domain of the mesh. */
export interface AwsMeshDomainSection {
  /**
   * Where the domain's identity and products stacks deploy.
   * @default - the deploying account and region
   */
  readonly env?: AwsEnvironment;
  /**
   * The script each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'`: a path
   * relative to the spec file, or `{ bucket, object }`.
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, FileStepScript>>;
  /**
   * Who may assume each persona's role, keyed by persona name: an IAM principal's ARN.
   * @default - the domain's account
   */
  readonly personaPrincipals?: Readonly<Record<string, string>>;
}

/** How the data mesh renders on AWS (one CloudFormation stack per governance, identity and products part). */
export interface AwsMeshSection {
  /**
   * The `DataMesh` construct's id: the stacks' construct ids (and so the cloud assembly's
   * artifact ids) start with it.
   * @default 'Mesh'
   */
  readonly id?: string;
  /**
   * Where the governance stack deploys.
   * @default - the deploying account and region
   */
  readonly governanceEnv?: AwsEnvironment;
  /**
   * AWS options per domain, keyed by domain name.
   * @default - every domain in the deploying account and region, with no pipelines' scripts
   */
  readonly domainOptions?: Readonly<Record<string, AwsMeshDomainSection>>;
  /**
   * Whether every account of the mesh is in one AWS Organization (else Lake Formation shares
   * through AWS RAM invitations each consumer account must accept).
   * @default true
   */
  readonly sameOrganization?: boolean;
  /**
   * Lake Formation administrators that exist already, per 12-digit account id.
   * @default - none: the deployment role only
   */
  readonly existingLakeFormationAdminArns?: Readonly<Record<string, readonly string[]>>;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC): expired ones are not granted.
   * Fix it for an output that does not change from day to day.
   * @default - today, UTC
   */
  readonly today?: string;
}

/** What only GCP needs to render one domain of the mesh. */
export interface GcpMeshDomainSection {
  /**
   * The project of the domain's identity and products stacks.
   * @default - the governance project
   */
  readonly project?: string;
  /**
   * The region of the domain's regional services.
   * @default - the mesh's `region`
   */
  readonly region?: string;
  /**
   * The PySpark file each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'`: a
   * path relative to the spec file, or `{ bucket, object }`.
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, FileStepScript>>;
}

/** How the data mesh renders on GCP (one Terraform stack per governance, identity and products part). */
export interface GcpMeshSection {
  /**
   * The `DataMesh` construct's id.
   * @default 'Mesh'
   */
  readonly id?: string;
  /** The project of the governance stack, and of every domain without its own `project`. */
  readonly governanceProject: string;
  /** Where every domain's data lives: a region like `europe-west1`, or `EU`, `US`. */
  readonly location: string;
  /**
   * The region of the regional services, for every domain without its own `region`.
   * @default - `location` when it is a region
   */
  readonly region?: string;
  /**
   * GCP options per domain, keyed by domain name.
   * @default - every domain in the governance project
   */
  readonly domainOptions?: Readonly<Record<string, GcpMeshDomainSection>>;
  /**
   * How Iceberg products with a partition column are rendered: rejected, or as partitioned
   * BigQuery tables (BigLake Iceberg tables take no partitioning yet).
   * @default 'REJECT'
   */
  readonly partitionedIcebergProducts?: 'REJECT' | 'BIGQUERY_TABLE';
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC).
   * @default - today, UTC
   */
  readonly today?: string;
}

/** What only Azure needs to render one domain of the mesh: its data landing zone. */
export interface AzureMeshDomainSection {
  /**
   * The subscription of the domain's landing zone, as a GUID.
   * @default - the governance subscription
   */
  readonly subscriptionId?: string;
  /**
   * The Azure location of the domain's resources.
   * @default - the mesh's `location`
   */
  readonly location?: string;
  /**
   * The IPv4 range of the domain's virtual network (private, /8 to /24, not overlapping).
   * @default - `10.<index + 1>.0.0/16` by the domain's position in the spec
   */
  readonly addressSpace?: string;
  /**
   * The Synapse notebook each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'`.
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, NotebookStepScript>>;
}

/** How the data mesh renders on Azure (one Terraform stack per governance, identity and products part). */
export interface AzureMeshSection {
  /**
   * The `DataMesh` construct's id.
   * @default 'Mesh'
   */
  readonly id?: string;
  /** The Azure location of the mesh's resources (e.g. `westeurope`), unless a domain says otherwise. */
  readonly location: string;
  /**
   * The subscription of the data management zone (the governance stack), as a GUID. Required
   * once a domain names its own subscription.
   * @default - the deployer's subscription
   */
  readonly governanceSubscriptionId?: string;
  /**
   * Azure options per domain, keyed by domain name.
   * @default - every domain in the governance subscription and the mesh's location
   */
  readonly domainOptions?: Readonly<Record<string, AzureMeshDomainSection>>;
  /**
   * The IPv4 range of the hub virtual network every domain's network is peered with.
   * @default '10.0.0.0/16'
   */
  readonly hubAddressSpace?: string;
  /**
   * Whether governance gets a Microsoft Purview account (most tenants allow one).
   * @default false
   */
  readonly purview?: boolean;
  /**
   * The public IPv4 egress ranges of the machine that runs `terraform apply`, allowed through
   * the Key Vaults' firewalls. Required unless `deployerInsideNetwork`.
   * @default - none: then `deployerInsideNetwork` must be true
   */
  readonly keyVaultAllowedIpRanges?: readonly string[];
  /**
   * Whether `terraform apply` runs inside the mesh's network (the hub, or a network peered with it).
   * @default false
   */
  readonly deployerInsideNetwork?: boolean;
  /**
   * Whether `terraform apply` reaches the domains' Synapse workspaces (their data-plane parts are then made).
   * @default false
   */
  readonly deployerReachesWorkspace?: boolean;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC).
   * @default - today, UTC
   */
  readonly today?: string;
}

/** A lakehouse spec file: the cloud-neutral lakehouse, and how it renders on each cloud. */
export interface LakehouseSpecDocument {
  /** The lakehouse, the same on every cloud. */
  readonly lakehouse: LakehouseSpec;
  /**
   * How it renders on AWS.
   * @default - an environment-agnostic stack named after the platform, without pipelines' scripts
   */
  readonly aws?: AwsLakehouseSection;
  /** How it renders on GCP (required to render there: the project and location). */
  readonly gcp?: GcpLakehouseSection;
  /** How it renders on Azure (required to render there: the resource group). */
  readonly azure?: AzureLakehouseSection;
}

/** A data mesh spec file: the cloud-neutral mesh, and how it renders on each cloud. */
export interface MeshSpecDocument {
  /** The data mesh, the same on every cloud. */
  readonly mesh: DataMeshSpec;
  /**
   * How it renders on AWS.
   * @default - every stack environment-agnostic, without pipelines' scripts
   */
  readonly aws?: AwsMeshSection;
  /** How it renders on GCP (required to render there: the governance project and location). */
  readonly gcp?: GcpMeshSection;
  /** How it renders on Azure (required to render there: the location). */
  readonly azure?: AzureMeshSection;
}
