/**
 * A data mesh's props checked and resolved before any stack is made: the plan, each stack's
 * environment, which stack owns each account's catalog settings, and every AWS-only option.
 * Internal: not exported from the entry point.
 */
import { Aws, Stage, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import {
  contractParameterName,
  personaRoleName,
  ROLE_NAME_MAX_LENGTH,
  ROLE_NAME_PATTERN,
  SSM_ADVANCED_MAX_BYTES,
} from './mesh-names';
import { ErrorCode, ValidationError, type Violation } from '../../../core/internal';
import { type DataMeshPlan, type MeshResourceModel, MeshStackKind, planDataMesh } from '../../../patterns';
import type { DataMeshDomainOptions, DataMeshProps, MeshEnvironment } from '../data-mesh-types';

/** A resolved environment: literals where known; `account` is what ARNs use. */
export interface ResolvedEnv {
  /** The literal account, when known. */
  readonly account?: string;
  /** The literal region, when known. */
  readonly region?: string;
  /** The account as ARNs name it: the literal, or the deploying account's pseudo parameter. */
  readonly arnAccount: string;
  /** One key per account and region: who owns the account-wide settings is decided per key. */
  readonly key: string;
}

/** A data mesh's props, checked and with every default resolved. */
export interface DataMeshSettings {
  /** The spec as given. */
  readonly spec: DataMeshProps;
  readonly plan: DataMeshPlan;
  /** Each planned stack's environment, by stack name. */
  readonly envs: Readonly<Record<string, ResolvedEnv>>;
  /** Each domain's environment, by domain name. */
  readonly domainEnvs: Readonly<Record<string, ResolvedEnv>>;
  /** The stack owning each account's and region's catalog settings, by environment key. */
  readonly owners: ReadonlyMap<string, string>;
  readonly sameOrganization: boolean;
  readonly existingAdmins: Readonly<Record<string, readonly string[]>>;
  readonly domainOptions: Readonly<Record<string, DataMeshDomainOptions>>;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ORDER = [
  ErrorCode.CONFLICTING_PROPS,
  ErrorCode.UNKNOWN_REFERENCE,
  ErrorCode.OUT_OF_RANGE,
  ErrorCode.INVALID_NAME,
  ErrorCode.INVALID_PRINCIPAL,
];

/**
 * Plans the spec (`planDataMesh`, reporting against `mesh`) with the AWS resource model, then
 * checks what only AWS needs: the scope, the environments, the domain options, role names and
 * contract sizes. Throws every violation at once, before anything is made.
 */
export function resolveDataMeshSettings(
  mesh: IConstruct,
  scope: IConstruct,
  props: DataMeshProps,
  resourceModel: MeshResourceModel,
): DataMeshSettings {
  if (!Stage.isStage(scope)) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, mesh, {
      prop: 'scope',
      received: scope.node.path || scope.constructor.name,
      allowed: 'the CDK App or a Stage: the mesh makes its own stacks, one per account and role',
    });
  }
  const plan = planDataMesh(mesh, props, {
    columnFiltering: true,
    resourceModel,
    ...(props.today === undefined ? {} : { today: props.today }),
  });
  const domainOptions = props.domainOptions ?? {};
  const v: Violation[] = [];
  const domains = plan.domains.map((d) => d.name);
  for (const name of Object.keys(domainOptions).filter((n) => !domains.includes(n))) {
    v.push({
      code: ErrorCode.UNKNOWN_REFERENCE,
      prop: `domainOptions[${JSON.stringify(name)}]`,
      received: name,
      allowed: `a domain of the spec: ${domains.join(', ')}`,
    });
  }
  const fallback = { account: scope.account, region: scope.region };
  const resolve = (env: MeshEnvironment | undefined, prop: string) => resolveEnv(env, fallback, prop, v);
  const governanceEnv = resolve(props.governanceEnv, 'governanceEnv');
  const domainEnvs: Record<string, ResolvedEnv> = {};
  for (const d of domains) {
    domainEnvs[d] = resolve(domainOptions[d]?.env, `domainOptions[${JSON.stringify(d)}].env`);
  }
  checkOneAccountOrLiterals(governanceEnv, domainEnvs, v);
  checkDomainOptions(plan, domainOptions, v);
  checkRoleNames(plan, v);
  checkContracts(plan, v);
  const accounts = new Set([governanceEnv, ...Object.values(domainEnvs)].map((e) => e.account));
  for (const account of Object.keys(props.existingLakeFormationAdminArns ?? {})) {
    if (!accounts.has(account)) {
      v.push({
        code: ErrorCode.UNKNOWN_REFERENCE,
        prop: `existingLakeFormationAdminArns[${JSON.stringify(account)}]`,
        received: account,
        allowed: `an account of the mesh: ${[...accounts].filter((a) => a !== undefined).join(', ') || 'none given literally'}`,
      });
    }
  }
  ValidationError.throwAll(mesh, v, ORDER);

  const envs: Record<string, ResolvedEnv> = {};
  const owners = new Map<string, string>();
  for (const stack of plan.stacks) {
    const env = stack.domain === undefined ? governanceEnv : domainEnvs[stack.domain];
    envs[stack.name] = env;
    // Governance owns its account first; then the first identity stack of every other account.
    if (stack.kind !== MeshStackKind.PRODUCTS && !owners.has(env.key)) owners.set(env.key, stack.name);
  }
  return {
    spec: props,
    plan,
    envs,
    domainEnvs,
    owners,
    sameOrganization: props.sameOrganization ?? true,
    existingAdmins: props.existingLakeFormationAdminArns ?? {},
    domainOptions,
  };
}

