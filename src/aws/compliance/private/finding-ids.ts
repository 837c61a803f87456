import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

// Finding ids as cdk-nag writes them. Free of cdk-nag, so the blocks can load it (through
// ../intents.ts) while data-platform-kit/aws never loads cdk-nag.

/**
 * A CloudFormation value as a flat string, the way cdk-nag writes finding ids:
 * `{ Fn::GetAtt: [Id, Arn] }` → `<Id.Arn>`, `{ Ref: Id }` → `<Id>`, `Fn::Join` joined,
 * `Fn::Sub` with `${X}` → `<X>`.
 */
export function flattenReference(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const v = value as Record<string, any>;
  if (v['Fn::Join']) {
    const [delimiter, items] = v['Fn::Join'] as [string, unknown[]];
    return items.map(flattenReference).join(delimiter);
  }
  if (v['Fn::Sub']) return flattenReference(v['Fn::Sub']);
  if (v['Fn::GetAtt']) {
    const [resource, attribute] = v['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenReference(resource)}.${flattenReference(attribute)}>`;
  }
  if (v['Fn::ImportValue']) return flattenReference(v['Fn::ImportValue']);
  if (v.Ref) return `<${flattenReference(v.Ref)}>`;
  return JSON.stringify(value);
}

/** The `AwsSolutions-IAM5` finding id a wildcard `resourceArn` raises on a policy in `scope`'s stack. */
export function wildcardFindingId(scope: IConstruct, resourceArn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenReference(Stack.of(scope).resolve(resourceArn))}]`;
}
