/**
 * An Azure data mesh's props checked and resolved before any stack is made: the plan (validated
 * without column filtering: Azure Storage cannot hide columns), each domain's landing zone
 * (subscription, location, address range), the private DNS zones governance keeps for every
 * domain, and the limits Azure puts on what the stacks make. Internal: not exported from the
 * entry point.
 */
import type { IConstruct } from 'constructs';
import {
  CONTAINER_NAME_PATTERN,
  domainResourceGroupName,
  governanceResourceGroupName,
  productContainerName,
} from './mesh-names';
import {
  ErrorCode,
  type Ipv4Range,
  isUnresolved,
  validatePrivateCidr,
  ValidationError,
  type Violation,
} from '../../../core/internal';
import {
  type DataMeshPlan,
  type LakehousePlan,
  type MeshResourceModel,
  planDataMesh,
} from '../../../patterns';
import { App } from '../../../terraform';
import { PrivateDnsZoneName } from '../../network/endpoints';
import { Network } from '../../network/network';
import type { DataMeshProps } from '../data-mesh-types';

/** How the rejection of a subscription above a consumer's clearance names what cannot hide columns. */
export const AZURE_STORAGE = 'Azure Storage';
/** The hub's range when `hubAddressSpace` is unset. */
export const HUB_ADDRESS_SPACE = '10.0.0.0/16';
/** The longest look-back of a scheduled query rule (`window_duration`, 48 hours). */
export const FRESHNESS_MAX_AGE_HOURS = 48;

/** A domain's data landing zone, resolved. */
export interface ResolvedDomain {
  readonly name: string;
  /** The literal subscription, when given (the domain's or governance's). */
  readonly subscriptionId?: string;
  readonly location: string;
  readonly addressSpace: string;
  readonly resourceGroupName: string;
  /** The private DNS zones its lakehouse's endpoints register in. */
  readonly dnsZones: readonly PrivateDnsZoneName[];
}

