/**
 * The rule model of the kit's Terraform compliance packs, built the cdk-nag way: one rule per
 * file, a pure tri-state check, and a pack table of id, description and level. Engine-free:
 * rules read synthesized Terraform JSON, so they run on a stack in a test or on `out/` files.
 */
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../errors';

/** How serious a finding is. */
export enum RuleLevel {
  /** A security or data-safety default is broken. */
  ERROR = 'Error',
  /** A hardening recommendation is not met. */
  WARNING = 'Warning',
}

/** The outcome of one rule on one resource. */
export enum RuleResult {
  COMPLIANT = 'compliant',
  NON_COMPLIANT = 'non-compliant',
  /** The rule does not apply to this resource (e.g. a feature the resource does not use). */
  NOT_APPLICABLE = 'not-applicable',
}

/** One resource block of a synthesized Terraform document. */
export interface TfResource {
  /** Terraform type, e.g. `google_storage_bucket`. */
  readonly type: string;
  /** Terraform name (the logical id). */
  readonly name: string;
  /** `type.name`. */
  readonly address: string;
  /** Path of the construct that made it, when the document kept cdktf's metadata. */
  readonly path?: string;
  /** The resource's arguments (snake_case), without cdktf's `//` metadata. */
  readonly config: Readonly<Record<string, any>>;
  /** Rules acknowledged on this resource (stamped in its `//` block), with reasons. */
  readonly acknowledgements: readonly Acknowledgement[];
}

/** Read access to the whole document, for rules that look across resources. */
export interface TfDocumentView {
  /** Every resource of `type`. */
  resources(type: string): readonly TfResource[];
}

/** One compliance rule. `check` must be pure: same resource, same result. */
export interface TerraformRule {
  /** Public id the rule implements (Checkov / Trivy / CIS), or a `DPK_*` id of the kit's own. */
  readonly id: string;
  /** What compliance means, in one sentence. */
  readonly description: string;
  /** Why the rule exists: the risk it guards against, and for the kit's own ids why no public check fits. */
  readonly explanation: string;
  readonly level: RuleLevel;
  /** The resource types the rule inspects. */
  readonly resourceTypes: readonly string[];
  /** Decides compliance for one resource of one of `resourceTypes`. */
  check(resource: TfResource, doc: TfDocumentView): RuleResult;
}

/** A titled group of a pack's rules (a service, or where the rules come from), as the rules docs list them. */
export interface PackSection<R> {
  readonly title: string;
  readonly rules: readonly R[];
}

/** Shorthand for rules: COMPLIANT when `ok`, NON_COMPLIANT otherwise. */
export function compliantIf(ok: boolean): RuleResult {
  return ok ? RuleResult.COMPLIANT : RuleResult.NON_COMPLIANT;
}

/** A rule failing on a resource. */
export interface Finding {
  readonly ruleId: string;
  readonly description: string;
  readonly level: RuleLevel;
  readonly address: string;
  readonly path?: string;
}

/** A finding that was acknowledged, with the reason given. */
export interface AcknowledgedFinding extends Finding {
  readonly reason: string;
}

/** An acknowledgement: findings of rule `ruleId` are accepted on a resource, for `reason`. */
export interface Acknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/** Fewest characters an acknowledgement's reason may have: a reason, not a placeholder. */
export const MIN_REASON_LENGTH = 10;

/** A rule accepted on a construct (and everything below it), with why. */
export interface RuleAcknowledgement {
  /** The rule id, e.g. `CKV_AZURE_189` or `AwsSolutions-IAM5`. */
  readonly id: string;
  /** Why the finding is acceptable here (at least {@link MIN_REASON_LENGTH} characters). */
  readonly reason: string;
}

/** True when an acknowledgement names a rule and gives a real reason. */
export function isValidAcknowledgement(ack: RuleAcknowledgement): boolean {
  return !!ack.id?.trim() && (ack.reason ?? '').trim().length >= MIN_REASON_LENGTH;
}

/** Throws `DPK_INVALID_ACKNOWLEDGEMENT` on `scope` unless `ack` names a rule and gives a real reason. */
export function validateAcknowledgement(scope: IConstruct, ack: RuleAcknowledgement): void {
  if (isValidAcknowledgement(ack)) return;
  throw ValidationError.of(ErrorCode.INVALID_ACKNOWLEDGEMENT, scope, {
    prop: 'acknowledgement',
    received: ack,
    allowed: `a rule id and a reason of at least ${MIN_REASON_LENGTH} characters`,
  });
}

/** What a compliance run found. */
export interface ComplianceReport {
  /** Unacknowledged findings: zero is the bar. */
  readonly findings: readonly Finding[];
  /** Findings accepted by an acknowledgement, each with its reason. */
  readonly acknowledged: readonly AcknowledgedFinding[];
  /** How many rule × resource checks ran (not counting not-applicable). */
  readonly checks: number;
}
