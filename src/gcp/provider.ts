/**
 * The Google provider of a stack an application makes itself (as examples/lakehouse-gcp does),
 * for callers that may not import provider packages (the `dpk` CLI). Not exported from the entry
 * point: an app writes `new GoogleProvider(...)` itself.
 */
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import type { Construct } from 'constructs';

/** Adds the stack's default Google provider, id `Google`, for `project` and (when given) `region`. */
export function addGoogleProvider(
  stack: Construct,
  project: string,
  region: string | undefined,
): GoogleProvider {
  return new GoogleProvider(stack, 'Google', { project, region });
}