/** An Azure data mesh's props, checked and with every default resolved. */
export interface AzureMeshSettings {
  readonly props: DataMeshProps;
  readonly plan: DataMeshPlan;
  readonly location: string;
  readonly governanceSubscriptionId?: string;
  readonly governanceResourceGroupName: string;
  readonly hubAddressSpace: string;
  readonly purview: boolean;
  readonly domains: Readonly<Record<string, ResolvedDomain>>;
  /** Every zone any domain needs, plus Purview's when enabled: governance makes each once. */
  readonly dnsZones: readonly PrivateDnsZoneName[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCATION = /^[a-z][a-z0-9]{2,39}$/;
const ORDER = [
  ErrorCode.CONFLICTING_PROPS,
  ErrorCode.UNKNOWN_REFERENCE,
  ErrorCode.INVALID_LOCATION,
  ErrorCode.INVALID_IP_RANGE,
  ErrorCode.OUT_OF_RANGE,
  ErrorCode.INVALID_NAME,
];

/** The zones a domain's lakehouse registers endpoints in: lake and vault always; streams, Synapse when used. */
export function lakehouseDnsZones(lakehouse: LakehousePlan): PrivateDnsZoneName[] {
  const workspace = lakehouse.warehouse.enabled || lakehouse.pipelines.length > 0;
  return [
    PrivateDnsZoneName.BLOB,
    PrivateDnsZoneName.DFS,
    PrivateDnsZoneName.KEY_VAULT,
    ...(lakehouse.streams.length > 0 ? [PrivateDnsZoneName.SERVICE_BUS] : []),
    ...(workspace ? [PrivateDnsZoneName.SYNAPSE_SQL, PrivateDnsZoneName.SYNAPSE_DEV] : []),
  ];
}

/** The default range of the domain at `index`: `10.<index + 1>.0.0/16`, after the hub's `10.0.0.0/16`. */
export function defaultDomainAddressSpace(index: number): string {
  return `10.${index + 1}.0.0/16`;
}

/**
 * Plans the spec (`planDataMesh` without column filtering, reporting against `mesh`) with the
 * Azure resource model, then checks what only Azure needs. Throws every violation at once.
 */
export function resolveAzureMeshSettings(
  mesh: IConstruct,
  scope: IConstruct,
  props: DataMeshProps,
  resourceModel: MeshResourceModel,
): AzureMeshSettings {
  if (!App.isApp(scope)) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, mesh, {
      prop: 'scope',
      received: scope.node.path || scope.constructor.name,
      allowed: 'the cdktf App: the mesh makes its own stacks, one per zone and domain',
    });
  }
  const plan = planDataMesh(mesh, props, {
    columnFiltering: false,
    cloud: AZURE_STORAGE,
    resourceModel,
    ...(props.today === undefined ? {} : { today: props.today }),
  });
  const v: Violation[] = [];
  const options = props.domainOptions ?? {};
  const names = plan.domains.map((d) => d.name);
  for (const name of Object.keys(options).filter((n) => !names.includes(n))) {
    v.push({
      code: ErrorCode.UNKNOWN_REFERENCE,
      prop: `domainOptions[${JSON.stringify(name)}]`,
      received: name,
      allowed: `a domain of the spec: ${names.join(', ')}`,
    });
  }
  checkSubscription(v, 'governanceSubscriptionId', props.governanceSubscriptionId);
  checkLocation(v, 'location', props.location);
  const hubAddressSpace = props.hubAddressSpace ?? HUB_ADDRESS_SPACE;
  const ranges: { prop: string; cidr: string; range: Ipv4Range | undefined }[] = [
    {
      prop: 'hubAddressSpace',
      cidr: hubAddressSpace,
      range: checkRange(mesh, 'hubAddressSpace', hubAddressSpace),
    },
  ];
  const domains: Record<string, ResolvedDomain> = {};
  plan.domains.forEach((d, i) => {
    const o = options[d.name] ?? {};
    const prop = `domainOptions[${JSON.stringify(d.name)}]`;
    checkSubscription(v, `${prop}.subscriptionId`, o.subscriptionId);
    if (o.subscriptionId !== undefined && props.governanceSubscriptionId === undefined) {
      v.push({
        code: ErrorCode.CONFLICTING_PROPS,
        prop: 'governanceSubscriptionId',
        received: `no governance subscription while ${d.name} names ${o.subscriptionId}`,
        allowed: 'a literal governance subscription id once a domain names its own subscription',
      });
    }
    if (o.location !== undefined) checkLocation(v, `${prop}.location`, o.location);
    const addressSpace = o.addressSpace ?? defaultDomainAddressSpace(i);
    ranges.push({
      prop: `${prop}.addressSpace`,
      cidr: addressSpace,
      range: checkRange(mesh, `${prop}.addressSpace`, addressSpace),
    });
    domains[d.name] = {
      name: d.name,
      subscriptionId: o.subscriptionId ?? props.governanceSubscriptionId,
      location: o.location ?? props.location,
      addressSpace,
      resourceGroupName: domainResourceGroupName(plan.name, d.name),
      dnsZones: lakehouseDnsZones(d.lakehouse),
    };
  });
  checkOverlaps(v, ranges);
  checkProducts(v, plan);
  ValidationError.throwAll(mesh, v, ORDER);
  const purview = props.purview ?? false;
  const dnsZones = Object.values(PrivateDnsZoneName).filter(
    (z) =>
      Object.values(domains).some((d) => d.dnsZones.includes(z)) ||
      (purview && (z === PrivateDnsZoneName.PURVIEW_ACCOUNT || z === PrivateDnsZoneName.PURVIEW_PORTAL)),
  );
  return {
    props,
    plan,
    location: props.location,
    governanceSubscriptionId: props.governanceSubscriptionId,
    governanceResourceGroupName: governanceResourceGroupName(plan.name),
    hubAddressSpace,
    purview,
    domains,
    dnsZones,
  };
}

function checkSubscription(v: Violation[], prop: string, id: string | undefined): void {
  if (id === undefined || GUID.test(id)) return;
  v.push({
    code: ErrorCode.OUT_OF_RANGE,
    prop,
    received: id,
    allowed: 'a literal Azure subscription id (GUID, e.g. 00000000-0000-0000-0000-000000000000)',
  });
}

