/**
 * Azure's limit of role assignments per subscription, checked before the mesh adds anything to
 * the app. Internal: not exported from the entry point.
 */
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import type { IConstruct } from 'constructs';
import {
  type AzureMeshSettings,
  checkRoleAssignmentLimit,
  ROLE_ASSIGNMENTS_PER_SUBSCRIPTION,
} from './mesh-settings';
import { App, type TerraformStack } from '../../../terraform';

/** Apps a mesh is built in only to count its role assignments: they are not counted again. */
const SCRATCH_APPS = new WeakSet<IConstruct>();

/** How the subscription a planned stack deploys into is named in errors. */
const DEFAULT_SUBSCRIPTION = "the deployer's subscription";

/**
 * Throws `DPK_OUT_OF_RANGE` when a subscription would hold more than `limit` role assignments,
 * before anything is added to `scope`. Each assignment is a resource and each stack's estimate
 * covers its resources (`DataMesh.RESOURCE_MODEL` is calibrated so), so while no subscription's
 * estimates add up past the limit nothing is counted; otherwise `build` makes the mesh in a
 * scratch App (same context) and its assignments are counted exactly.
 */
export function checkRoleAssignments(
  mesh: IConstruct,
  scope: IConstruct,
  settings: AzureMeshSettings,
  build: (app: App) => Readonly<Record<string, TerraformStack>>,
  limit = ROLE_ASSIGNMENTS_PER_SUBSCRIPTION,
): void {
  if (SCRATCH_APPS.has(scope)) return;
  const subscriptionOf = (domain: string | undefined) =>
    (domain === undefined ? settings.governanceSubscriptionId : settings.domains[domain].subscriptionId) ??
    DEFAULT_SUBSCRIPTION;
  const bounds = new Map<string, number>();
  for (const s of settings.plan.stacks) {
    bounds.set(subscriptionOf(s.domain), (bounds.get(subscriptionOf(s.domain)) ?? 0) + s.estimatedResources);
  }
  if ([...bounds.values()].every((n) => n <= limit)) return;
  const scratch = new App({ context: scope.node.getAllContext(), skipValidation: true });
  SCRATCH_APPS.add(scratch);
  const stacks = build(scratch);
  const counts = new Map<string, { count: number; stacks: string[] }>();
  for (const s of settings.plan.stacks) {
    const entry = counts.get(subscriptionOf(s.domain)) ?? { count: 0, stacks: [] };
    entry.count += stacks[s.name].node.findAll().filter((c) => c instanceof RoleAssignment).length;
    entry.stacks.push(s.name);
    counts.set(subscriptionOf(s.domain), entry);
  }
  checkRoleAssignmentLimit(mesh, counts, limit);
}
