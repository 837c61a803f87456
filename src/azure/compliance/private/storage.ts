/**
 * Storage-account readers shared by the storage rules.
 */
import { block, type Config, referencing } from './config';
import type { TfDocumentView, TfResource } from '../../../core/compliance';

/**
 * The network rules that govern `resource`: its own `network_rules` block (or, for an
 * `azurerm_storage_account_network_rules`, its arguments), `'elsewhere'` when the account's
 * rules live in a separate `azurerm_storage_account_network_rules` (judged there), or undefined
 * when it has none (every network allowed).
 */
export function networkRulesOf(resource: TfResource, doc: TfDocumentView): Config | 'elsewhere' | undefined {
  if (resource.type === 'azurerm_storage_account_network_rules') return resource.config;
  const inline = block(resource.config, 'network_rules');
  if (inline) return inline;
  const separate = referencing(doc, 'azurerm_storage_account_network_rules', 'storage_account_id', resource);
  return separate.length > 0 ? 'elsewhere' : undefined;
}

/** True unless the account kind has no blob service (FileStorage). */
export function hasBlobService(config: Config): boolean {
  return config.account_kind !== 'FileStorage';
}
