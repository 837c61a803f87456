import { STATEFUL_RESOURCE_TYPES } from '../../core/stateful';
import type { CloudName } from '../spec/spec-file';

/** A synthesized stack document: a CloudFormation template (AWS) or cdktf's Terraform JSON. */
export type StackDocument = Readonly<Record<string, any>>;

/** Every resource of a document as `id → type`: logical ids on AWS, `type.name` addresses on Terraform. */
export function resourceTypesOf(cloud: CloudName, document: StackDocument): Record<string, string> {
  if (cloud === 'aws') {
    return Object.fromEntries(
      Object.entries<any>(document.Resources ?? {}).map(([id, r]) => [id, r.Type as string]),
    );
  }
  return Object.fromEntries(
    Object.entries<Record<string, unknown>>(document.resource ?? {}).flatMap(([type, byName]) =>
      Object.keys(byName).map((name) => [`${type}.${name}`, type]),
    ),
  );
}

/** Whether losing a resource of this type loses data (src/core/stateful lists the types). */
export function isStatefulType(cloud: CloudName, type: string): boolean {
  return (STATEFUL_RESOURCE_TYPES[cloud] as readonly string[]).includes(type);
}

/** The stateful resources of a document, as `id → type` (logical id on AWS, address on Terraform). */
export function statefulResources(cloud: CloudName, document: StackDocument): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resourceTypesOf(cloud, document)).filter(([, type]) => isStatefulType(cloud, type)),
  );
}
