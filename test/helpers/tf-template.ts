import * as os from 'node:os';
import * as path from 'node:path';
import type { IConstruct } from 'constructs';
import { App, Testing, TerraformStack } from '../../src/terraform';

/** A Terraform JSON document as `cdktf synth` writes it. */
export type TfDocument = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  [key: string]: unknown;
};

/** One resource or data source: its Terraform address and its configuration. */
export interface TfBlock {
  readonly address: string;
  readonly name: string;
  readonly config: Record<string, unknown>;
}

/** One shared outdir for every test app, so runs do not litter the temp folder. */
const OUTDIR = path.join(os.tmpdir(), 'data-platform-kit-tests');

/** A fresh cdktf app and stack for one test, with optional app context. */
export function newTfStack(context: Record<string, unknown> = {}, id = 'Test'): TerraformStack {
  const app = new App({ outdir: OUTDIR, stackTraces: false, context });
  return new TerraformStack(app, id);
}

/**
 * Deep partial match, like aws-cdk-lib's `Match.objectLike` at every level: objects may hold
 * more keys than expected; arrays must have the same length, matched element by element.
 */
export function matches(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && 'asymmetricMatch' in expected) {
    return (expected as { asymmetricMatch(a: unknown): boolean }).asymmetricMatch(actual);
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matches(actual[i], e))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) => matches((actual as Record<string, unknown>)[k], v));
  }
  return Object.is(actual, expected);
}

/** Assertions on a synthesized Terraform stack, mirroring aws-cdk-lib's `Template`. */
export class TfTemplate {
  /** Synthesizes `stack` (running construct validations) and parses the JSON. */
  public static fromStack(stack: TerraformStack): TfTemplate {
    return new TfTemplate(JSON.parse(Testing.synth(stack, true)) as TfDocument);
  }

  private constructor(public readonly doc: TfDocument) {}

  /** Every resource of `type`, optionally only those matching `props`. */
  public resources(type: string, props?: Record<string, unknown>): TfBlock[] {
    return this.blocks('resource', type, props);
  }

  /** Every data source of `type`, optionally only those matching `props`. */
  public dataSources(type: string, props?: Record<string, unknown>): TfBlock[] {
    return this.blocks('data', type, props);
  }

  /** Asserts there are exactly `count` resources of `type`. */
  public resourceCountIs(type: string, count: number): void {
    expect({ type, count: this.resources(type).length }).toEqual({ type, count });
  }

  /** Asserts at least one resource of `type` matches `props`; returns the first match. */
  public hasResourceProperties(type: string, props: Record<string, unknown>): TfBlock {
    const found = this.resources(type, props);
    if (found.length === 0) {
      const all = this.resources(type).map((b) => ({ [b.address]: b.config }));
      throw new Error(
        `No ${type} matches ${JSON.stringify(props, null, 2)}\nFound: ${JSON.stringify(all, null, 2)}`,
      );
    }
    return found[0];
  }

  /** Asserts every resource of `type` (at least one) matches `props`. */
  public allResourcesHave(type: string, props: Record<string, unknown>): void {
    const all = this.resources(type);
    expect(all.length).toBeGreaterThan(0);
    const failing = all.filter((b) => !matches(b.config, props)).map((b) => b.address);
    expect(failing).toEqual([]);
  }

  /** Total number of resources in the stack. */
  public resourceCount(): number {
    return Object.values(this.doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  }

  private blocks(kind: 'resource' | 'data', type: string, props?: Record<string, unknown>): TfBlock[] {
    const byName = this.doc[kind]?.[type] ?? {};
    return Object.entries(byName)
      .map(([name, config]) => ({
        address: `${kind === 'data' ? 'data.' : ''}${type}.${name}`,
        name,
        config,
      }))
      .filter((b) => props === undefined || matches(b.config, props));
  }
}

/** Every warning message (cdktf `@cdktf/warn` metadata) added on `scope` or below. */
export function warningsOf(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/warn')
    .map((m) => String(m.data));
}

/** Every info message (cdktf `@cdktf/info` metadata) added on `scope` or below. */
export function infosOf(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === '@cdktf/info')
    .map((m) => String(m.data));
}
