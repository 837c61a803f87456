import { ComputeFirewall } from '@cdktf/provider-google/lib/compute-firewall';
import { ComputeNetwork } from '@cdktf/provider-google/lib/compute-network';
import { ComputeSubnetwork } from '@cdktf/provider-google/lib/compute-subnetwork';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { Construct, type IConstruct } from 'constructs';
import { CommonDefaults, type NetworkCommonProps } from '../../core/blocks';
import { validatePrivateCidr } from '../../core/cidr';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName, validatePlatformName } from '../../core/naming';
import { type Tags, TagRules, validateResourceTags } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { GcpNameRules } from '../private/names';
import { validateProject } from '../private/project';
import { dependsOnAll, enableApis, GoogleApi } from '../private/project-services';

/** How often flow-log records are aggregated (shorter: finer detail, more log volume). */
export enum FlowLogInterval {
  INTERVAL_5_SEC = 'INTERVAL_5_SEC',
  INTERVAL_30_SEC = 'INTERVAL_30_SEC',
  INTERVAL_1_MIN = 'INTERVAL_1_MIN',
  INTERVAL_5_MIN = 'INTERVAL_5_MIN',
  INTERVAL_10_MIN = 'INTERVAL_10_MIN',
  INTERVAL_15_MIN = 'INTERVAL_15_MIN',
}

/** Private networking the data services run in: a VPC and the regional data subnet. */
export interface INetwork extends IConstruct {
  /** The network's id, `projects/{project}/global/networks/{name}`. */
  readonly networkId: string;
  /** The data subnet's id, `projects/{project}/regions/{region}/subnetworks/{name}`. */
  readonly subnetworkId: string;
  /** The data subnet's region. */
  readonly region: string;
}

/** What identifies an existing network. */
export interface NetworkAttributes {
  /** `projects/{project}/global/networks/{name}` (a self link is accepted too). */
  readonly networkId: string;
  /** `projects/{project}/regions/{region}/subnetworks/{name}` (a self link is accepted too). */
  readonly subnetworkId: string;
  /** The subnet's region. @default - the region in `subnetworkId` (required when it is a token) */
  readonly region?: string;
}

/** Props of {@link Network}. */
export interface NetworkProps extends NetworkCommonProps {
  /** Project of the network. @default - the provider's project */
  readonly project?: string;
  /** Region of the data subnet, e.g. `europe-west1`. */
  readonly region: string;
  /**
   * IPv4 range of the data subnet: private space, /8 to /29. A GCP VPC has no range of its own;
   * the one data subnet takes the whole range.
   * @default '10.40.0.0/16'
   */
  readonly cidr?: string;
  /** Network name. @default - `<platformName>-vpc-<hash>` */
  readonly networkName?: string;
  /** Data subnet name. @default - `<platformName>-data-<hash>` */
  readonly subnetworkName?: string;
  /** Share of flows the subnet's flow logs sample, above 0 and at most 1. @default 0.5 */
  readonly flowLogSampling?: number;
  /** Flow-log aggregation interval. @default FlowLogInterval.INTERVAL_5_SEC */
  readonly flowLogInterval?: FlowLogInterval;
  /**
   * Allow ingress between addresses of the data subnet (all protocols, source = the subnet's own
   * range), as Dataproc Serverless and Spark need. Everything else stays denied.
   * @default false
   */
  readonly allowInternalIngress?: boolean;
  /**
   * Validated like every block's labels, but not written: Compute networks, subnetworks and
   * firewall rules take no labels. Their descriptions name the platform.
   * @default - none
   */
  readonly tags?: Tags;
  /** Enable the Compute Engine API. @default true */
  readonly enableApis?: boolean;
}

const NETWORK_ID =
  /^(?:https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[^/]+\/global\/networks\/[^/]+$/;
const SUBNETWORK_ID =
  /^(?:https:\/\/www\.googleapis\.com\/compute\/v1\/)?projects\/[^/]+\/regions\/([^/]+)\/subnetworks\/[^/]+$/;

/** An existing network, brought by the user. */
class ImportedNetwork extends Construct implements INetwork {
  public readonly networkId: string;
  public readonly subnetworkId: string;
  public readonly region: string;

  constructor(scope: Construct, id: string, attrs: NetworkAttributes) {
    super(scope, id);
    const malformed = (prop: string, received: string, allowed: string) =>
      ValidationError.of(ErrorCode.INVALID_NAME, this, { prop, received, allowed });
    if (!isUnresolved(attrs.networkId) && !NETWORK_ID.test(attrs.networkId)) {
      throw malformed(
        'networkId',
        attrs.networkId,
        "a network id 'projects/{project}/global/networks/{name}'",
      );
    }
    const m = isUnresolved(attrs.subnetworkId) ? undefined : SUBNETWORK_ID.exec(attrs.subnetworkId);
    if (m === null) {
      throw malformed(
        'subnetworkId',
        attrs.subnetworkId,
        "a subnetwork id 'projects/{project}/regions/{region}/subnetworks/{name}'",
      );
    }
    const region = attrs.region ?? m?.[1];
    if (region === undefined || (m && !isUnresolved(region) && region !== m[1])) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
        prop: 'region',
        received: region,
        allowed: m
          ? `the region in subnetworkId (${JSON.stringify(m[1])})`
          : 'the subnet region, when subnetworkId is a token',
      });
    }
    this.networkId = attrs.networkId;
    this.subnetworkId = attrs.subnetworkId;
    this.region = region;
  }
}

