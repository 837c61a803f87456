import { Fn, type RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as logs from 'aws-cdk-lib/aws-logs';
import { Construct, type IConstruct } from 'constructs';
import {
  CommonDefaults,
  constructIdFrom,
  type DataRemovalPolicy,
  ErrorCode,
  type NetworkCommonProps,
  stableHash,
  resourceTags,
  TagRules,
  type Tags as KitTags,
  validatePlatformName,
  validatePrivateCidr,
  ValidationError,
} from '../../core/internal';
import { encryptedLogGroup, validateLogRetentionDays } from '../private/log-groups';
import { AVAILABILITY_ZONE_COUNT_RANGE, ImportedNetwork } from '../private/network-import';
import { removalPolicyFor } from '../private/removal';
import { applyTags } from '../private/tags';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

export { LOGS_KEY_POLICY_NOT_ADDED_WARNING } from '../private/log-groups';

/** Props of the AWS {@link Network}. */
export interface NetworkProps extends NetworkCommonProps {
  /**
   * The key the flow-log group is encrypted with. Pass the lake's key to keep one platform key.
   * @default - a new {@link EncryptionKey} (purpose `network`) owned by this construct
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Availability Zones the data subnets span (at least 3: Redshift Serverless needs three).
   * @default 3
   */
  readonly availabilityZoneCount?: number;
  /**
   * Days the VPC flow logs are kept; one of the retention periods CloudWatch Logs accepts
   * (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557,
   * 2922, 3288, 3653).
   * @default 365
   */
  readonly flowLogRetentionDays?: number;
  /**
   * Interface endpoints to create in the data subnets, so the services are reached privately.
   * @default Network.DEFAULT_INTERFACE_ENDPOINTS
   */
  readonly interfaceEndpoints?: readonly ec2.InterfaceVpcEndpointAwsService[];
  /**
   * What happens to the flow-log group (and a key the network creates) when it leaves the
   * stack. DESTROY also needs the `data-platform-kit:removeDataOnDestroy` context flag.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
}

/** A {@link Network}'s props, checked and with every default resolved. */
interface NetworkSettings {
  readonly platform: string;
  readonly cidr: string;
  readonly zones: Pick<ec2.VpcProps, 'maxAzs' | 'availabilityZones'>;
  readonly retentionDays: number;
  readonly services: readonly ec2.InterfaceVpcEndpointAwsService[];
  readonly tags: KitTags;
  readonly removalPolicy: RemovalPolicy;
}

/** Private networking the data services run in: a VPC and the subnets they use. */
export interface INetwork extends IConstruct {
  /** The VPC. */
  readonly vpc: ec2.IVpc;
  /** Which of the VPC's subnets the data services use (never public ones). */
  readonly dataSubnets: ec2.SubnetSelection;
  /** The VPC's IPv4 range, which security groups admit traffic from. */
  readonly vpcCidr: string;
  /** The data subnets, resolved. */
  selectDataSubnets(): ec2.SelectedSubnets;
}

/** How to use a VPC the kit did not make. */
export interface NetworkFromVpcOptions {
  /** The user's VPC (e.g. `ec2.Vpc.fromLookup`). */
  readonly vpc: ec2.IVpc;
  /**
   * The subnets the data services use: at least three Availability Zones.
   * @default - the VPC's isolated subnets, or its private (with egress) subnets if it has no isolated ones
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * The VPC's IPv4 range, which the warehouse's security group admits Redshift traffic from.
   * @default - the VPC's `vpcCidrBlock` (give this when the VPC was imported without it)
   */
  readonly vpcCidr?: string;
}

/**
 * What identifies a VPC made in another stack or app, by the values its outputs give. The data
 * subnets are taken as isolated subnets (the kit's blocks never ask for a public one).
 */
export interface NetworkAttributes {
  /** The VPC's id (`vpc-…`). */
  readonly vpcId: string;
  /** The VPC's IPv4 range, which security groups admit traffic from. */
  readonly vpcCidr: string;
  /** The Availability Zones of the data subnets (at least three distinct: Redshift Serverless needs three). */
  readonly availabilityZones: readonly string[];
  /**
   * The data subnets' ids (`subnet-…`), as many per Availability Zone, in the order of
   * `availabilityZones` (aws-cdk-lib's `Vpc.fromVpcAttributes` convention).
   */
  readonly dataSubnetIds: readonly string[];
  /**
   * The data subnets' route table ids (`rtb-…`), one per subnet, for gateway endpoints added later.
   * @default - none
   */
  readonly dataSubnetRouteTableIds?: readonly string[];
}

/**
 * Private networking for a data platform on AWS: a VPC whose only subnets are private and
 * isolated (no internet gateway, no NAT), spread over three Availability Zones.
 *
 * Secure defaults: no public subnets and no route to the internet; the default security group
 * closed (`restrictDefaultSecurityGroup`); VPC flow logs of all traffic to a CloudWatch log group
 * encrypted with the kit's key (the regional logs service allowed on the key for that group
 * only) with a retention period and `DeletionPolicy: RetainExceptOnCreate`; an S3 gateway endpoint; interface
 * endpoints with private DNS for the services the lake, catalog and warehouse call
 * ({@link Network.DEFAULT_INTERFACE_ENDPOINTS}), behind one security group that admits HTTPS
 * (443) from the VPC's range only and allows no egress.
 *
 * Bring your own VPC with {@link Network.fromVpc}: nothing is created in it, and its data
 * subnets are checked to span at least three Availability Zones.
 *
 * In an environment-agnostic stack the three zones are `Fn::GetAZs` picks, so the template
 * deploys in any region with three zones; with an account and region set, the stack's zones.
 *
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-cwl.html
 * @see https://docs.aws.amazon.com/redshift/latest/mgmt/serverless-usage-considerations.html
 * @example
 * const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
 * const network = new Network(stack, 'Network', { platformName: 'sales', encryptionKey: lake.encryptionKey });
 */
export class Network extends Construct implements INetwork {
  /** IPv4 range when none is given. */
  public static readonly DEFAULT_CIDR: string = CommonDefaults.NETWORK_CIDR;
  /** Availability Zones when none are given: the fewest Redshift Serverless accepts. */
  public static readonly DEFAULT_AVAILABILITY_ZONE_COUNT = AVAILABILITY_ZONE_COUNT_RANGE.min;
  /** Availability Zones a network may span: 3 (Redshift Serverless needs three) to 6 (regions have at most six). */
  public static readonly AVAILABILITY_ZONE_COUNT_RANGE = AVAILABILITY_ZONE_COUNT_RANGE;
  /** Days flow logs are kept when none is given. */
  public static readonly DEFAULT_FLOW_LOG_RETENTION_DAYS: number = CommonDefaults.ACCESS_LOG_RETENTION_DAYS;
  /** Purpose of the key the network creates (part of its alias). */
  public static readonly KEY_PURPOSE = 'network';
  /**
   * VPC prefix length accepted: /16 to /24. AWS allows /16 to /28; the kit stops at /24, where
   * three /28 subnets still fit with room for the reserved addresses.
   */
  public static readonly CIDR_PREFIX_RANGE = { min: 16, max: 24 } as const;
  /**
   * Interface endpoints when none are given: the catalog (Glue, Lake Formation), the query
   * engines (Athena, Redshift Serverless and the Redshift Data API), and what every service
   * call needs (KMS, STS, CloudWatch Logs, Secrets Manager). S3 is a gateway endpoint.
   */
  public static readonly DEFAULT_INTERFACE_ENDPOINTS: readonly ec2.InterfaceVpcEndpointAwsService[] = [
    ec2.InterfaceVpcEndpointAwsService.GLUE,
    ec2.InterfaceVpcEndpointAwsService.LAKE_FORMATION,
    ec2.InterfaceVpcEndpointAwsService.ATHENA,
    ec2.InterfaceVpcEndpointAwsService.REDSHIFT_SERVERLESS,
    ec2.InterfaceVpcEndpointAwsService.REDSHIFT_DATA,
    ec2.InterfaceVpcEndpointAwsService.KMS,
    ec2.InterfaceVpcEndpointAwsService.STS,
    ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
    ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
  ];

  /**
   * Uses a VPC the user already has: nothing is created in it (its flow logs and endpoints stay
   * its owner's concern). Throws `DPK_OUT_OF_RANGE` when the data subnets span fewer than three
   * Availability Zones.
   *
   * @example
   * const network = Network.fromVpc(stack, 'Network', { vpc: ec2.Vpc.fromLookup(stack, 'Vpc', { vpcId }) });
   */
  public static fromVpc(scope: Construct, id: string, options: NetworkFromVpcOptions): INetwork {
    return new ImportedNetwork(scope, id, options);
  }

  /**
   * Imports a VPC made in another stack or app by its ids, for blocks that run inside it.
   * Nothing is created in it. Throws `DPK_INVALID_NAME` for malformed ids, `DPK_INVALID_IP_RANGE`
   * for a malformed range, and `DPK_OUT_OF_RANGE` for fewer than three Availability Zones or a
   * subnet count that is not a multiple of them; tokens pass.
   *
   * @example
   * const network = Network.fromNetworkAttributes(stack, 'Network', {
   *   vpcId: 'vpc-0a1b2c3d4e5f60718',
   *   vpcCidr: '10.40.0.0/16',
   *   availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
   *   dataSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d', 'subnet-2a3b4c5d'],
   * });
   */
  public static fromNetworkAttributes(scope: Construct, id: string, attrs: NetworkAttributes): INetwork {
    return new ImportedNetwork(scope, id, attrs);
  }

  /** The VPC (escape hatch). */
  public readonly vpc: ec2.Vpc;
  /** The isolated data subnets. */
  public readonly dataSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  /** The VPC's IPv4 range, as given (a literal, so security-group rules read as what they are). */
  public readonly vpcCidr: string;
  /** The key the flow logs are encrypted with (created or brought). */
  public readonly encryptionKey: IEncryptionKey;
  /** The encrypted log group receiving the VPC flow logs. */
  public readonly flowLogGroup: logs.LogGroup;
  /** The VPC flow log. */
  public readonly flowLog: ec2.FlowLog;
  /** The S3 gateway endpoint. */
  public readonly s3Endpoint: ec2.GatewayVpcEndpoint;
  /** The interface endpoints, by service short name (e.g. `glue`, `redshift-serverless`). */
  public readonly interfaceEndpoints: Readonly<Record<string, ec2.InterfaceVpcEndpoint>>;
  /** The security group of the interface endpoints: HTTPS from the VPC's range only. */
  public readonly endpointSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.vpcCidr = settings.cidr;
    this.encryptionKey = props.encryptionKey ?? this.createKey(props, settings);
    this.vpc = this.createVpc(settings);
    this.flowLogGroup = this.createFlowLogGroup(settings);
    this.flowLog = this.createFlowLog();
    this.s3Endpoint = this.createS3Endpoint();
    this.endpointSecurityGroup = this.createEndpointSecurityGroup(settings);
    this.interfaceEndpoints = this.createInterfaceEndpoints(settings);
    applyTags(this, settings.tags);
  }

  /** The isolated data subnets, resolved. */
  public selectDataSubnets(): ec2.SelectedSubnets {
    return this.vpc.selectSubnets(this.dataSubnets);
  }

  /** Every prop checked and every default resolved, before anything is made. */
  private resolveSettings(props: NetworkProps): NetworkSettings {
    const platform = validatePlatformName(this, props.platformName);
    const cidr = props.cidr ?? Network.DEFAULT_CIDR;
    const azCount = props.availabilityZoneCount ?? Network.DEFAULT_AVAILABILITY_ZONE_COUNT;
    const retentionDays = props.flowLogRetentionDays ?? Network.DEFAULT_FLOW_LOG_RETENTION_DAYS;
    const services = props.interfaceEndpoints ?? Network.DEFAULT_INTERFACE_ENDPOINTS;

    this.validateCidr(cidr);
    this.validateAzCount(azCount);
    validateLogRetentionDays(this, 'flowLogRetentionDays', retentionDays);
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const removalPolicy = removalPolicyFor(this, props.removalPolicy);
    const zones = this.availabilityZones(azCount);
    return { platform, cidr, zones, retentionDays, services, tags, removalPolicy };
  }

  /** The flow-log key, when none is brought. */
  private createKey(props: NetworkProps, settings: NetworkSettings): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: settings.platform,
      purpose: Network.KEY_PURPOSE,
      removalPolicy: props.removalPolicy,
      tags: props.tags,
    });
  }

  /** The VPC: isolated data subnets only, no internet gateway, the default security group closed. */
  private createVpc(settings: NetworkSettings): ec2.Vpc {
    return new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(settings.cidr),
      ...settings.zones,
      subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      natGateways: 0,
      createInternetGateway: false,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      restrictDefaultSecurityGroup: true,
    });
  }

  /** The encrypted, retained log group of the flow logs. */
  private createFlowLogGroup(settings: NetworkSettings): logs.LogGroup {
    return encryptedLogGroup(this, 'FlowLogGroup', {
      logGroupName: `/data-platform/${settings.platform}/vpc-flow-logs-${stableHash(this.node.path)}`,
      key: this.encryptionKey,
      retentionDays: settings.retentionDays,
      removalPolicy: settings.removalPolicy,
    });
  }

  /** Flow logs of all the VPC's traffic. */
  private createFlowLog(): ec2.FlowLog {
    return new ec2.FlowLog(this, 'FlowLog', {
      resourceType: ec2.FlowLogResourceType.fromVpc(this.vpc),
      destination: ec2.FlowLogDestination.toCloudWatchLogs(this.flowLogGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }

  /** The S3 gateway endpoint of the data subnets. */
  private createS3Endpoint(): ec2.GatewayVpcEndpoint {
    return this.vpc.addGatewayEndpoint('S3Endpoint', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [this.dataSubnets],
    });
  }

  /** The interface endpoints' security group: HTTPS in from the VPC's range, nothing out. */
  private createEndpointSecurityGroup(settings: NetworkSettings): ec2.SecurityGroup {
    const group = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: `HTTPS from the ${settings.platform} data network to its AWS service endpoints`,
      allowAllOutbound: false,
    });
    // The literal range, not the VPC's CidrBlock attribute: the rule then reads as what it is.
    group.addIngressRule(ec2.Peer.ipv4(this.vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');
    return group;
  }

  /** One interface endpoint per service (each once), with private DNS. */
  private createInterfaceEndpoints(settings: NetworkSettings): Record<string, ec2.InterfaceVpcEndpoint> {
    const endpoints: Record<string, ec2.InterfaceVpcEndpoint> = {};
    for (const service of settings.services) {
      if (endpoints[service.shortName]) continue;
      endpoints[service.shortName] = this.vpc.addInterfaceEndpoint(
        `${constructIdFrom(service.shortName.replace(/[^a-z0-9-]/g, '-'))}Endpoint`,
        {
          service,
          subnets: this.dataSubnets,
          securityGroups: [this.endpointSecurityGroup],
          privateDnsEnabled: true,
          open: false,
        },
      );
    }
    return endpoints;
  }

  /**
   * `maxAzs` where the stack knows its zones; otherwise `count` explicit `Fn::GetAZs` picks,
   * since aws-cdk-lib gives an environment-agnostic stack only two zones.
   */
  private availabilityZones(count: number): Pick<ec2.VpcProps, 'maxAzs' | 'availabilityZones'> {
    const stack = Stack.of(this);
    if (!Token.isUnresolved(stack.account) && !Token.isUnresolved(stack.region)) {
      const known = stack.availabilityZones;
      if (known.length < count) {
        throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
          prop: 'availabilityZoneCount',
          received: count,
          allowed: `at most the ${known.length} Availability Zones of ${stack.region} (${known.join(', ')})`,
        });
      }
      return { maxAzs: count };
    }
    return { availabilityZones: Array.from({ length: count }, (_, i) => Fn.select(i, Fn.getAzs())) };
  }

  private validateCidr(cidr: string): void {
    validatePrivateCidr(this, cidr, {
      prefixRange: Network.CIDR_PREFIX_RANGE,
      literalBecause: 'it is split into the subnets',
    });
  }

  private validateAzCount(count: number): void {
    const { min, max } = Network.AVAILABILITY_ZONE_COUNT_RANGE;
    if (!Number.isInteger(count) || count < min || count > max) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
        prop: 'availabilityZoneCount',
        received: count,
        allowed: `an integer from ${min} to ${max} (Redshift Serverless needs three zones)`,
      });
    }
  }
}
