/**
 * A Spark job's props checked and resolved before anything is made: names, zones, runtime,
 * limits and arguments. Internal: not exported from the entry point.
 */
import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as glue from 'aws-cdk-lib/aws-glue';
import type { IConstruct } from 'constructs';
import {
  ErrorCode,
  findZone,
  isUnresolved,
  NameRules,
  physicalName,
  resourceTags,
  TagRules,
  type Tags,
  validateIntegerRange,
  validateLiteralNamePart,
  validateName,
  validatePlatformName,
  ValidationError,
} from '../../../core/internal';
import { validateLogRetentionDays } from '../../private/log-groups';
import { PipelineNameRules } from '../../private/pipeline-names';
import { removalPolicyFor } from '../../private/removal';
import type { IEncryptionKey } from '../../security/encryption-key';
// A value import in a cycle with spark-job.ts: its statics are read at construction, never at load.
import { SparkJob } from '../spark-job';
import { SparkJobLanguage, type SparkJobProps } from '../spark-job-types';

const ARGUMENT_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,127}$/;

/** A Spark job's props, checked and with every default resolved. */
export interface SparkJobSettings {
  readonly platform: string;
  /** The job's component name (`jobName` as given). */
  readonly name: string;
  /** The Glue job's physical name; it also names the security configuration and connection. */
  readonly jobName: string;
  readonly jobArn: string;
  /** The role's physical name (account-wide: the region joins the hash). */
  readonly roleName: string;
  readonly source: string;
  readonly target: string;
  readonly language: SparkJobLanguage;
  readonly glueVersion: glue.GlueVersion;
  readonly workerType: glue.WorkerType;
  readonly workerCount: number;
  readonly jobBookmarks: boolean;
  readonly timeoutMinutes: number;
  readonly logRetentionDays: number;
  readonly userArguments: Readonly<Record<string, string>>;
  readonly description: string;
  readonly encryptionKey: IEncryptionKey;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: Tags;
}

/** Checks every prop of a Spark job and resolves its defaults; throws before anything is made. */
export function resolveSparkJobSettings(scope: IConstruct, props: SparkJobProps): SparkJobSettings {
  const platform = validatePlatformName(scope, props.platformName);
  const name = validateName(
    scope,
    NameRules.COMPONENT,
    'jobName',
    validateLiteralNamePart(scope, 'jobName', props.jobName),
  );
  const source = findZone(scope, props.lake.zones, props.sourceZone, 'sourceZone').name;
  const target = findZone(scope, props.lake.zones, props.targetZone, 'targetZone').name;
  const language = props.language ?? SparkJob.DEFAULT_LANGUAGE;
  const glueVersion = props.glueVersion ?? SparkJob.DEFAULT_GLUE_VERSION;
  const workerType = props.workerType ?? SparkJob.DEFAULT_WORKER_TYPE;
  const workerCount = props.workerCount ?? SparkJob.DEFAULT_WORKER_COUNT;
  const jobBookmarks = props.jobBookmarks ?? SparkJob.DEFAULT_JOB_BOOKMARKS;
  const timeoutMinutes = props.timeoutMinutes ?? SparkJob.DEFAULT_TIMEOUT_MINUTES;
  const logRetentionDays = props.logRetentionDays ?? SparkJob.DEFAULT_LOG_RETENTION_DAYS;

  validateZones(scope, source, target);
  validateRuntime(scope, glueVersion, workerType, language, props.mainClass);
  validateIntegerRange(scope, 'workerCount', workerCount, SparkJob.WORKER_COUNT_RANGE);
  validateIntegerRange(scope, 'timeoutMinutes', timeoutMinutes, SparkJob.TIMEOUT_MINUTES_RANGE);
  validateLogRetentionDays(scope, 'logRetentionDays', logRetentionDays);
  const userArguments = validateArguments(scope, props.arguments ?? {});
  const tags = resourceTags(scope, TagRules.AWS, platform, props.tags);
  const removalPolicy = removalPolicyFor(scope, props.removalPolicy);

  const stack = Stack.of(scope);
  const uniqueness = [stack.account, stack.region];
  const jobName = physicalName(scope, PipelineNameRules.GLUE, { platform, parts: [name], uniqueness });
  return {
    platform,
    name,
    jobName,
    jobArn: stack.formatArn({ service: 'glue', resource: 'job', resourceName: jobName }),
    roleName: physicalName(scope, PipelineNameRules.IAM_ROLE, { platform, parts: [name], uniqueness }),
    source,
    target,
    language,
    glueVersion,
    workerType,
    workerCount,
    jobBookmarks,
    timeoutMinutes,
    logRetentionDays,
    userArguments,
    description: props.description ?? `${name}: ${source} to ${target} (platform ${platform})`,
    encryptionKey: props.encryptionKey ?? props.lake.encryptionKey,
    removalPolicy,
    tags,
  };
}

function validateZones(scope: IConstruct, source: string, target: string): void {
  if (source === target) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'targetZone',
      received: target,
      allowed: `a zone other than sourceZone ('${source}'): a job never rewrites the zone it reads`,
    });
  }
}

function validateRuntime(
  scope: IConstruct,
  glueVersion: glue.GlueVersion,
  workerType: glue.WorkerType,
  language: SparkJobLanguage,
  mainClass: string | undefined,
): void {
  if (!SparkJob.SUPPORTED_GLUE_VERSIONS.includes(glueVersion)) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'glueVersion',
      received: glueVersion,
      allowed: `one of ${SparkJob.SUPPORTED_GLUE_VERSIONS.join(', ')}`,
    });
  }
  if (!SparkJob.SUPPORTED_WORKER_TYPES.includes(workerType)) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop: 'workerType',
      received: workerType,
      allowed: `one of ${SparkJob.SUPPORTED_WORKER_TYPES.join(', ')}`,
    });
  }
  const scala = language === SparkJobLanguage.SCALA;
  if (scala !== (mainClass !== undefined)) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'mainClass',
      received: mainClass,
      allowed: scala
        ? 'the Scala object to run (required with SparkJobLanguage.SCALA)'
        : 'unset for a Python script',
    });
  }
  if (scala && !isUnresolved(mainClass) && !/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(mainClass!)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: 'mainClass',
      received: mainClass,
      allowed: "a fully qualified Scala object name (e.g. 'com.example.CleanOrders')",
    });
  }
}

/** Argument names are literal, well-formed, and never the kit's own (all reported at once). */
function validateArguments(
  scope: IConstruct,
  args: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  const reserved = [...Object.values(SparkJob.PATH_ARGUMENTS), ...SparkJob.MANAGED_ARGUMENTS];
  const entries = Object.keys(args);
  ValidationError.throwIfAny(
    ErrorCode.INVALID_NAME,
    scope,
    entries
      .filter((k) => !ARGUMENT_NAME.test(k))
      .map((k) => ({
        prop: 'arguments key',
        received: k,
        allowed:
          "1-128 characters of letters, digits, '_' and '-', not starting with '-' (the kit adds '--')",
      })),
  );
  ValidationError.throwIfAny(
    ErrorCode.CONFLICTING_PROPS,
    scope,
    entries
      .filter((k) => reserved.includes(k))
      .map((k) => ({
        prop: 'arguments key',
        received: k,
        allowed: `not one of the kit's: ${reserved.join(', ')}`,
      })),
  );
  return args;
}
