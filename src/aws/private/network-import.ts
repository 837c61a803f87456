import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, isUnresolved, ValidationError } from '../../core/internal';
import type { INetwork, NetworkFromVpcOptions } from '../network/network';

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

  constructor(scope: Construct, id: string, options: NetworkFromVpcOptions) {
    super(scope, id);
    this.vpc = options.vpc;
    this.cidr = options.vpcCidr ?? cidrOf(options.vpc);
    this.dataSubnets =
      options.subnets ??
      (options.vpc.isolatedSubnets.length > 0
        ? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }
        : { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    validateDataSubnets(this, this.selectDataSubnets(), 'subnets');
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
}

/** The VPC's `vpcCidrBlock`, or undefined for a VPC imported without one (aws-cdk-lib throws then). */
function cidrOf(vpc: ec2.IVpc): string | undefined {
  try {
    return vpc.vpcCidrBlock;
  } catch {
    return undefined;
  }
}
