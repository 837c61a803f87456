import { type CfnResource, Stack } from 'aws-cdk-lib';
import { NagRules } from 'cdk-nag';

/** What `CfnElement._toCloudFormation()` renders: one resource under its logical id. */
interface RenderedTemplate {
  readonly Resources?: Record<string, { readonly Properties?: Record<string, any> }>;
}

/**
 * The resource's CloudFormation `Properties` as the template will hold them: PascalCase,
 * tokens resolved, and every escape-hatch override (`addOverride`, `addPropertyOverride`)
 * applied. cdk-nag's own rules read the L1 properties and miss such overrides; the kit's rules
 * read this, so a block weakened through an override is still reported.
 *
 * Uses aws-cdk-lib's `_toCloudFormation()` (internal but stable: every stack synthesis
 * calls it); the logical id is resolved the same way.
 */
export function renderedProperties(node: CfnResource): Record<string, any> {
  const stack = Stack.of(node);
  const rendered = stack.resolve(
    (node as unknown as { _toCloudFormation(): unknown })._toCloudFormation(),
  ) as RenderedTemplate;
  const logicalId = stack.resolve(node.logicalId) as string;
  return rendered.Resources?.[logicalId]?.Properties ?? {};
}

/**
 * True when a value is given: a non-empty literal or any CloudFormation reference
 * (`Ref`, `Fn::GetAtt`, `Fn::ImportValue`, ...), which names a resource known at deploy time.
 */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * A boolean property as CloudFormation reads it (`true` or `"true"`). A reference cannot be
 * judged at synth time: like cdk-nag, the rule then throws and the pack reports the resource.
 */
export function isTrue(node: CfnResource, value: unknown): boolean {
  const resolved: unknown = NagRules.resolveIfPrimitive(node, value);
  return resolved === true || resolved === 'true';
}

/** A string property's literal value; throws (see {@link isTrue}) for a reference. */
export function literal(node: CfnResource, value: unknown): string | undefined {
  const resolved: unknown = NagRules.resolveIfPrimitive(node, value);
  return resolved === undefined || resolved === null ? undefined : String(resolved);
}

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points to, if `value` is one. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  if (Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string') return v['Fn::GetAtt'][0];
  return undefined;
}

/**
 * A finding id without the namespace aws-cdk-lib may prefix (`Annotation::`, `AwsSolutions::`):
 * `AwsSolutions::AwsSolutions-S1` → `AwsSolutions-S1`. A `::` inside brackets is kept
 * (`AwsSolutions-IAM5[Resource::*]`). cdk-nag 3.0.2 matches acknowledgements by the bare id.
 */
export function bareRuleId(id: string): string {
  return id.replace(/^[^[\]:]+::/, '');
}
