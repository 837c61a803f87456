/**
 * Runs the kit's Terraform rule packs on a cdktf stack, with acknowledgements attached to
 * constructs (the cdk-nag way). Lives beside the engine seam: exported by the `gcp` and
 * `azure` entry points, never by `core`.
 *
 * An acknowledgement is stamped into each affected resource's `//` comment block at synth
 * (`"//": { "acknowledgements": [{ "ruleId", "reason" }] }`), so the same findings come out of
 * an in-memory check and of a `cdk.tf.json` on disk. Terraform ignores `//` keys.
 */
import type { IConstruct } from 'constructs';
import { type ComplianceReport, evaluateTerraform, type TerraformRule } from './compliance';
import { ErrorCode, ValidationError } from './errors';
import { Aspects, type IAspect, synthesizeStack, TerraformResource, TerraformStack } from './tf';

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

interface StoredAcknowledgement {
  readonly ruleId: string;
  readonly reason: string;
}

/** Stamps every resource with the acknowledgements made on it or on an ancestor. */
class AcknowledgementStamp implements IAspect {
  public visit(node: IConstruct): void {
    if (!TerraformResource.isTerraformResource(node)) return;
    const acks = node.node.scopes.flatMap((scope) =>
      scope.node.metadata
        .filter((m) => m.type === ACKNOWLEDGEMENT_METADATA)
        .map((m) => m.data as StoredAcknowledgement),
    );
    if (acks.length > 0) node.addOverride('//.acknowledgements', acks);
  }
}

const STAMPED = new WeakSet<TerraformStack>();

/**
 * Accepts findings of rule `id` on `scope` and every resource below it, with a reason.
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
  const stack = TerraformStack.of(scope);
  if (!STAMPED.has(stack)) {
    STAMPED.add(stack);
    Aspects.of(stack).add(new AcknowledgementStamp());
  }
}

/**
 * Synthesizes `stack` in memory and runs `rules` over it. Findings on resources that
 * acknowledged the rule (or whose ancestors did) are reported separately, with the reasons.
 */
export function checkTerraformStack(
  stack: TerraformStack,
  rules: readonly TerraformRule[],
): ComplianceReport {
  return evaluateTerraform(synthesizeStack(stack), rules);
}
