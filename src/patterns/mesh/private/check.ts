import type { IConstruct } from 'constructs';
import {
  DEFAULT_ZONES,
  ErrorCode,
  nameViolation,
  NameRules,
  validatePlatformName,
} from '../../../core/internal';
import { planLakehouse } from '../../lakehouse/plan';
import { defaultPersonas, type LakehouseSpec } from '../../lakehouse/spec';
import { checkUnique, element, EMAIL, Violations } from '../../private/violations';
import { DataMeshDefaults, type DataMeshSpec, type DataProduct, type MeshDomain } from '../spec';
import { checkDescription, checkLevel, checkProducts } from './check-products';
import { checkSubscriptions } from './check-subscriptions';
import { type DomainContext, EMAIL_ALLOWED, type MeshContext } from './context';
import { checkLineage } from './lineage';

/** The order error kinds are reported in. */
export const MESH_ERROR_ORDER = [
  ErrorCode.INVALID_NAME,
  ErrorCode.INVALID_ZONE,
  ErrorCode.DUPLICATE_ZONE,
  ErrorCode.NO_ZONES,
  ErrorCode.CONFLICTING_PROPS,
  ErrorCode.UNKNOWN_REFERENCE,
  ErrorCode.UNKNOWN_ZONE,
  ErrorCode.OUT_OF_RANGE,
  ErrorCode.INVALID_PRINCIPAL,
  ErrorCode.CLASSIFICATION,
  ErrorCode.LINEAGE_CYCLE,
  ErrorCode.STACK_TOO_LARGE,
] as const;

/** A classification level's name: it becomes a Lake Formation tag value and a policy tag's name. */
const LEVEL_NAME = /^[a-z][a-z0-9-]{0,29}$/;

/** What a successful check resolved, for the plan. */
export interface CheckedMesh {
  /** Classification levels, lowest first. */
  readonly levels: readonly string[];
  /** The domains, in declaration order. */
  readonly domains: readonly DomainContext[];
  /** Lineage edges, input → product, as product ids. */
  readonly lineage: readonly { readonly from: string; readonly to: string }[];
}

/** The lakehouse spec a domain stands for: its own, named after it, under the mesh's tags. */
export function domainLakehouseSpec(spec: DataMeshSpec, domain: MeshDomain): LakehouseSpec {
  const own = domain.lakehouse ?? {};
  return {
    ...own,
    platformName: domain.name,
    // Alerts go to the owner unless the lakehouse names recipients (an invalid owner is reported once, as the owner).
    alerts:
      own.alerts ??
      (typeof domain.owner === 'string' && EMAIL.test(domain.owner) ? { emails: [domain.owner] } : {}),
    tags: { ...(spec.governance?.tags ?? {}), ...(own.tags ?? {}) },
  };
}

function checkGovernance(v: Violations, spec: DataMeshSpec): readonly string[] {
  const admins = spec.governance?.admins ?? [];
  if (admins.length === 0) {
    v.add(ErrorCode.INVALID_PRINCIPAL, {
      prop: 'governance.admins',
      received: admins,
      allowed: 'at least one email address',
    });
  }
  admins.forEach((admin, i) => {
    if (typeof admin === 'string' && EMAIL.test(admin)) return;
    v.add(ErrorCode.INVALID_PRINCIPAL, {
      prop: `governance.admins[${i}]`,
      received: admin,
      allowed: EMAIL_ALLOWED,
    });
  });
  const levels = spec.governance?.classifications ?? DataMeshDefaults.CLASSIFICATIONS;
  const { min, max } = DataMeshDefaults.CLASSIFICATIONS_RANGE;
  if (levels.length < min || levels.length > max) {
    v.add(ErrorCode.OUT_OF_RANGE, {
      prop: 'governance.classifications',
      received: levels,
      allowed: `from ${min} to ${max} levels, lowest first`,
    });
  }
  levels.forEach((level, i) => {
    if (typeof level === 'string' && LEVEL_NAME.test(level)) return;
    v.add(ErrorCode.INVALID_NAME, {
      prop: `governance.classifications[${i}]`,
      received: level,
      allowed: "a level name: 1-30 of a-z, 0-9 and '-', starting with a letter",
    });
  });
  checkUnique(
    v,
    'governance.classifications',
    levels.map((name) => name),
    'classification level',
  );
  return levels;
}

