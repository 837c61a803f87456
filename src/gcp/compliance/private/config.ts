/**
 * Readers for synthesized Terraform JSON, shared by the GCP rules. cdktf writes a nested block
 * with at most one item as an object and a repeated block as a list; plain Terraform JSON may
 * use a list for both, so every reader accepts either.
 *
 * Values may be Terraform references (`${…}`), known only at apply time. A reference counts as
 * set where a rule asks for a value to be present (a key, a log bucket); a security flag or a
 * lifecycle setting must be a literal.
 */

type Config = Readonly<Record<string, unknown>>;

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

/** Follows single nested blocks: `nested(c, 'cluster_config', 'encryption_config')`. */
export function nested(config: Config | undefined, ...path: string[]): Config | undefined {
  return path.reduce<Config | undefined>((c, name) => block(c, name), config);
}

/** True when the resource's `lifecycle.prevent_destroy` is the literal `true`. */
export function preventsDestroy(config: Config): boolean {
  return block(config, 'lifecycle')?.prevent_destroy === true;
}

/**
 * The seconds of a Google duration string (`"7776000s"`, `"86400.5s"`), or undefined when the
 * value is not one (unset, a reference, another format).
 */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}
