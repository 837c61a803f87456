import type { DataMeshSpec } from '../../patterns';
import type { SparkJobScript } from '../processing/spark-job-script';

/**
 * What only Azure needs to render one domain of the mesh: its data landing zone.
 * @example
 * const salesOnAzure: DataMeshDomainOptions = {
 *   subscriptionId: '22222222-2222-4222-8222-222222222222',
 *   location: 'westeurope',
 *   addressSpace: '10.11.0.0/16',
 * };
 */
export interface DataMeshDomainOptions {
  /**
   * The subscription of the domain's landing zone (its identity and products stacks), as a
   * literal GUID.
   * @default - the governance subscription (`governanceSubscriptionId`, else the deployer's)
   */
  readonly subscriptionId?: string;
  /**
   * The Azure location of the domain's resources.
   * @default - the mesh's `location`
   */
  readonly location?: string;
  /**
   * The IPv4 range of the domain's virtual network: private, /8 to /24, not overlapping the
   * hub's or another domain's (`DPK_INVALID_IP_RANGE`, `DPK_CONFLICTING_PROPS`).
   * @default - `10.<index + 1>.0.0/16`, by the domain's position in the spec (`DataMesh.domainAddressSpace`)
   */
  readonly addressSpace?: string;
  /**
   * The Synapse notebook each step of the domain's pipelines runs, keyed `'<pipeline>/<step>'`
   * (as `LakehouseProps.stepScripts`).
   * @default - none (a domain without pipelines)
   */
  readonly stepScripts?: Readonly<Record<string, SparkJobScript>>;
}

/**
 * Props of the Azure {@link DataMesh}: the cloud-neutral spec plus Azure's own options.
 * @example
 * const props: DataMeshProps = {
 *   ...ACME_MESH,
 *   location: 'westeurope',
 *   governanceSubscriptionId: '11111111-1111-4111-8111-111111111111',
 *   domainOptions: { marketing: { subscriptionId: '22222222-2222-4222-8222-222222222222' } },
 *   deployerInsideNetwork: true,
 * };
 */
export interface DataMeshProps extends DataMeshSpec {
  /** The Azure location of the mesh's resources (e.g. `westeurope`), unless a domain says otherwise. */
  readonly location: string;
  /**
   * Azure options per domain, keyed by domain name. Throws `DPK_UNKNOWN_REFERENCE` for a name
   * that is not a domain of the spec.
   * @default - every domain in the governance subscription and the mesh's location, address
   *   spaces by position
   */
  readonly domainOptions?: Readonly<Record<string, DataMeshDomainOptions>>;
  /**
   * The subscription of the data management zone (the governance stack), as a literal GUID.
   * Required once a domain names its own subscription (`DPK_CONFLICTING_PROPS`).
   * @default - the deployer's subscription (the provider's default)
   */
  readonly governanceSubscriptionId?: string;
  /**
   * The IPv4 range of the hub virtual network in the data management zone, which every domain's
   * network is peered with.
   * @default DataMesh.HUB_ADDRESS_SPACE ('10.0.0.0/16')
   */
  readonly hubAddressSpace?: string;
  /**
   * Whether governance gets a Microsoft Purview account (public network disabled, reached
   * through the hub's private endpoints). Purview allows one account per tenant in most
   * tenants: leave it off when the tenant has one.
   * @default false
   */
  readonly purview?: boolean;
  /**
   * The runner's public IPv4 egress ranges allowed through the firewalls of the mesh's Key
   * Vaults (governance's and each domain's lakehouse's; see `LakehouseProps.keyVaultAllowedIpRanges`).
   * Required unless `deployerInsideNetwork`.
   * @default - none: then `deployerInsideNetwork` must be true
   */
  readonly keyVaultAllowedIpRanges?: string[];
  /**
   * Whether `terraform apply` runs inside the mesh's network (the hub, or a network peered with
   * it): then the vaults need no public range, and the contract blobs (a data-plane write) reach
   * the governance storage account privately.
   * @default false
   */
  readonly deployerInsideNetwork?: boolean;
  /**
   * Whether `terraform apply` runs where it reaches the domains' Synapse workspaces, so their
   * data-plane parts (managed private endpoints, Synapse RBAC) are made (see
   * `LakehouseProps.deployerReachesWorkspace`).
   * @default false
   */
  readonly deployerReachesWorkspace?: boolean;
  /**
   * The day subscriptions are checked against (`YYYY-MM-DD`, UTC): expired ones are not
   * granted. For deterministic synthesis in tests.
   * @default - today, UTC
   */
  readonly today?: string;
}