/** A network's props, validated, with defaults resolved and names derived. */
interface NetworkSettings {
  readonly platform: string;
  readonly project?: string;
  readonly region: string;
  readonly cidr: string;
  readonly sampling: number;
  readonly interval: FlowLogInterval;
  readonly allowInternalIngress: boolean;
  readonly enableApis: boolean;
  readonly networkName: string;
  readonly subnetworkName: string;
  readonly denyAllIngressName: string;
  readonly allowInternalName: string;
}

const REGION = /^[a-z]+-[a-z]+[0-9]{1,2}$/;

/**
 * Private networking for the data services: a custom-mode VPC, one regional data subnet with
 * Private Google Access and flow logs, and a logged deny-all-ingress firewall rule.
 *
 * Secure defaults: no automatic subnets (`auto_create_subnetworks = false`), regional routing,
 * Private Google Access on the subnet (Google APIs reachable without external IPs), VPC flow
 * logs (5-second aggregation, 50 % sampling, all metadata), and an explicit `deny` of all
 * ingress from anywhere at priority 65534 with firewall logging, so only rules the kit or the
 * user add on purpose can open anything. No Cloud Router, Cloud NAT or external address is made:
 * instances without an external IP have no internet egress, only Google APIs. The default route
 * to the internet gateway stays, since Private Google Access to `*.googleapis.com` uses it.
 * External IPs on VMs are governed by the organization policy `compute.vmExternalIpAccess`,
 * which a network cannot enforce; the kit's blocks never ask for one.
 *
 * Deployable as is: the Compute Engine API is enabled first (`google_project_service`, never
 * disabled on destroy). Deployer prerequisite: `roles/compute.networkAdmin` and
 * `roles/compute.securityAdmin` on the project.
 *
 * @see https://cloud.google.com/vpc/docs/configure-private-google-access
 * @example
 * const network = new Network(stack, 'Network', { platformName: 'sales', region: 'europe-west1' });
 */
export class Network extends Construct implements INetwork {
  /** IPv4 range of the data subnet. */
  public static readonly DEFAULT_CIDR = CommonDefaults.NETWORK_CIDR;
  /** Prefix length of the data subnet's range: /8 to /29, what a VPC subnet takes. */
  public static readonly CIDR_PREFIX_RANGE = { min: 8, max: 29 } as const;
  /** Share of flows sampled by the subnet's flow logs. */
  public static readonly DEFAULT_FLOW_LOG_SAMPLING = 0.5;
  /** Flow-log aggregation interval. */
  public static readonly DEFAULT_FLOW_LOG_INTERVAL = FlowLogInterval.INTERVAL_5_SEC;
  /** Whether ingress inside the data subnet is allowed. */
  public static readonly DEFAULT_ALLOW_INTERNAL_INGRESS = false;
  /** Whether the kit enables the Compute Engine API. */
  public static readonly DEFAULT_ENABLE_APIS = true;
  /** Priority of the deny-all-ingress rule: just above VPC's implied (unlogged) deny at 65535. */
  public static readonly DENY_ALL_INGRESS_PRIORITY = 65534;
  /** Priority of the internal-ingress rule (VPC's default rule priority). */
  public static readonly ALLOW_INTERNAL_INGRESS_PRIORITY = 1000;

  /** Imports an existing network and subnet, for blocks that run inside it. */
  public static fromNetworkAttributes(scope: Construct, id: string, attrs: NetworkAttributes): INetwork {
    return new ImportedNetwork(scope, id, attrs);
  }

