/**
 * The stack's Terraform JSON in memory, as `cdktf synth` writes it, for the compliance check
 * and the tests. Uses only cdktf's public API: the aspect walk below follows the engine's own
 * (each aspect visits each construct of the stack once, inherited from the construct's
 * ancestors within the stack), so what is checked is what is deployed.
 */
import { Aspects, type IAspect, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * The stack's Terraform JSON as `cdktf synth` writes it (aspects applied, validations run),
 * keeping each resource's `//` metadata with its construct path. Writes no files.
 */
export function synthesizeStack(stack: TerraformStack): Record<string, any> {
  applyAspects(stack);
  stack.runAllValidations();
  return stack.toTerraform();
}

/** Aspects already applied, per construct: applying twice (check, then synth) visits once. */
const applied = new WeakMap<IConstruct, Set<IAspect>>();

function applyAspects(construct: IConstruct, inherited: readonly IAspect[] = []): void {
  const here = [...inherited, ...Aspects.of(construct).all];
  let done = applied.get(construct);
  if (!done) applied.set(construct, (done = new Set()));
  for (const aspect of here) {
    if (done.has(aspect)) continue;
    aspect.visit(construct);
    done.add(aspect);
  }
  for (const child of construct.node.children) {
    if (!TerraformStack.isStack(child)) applyAspects(child, here);
  }
}
