import { ComplianceIntent } from '../../core/internal';
import type { TerraformResource } from '../../terraform';
import { stateIntent } from '../compliance/intents';

/** Why a stack without its project's settings has no Cloud Storage audit config of its own. */
export const PROJECT_AUDIT_LOGS_ELSEWHERE =
  "This stack does not own its project's settings (a lakehouse with ownsProjectSettings false, a data mesh's contract registry beside a domain): Cloud Storage data-access audit logs (DATA_READ, DATA_WRITE) are turned on for the project by the stack that owns the project's settings (one authoritative audit config per project and service).";

/**
 * States on each of `buckets` that its access is logged by the project's storage audit config,
 * which the stack owning the project's settings makes.
 */
export function stateAuditLogsElsewhere(buckets: readonly TerraformResource[]): void {
  for (const bucket of buckets) {
    stateIntent(bucket, {
      intent: ComplianceIntent.ACCESS_LOGGED_ELSEWHERE,
      reason: PROJECT_AUDIT_LOGS_ELSEWHERE,
    });
  }
}
