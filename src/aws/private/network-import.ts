import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, isUnresolved, ValidationError, type Violation } from '../../core/internal';
import type { INetwork, NetworkAttributes, NetworkFromVpcOptions } from '../network/network';

/**
 * Availability Zones a data network spans: 3 (Redshift Serverless workgroups need three) to 6
 * (regions have at most six). `Network.AVAILABILITY_ZONE_COUNT_RANGE`; imported subnets are held
 * to the lower bound only.
 */
export const AVAILABILITY_ZONE_COUNT_RANGE = { min: 3, max: 6 } as const;

/**
 * Throws `DPK_OUT_OF_RANGE` when `selected` spans fewer than three Availability Zones (Redshift
 * Serverless needs three). Per-subnet zones that are tokens count as distinct; a zone list that
 * is one unresolved token is skipped.
 */
export function validateDataSubnets(scope: IConstruct, selected: ec2.SelectedSubnets, prop: string): void {
  const zones = selected.availabilityZones;
  // A VPC imported with a token list of zones (e.g. `Fn.getAzs()`) cannot be counted at synth time.
  if (zones.length === 1 && isUnresolved(zones[0])) return;
  const distinct = [...new Set(zones)];
  const { min } = AVAILABILITY_ZONE_COUNT_RANGE;
  if (distinct.length < min) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: distinct,
      allowed: `subnets in at least ${min} Availability Zones (Redshift Serverless workgroups need three)`,
    });
  }
}

/** A VPC the user brought, wrapped as an {@link INetwork}: nothing is created in it. */
export class ImportedNetwork extends Construct implements INetwork {
  public readonly vpc: ec2.IVpc;
  public readonly dataSubnets: ec2.SubnetSelection;
  private readonly cidr?: string;

  constructor(scope: Construct, id: string, source: NetworkFromVpcOptions | NetworkAttributes) {
    super(scope, id);
    const options = 'vpc' in source ? source : this.vpcFromAttributes(source);
    this.vpc = options.vpc;
    this.cidr = options.vpcCidr ?? cidrOf(options.vpc);
    this.dataSubnets =
      options.subnets ??
      (options.vpc.isolatedSubnets.length > 0
        ? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }
        : { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    // Zones given as one token list (e.g. `Fn.getAzs()`) cannot be counted at synth time.
    if ('vpc' in source || !isUnresolved(source.availabilityZones)) {
      validateDataSubnets(this, this.selectDataSubnets(), 'vpc' in source ? 'subnets' : 'dataSubnetIds');
    }
  }

  /** The VPC's range; throws `DPK_INVALID_IP_RANGE` when neither the VPC nor `vpcCidr` gave it. */
  public get vpcCidr(): string {
    if (this.cidr !== undefined) return this.cidr;
    throw ValidationError.of(ErrorCode.INVALID_IP_RANGE, this, {
      prop: 'vpcCidr',
      received: undefined,
      allowed: "the VPC's IPv4 range, given when the VPC was imported without vpcCidrBlock",
    });
  }

  public selectDataSubnets(): ec2.SelectedSubnets {
    return this.vpc.selectSubnets(this.dataSubnets);
  }

  /** Validates the ids and range (all at once), then imports the VPC with the data subnets as isolated ones. */
  private vpcFromAttributes(attrs: NetworkAttributes): NetworkFromVpcOptions {
    const violations: Violation[] = [];
    const id = (prop: string, value: string, prefix: string) => {
      if (isUnresolved(value) || (typeof value === 'string' && idPattern(prefix).test(value))) return;
      violations.push({
        code: ErrorCode.INVALID_NAME,
        prop,
        received: value,
        allowed: `an id '${prefix}-' followed by 8 or 17 hexadecimal digits`,
      });
    };
    id('vpcId', attrs.vpcId, 'vpc');
    if (!isUnresolved(attrs.vpcCidr) && !IPV4_CIDR.test(String(attrs.vpcCidr))) {
      violations.push({
        code: ErrorCode.INVALID_IP_RANGE,
        prop: 'vpcCidr',
        received: attrs.vpcCidr,
        allowed: "the VPC's IPv4 CIDR range, e.g. '10.40.0.0/16'",
      });
    }
    const azs = attrs.availabilityZones;
    const subnets = attrs.dataSubnetIds;
    const literal = (list: readonly string[] | undefined) => list !== undefined && !isUnresolved(list);
    if (literal(subnets)) subnets.forEach((s, i) => id(`dataSubnetIds[${i}]`, s, 'subnet'));
    if (literal(attrs.dataSubnetRouteTableIds)) {
      attrs.dataSubnetRouteTableIds!.forEach((r, i) => id(`dataSubnetRouteTableIds[${i}]`, r, 'rtb'));
    }
    if (literal(azs) && literal(subnets)) {
      const distinct = new Set(azs);
      if (distinct.size !== azs.length || azs.length < AVAILABILITY_ZONE_COUNT_RANGE.min) {
        violations.push({
          code: ErrorCode.OUT_OF_RANGE,
          prop: 'availabilityZones',
          received: azs,
          allowed: `at least ${AVAILABILITY_ZONE_COUNT_RANGE.min} distinct Availability Zones (Redshift Serverless workgroups need three)`,
        });
      } else if (subnets.length === 0 || subnets.length % azs.length !== 0) {
        violations.push({
          code: ErrorCode.OUT_OF_RANGE,
          prop: 'dataSubnetIds',
          received: subnets,
          allowed: `as many subnets in each of the ${azs.length} Availability Zones, in their order`,
        });
      }
    }
    ValidationError.throwAll(this, violations, [
      ErrorCode.INVALID_NAME,
      ErrorCode.INVALID_IP_RANGE,
      ErrorCode.OUT_OF_RANGE,
    ]);
    const vpc = ec2.Vpc.fromVpcAttributes(this, 'Vpc', {
      vpcId: attrs.vpcId,
      vpcCidrBlock: attrs.vpcCidr,
      availabilityZones: [...azs],
      isolatedSubnetIds: [...subnets],
      isolatedSubnetRouteTableIds: attrs.dataSubnetRouteTableIds && [...attrs.dataSubnetRouteTableIds],
    });
    return { vpc, vpcCidr: attrs.vpcCidr, subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } };
  }
}

const IPV4_CIDR = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(\d|[12]\d|3[0-2])$/;

/** `<prefix>-` and 8 or 17 hexadecimal digits, as EC2 ids are. */
function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`);
}

/** The VPC's `vpcCidrBlock`, or undefined for a VPC imported without one (aws-cdk-lib throws then). */
function cidrOf(vpc: ec2.IVpc): string | undefined {
  try {
    return vpc.vpcCidrBlock;
  } catch {
    return undefined;
  }
}
