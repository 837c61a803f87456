import type { IConstruct } from 'constructs';
import { checkLakehouseSpec } from './private/check';
import type { LakehouseSpec } from './spec';

/**
 * Validates a lakehouse spec on `scope` (the construct errors are reported against).
 *
 * Throws `ValidationError`: first the platform name (`DPK_INVALID_NAME`) and the zones
 * (`DPK_NO_ZONES`, `DPK_INVALID_ZONE`, `DPK_DUPLICATE_ZONE`, `DPK_OUT_OF_RANGE`, as
 * `resolveZones`); then, each code with every violation of its kind: `DPK_INVALID_NAME`
 * (persona, stream, pipeline, step names), `DPK_CONFLICTING_PROPS` (duplicate names, a step
 * writing its source, an admin with an access map), `DPK_UNKNOWN_ZONE` (a persona, stream or
 * step naming an undeclared zone), `DPK_OUT_OF_RANGE` (retention, step count, schedule, enum
 * values) and `DPK_INVALID_PRINCIPAL` (alert emails).
 *
 * @example
 * validateLakehouseSpec(this, { name: 'sales' });
 */
export function validateLakehouseSpec(scope: IConstruct, spec: LakehouseSpec): void {
  checkLakehouseSpec(scope, spec);
}