function domainContext(
  scope: IConstruct,
  ctx: { readonly v: Violations; readonly levels: readonly string[] },
  spec: DataMeshSpec,
  domain: MeshDomain,
  prop: string,
): DomainContext {
  const { v, levels } = ctx;
  v.add(ErrorCode.INVALID_NAME, nameViolation(NameRules.PLATFORM, `${prop}.name`, domain.name));
  if (!(typeof domain.owner === 'string' && EMAIL.test(domain.owner))) {
    v.add(ErrorCode.INVALID_PRINCIPAL, {
      prop: `${prop}.owner`,
      received: domain.owner,
      allowed: EMAIL_ALLOWED,
    });
  }
  // An unknown clearance is reported once; the checks after it use the default clearance.
  const defaultClearance = levels[Math.min(1, levels.length - 1)];
  const clearance =
    domain.clearance !== undefined && levels.includes(domain.clearance) ? domain.clearance : defaultClearance;
  checkLevel({ v, levels }, `${prop}.clearance`, domain.clearance);
  const nameValid = nameViolation(NameRules.PLATFORM, 'name', domain.name) === undefined;
  const lakehouse = nameValid
    ? v.collect(() => planLakehouse(scope, domainLakehouseSpec(spec, domain)), `${prop}.lakehouse.`)
    : undefined;
  const declared = (domain.lakehouse?.zones ?? DEFAULT_ZONES).map((z) =>
    typeof z === 'string' ? z : z.name,
  );
  const zones = lakehouse?.zones.map((z) => z.name) ?? declared;
  const personas =
    lakehouse?.personas.map((p) => p.name) ??
    [
      ...(domain.lakehouse?.personas ?? defaultPersonas(zones)),
      ...(domain.lakehouse?.additionalPersonas ?? []),
    ].map((p) => p.name);
  const products = new Map<string, DataProduct>();
  for (const product of domain.products ?? []) {
    if (!products.has(product.name)) products.set(product.name, product);
  }
  return { spec: domain, prop, lakehouse, zones, personas, clearance, products };
}

/**
 * Validates a data mesh spec and returns what it resolved. Every violation of the whole spec is
 * reported in one `ValidationError`, grouped by code in {@link MESH_ERROR_ORDER}; elements are
 * named by their name where they have one (`domains["sales"].products["orders"]`).
 */
export function checkDataMeshSpec(
  scope: IConstruct,
  spec: DataMeshSpec,
  columnFiltering: boolean,
  cloud?: string,
): CheckedMesh {
  const v = new Violations(MESH_ERROR_ORDER);
  v.collect(() => validatePlatformName(scope, spec.name, 'name'));
  const levels = checkGovernance(v, spec);
  const domainSpecs = Array.isArray(spec.domains) ? spec.domains : [];
  const { min, max } = DataMeshDefaults.DOMAINS_RANGE;
  if (domainSpecs.length < min || domainSpecs.length > max) {
    v.add(ErrorCode.OUT_OF_RANGE, {
      prop: 'domains',
      received: `${domainSpecs.length} domains`,
      allowed: `from ${min} to ${max} domains`,
    });
  }
  checkUnique(
    v,
    'domains',
    domainSpecs.map((d) => d.name),
    'domain',
  );
  const domains = new Map<string, DomainContext>();
  domainSpecs.forEach((domain, i) => {
    const prop = element('domains', domainSpecs, i);
    checkDescription(
      { v },
      `${prop}.description`,
      domain.description,
      DataMeshDefaults.DESCRIPTION_MAX_LENGTH,
    );
    const context = domainContext(scope, { v, levels }, spec, domain, prop);
    if (!domains.has(domain.name)) domains.set(domain.name, context);
  });
  const ctx: MeshContext = { v, levels, domains, columnFiltering, ...(cloud === undefined ? {} : { cloud }) };
  for (const domain of domains.values()) {
    checkProducts(ctx, domain);
    checkSubscriptions(ctx, domain);
  }
  const lineage = checkLineage(ctx);
  v.throwIfAny(scope);
  return { levels, domains: [...domains.values()], lineage };
}
