import type { LakehousePlan } from '../../lakehouse/plan';
import type { Violations } from '../../private/violations';
import type { DataProduct, MeshDomain } from '../spec';

/** A domain as the checks see it: its spec, where it sits in the spec, and what it resolved to. */
export interface DomainContext {
  /** The domain's spec. */
  readonly spec: MeshDomain;
  /** How errors name it (`domains["sales"]`). */
  readonly prop: string;
  /** Its lakehouse plan, when the lakehouse spec is valid. */
  readonly lakehouse?: LakehousePlan;
  /** Its zones, in flow order (from the plan, or as declared when the plan failed). */
  readonly zones: readonly string[];
  /** Its personas' names. */
  readonly personas: readonly string[];
  /** The highest level its personas may read. */
  readonly clearance: string;
  /** Its products by name (the first of a repeated name). */
  readonly products: ReadonlyMap<string, DataProduct>;
}

/** What every check of one mesh shares. */
export interface MeshContext {
  /** Where violations are collected. */
  readonly v: Violations;
  /** Classification levels, lowest first. */
  readonly levels: readonly string[];
  /** The domains by name (the first of a repeated name). */
  readonly domains: ReadonlyMap<string, DomainContext>;
  /** Whether the cloud rendering the mesh can hide columns from a consumer. */
  readonly columnFiltering: boolean;
  /** The storage that cannot hide columns, as rejections name it (`Azure Storage`); unnamed when undefined. */
  readonly cloud?: string;
}

/** The part of the context the classification helpers read. */
export type LevelContext = Pick<MeshContext, 'levels'>;

/** A level's rank: 0 for the lowest; -1 when the level is not declared. */
export function levelRank(ctx: LevelContext, level: string | undefined): number {
  return level === undefined ? -1 : ctx.levels.indexOf(level);
}

/** The effective classification of a column: its own, or the lowest level. */
export function columnLevel(ctx: LevelContext, classification: string | undefined): string {
  return classification ?? ctx.levels[0];
}

/** A product's effective classification: its own, or the highest among its columns. */
export function productLevel(ctx: LevelContext, product: DataProduct): string {
  if (product.classification !== undefined) return product.classification;
  const ranks = (product.schema ?? []).map((c) => levelRank(ctx, columnLevel(ctx, c.classification)));
  return ctx.levels[Math.max(0, ...ranks)];
}

/** How an email address is described in errors. */
export const EMAIL_ALLOWED = 'an email address (name@domain)';

/** The names of a product's columns classified above `clearance`, in schema order. */
export function columnsAbove(ctx: LevelContext, product: DataProduct, clearance: string): string[] {
  const cleared = levelRank(ctx, clearance);
  return (product.schema ?? [])
    .filter((c) => levelRank(ctx, columnLevel(ctx, c.classification)) > cleared)
    .map((c) => c.name);
}

/**
 * The level a product is classified at as a whole, beyond its columns: its own classification
 * when it is above every column's (a consumer must then be cleared for it); undefined otherwise.
 */
export function wholeProductLevel(ctx: LevelContext, product: DataProduct): string | undefined {
  if (product.classification === undefined) return undefined;
  const highestColumn = Math.max(
    0,
    ...(product.schema ?? []).map((c) => levelRank(ctx, columnLevel(ctx, c.classification))),
  );
  return levelRank(ctx, product.classification) > highestColumn ? product.classification : undefined;
}
