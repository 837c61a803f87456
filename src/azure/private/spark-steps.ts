/**
 * Validation of Spark steps and the zone access they add up to. Internal: not exported from the
 * entry point.
 */
import type { IConstruct } from 'constructs';
import { PipelineNameRules } from './pipeline-names';
import { ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError, type Violation } from '../../core/errors';
import { nameViolation, NameRules } from '../../core/naming';
import { isUnresolved } from '../../core/tokens';
import { findZone } from '../../core/zones';
import { SPARK_STEP_ZONE_ACCESS } from '../processing/roles';
import { SPARK_STEP_PATH_PARAMETERS, type SparkStep } from '../processing/spark-step';

/** Steps one job takes: 1 to 40, kit policy (ADF allows 80 activities per pipeline). `SparkJob.STEPS_RANGE`. */
export const SPARK_STEPS_RANGE = { min: 1, max: 40 } as const;

/** A validated step: which artifact runs, and the step's own parameters. */
export interface ResolvedSparkStep extends SparkStep {
  /** Whether the step runs a notebook (else a Spark job definition). */
  readonly kind: 'notebook' | 'sparkJobDefinition';
  /** The notebook or Spark job definition name. */
  readonly artifact: string;
  readonly parameters: Readonly<Record<string, string>>;
}

const RESERVED_PARAMETERS: readonly string[] = Object.values(SPARK_STEP_PATH_PARAMETERS);

/**
 * Validates `steps` against the lake's zones, in order: the count (`DPK_OUT_OF_RANGE`), names
 * (`DPK_INVALID_NAME`, duplicates too), zones (`DPK_UNKNOWN_ZONE`), a step that writes its own
 * source or names both or neither artifact, or sets a kit parameter (`DPK_CONFLICTING_PROPS`).
 * Step names and zones must be literals: they become construct ids and activity names.
 */
export function resolveSparkSteps(
  scope: IConstruct,
  steps: readonly SparkStep[],
  zoneNames: readonly string[],
): ResolvedSparkStep[] {
  const { min, max } = SPARK_STEPS_RANGE;
  if (steps.length < min || steps.length > max) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'steps',
      received: `${steps.length} steps`,
      allowed: `from ${min} to ${max} steps`,
    });
  }
  const names: Violation[] = [];
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    const literal = isUnresolved(step.name) ? undefined : step.name;
    const bad =
      literal === undefined
        ? {
            prop: `steps[${i}].name`,
            received: step.name,
            allowed: 'a literal step name, known at synth time',
          }
        : nameViolation(NameRules.COMPONENT, `steps[${i}].name`, step.name);
    if (bad) {
      names.push(bad);
    } else if (seen.has(step.name)) {
      names.push({
        prop: `steps[${i}].name`,
        received: step.name,
        allowed: 'a step name no other step uses',
      });
    }
    seen.add(step.name);
    names.push(...artifactViolations(step, i), ...parameterNameViolations(step, i));
  });
  ValidationError.throwIfAny(ErrorCode.INVALID_NAME, scope, names);

  const zones = zoneNames.map((name) => ({ name }));
  return steps.map((step, i) => {
    findZone(scope, zones, step.sourceZone, `steps[${i}].sourceZone`);
    findZone(scope, zones, step.targetZone, `steps[${i}].targetZone`);
    checkConflicts(scope, step, i);
    const kind = step.notebook !== undefined ? 'notebook' : 'sparkJobDefinition';
    return {
      ...step,
      kind,
      artifact: (step.notebook ?? step.sparkJobDefinition) as string,
      parameters: { ...(step.parameters ?? {}) },
    };
  });
}

/**
 * The access the steps add up to, per zone, in first-use order: READ for a zone only read,
 * READ_WRITE for a zone any step writes.
 */
export function stepZoneAccess(steps: readonly SparkStep[]): Map<string, ZoneAccess> {
  const access = new Map<string, ZoneAccess>();
  for (const step of steps) {
    if (!access.has(step.sourceZone)) access.set(step.sourceZone, SPARK_STEP_ZONE_ACCESS.SOURCE);
    access.set(step.targetZone, SPARK_STEP_ZONE_ACCESS.TARGET);
  }
  return access;
}

function artifactViolations(step: SparkStep, i: number): Violation[] {
  return [
    ['notebook', step.notebook],
    ['sparkJobDefinition', step.sparkJobDefinition],
  ].flatMap(([prop, value]) => {
    if (value === undefined) return [];
    return nameViolation(PipelineNameRules.SYNAPSE_ARTIFACT, `steps[${i}].${prop}`, value) ?? [];
  });
}

function parameterNameViolations(step: SparkStep, i: number): Violation[] {
  return Object.keys(step.parameters ?? {}).flatMap(
    (name) => nameViolation(PipelineNameRules.STEP_PARAMETER, `steps[${i}].parameters key`, name) ?? [],
  );
}

function checkConflicts(scope: IConstruct, step: SparkStep, i: number): void {
  const conflict = (prop: string, received: unknown, allowed: string) => {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: `steps[${i}].${prop}`,
      received,
      allowed,
    });
  };
  if (step.targetZone === step.sourceZone) {
    conflict('targetZone', step.targetZone, `a zone other than the step's sourceZone ('${step.sourceZone}')`);
  }
  if ((step.notebook === undefined) === (step.sparkJobDefinition === undefined)) {
    conflict(
      'notebook',
      { notebook: step.notebook, sparkJobDefinition: step.sparkJobDefinition },
      "exactly one of 'notebook' and 'sparkJobDefinition'",
    );
  }
  const reserved = Object.keys(step.parameters ?? {}).find((name) => RESERVED_PARAMETERS.includes(name));
  if (reserved !== undefined) {
    conflict('parameters key', reserved, `a name other than the kit's ${RESERVED_PARAMETERS.join(', ')}`);
  }
}
