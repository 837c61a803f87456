/**
 * Readers for synthesized Terraform JSON, shared by every cloud's rules. cdktf writes a nested
 * block with at most one item as an object and a repeated block as a list; plain Terraform JSON
 * may use a list for both, so every reader accepts either.
 *
 * Values may be Terraform references (`${…}`), known only at apply time. A reference counts as
 * set where a rule asks for a value to be present or picked from a list (a key id, a log
 * bucket, a TLS version). A boolean security flag and `lifecycle.prevent_destroy` must be
 * literals: a computed flag hides the decision the rule is about, so it counts as not set.
 */
import type { TfDocumentView, TfResource } from './rule';

/** A resource's (or a nested block's) arguments. */
export type Config = Readonly<Record<string, unknown>>;

/** True when `value` is (or holds) a Terraform reference or expression. */
export function isReference(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** True when `value` is present: a non-empty string (a reference counts), a number or a boolean. */
export function isSet(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return typeof value === 'number' || typeof value === 'boolean';
}

/** Every item of the nested block `name`, whether written as an object or a list. */
export function blocks(config: Config | undefined, name: string): Config[] {
  const value = config?.[name];
  if (Array.isArray(value)) return value.filter((v): v is Config => v !== null && typeof v === 'object');
  return value !== null && typeof value === 'object' ? [value as Config] : [];
}

/** The first item of the nested block `name`, or undefined. */
export function block(config: Config | undefined, name: string): Config | undefined {
  return blocks(config, name)[0];
}

/** Follows single nested blocks: `nested(c, 'blob_properties', 'delete_retention_policy')`. */
export function nested(config: Config | undefined, ...path: string[]): Config | undefined {
  return path.reduce<Config | undefined>((c, name) => block(c, name), config);
}

/**
 * The boolean `value`, or `providerDefault` when it is unset. A reference is returned as is:
 * callers decide what an unknown flag means.
 */
export function flag(value: unknown, providerDefault: boolean): boolean | string {
  if (value === undefined || value === null) return providerDefault;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && isReference(value)) return value;
  // Terraform JSON may carry "true"/"false" strings.
  return String(value).toLowerCase() === 'true';
}

/** True when the flag resolves to the literal `wanted` (unset = `providerDefault`). */
export function flagIs(value: unknown, wanted: boolean, providerDefault: boolean): boolean {
  return flag(value, providerDefault) === wanted;
}

/** A string list argument (`["a", "b"]`, or one string), as strings. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** True when the resource's `lifecycle.prevent_destroy` is the literal `true`. */
export function preventsDestroy(config: Config): boolean {
  return block(config, 'lifecycle')?.prevent_destroy === true;
}

/** True when `value` references an attribute of `resource` (`${<type>.<name>.<attr>}`). */
export function refersTo(value: unknown, resource: TfResource): boolean {
  return typeof value === 'string' && value.includes(`\${${resource.address}.`);
}

/**
 * The resources of `type` whose argument `attribute` references `target`
 * (e.g. the `azurerm_storage_account_network_rules` whose `storage_account_id` is the account's).
 */
export function referencing(
  doc: TfDocumentView,
  type: string,
  attribute: string,
  target: TfResource,
): readonly TfResource[] {
  return doc.resources(type).filter((r) => refersTo(r.config[attribute], target));
}
