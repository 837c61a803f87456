/**
 * A lakehouse's props checked and resolved before any block is made: the plan of the spec, each
 * step's script, each persona's principal and each pipeline's schedule. Internal: not exported
 * from the entry point.
 */
import { Annotations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { IConstruct } from 'constructs';
import { scheduleExpressionFor } from './lakehouse-schedule';
import { ErrorCode, ValidationError } from '../../../core/internal';
import {
  describePersonas,
  type LakehousePlan,
  PERSONAS_IN_EFFECT_INFO,
  planLakehouse,
} from '../../../patterns';
import type { SparkJobScript } from '../../processing/spark-job-types';
import type { LakehouseProps } from '../lakehouse';

/** A lakehouse's props, checked and with every default resolved. */
export interface LakehouseSettings {
  /** The plan the spec stands for. */
  readonly plan: LakehousePlan;
  /** Each step's script, keyed `'<pipeline>/<step>'`. */
  readonly scripts: Readonly<Record<string, SparkJobScript>>;
  /** The principal of each persona that has one (the others: the account). */
  readonly principals: Readonly<Record<string, iam.IPrincipal>>;
  /** Each pipeline's schedule for EventBridge Scheduler, by pipeline name. */
  readonly schedules: Readonly<Record<string, scheduler.ScheduleExpression>>;
  /** The zones the warehouse reads: the last zone (the serving one). */
  readonly warehouseZones: readonly string[];
}

/**
 * Plans the spec, says which personas are in effect (an info annotation on `scope`), and checks
 * what only AWS needs: scripts, persona principals and schedules. Throws before anything is made.
 */
export function resolveLakehouseSettings(scope: IConstruct, props: LakehouseProps): LakehouseSettings {
  const plan = planLakehouse(scope, props);
  Annotations.of(scope).addInfo(
    `[${PERSONAS_IN_EFFECT_INFO}] ${describePersonas(plan, props.personas !== undefined)}`,
  );
  const scripts = resolveScripts(scope, plan, props.stepScripts ?? {});
  const principals = resolvePersonaPrincipals(scope, plan, props.personaPrincipals ?? {});
  checkPersonaRoles(scope, plan, props);
  const schedules: Record<string, scheduler.ScheduleExpression> = {};
  plan.pipelines.forEach((pipeline, i) => {
    schedules[pipeline.name] = scheduleExpressionFor(
      scope,
      `pipelines[${i}].schedule.cron`,
      pipeline.schedule,
    );
  });
  return { plan, scripts, principals, schedules, warehouseZones: [plan.zones[plan.zones.length - 1].name] };
}

/** Every step's script, checked against the plan: none missing, none unknown. */
function resolveScripts(
  scope: IConstruct,
  plan: LakehousePlan,
  given: Readonly<Record<string, SparkJobScript>>,
): Record<string, SparkJobScript> {
  const needed = plan.pipelines.flatMap((p) => p.steps.map((s) => `${p.name}/${s.name}`));
  const missing = needed.filter((k) => given[k] === undefined);
  const unknown = Object.keys(given).filter((k) => !needed.includes(k));
  ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, scope, [
    ...missing.map((k) => ({
      prop: `stepScripts['${k}']`,
      received: 'undefined',
      allowed: 'a SparkJobScript for every pipeline step, keyed <pipeline>/<step>',
    })),
    ...unknown.map((k) => ({
      prop: `stepScripts['${k}']`,
      received: k,
      allowed: `a key naming a pipeline step of the spec: ${needed.join(', ') || 'none (no pipelines)'}`,
    })),
  ]);
  return { ...given };
}

/** The principal of each persona that has one; rejects names that are not personas of the plan. */
function resolvePersonaPrincipals(
  scope: IConstruct,
  plan: LakehousePlan,
  given: Readonly<Record<string, iam.IPrincipal>>,
): Readonly<Record<string, iam.IPrincipal>> {
  const names = plan.personas.map((p) => p.name);
  ValidationError.throwIfAny(
    ErrorCode.CONFLICTING_PROPS,
    scope,
    Object.keys(given)
      .filter((name) => !names.includes(name))
      .map((name) => ({
        prop: `personaPrincipals[${JSON.stringify(name)}]`,
        received: name,
        allowed: `a persona of the spec: ${names.join(', ')}`,
      })),
  );
  return given;
}

/**
 * Roles given for the personas: exactly the spec's personas, and never together with
 * `personaPrincipals` (the roles' maker decided who assumes them).
 */
function checkPersonaRoles(scope: IConstruct, plan: LakehousePlan, props: LakehouseProps): void {
  const roles = props.personaRoles;
  if (roles === undefined) return;
  const names = plan.personas.map((p) => p.name);
  const allowed = `a role for every persona of the spec and no other: ${names.join(', ')}`;
  ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, scope, [
    ...(props.personaPrincipals === undefined
      ? []
      : [
          {
            prop: 'personaPrincipals',
            received: Object.keys(props.personaPrincipals).join(', ') || '{}',
            allowed:
              'unset when personaRoles are given (who assumes a given role is decided where it is made)',
          },
        ]),
    ...names
      .filter((name) => roles[name] === undefined)
      .map((name) => ({ prop: `personaRoles[${JSON.stringify(name)}]`, received: 'undefined', allowed })),
    ...Object.keys(roles)
      .filter((name) => !names.includes(name))
      .map((name) => ({ prop: `personaRoles[${JSON.stringify(name)}]`, received: name, allowed })),
  ]);
}
