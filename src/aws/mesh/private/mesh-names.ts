/**
 * The deterministic names a data mesh's stacks find each other by, instead of CloudFormation
 * exports: persona role names, the catalog key's alias, the classification LF-tag, the contract
 * parameters and the resource links. Internal: not exported from the entry point.
 */
import { Aws } from 'aws-cdk-lib';
import { constructIdFrom } from '../../../core/internal';
import type { PlannedProduct } from '../../../patterns';

/** IAM's limit on a role name. */
export const ROLE_NAME_MAX_LENGTH = 64;
/** The characters IAM accepts in a role name. */
export const ROLE_NAME_PATTERN = /^[A-Za-z0-9+=,.@_-]+$/;
/** SSM Parameter Store: the largest value of a standard parameter, then of an advanced one. */
export const SSM_STANDARD_MAX_BYTES = 4096;
export const SSM_ADVANCED_MAX_BYTES = 8192;

/** A persona's role: `<mesh>-<domain>-<persona>`, the same in every stack that names it. */
export function personaRoleName(mesh: string, domain: string, persona: string): string {
  return `${mesh}-${domain}-${persona}`;
}

/** The ARN of a persona's role in `account` (a literal, or the deploying account's pseudo parameter). */
export function personaRoleArn(mesh: string, domain: string, persona: string, account: string): string {
  return `arn:${Aws.PARTITION}:iam::${account}:role/${personaRoleName(mesh, domain, persona)}`;
}

/** The alias of the key the mesh's catalog metadata is encrypted with, one per account and region. */
export function catalogKeyAlias(mesh: string): string {
  return `alias/${mesh}/catalog`;
}

/** The LF-tag key carrying the mesh's classification levels, one per account and region. */
export function classificationTagKey(mesh: string): string {
  return `${mesh}-classification`;
}

/** Where governance registers a product's contract (Open Data Contract Standard JSON). */
export function contractParameterName(mesh: string, product: PlannedProduct): string {
  return `/${mesh}/contracts/${product.domain}/${product.name}`;
}

/** The resource link a consumer's catalog holds for a producer's database. */
export function resourceLinkName(producerDatabase: string): string {
  return `${producerDatabase}_link`;
}

/** A mesh name (domain, persona, product, level) as a construct id part: `revenue_daily` → `RevenueDaily`. */
export function idPart(name: string): string {
  return constructIdFrom(name.replace(/_/g, '-'));
}
