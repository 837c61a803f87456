/**
 * The engine itself: cdktf's classes the GCP and Azure blocks use, re-exported, and the kit's
 * Terraform renderings of core decisions (removal, deploy-time names, propagation waits,
 * annotations).
 */
import { TimeProvider } from '@cdktf/provider-time/lib/provider';
import { Sleep } from '@cdktf/provider-time/lib/sleep';
import { Annotations, Fn, type ITerraformDependable, type TerraformResource, TerraformStack } from 'cdktf';
import type { Construct, IConstruct } from 'constructs';
import { type DeployTimeNaming, NAME_HASH_LENGTH } from '../core/naming';
import { DataRemovalPolicy, type RemovalDecision } from '../core/removal';

export {
  Annotations,
  App,
  Aspects,
  Fn,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export type { IAspect, ITerraformDependable } from 'cdktf';

/** Stacks that already carry the removal guard's warning: it is said once per stack. */
const warnedStacks = new WeakSet<TerraformStack>();

/**
 * Renders a removal decision on Terraform resources: `lifecycle.prevent_destroy = true`
 * unless DESTROY took effect; emits the guard's warning on `scope`, once per stack (the first
 * block that asked for DESTROY carries it; the flag is app-wide, so one warning says it all).
 */
export function applyRemoval(
  scope: IConstruct,
  decision: RemovalDecision,
  ...resources: TerraformResource[]
): void {
  const preventDestroy = decision.policy !== DataRemovalPolicy.DESTROY;
  for (const resource of resources) resource.addOverride('lifecycle.prevent_destroy', preventDestroy);
  if (!decision.warning) return;
  const stack = TerraformStack.of(scope);
  if (warnedStacks.has(stack)) return;
  warnedStacks.add(stack);
  warn(scope, decision.warning.id, decision.warning.message);
}

/** Adds an info message with a stable id to `scope` (shown by `cdktf synth`). */
export function info(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addInfo(`[${id}] ${message}`);
}

/** Adds a warning with a stable id to `scope` (shown by `cdktf synth`). */
export function warn(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addWarning(`[${id}] ${message}`);
}

/**
 * Deploy-time naming for the Terraform clouds: when part of a name's deployment scope (a
 * project, a subscription, a resource group) is a Terraform reference, the name's hash is
 * computed by Terraform's `sha256()` over the same input the kit hashes at synth time, so the
 * name is known at plan, differs per deployment, never changes within one, and equals the
 * literal name the kit would derive had the scope been given as literals.
 */
export const TERRAFORM_DEPLOY_TIME_NAMING: DeployTimeNaming = {
  extraLength: () => 0,
  render: (body, separator, hashInput) =>
    `${body}${separator}${Fn.substr(Fn.sha256(Fn.join('|', [...hashInput])), 0, NAME_HASH_LENGTH)}`,
};

/**
 * A wait (hashicorp/time `time_sleep`) between a batch of grants and their first consumers:
 * IAM on GCP and role assignments on Azure take seconds to minutes to reach the services that
 * check them when a resource is created. Make every consumer depend on the returned wait, not
 * on the grants directly. Adds the `time` provider to the stack once, unless it has one.
 */
export function propagationWait(
  scope: Construct,
  id: string,
  grants: readonly ITerraformDependable[],
  seconds: number,
): Sleep {
  const stack = TerraformStack.of(scope);
  if (!stack.node.children.some((c) => c instanceof TimeProvider)) new TimeProvider(stack, 'TimeProvider');
  return new Sleep(scope, id, { createDuration: `${seconds}s`, dependsOn: [...grants] });
}
