/**
 * What a block means by a setting that a compliance rule would report. Blocks state an intent
 * with its reason; each cloud's pack maps the intent to its own rule ids
 * (`src/<cloud>/compliance/intents.ts`), so blocks never name a rule and a pack can rename or
 * split its rules without touching them. Engine-free.
 */
import type { TerraformRule } from './rule';

/** The intents a block may state; see docs/compliance.md. */
export enum ComplianceIntent {
  /**
   * The user chose DESTROY for a resource that holds data, with the `removeDataOnDestroy` app
   * flag: it may be deleted, so it is not `prevent_destroy`.
   */
  DESTROY_CHOSEN = 'destroy-chosen',
  /**
   * A public endpoint is on because a deployer or a service must reach it, and its firewall
   * denies by default and admits only the listed IP ranges or resource instances.
   */
  ALLOW_LISTED_PUBLIC_ENDPOINT = 'allow-listed-public-endpoint',
  /**
   * A role the block made names wildcard resources its purpose needs (every object of a zone),
   * or actions without resource-level permissions.
   */
  INHERENT_WILDCARD_RESOURCES = 'inherent-wildcard-resources',
  /** Encrypted with the platform's customer-managed key where a rule asks for the service's own key. */
  CUSTOMER_MANAGED_KEY = 'customer-managed-key',
  /** Stores nothing at rest: records stay in an encrypted source and land encrypted in the destination. */
  NOTHING_AT_REST = 'nothing-at-rest',
  /**
   * Access to the resource is logged by a project- or account-wide setting that another stack
   * owns (one authoritative audit config per project and service), so this stack cannot show it.
   */
  ACCESS_LOGGED_ELSEWHERE = 'access-logged-elsewhere',
}

/** An intent stated on a resource, with the reason the compliance report shows for it. */
export interface IntentStatement {
  readonly intent: ComplianceIntent;
  /** Why the resource is meant this way (at least `MIN_REASON_LENGTH` characters). */
  readonly reason: string;
}

/** A Terraform pack's map from an intent to the rules it answers; each rule applies to its own resource types. */
export type IntentRules = Readonly<Partial<Record<ComplianceIntent, readonly TerraformRule[]>>>;

/** The ids of the rules of `table` that `intent` answers on a resource of Terraform type `resourceType`. */
export function intentRuleIds(table: IntentRules, intent: ComplianceIntent, resourceType: string): string[] {
  return (table[intent] ?? []).filter((rule) => rule.resourceTypes.includes(resourceType)).map((r) => r.id);
}
