import { ErrorCode } from '../../../core/internal';
import { EMAIL } from '../../private/violations';
import { DataMeshDefaults, type DataProduct, type MeshSubscription } from '../spec';
import {
  columnLevel,
  columnsAbove,
  type DomainContext,
  EMAIL_ALLOWED,
  levelRank,
  type MeshContext,
  productLevel,
  wholeProductLevel,
} from './context';

/** A calendar date `YYYY-MM-DD` that exists. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The personas a subscription serves: its own, or the defaults. */
export function subscriberPersonas(subscription: MeshSubscription): readonly string[] {
  return subscription.personas ?? DataMeshDefaults.SUBSCRIBER_PERSONAS;
}

function subscriptionProp(domain: DomainContext, index: number): string {
  return `${domain.prop}.subscriptions[${index}]`;
}

function checkPersonas(
  ctx: MeshContext,
  prop: string,
  s: MeshSubscription,
  consumer: DomainContext,
  restricted: boolean,
): void {
  if (s.personas !== undefined && s.personas.length === 0) {
    ctx.v.add(ErrorCode.OUT_OF_RANGE, {
      prop: `${prop}.personas`,
      received: [],
      allowed: 'at least one persona',
    });
  }
  subscriberPersonas(s).forEach((persona, i) => {
    if (consumer.personas.includes(persona)) return;
    ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
      prop: s.personas === undefined ? `${prop}.personas` : `${prop}.personas[${i}]`,
      received: persona,
      allowed: `a persona of domain ${JSON.stringify(consumer.spec.name)}: ${consumer.personas.join(', ')}${
        s.personas === undefined ? ' (the default subscriber personas are not all there: list them)' : ''
      }`,
    });
  });
  if (restricted && s.personas === undefined) {
    ctx.v.add(ErrorCode.CLASSIFICATION, {
      prop: `${prop}.personas`,
      received: undefined,
      allowed: 'the consumer personas listed by name: the product is restricted',
    });
  }
}

function checkClearance(ctx: MeshContext, prop: string, product: DataProduct, consumer: DomainContext): void {
  const whole = wholeProductLevel(ctx, product);
  if (whole !== undefined && levelRank(ctx, whole) > levelRank(ctx, consumer.clearance)) {
    ctx.v.add(ErrorCode.CLASSIFICATION, {
      prop: `${prop}.consumer`,
      received: consumer.spec.name,
      allowed: `a domain cleared for ${whole} (the product's classification as a whole); ${consumer.spec.name} is cleared for ${consumer.clearance}`,
    });
    return;
  }
  const hidden = columnsAbove(ctx, product, consumer.clearance);
  if (hidden.length === 0) return;
  if (hidden.length === (product.schema ?? []).length) {
    ctx.v.add(ErrorCode.CLASSIFICATION, {
      prop: `${prop}.consumer`,
      received: consumer.spec.name,
      allowed: `a domain cleared for at least one column of the product; every column is above ${consumer.spec.name}'s clearance (${consumer.clearance})`,
    });
  } else if (!ctx.columnFiltering) {
    ctx.v.add(ErrorCode.CLASSIFICATION, {
      prop: `${prop}.consumer`,
      received: consumer.spec.name,
      allowed:
        ctx.cloud === undefined
          ? `a domain cleared for every column: this cloud cannot hide columns, and ${hidden.join(', ')} are above ${consumer.spec.name}'s clearance (${consumer.clearance}); publish a de-identified product instead`
          : `a domain cleared for every column: ${ctx.cloud} cannot hide columns: ${hidden.join(', ')} are above ${consumer.spec.name}'s clearance (${consumer.clearance}); subscribe ${consumer.spec.name} to a de-identified product or clear it for ${highestLevel(ctx, product, hidden)}`,
    });
  }
}

/**
 * Checks one producer domain's subscriptions: known consumer, product and personas, no
 * self-subscription or repeat, an approver and a valid expiry, clearance for the product's
 * columns, and listed consumers for restricted products.
 */
export function checkSubscriptions(ctx: MeshContext, domain: DomainContext): void {
  const subscriptions = domain.spec.subscriptions ?? [];
  const restrictedLevel = ctx.levels[ctx.levels.length - 1];
  const seen = new Set<string>();
  subscriptions.forEach((s, i) => {
    const prop = subscriptionProp(domain, i);
    const consumer = typeof s.consumer === 'string' ? ctx.domains.get(s.consumer) : undefined;
    if (consumer === undefined) {
      ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
        prop: `${prop}.consumer`,
        received: s.consumer,
        allowed: `one of the mesh's domains: ${[...ctx.domains.keys()].join(', ')}`,
      });
    } else if (consumer === domain) {
      ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
        prop: `${prop}.consumer`,
        received: s.consumer,
        allowed: 'another domain (a domain reads its own products through its lakehouse personas)',
      });
    }
    const product = typeof s.product === 'string' ? domain.products.get(s.product) : undefined;
    if (product === undefined) {
      ctx.v.add(ErrorCode.UNKNOWN_REFERENCE, {
        prop: `${prop}.product`,
        received: s.product,
        allowed: `one of ${domain.spec.name}'s products: ${[...domain.products.keys()].join(', ') || '(none declared)'}`,
      });
    }
    if (!(typeof s.approvedBy === 'string' && EMAIL.test(s.approvedBy))) {
      ctx.v.add(ErrorCode.INVALID_PRINCIPAL, {
        prop: `${prop}.approvedBy`,
        received: s.approvedBy,
        allowed: EMAIL_ALLOWED,
      });
    }
    if (s.expires !== undefined && !isIsoDate(s.expires)) {
      ctx.v.add(ErrorCode.OUT_OF_RANGE, {
        prop: `${prop}.expires`,
        received: s.expires,
        allowed: 'a date YYYY-MM-DD',
      });
    }
    const key = `${s.consumer}\u0000${s.product}`;
    if (seen.has(key)) {
      ctx.v.add(ErrorCode.CONFLICTING_PROPS, {
        prop: `${prop}.product`,
        received: s.product,
        allowed: `one subscription per consumer and product (${s.consumer} already subscribes to ${s.product})`,
      });
    }
    seen.add(key);
    if (consumer === undefined || consumer === domain || product === undefined) return;
    checkPersonas(ctx, prop, s, consumer, productLevel(ctx, product) === restrictedLevel);
    checkClearance(ctx, prop, product, consumer);
  });

  for (const [name, product] of domain.products) {
    if (productLevel(ctx, product) !== restrictedLevel) continue;
    if (subscriptions.some((s) => s.product === name)) continue;
    ctx.v.add(ErrorCode.CLASSIFICATION, {
      prop: `${domain.prop}.subscriptions`,
      received: `no subscription to ${name}`,
      allowed: `at least one listed consumer of the ${restrictedLevel} product ${name} (a restricted product reaches only the consumers its owner lists)`,
    });
  }
}

/** The highest level among `columns` of `product`: what a consumer must be cleared for to read them. */
function highestLevel(ctx: MeshContext, product: DataProduct, columns: readonly string[]): string {
  const ranks = (product.schema ?? [])
    .filter((c) => columns.includes(c.name))
    .map((c) => levelRank(ctx, columnLevel(ctx, c.classification)));
  return ctx.levels[Math.max(...ranks)];
}
