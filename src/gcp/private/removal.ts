import type { IConstruct } from 'constructs';
import type { RemovalDecision } from '../../core/internal';
import type { TerraformResource } from '../../terraform';
import { applyDataRemoval } from '../../terraform';
import { stateIntent } from '../compliance/intents';

/**
 * Renders the removal decision on `resources`, which hold data: `prevent_destroy` unless the
 * user chose DESTROY with the app flag, and then that choice is stated on each resource, so the
 * pack lists its prevent-destroy finding as acknowledged, with the reason.
 */
export function retainData(
  scope: IConstruct,
  decision: RemovalDecision,
  resources: readonly TerraformResource[],
): void {
  applyDataRemoval(scope, decision, resources, stateIntent);
}
