import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, isUnresolved, ValidationError } from '../../core/internal';
import type { INetwork, NetworkFromVpcOptions } from '../network/network';

/** Fewest Availability Zones a data network spans: Redshift Serverless workgroups need three. */
export const MIN_AZS = 3;

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
  if (distinct.length < MIN_AZS) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: distinct,
      allowed: `subnets in at least ${MIN_AZS} Availability Zones (Redshift Serverless workgroups need three)`,
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