function checkLocation(v: Violation[], prop: string, location: string | undefined): void {
  if (typeof location === 'string' && (LOCATION.test(location) || isUnresolved(location))) return;
  v.push({
    code: ErrorCode.INVALID_LOCATION,
    prop,
    received: location,
    allowed: 'an Azure location name such as westeurope (lowercase letters and digits)',
  });
}

/** A private range the network accepts (/8 to /24; it throws `DPK_INVALID_IP_RANGE` otherwise). */
function checkRange(mesh: IConstruct, prop: string, cidr: string): Ipv4Range | undefined {
  return validatePrivateCidr(mesh, cidr, {
    prefixRange: Network.CIDR_PREFIX_RANGE,
    prop,
    literalBecause: 'peered networks must not overlap, which is checked at synth',
  });
}

/** Peered networks cannot overlap: the hub and every domain need ranges apart. */
function checkOverlaps(
  v: Violation[],
  ranges: readonly { prop: string; cidr: string; range: Ipv4Range | undefined }[],
): void {
  const size = (r: Ipv4Range) => 2 ** (32 - r.prefix);
  const overlap = (a: Ipv4Range, b: Ipv4Range) =>
    a.network < b.network + size(b) && b.network < a.network + size(a);
  ranges.forEach((a, i) => {
    const first = ranges.slice(0, i).find((b) => a.range && b.range && overlap(a.range, b.range));
    if (first === undefined) return;
    v.push({
      code: ErrorCode.CONFLICTING_PROPS,
      prop: a.prop,
      received: `${a.cidr}, overlapping ${first.prop} (${first.cidr})`,
      allowed: 'a range apart from the hub and every other domain: peered networks cannot overlap',
    });
  });
}

/** Each product's container name is one Azure accepts; its freshness fits a scheduled query's look-back. */
function checkProducts(v: Violation[], plan: DataMeshPlan): void {
  for (const p of plan.products) {
    const prop = `domains[${JSON.stringify(p.domain)}].products[${JSON.stringify(p.name)}]`;
    const container = productContainerName(p);
    if (!CONTAINER_NAME_PATTERN.test(container)) {
      v.push({
        code: ErrorCode.INVALID_NAME,
        prop,
        received: `container ${container}`,
        allowed:
          'a product name whose container product-<name> is 3-63 lowercase letters, digits and single hyphens',
      });
    }
    if (p.freshness.maxAgeHours > FRESHNESS_MAX_AGE_HOURS) {
      v.push({
        code: ErrorCode.OUT_OF_RANGE,
        prop: `${prop}.freshness.maxAgeHours`,
        received: p.freshness.maxAgeHours,
        allowed: `at most ${FRESHNESS_MAX_AGE_HOURS} hours on Azure: a scheduled query rule looks back 2 days at most`,
      });
    }
  }
}

/** Azure's limit on role assignments in one subscription. */
export const ROLE_ASSIGNMENTS_PER_SUBSCRIPTION = 4000;

/**
 * Throws `DPK_OUT_OF_RANGE` when a subscription would hold more role assignments than `limit`:
 * `counts` by subscription (its id, or how the default subscription is named).
 */
export function checkRoleAssignmentLimit(
  mesh: IConstruct,
  counts: ReadonlyMap<string, { count: number; stacks: readonly string[] }>,
  limit = ROLE_ASSIGNMENTS_PER_SUBSCRIPTION,
): void {
  const v: Violation[] = [];
  for (const [subscription, { count, stacks }] of counts) {
    if (count <= limit) continue;
    v.push({
      code: ErrorCode.OUT_OF_RANGE,
      prop: 'domainOptions',
      received: `${count} role assignments in subscription ${subscription} (stacks ${stacks.join(', ')})`,
      allowed: `at most ${limit} role assignments per subscription (Azure's limit): give domains their own subscriptionId, or fewer personas or subscriptions`,
    });
  }
  ValidationError.throwAll(mesh, v, ORDER);
}
