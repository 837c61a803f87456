/**
 * The Azure pack's side of the intents blocks state (`ComplianceIntent`): which of its rules
 * each intent answers. Blocks call {@link stateIntent} and never name a rule. Loaded by the
 * blocks, so it imports only the rule files it maps, never the whole pack.
 */
import { CKV_AZURE_189 } from './rules/key-vault/public-network-disabled';
import { DPK_AZURE_PREVENT_DESTROY } from './rules/lifecycle/prevent-destroy';
import { CKV_AZURE_59 } from './rules/storage/account-public-network-disabled';
import { ComplianceIntent, type IntentRules, type IntentStatement, intentRuleIds } from '../../core/internal';
import type { TerraformResource } from '../../terraform';
import { acknowledgeRule } from '../../terraform';

/** For each intent an Azure block states, the rules it answers (each on its own resource types). */
export const INTENT_RULES: IntentRules = {
  [ComplianceIntent.DESTROY_CHOSEN]: [DPK_AZURE_PREVENT_DESTROY],
  // A storage account admitting resource instances; a Key Vault admitting the deployer's ranges.
  [ComplianceIntent.ALLOW_LISTED_PUBLIC_ENDPOINT]: [CKV_AZURE_59, CKV_AZURE_189],
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
