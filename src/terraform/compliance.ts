/**
 * Runs the kit's Terraform rule packs on a cdktf stack, with acknowledgements attached to
 * constructs (the cdk-nag way). Part of the Terraform seam: exported by the `gcp` and `azure`
 * compliance entry points, never by `core`.
 *
 * An acknowledgement is stamped into each affected resource's `//` comment block at synth
 * (`"//": { "acknowledgements": [{ "ruleId", "reason" }] }`), so the same findings come out of
 * an in-memory check and of a `cdk.tf.json` on disk. Terraform ignores `//` keys.
 */
import type { IConstruct } from 'constructs';
import { applyRemoval, Aspects, type IAspect, TerraformResource, TerraformStack } from './engine';
import { synthesizeStack } from './synthesize';
import {
  ComplianceIntent,
  type ComplianceReport,
  evaluateTerraform,
  type IntentStatement,
  type RuleAcknowledgement,
  type TerraformRule,
  validateAcknowledgement,
} from '../core/compliance';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT, type RemovalDecision } from '../core/removal';

export type { RuleAcknowledgement } from '../core/compliance';

/** Metadata type under which acknowledgements are stored on a construct. */
export const ACKNOWLEDGEMENT_METADATA = 'data-platform-kit:acknowledgement';

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
  validateAcknowledgement(scope, ack);
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

/**
 * Runs `rules` on synthesized Terraform: on `scope` when it is a stack, on every stack below it
 * when it is an app, or on the whole stack that holds it otherwise. The clouds' `checkCompliance`
 * is this with their pack.
 */
export function checkTerraform(scope: IConstruct, rules: readonly TerraformRule[]): ComplianceReport {
  const below = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  const stacks = below.length > 0 ? below : [TerraformStack.of(scope)];
  const reports = stacks.map((stack) => checkTerraformStack(stack, rules));
  return {
    findings: reports.flatMap((r) => r.findings),
    acknowledged: reports.flatMap((r) => r.acknowledged),
    checks: reports.reduce((n, r) => n + r.checks, 0),
  };
}

/** Why a resource the user chose to destroy is not a compliance finding. */
export const DESTROY_ACKNOWLEDGEMENT_REASON =
  `removalPolicy DESTROY was requested and the app context sets '${REMOVE_DATA_ON_DESTROY_CONTEXT}' ` +
  'to true: the user chose, twice, to let this resource be destroyed.';

/**
 * Renders a removal decision (`applyRemoval`) on `resources` and, when DESTROY took effect (the
 * prop AND the app-level flag), states {@link ComplianceIntent.DESTROY_CHOSEN} on each with
 * {@link DESTROY_ACKNOWLEDGEMENT_REASON} through `stateIntent`, the cloud's mapping to its pack:
 * the finding stays visible under `acknowledged` instead of failing a zero-findings gate.
 */
export function applyDataRemoval(
  scope: IConstruct,
  decision: RemovalDecision,
  resources: readonly TerraformResource[],
  stateIntent: (resource: TerraformResource, statement: IntentStatement) => void,
): void {
  applyRemoval(scope, decision, ...resources);
  if (decision.policy !== DataRemovalPolicy.DESTROY) return;
  for (const resource of resources) {
    stateIntent(resource, {
      intent: ComplianceIntent.DESTROY_CHOSEN,
      reason: DESTROY_ACKNOWLEDGEMENT_REASON,
    });
  }
}