/** The environment given, else the scope's, else the CDK CLI's defaults, else agnostic. */
function resolveEnv(
  env: MeshEnvironment | undefined,
  fallback: { account?: string; region?: string },
  prop: string,
  v: Violation[],
): ResolvedEnv {
  const literal = (x: string | undefined) => (x === undefined || Token.isUnresolved(x) ? undefined : x);
  const account =
    literal(env?.account) ?? literal(fallback.account) ?? literal(process.env.CDK_DEFAULT_ACCOUNT);
  const region = literal(env?.region) ?? literal(fallback.region) ?? literal(process.env.CDK_DEFAULT_REGION);
  if (literal(env?.account) !== undefined && !ACCOUNT.test(env!.account!)) {
    v.push({
      code: ErrorCode.OUT_OF_RANGE,
      prop: `${prop}.account`,
      received: env!.account,
      allowed: 'a 12-digit AWS account id',
    });
  }
  if (literal(env?.region) !== undefined && !REGION.test(env!.region!)) {
    v.push({
      code: ErrorCode.OUT_OF_RANGE,
      prop: `${prop}.region`,
      received: env!.region,
      allowed: 'an AWS region name such as eu-west-1',
    });
  }
  return {
    account,
    region,
    arnAccount: account ?? Aws.ACCOUNT_ID,
    key: `${account ?? '(deploying account)'}/${region ?? '(deploying region)'}`,
  };
}

/** Several accounts need literal ids everywhere: a grant names the other account's roles. */
function checkOneAccountOrLiterals(
  governance: ResolvedEnv,
  domains: Readonly<Record<string, ResolvedEnv>>,
  v: Violation[],
): void {
  const all = [governance, ...Object.values(domains)];
  const accounts = new Set(all.map((e) => e.account));
  if (accounts.size > 1 && accounts.has(undefined)) {
    const agnostic = [
      ...(governance.account === undefined ? ['governanceEnv'] : []),
      ...Object.entries(domains)
        .filter(([, e]) => e.account === undefined)
        .map(([d]) => `domainOptions[${JSON.stringify(d)}].env`),
    ];
    v.push({
      code: ErrorCode.CONFLICTING_PROPS,
      prop: agnostic[0],
      received: `no account for ${agnostic.join(', ')} while others name ${[...accounts].filter(Boolean).join(', ')}`,
      allowed: 'a literal 12-digit account for every part once the mesh spans several accounts',
    });
  }
}

/** Scripts are checked by each domain's lakehouse; persona principals name personas of the domain. */
function checkDomainOptions(
  plan: DataMeshPlan,
  options: Readonly<Record<string, DataMeshDomainOptions>>,
  v: Violation[],
): void {
  for (const domain of plan.domains) {
    const personas = domain.lakehouse.personas.map((p) => p.name);
    for (const name of Object.keys(options[domain.name]?.personaPrincipals ?? {})) {
      if (personas.includes(name)) continue;
      v.push({
        code: ErrorCode.UNKNOWN_REFERENCE,
        prop: `domainOptions[${JSON.stringify(domain.name)}].personaPrincipals[${JSON.stringify(name)}]`,
        received: name,
        allowed: `a persona of the domain: ${personas.join(', ')}`,
      });
    }
  }
}

/** Every persona's role name, `<mesh>-<domain>-<persona>`, within IAM's limits. */
function checkRoleNames(plan: DataMeshPlan, v: Violation[]): void {
  for (const domain of plan.domains) {
    for (const persona of domain.lakehouse.personas) {
      const name = personaRoleName(plan.name, domain.name, persona.name);
      if (name.length <= ROLE_NAME_MAX_LENGTH && ROLE_NAME_PATTERN.test(name)) continue;
      v.push({
        code: ErrorCode.INVALID_NAME,
        prop: `domains[${JSON.stringify(domain.name)}].lakehouse.personas[${JSON.stringify(persona.name)}]`,
        received: `role name ${name} (${name.length} characters)`,
        allowed: `a role name <mesh>-<domain>-<persona> of at most ${ROLE_NAME_MAX_LENGTH} of letters, digits and +=,.@_-: shorten the mesh, domain or persona name`,
      });
    }
  }
}

/** Each contract fits one SSM parameter (advanced tier: 8 KB). */
function checkContracts(plan: DataMeshPlan, v: Violation[]): void {
  plan.contracts.forEach((contract, i) => {
    const product = plan.products[i];
    const bytes = Buffer.byteLength(JSON.stringify(contract), 'utf8');
    if (bytes <= SSM_ADVANCED_MAX_BYTES) return;
    v.push({
      code: ErrorCode.OUT_OF_RANGE,
      prop: `domains[${JSON.stringify(product.domain)}].products[${JSON.stringify(product.name)}]`,
      received: `a contract of ${bytes} bytes for ${contractParameterName(plan.name, product)}`,
      allowed: `a contract of at most ${SSM_ADVANCED_MAX_BYTES} bytes as JSON (an advanced SSM parameter): shorten descriptions or split the product`,
    });
  });
}
