import type { IConstruct } from 'constructs';
import {
  resolvePipelineSettings,
  type PipelineDefaults,
  type PipelineSettings,
  validateSteps,
} from './pipeline-settings';
import { ErrorCode, ValidationError } from '../../../core/errors';
import {
  type NameRule,
  NameRules,
  physicalName,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
} from '../../../core/naming';
import type { IntegerRange } from '../../../core/ranges';
import { decideRemoval, type RemovalDecision } from '../../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../../core/tags';
import { isUnresolved } from '../../../core/tokens';
import { projectIdOf } from '../../private/bigquery';
import { PipelineNameRules } from '../../private/pipeline-names';
import { validateProject } from '../../private/project';
import { gcpDeploymentScope } from '../../private/providers';
import type { IEncryptionKey } from '../../security/encryption-key';
import type { PipelineProps } from '../pipeline-types';

/** The physical names of a pipeline's resources, derived before any exists. */
export interface PipelineNames {
  readonly stagingBucket: string;
  readonly codeBucket: string;
  readonly workflowAccountId: string;
  readonly schedulerAccountId: string;
  readonly workflow: string;
  readonly schedulerJob: string;
  readonly logBucket: string;
  readonly logSink: string;
  readonly defaultBucketExclusion: string;
}

/** Everything a pipeline is made from: its identity, key, settings and names. */
export interface PipelineConfig {
  readonly platform: string;
  readonly pipelineName: string;
  readonly project?: string;
  /** The project id (the provider's at plan time when `project` is unset). */
  readonly projectId: string;
  /** The region of the workflow, schedule, log bucket and batches (the network's). */
  readonly region: string;
  readonly encryptionKey: IEncryptionKey;
  readonly labels: Tags;
  readonly settings: PipelineSettings;
  readonly names: PipelineNames;
  readonly removal: RemovalDecision;
}

/** Workflows and log buckets take a key in their own region (`DPK_INVALID_LOCATION`). */
function checkKeyLocation(scope: IConstruct, key: IEncryptionKey, region: string): void {
  const actual = key.location;
  if (isUnresolved(actual) || isUnresolved(region) || actual === region) return;
  throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
    prop: 'encryptionKey',
    received: actual,
    allowed: `a key in the pipeline's region ${JSON.stringify(region)} (the network's): pass encryptionKey when the lake's key is elsewhere`,
  });
}

/** A step's `script` replaces its main file: both is `DPK_CONFLICTING_PROPS`. */
function checkStepScripts(scope: IConstruct, props: PipelineProps): void {
  props.steps.forEach((step, i) => {
    const main = (['mainPythonFileUri', 'mainJarFileUri', 'mainClass'] as const).find(
      (k) => step[k] !== undefined,
    );
    if (step.script === undefined || main === undefined) return;
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: `steps[${i}].${main}`,
      received: step[main],
      allowed: `unset with steps[${i}].script (the script is the step's main Python file)`,
    });
  });
}

/**
 * Resolves and validates a pipeline's props (every `DPK_*` error of the pipeline itself; each
 * step's job checks its own zones and runtime options) and derives its names.
 */
export function resolvePipelineConfig(
  scope: IConstruct,
  props: PipelineProps,
  d: PipelineDefaults & { readonly STEPS_RANGE: IntegerRange },
): PipelineConfig {
  const platform = validatePlatformName(scope, props.platformName);
  const pipelineName = validateName(
    scope,
    NameRules.COMPONENT,
    'pipelineName',
    validateLiteralNamePart(scope, 'pipelineName', props.pipelineName),
  );
  const project = validateProject(scope, props.project);
  validateSteps(scope, props.steps, d.STEPS_RANGE);
  const settings = resolvePipelineSettings(scope, props, d);
  const region = props.network.region;
  const encryptionKey = props.encryptionKey ?? props.lake.encryptionKey;
  checkKeyLocation(scope, encryptionKey, region);
  checkStepScripts(scope, props);
  const labels = resourceTags(scope, TagRules.GCP, platform, props.tags);
  const projectId = projectIdOf(scope, project);
  // The role joins the hash too: two names that truncation cuts to one body still differ.
  const name = (rule: NameRule, parts: string[]) =>
    physicalName(scope, rule, { platform, parts: [pipelineName, ...parts], uniqueness: parts });
  const bucketName = (purpose: string) =>
    physicalName(scope, NameRules.GCS_BUCKET, {
      platform,
      parts: [pipelineName, purpose],
      deploymentScope: gcpDeploymentScope(scope, project),
    });
  return {
    platform,
    pipelineName,
    project,
    projectId,
    region,
    encryptionKey,
    labels,
    settings,
    names: {
      stagingBucket: bucketName('staging'),
      codeBucket: bucketName('code'),
      workflowAccountId: name(PipelineNameRules.SERVICE_ACCOUNT, ['run']),
      schedulerAccountId: name(PipelineNameRules.SERVICE_ACCOUNT, ['start']),
      workflow: name(PipelineNameRules.WORKFLOW, []),
      schedulerJob: name(PipelineNameRules.SCHEDULER_JOB, []),
      logBucket: name(PipelineNameRules.LOGGING, ['runs']),
      logSink: name(PipelineNameRules.LOGGING, ['runs']),
      defaultBucketExclusion: name(PipelineNameRules.LOGGING, ['default', 'exclusion']),
    },
    removal: decideRemoval(scope, props.removalPolicy),
  };
}
