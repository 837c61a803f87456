/**
 * The GCP pack's side of the intents blocks state (`ComplianceIntent`): which of its rules each
 * intent answers. Blocks call {@link stateIntent} and never name a rule. Loaded by the blocks,
 * so it imports only the rule files it maps, never the whole pack.
 */
import type { TerraformResource } from '../../terraform';
import { acknowledgeRule } from '../../terraform';
import { CKV_GCP_82 } from './rules/kms/key-prevent-destroy';
import { DPK_GCP_PREVENT_DESTROY } from './rules/lifecycle/prevent-destroy';
import { CKV_GCP_62 } from './rules/storage/bucket-access-logging';
import { ComplianceIntent, type IntentRules, type IntentStatement, intentRuleIds } from '../../core/internal';

/** For each intent a GCP block states, the rules it answers (each on its own resource types). */
export const INTENT_RULES: IntentRules = {
  // Buckets, datasets, tables, topics and key rings: the kit's rule; crypto keys: Checkov's.
  [ComplianceIntent.DESTROY_CHOSEN]: [DPK_GCP_PREVENT_DESTROY, CKV_GCP_82],
  // Buckets whose access the project's data-access audit logs record, set by another stack.
  [ComplianceIntent.ACCESS_LOGGED_ELSEWHERE]: [CKV_GCP_62],
};

/**
 * States `statement` on `resource`: acknowledges, with the statement's reason, every rule of
 * {@link INTENT_RULES} the intent answers on the resource's type.
 */
export function stateIntent(resource: TerraformResource, statement: IntentStatement): void {
  for (const id of intentRuleIds(INTENT_RULES, statement.intent, resource.terraformResourceType)) {
    acknowledgeRule(resource, { id, reason: statement.reason });
  }
}
