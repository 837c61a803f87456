import * as fs from 'node:fs';
import type { CloudFormationOutput } from './outputs';

/** aws-cdk-lib's metadata type for rules acknowledged on a construct (`Validations.acknowledge`). */
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';
/** aws-cdk-lib's metadata type naming the logical id a construct path rendered. */
const LOGICAL_ID = 'aws:cdk:logicalId';
/** aws-cdk-lib marks the construct of its core custom-resource providers with this metadata type. */
const CUSTOM_RESOURCE_PROVIDER = 'aws:cdk:is-custom-resource-handler-customResourceProvider';

/** A finding id without the namespace aws-cdk-lib prefixes (`Annotation::`, `AwsSolutions::`). */
export function bareFindingId(id: string): string {
  return id.replace(/^[^[\]:]+::/, '');
}

/** What the assembly and the template say about the resources of one stack. */
export interface StackAcknowledgements {
  /** The construct path of each logical id (without the leading `/`), when the assembly records it. */
  readonly paths: ReadonlyMap<string, string>;
  /** The reason a finding id is acknowledged on a logical id, if it is. */
  reasonFor(logicalId: string, findingId: string): string | undefined;
  /** True when the resource belongs to one of aws-cdk-lib's own custom-resource providers. */
  isFrameworkProvider(logicalId: string): boolean;
}

type MetadataEntries = Record<string, ReadonlyArray<{ readonly type: string; readonly data?: unknown }>>;

function metadataOf(output: CloudFormationOutput): MetadataEntries {
  if (output.metadataFile && fs.existsSync(output.metadataFile)) {
    return JSON.parse(fs.readFileSync(output.metadataFile, 'utf8')) as MetadataEntries;
  }
  return (output.inlineMetadata ?? {}) as MetadataEntries;
}

/** True when `path` is `scope` or below it. */
function within(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}/`);
}

/**
 * The acknowledgements of one stack, from both places they are written:
 * - the assembly's stack metadata (`aws:cdk:acknowledged-rules` on a construct path: cdk-nag v3
 *   and `Validations.of(scope).acknowledge`), covering the construct and everything below it;
 * - the template's resource `Metadata.cdk_nag.rules_to_suppress` (cdk-nag v2, or v3 with
 *   `writeSuppressionsToCloudFormation`), each `{ id, reason, appliesTo? }` covering that resource
 *   (`appliesTo` as literal finding suffixes; v2's `{ regex }` form is not read).
 * Matching is exact on the finding id, as cdk-nag matches.
 */
export function readStackAcknowledgements(
  output: CloudFormationOutput,
  template: { readonly Resources?: Record<string, { readonly Metadata?: any }> },
): StackAcknowledgements {
  const metadata = metadataOf(output);
  const paths = new Map<string, string>();
  const byScope: Array<{ scope: string; id: string; reason: string }> = [];
  const providerScopes: string[] = [];
  for (const [path, entries] of Object.entries(metadata)) {
    for (const entry of entries) {
      if (entry.type === LOGICAL_ID && typeof entry.data === 'string') paths.set(entry.data, path);
      if (entry.type === CUSTOM_RESOURCE_PROVIDER) providerScopes.push(path);
      if (entry.type !== ACKNOWLEDGED_RULES) continue;
      for (const [id, reason] of Object.entries((entry.data ?? {}) as Record<string, string>)) {
        byScope.push({ scope: path, id: bareFindingId(id), reason });
      }
    }
  }
  const inTemplate = new Map<string, Map<string, string>>();
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const rules: any[] = resource.Metadata?.cdk_nag?.rules_to_suppress ?? [];
    const reasons = new Map<string, string>();
    for (const rule of rules) {
      if (typeof rule?.id !== 'string') continue;
      const reason = String(rule.reason ?? '');
      const appliesTo: unknown[] = Array.isArray(rule.appliesTo) ? rule.appliesTo : [];
      if (appliesTo.length === 0) reasons.set(bareFindingId(rule.id), reason);
      for (const finding of appliesTo) {
        if (typeof finding === 'string') reasons.set(`${bareFindingId(rule.id)}[${finding}]`, reason);
      }
    }
    if (reasons.size > 0) inTemplate.set(logicalId, reasons);
  }
  return {
    paths: new Map([...paths].map(([id, p]) => [id, p.replace(/^\//, '')])),
    reasonFor(logicalId, findingId) {
      const own = inTemplate.get(logicalId)?.get(findingId);
      if (own !== undefined) return own;
      const path = paths.get(logicalId);
      if (path === undefined) return undefined;
      return byScope.find((a) => a.id === findingId && within(path, a.scope))?.reason;
    },
    isFrameworkProvider(logicalId) {
      const path = paths.get(logicalId);
      return path !== undefined && providerScopes.some((scope) => within(path, scope));
    },
  };
}
