/**
 * Readers for the GCP rules: core's Terraform JSON readers, plus Google's duration strings.
 */
export * from '../../../core/compliance/config';

/**
 * The seconds of a Google duration string (`"7776000s"`, `"86400.5s"`), or undefined when the
 * value is not one (unset, a reference, another format).
 */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}
