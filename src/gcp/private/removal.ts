import type { IConstruct } from 'constructs';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT, type RemovalDecision } from '../../core/removal';
import { applyRemoval, type TerraformResource } from '../../core/tf';
import { acknowledgeRule } from '../../core/tf-compliance';

/**
 * The compliance rules that report a resource without `lifecycle.prevent_destroy`, by the id the
 * GCP pack gives them (`data-platform-kit/gcp/compliance`).
 */
export enum PreventDestroyRule {
  /** Buckets, BigQuery datasets and tables, key rings. */
  RETAINED = 'DPK_GCP_PREVENT_DESTROY',
  /** Cloud KMS crypto keys. */
  CRYPTO_KEY = 'CKV_GCP_82',
}

/** Why a resource the user chose to destroy is not a compliance finding. */
export const DESTROY_ACKNOWLEDGEMENT_REASON =
  `removalPolicy DESTROY was requested and the app context sets '${REMOVE_DATA_ON_DESTROY_CONTEXT}' ` +
  'to true: the user chose, twice, to let this resource be destroyed.';

/**
 * Renders `decision` on each resource (core `applyRemoval`). When DESTROY took effect, which
 * needs both the prop and the app-level flag, each resource also acknowledges the rule that would
 * report its missing `prevent_destroy`, with {@link DESTROY_ACKNOWLEDGEMENT_REASON}: the finding
 * stays visible in the report's acknowledged list rather than failing a zero-findings gate.
 */
export function applyDataRemoval(
  scope: IConstruct,
  decision: RemovalDecision,
  targets: readonly (readonly [TerraformResource, PreventDestroyRule])[],
): void {
  applyRemoval(scope, decision, ...targets.map(([resource]) => resource));
  if (decision.policy !== DataRemovalPolicy.DESTROY) return;
  for (const [resource, rule] of targets) {
    acknowledgeRule(resource, { id: rule, reason: DESTROY_ACKNOWLEDGEMENT_REASON });
  }
}
