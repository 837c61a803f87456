import { Construct } from 'constructs';

/** A bare construct at `Stack/<id>` under a fresh root with `context`: for engine-neutral core tests. */
export function newScope(context: Record<string, unknown> = {}, id = 'Lake'): Construct {
  const root = new Construct(undefined as unknown as Construct, '');
  for (const [key, value] of Object.entries(context)) root.node.setContext(key, value);
  return new Construct(new Construct(root, 'Stack'), id);
}
