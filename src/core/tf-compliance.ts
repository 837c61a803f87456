/**
 * Runs the kit's Terraform rule packs on a cdktf stack, with acknowledgements attached to
 * constructs (the cdk-nag way). Lives beside the engine seam: exported by the `gcp` and
 * `azure` entry points, never by `core`.
 */
import type { IConstruct } from 'constructs';
import {
  type Acknowledgement,
  type ComplianceReport,
  evaluateTerraform,
  type TerraformRule,
} from './compliance';
import { ErrorCode, ValidationError } from './errors';
import { synthesizeStack, type TerraformStack } from './tf';

/** Metadata type under which acknowledgements are stored on a construct. */
export const ACKNOWLEDGEMENT_METADATA = 'data-platform-kit:acknowledgement';

/** Fewest characters an acknowledgement's reason may have: a reason, not a placeholder. */
export const MIN_REASON_LENGTH = 10;

/** A rule accepted on a construct, with why. */
export interface RuleAcknowledgement {
  /** The rule id, e.g. `CKV_AZURE_189`. */
  readonly id: string;
  /** Why the finding is acceptable here (at least 10 characters). */
  readonly reason: string;
}

/**
 * Accepts findings of rule `id` on `scope` and every construct below it, with a reason.
 * Throws `DPK_INVALID_ACKNOWLEDGEMENT` when the id or the reason is missing.
 *
 * @example
 * acknowledgeRule(vault, { id: 'CKV_AZURE_189', reason: 'Deployer IP allow-list; keys are created on the data plane' });
 */
export function acknowledgeRule(scope: IConstruct, ack: RuleAcknowledgement): void {
  if (!ack.id?.trim() || (ack.reason ?? '').trim().length < MIN_REASON_LENGTH) {
    throw ValidationError.of(ErrorCode.INVALID_ACKNOWLEDGEMENT, scope, {
      prop: 'acknowledgement',
      received: ack,
      allowed: `a rule id and a reason of at least ${MIN_REASON_LENGTH} characters`,
    });
  }
  scope.node.addMetadata(ACKNOWLEDGEMENT_METADATA, { ruleId: ack.id, reason: ack.reason });
}

/** Every acknowledgement made on `root` or below, with the path it applies to. */
export function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node
    .findAll()
    .flatMap((c) =>
      c.node.metadata
        .filter((m) => m.type === ACKNOWLEDGEMENT_METADATA)
        .map((m) => ({ ...(m.data as { ruleId: string; reason: string }), path: c.node.path })),
    );
}

/**
 * Synthesizes `stack` in memory and runs `rules` over it. Findings on constructs that
 * acknowledged the rule are reported separately, with their reasons.
 */
export function checkTerraformStack(
  stack: TerraformStack,
  rules: readonly TerraformRule[],
): ComplianceReport {
  return evaluateTerraform(synthesizeStack(stack), rules, acknowledgementsIn(stack));
}