  public readonly networkId: string;
  public readonly subnetworkId: string;
  public readonly region: string;
  /** The project, or undefined for the provider's project. */
  public readonly project?: string;
  /** The data subnet's range. */
  public readonly cidr: string;
  /** The `google_compute_network` (custom mode). */
  public readonly network: ComputeNetwork;
  /** The data `google_compute_subnetwork`. */
  public readonly subnetwork: ComputeSubnetwork;
  /** The deny-all-ingress `google_compute_firewall`. */
  public readonly denyAllIngress: ComputeFirewall;
  /** The subnet-internal allow `google_compute_firewall`, when `allowInternalIngress` is on. */
  public readonly allowInternalIngress?: ComputeFirewall;
  /** The `google_project_service` resources the network waits for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.project = settings.project;
    this.region = settings.region;
    this.cidr = settings.cidr;
    this.apiServices = enableApis(this, settings.enableApis, this.project, GoogleApi.COMPUTE);
    this.network = this.createNetwork(settings);
    this.subnetwork = this.createSubnetwork(settings);
    this.denyAllIngress = this.createDenyAllIngress(settings);
    this.allowInternalIngress = settings.allowInternalIngress
      ? this.createAllowInternalIngress(settings)
      : undefined;
    this.networkId = this.network.id;
    this.subnetworkId = this.subnetwork.id;
  }

  /** Validates the props and derives the names, before any resource exists. */
  private resolveSettings(props: NetworkProps): NetworkSettings {
    const platform = validatePlatformName(this, props.platformName);
    const cidr = props.cidr ?? Network.DEFAULT_CIDR;
    const sampling = props.flowLogSampling ?? Network.DEFAULT_FLOW_LOG_SAMPLING;
    const project = validateProject(this, props.project);
    if (!isUnresolved(props.region) && !REGION.test(props.region)) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
        prop: 'region',
        received: props.region,
        allowed: "a GCP region like 'europe-west1' (a VPC subnet is regional)",
      });
    }
    validatePrivateCidr(this, cidr, { prefixRange: Network.CIDR_PREFIX_RANGE });
    if (!isUnresolved(sampling) && !(sampling > 0 && sampling <= 1)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'flowLogSampling',
        received: sampling,
        allowed: 'a number above 0 and at most 1 (flow logs stay on)',
      });
    }
    validateResourceTags(this, TagRules.GCP, platform, props.tags);
    const name = (parts: string[], override?: string, overrideProp?: string) =>
      physicalName(this, GcpNameRules.COMPUTE, { platform, parts, override, overrideProp });
    return {
      platform,
      project,
      region: props.region,
      cidr,
      sampling,
      interval: props.flowLogInterval ?? Network.DEFAULT_FLOW_LOG_INTERVAL,
      allowInternalIngress: props.allowInternalIngress ?? Network.DEFAULT_ALLOW_INTERNAL_INGRESS,
      enableApis: props.enableApis ?? Network.DEFAULT_ENABLE_APIS,
      networkName: name(['vpc'], props.networkName, 'networkName'),
      subnetworkName: name(['data'], props.subnetworkName, 'subnetworkName'),
      denyAllIngressName: name(['deny-all-ingress']),
      allowInternalName: name(['allow-internal']),
    };
  }

  /** `<what> of the <platform> data platform.` */
  private description(s: NetworkSettings, what: string): string {
    return `${what} of the ${s.platform} data platform.`;
  }

  /** The custom-mode VPC, after the Compute Engine API. */
  private createNetwork(s: NetworkSettings): ComputeNetwork {
    return new ComputeNetwork(this, 'Network', {
      project: s.project,
      name: s.networkName,
      description: this.description(s, 'Private network'),
      autoCreateSubnetworks: false,
      routingMode: 'REGIONAL',
      deleteDefaultRoutesOnCreate: false,
      dependsOn: dependsOnAll(this.apiServices),
    });
  }

  /** The data subnet: Private Google Access and flow logs. */
  private createSubnetwork(s: NetworkSettings): ComputeSubnetwork {
    return new ComputeSubnetwork(this, 'DataSubnet', {
      project: s.project,
      name: s.subnetworkName,
      description: this.description(s, 'Data subnet'),
      network: this.network.id,
      region: s.region,
      ipCidrRange: s.cidr,
      stackType: 'IPV4_ONLY',
      privateIpGoogleAccess: true,
      logConfig: {
        aggregationInterval: s.interval,
        flowSampling: s.sampling,
        metadata: 'INCLUDE_ALL_METADATA',
      },
    });
  }

  /** The logged deny of all ingress, just above VPC's implied (unlogged) deny. */
  private createDenyAllIngress(s: NetworkSettings): ComputeFirewall {
    return new ComputeFirewall(this, 'DenyAllIngress', {
      project: s.project,
      name: s.denyAllIngressName,
      description: this.description(s, 'Logged deny of all ingress not allowed on purpose'),
      network: this.network.id,
      direction: 'INGRESS',
      priority: Network.DENY_ALL_INGRESS_PRIORITY,
      deny: [{ protocol: 'all' }],
      sourceRanges: ['0.0.0.0/0'],
      logConfig: { metadata: 'INCLUDE_ALL_METADATA' },
    });
  }

  /** Ingress between addresses of the data subnet (`allowInternalIngress`). */
  private createAllowInternalIngress(s: NetworkSettings): ComputeFirewall {
    return new ComputeFirewall(this, 'AllowInternalIngress', {
      project: s.project,
      name: s.allowInternalName,
      description: this.description(s, 'Ingress between addresses of the data subnet'),
      network: this.network.id,
      direction: 'INGRESS',
      priority: Network.ALLOW_INTERNAL_INGRESS_PRIORITY,
      allow: [{ protocol: 'all' }],
      sourceRanges: [s.cidr],
      logConfig: { metadata: 'INCLUDE_ALL_METADATA' },
    });
  }
}
