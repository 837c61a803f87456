/**
 * Engine-neutral check for values that are not known until deploy time (CDK tokens and CDK
 * for Terraform tokens). Core must not import either engine, so it recognises their encodings:
 * string markers `${Token[…]}` / `${TfToken[…]}`, list markers `#{…}`, and the marker doubles
 * both engines use for numbers (far below any real value).
 */
const STRING_TOKEN = /\$\{(?:Tf)?Token\[|#\{(?:Tf)?Token\[/;
/** Both engines encode number tokens as doubles beyond -1e288; no real prop is that small. */
const NUMBER_TOKEN_CEILING = -1e288;

/** True when `value` is (or contains) an unresolved token; validators skip such values. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') return STRING_TOKEN.test(value);
  if (typeof value === 'number') return value < NUMBER_TOKEN_CEILING;
  if (Array.isArray(value)) return value.some(isUnresolved);
  if (value !== null && typeof value === 'object') {
    return typeof (value as { resolve?: unknown }).resolve === 'function';
  }
  return false;
}
