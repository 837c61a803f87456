/**
 * A pipeline's props checked and resolved before anything is made: names, steps, retries,
 * timeout, logs and alerts. Internal: not exported from the entry point.
 */
import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type { IConstruct } from 'constructs';
import {
  ErrorCode,
  findZone,
  isUnresolved,
  NameRules,
  nameViolation,
  physicalName,
  resourceTags,
  TagRules,
  type Tags,
  validateIntegerRange,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
  ValidationError,
  type Violation,
} from '../../../core/internal';
import { validateAlertEmailAddresses } from '../../private/emails';
import { validateLogRetentionDays } from '../../private/log-groups';
import { PipelineNameRules } from '../../private/pipeline-names';
import { removalPolicyFor } from '../../private/removal';
import type { IEncryptionKey } from '../../security/encryption-key';
// A value import in a cycle with pipeline.ts: its statics are read at construction, never at load.
import { Pipeline } from '../pipeline';
import type { PipelineProps, PipelineStep } from '../pipeline-types';

/** A pipeline's props, checked and with every default resolved. */
export interface PipelineSettings {
  readonly platform: string;
  /** The pipeline's component name (`pipelineName` as given). */
  readonly name: string;
  readonly steps: readonly PipelineStep[];
  readonly maxAttempts: number;
  readonly retryDelaySeconds: number;
  readonly runTimeoutMinutes: number;
  readonly logRetentionDays: number;
  readonly paused: boolean;
  readonly scheduleExpression: scheduler.ScheduleExpression;
  readonly stateMachineName: string;
  /** The schedule's name, which its own group shares. */
  readonly scheduleName: string;
  readonly encryptionKey: IEncryptionKey;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
}

/** Checks every prop of a pipeline and resolves its defaults; throws before anything is made. */
export function resolvePipelineSettings(scope: IConstruct, props: PipelineProps): PipelineSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const name = validateName(
    scope,
    NameRules.COMPONENT,
    'pipelineName',
    validateLiteralNamePart(scope, 'pipelineName', props.pipelineName),
  );
  const maxAttempts = props.maxAttempts ?? Pipeline.DEFAULT_MAX_ATTEMPTS;
  const retryDelaySeconds = props.retryDelaySeconds ?? Pipeline.DEFAULT_RETRY_DELAY_SECONDS;
  const runTimeoutMinutes = props.runTimeoutMinutes ?? Pipeline.DEFAULT_RUN_TIMEOUT_MINUTES;
  const logRetentionDays = props.logRetentionDays ?? Pipeline.DEFAULT_LOG_RETENTION_DAYS;
  const paused = props.paused ?? Pipeline.DEFAULT_PAUSED;
  const scheduleExpression = props.schedule ?? Pipeline.DEFAULT_SCHEDULE;

  const steps = validateSteps(scope, props);
  // These shape the state machine's definition, which is rendered at synth time: literals only.
  for (const [prop, value] of Object.entries({ maxAttempts, retryDelaySeconds, runTimeoutMinutes })) {
    if (isUnresolved(value)) {
      throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
        prop,
        received: value,
        allowed: 'a literal number known at synth time (it is part of the state machine definition)',
      });
    }
  }
  validateIntegerRange(scope, 'maxAttempts', maxAttempts, Pipeline.MAX_ATTEMPTS_RANGE);
  validateIntegerRange(scope, 'retryDelaySeconds', retryDelaySeconds, Pipeline.RETRY_DELAY_SECONDS_RANGE);
  validateIntegerRange(scope, 'runTimeoutMinutes', runTimeoutMinutes, Pipeline.RUN_TIMEOUT_MINUTES_RANGE);
  validateLogRetentionDays(scope, 'logRetentionDays', logRetentionDays);
  validateAlertEmailAddresses(scope, props);
  const tags = resourceTags(scope, TagRules.AWS, platform, props.tags);
  const removalPolicy = removalPolicyFor(scope, props.removalPolicy);

  const stack = Stack.of(scope);
  const uniqueness = [stack.account, stack.region];
  return {
    platform,
    name,
    steps,
    maxAttempts,
    retryDelaySeconds,
    runTimeoutMinutes,
    logRetentionDays,
    paused,
    scheduleExpression,
    stateMachineName: physicalName(scope, PipelineNameRules.STATE_MACHINE, {
      platform,
      parts: [name],
      uniqueness,
    }),
    scheduleName: physicalName(scope, PipelineNameRules.SCHEDULE, { platform, parts: [name], uniqueness }),
    encryptionKey: props.encryptionKey ?? props.lake.encryptionKey,
    removalPolicy,
    tags,
  };
}

/** Steps: as many as STEPS_RANGE, literal unique names, zones the lake has, never writing their source. */
function validateSteps(scope: IConstruct, props: PipelineProps): readonly PipelineStep[] {
  const steps = props.steps;
  const { min, max } = Pipeline.STEPS_RANGE;
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
    const prop = `steps[${i}].name`;
    const bad = isUnresolved(step.name)
      ? { prop, received: step.name, allowed: 'a literal step name, known at synth time' }
      : nameViolation(NameRules.COMPONENT, prop, step.name);
    if (bad) {
      names.push(bad);
    } else if (seen.has(step.name)) {
      names.push({ prop, received: step.name, allowed: 'a step name no other step uses' });
    }
    seen.add(step.name);
  });
  ValidationError.throwIfAny(ErrorCode.INVALID_NAME, scope, names);
  steps.forEach((step, i) => {
    findZone(scope, props.lake.zones, step.sourceZone, `steps[${i}].sourceZone`);
    findZone(scope, props.lake.zones, step.targetZone, `steps[${i}].targetZone`);
    if (step.sourceZone === step.targetZone) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
        prop: `steps[${i}].targetZone`,
        received: step.targetZone,
        allowed: `a zone other than the step's sourceZone ('${step.sourceZone}')`,
      });
    }
  });
  return [...steps];
}
