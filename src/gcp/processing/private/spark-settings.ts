import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../../core/errors';
import { NameRules, nameViolation } from '../../../core/naming';
import { type IntegerRange, validateIntegerRange } from '../../../core/ranges';
import { isUnresolved } from '../../../core/tokens';
import { literalNumber } from '../../private/pubsub';
import type { DataprocBatchDriver, SparkJobRuntimeOptions } from '../spark-job-types';

/** The driver kind a job's options resolve to. */
export enum SparkDriverKind {
  PYSPARK = 'pysparkBatch',
  SPARK = 'sparkBatch',
}

/** A job's runtime options, validated, with defaults resolved. */
export interface SparkSettings {
  readonly driverKind: SparkDriverKind;
  readonly driver: DataprocBatchDriver;
  readonly runtimeVersion: string;
  readonly properties?: Readonly<Record<string, string>>;
  readonly timeoutMinutes: number;
}

/** The construct's defaults (the class itself is passed). */
export interface SparkDefaults {
  readonly DEFAULT_RUNTIME_VERSION: string;
  readonly DEFAULT_TIMEOUT_MINUTES: number;
  readonly TIMEOUT_MINUTES_RANGE: IntegerRange;
}

const GCS_OR_IMAGE_URI = /^(?:gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/\S+|file:\/\/\/\S+)$/;
const URI_ALLOWED = "a Cloud Storage URI 'gs://<bucket>/<path>' or a runtime-image path 'file:///<path>'";
const RUNTIME_VERSION = /^\d+\.\d+(?:\.\d+)?$/;
const ROLE =
  /^(?:roles|projects\/[a-z][a-z0-9-]{4,28}[a-z0-9]\/roles|organizations\/\d+\/roles)\/[a-zA-Z0-9_.]{3,64}$/;
const BASIC_ROLES: readonly string[] = ['roles/owner', 'roles/editor', 'roles/viewer'];

/** Violations of the URIs in `uris` (a list prop, indexed) or `uri` (a single prop). */
function uriViolations(prop: string, uris: string | readonly string[] | undefined): Violation[] {
  const list = uris === undefined ? [] : typeof uris === 'string' ? [uris] : uris;
  return list.flatMap((uri, i) =>
    isUnresolved(uri) || (typeof uri === 'string' && GCS_OR_IMAGE_URI.test(uri))
      ? []
      : [{ prop: typeof uris === 'string' ? prop : `${prop}[${i}]`, received: uri, allowed: URI_ALLOWED }],
  );
}

/**
 * The driver: exactly one of `mainPythonFileUri`, `mainJarFileUri`, `mainClass`
 * (`DPK_CONFLICTING_PROPS`), Python files only for PySpark, every URI well-formed (`DPK_INVALID_NAME`).
 */
function resolveDriver(scope: IConstruct, o: SparkJobRuntimeOptions): [SparkDriverKind, DataprocBatchDriver] {
  const mains = (['mainPythonFileUri', 'mainJarFileUri', 'mainClass'] as const).filter(
    (p) => o[p] !== undefined,
  );
  if (mains.length !== 1) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: mains[1] ?? 'mainPythonFileUri',
      received: mains.length === 0 ? undefined : o[mains[1]],
      allowed: 'exactly one of mainPythonFileUri, mainJarFileUri and mainClass',
    });
  }
  const pyspark = o.mainPythonFileUri !== undefined;
  if (!pyspark && o.pythonFileUris !== undefined) {
    throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, scope, {
      prop: 'pythonFileUris',
      received: o.pythonFileUris,
      allowed: 'unset unless mainPythonFileUri is set (Python files are for PySpark jobs)',
    });
  }
  ValidationError.throwIfAny(ErrorCode.INVALID_NAME, scope, [
    ...uriViolations('mainPythonFileUri', o.mainPythonFileUri),
    ...uriViolations('mainJarFileUri', o.mainJarFileUri),
    ...uriViolations('pythonFileUris', o.pythonFileUris),
    ...uriViolations('jarFileUris', o.jarFileUris),
    ...uriViolations('fileUris', o.fileUris),
    ...uriViolations('archiveUris', o.archiveUris),
    ...(o.mainClass !== undefined && !isUnresolved(o.mainClass) && !/^[\w$.]+$/.test(o.mainClass)
      ? [
          {
            prop: 'mainClass',
            received: o.mainClass,
            allowed: "a fully qualified class name like 'com.acme.Clean'",
          },
        ]
      : []),
  ]);
  // Mapped one by one so unset lists stay out of the request body.
  const lists = {
    args: o.args,
    pythonFileUris: o.pythonFileUris,
    jarFileUris: o.jarFileUris,
    fileUris: o.fileUris,
    archiveUris: o.archiveUris,
  };
  const driver: DataprocBatchDriver = {
    ...(pyspark ? { mainPythonFileUri: o.mainPythonFileUri } : {}),
    ...(o.mainJarFileUri !== undefined ? { mainJarFileUri: o.mainJarFileUri } : {}),
    ...(o.mainClass !== undefined ? { mainClass: o.mainClass } : {}),
    ...Object.fromEntries(
      Object.entries(lists)
        .filter(([, list]) => list !== undefined && list.length > 0)
        .map(([key, list]) => [key, [...list!]]),
    ),
  };
  return [pyspark ? SparkDriverKind.PYSPARK : SparkDriverKind.SPARK, driver];
}

/** Resolves and validates a job's runtime options (every `DPK_*` error of them). */
export function resolveSparkSettings(
  scope: IConstruct,
  o: SparkJobRuntimeOptions,
  d: SparkDefaults,
): SparkSettings {
  const [driverKind, driver] = resolveDriver(scope, o);
  const runtimeVersion = o.runtimeVersion ?? d.DEFAULT_RUNTIME_VERSION;
  if (!isUnresolved(runtimeVersion) && !RUNTIME_VERSION.test(runtimeVersion)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: 'runtimeVersion',
      received: runtimeVersion,
      allowed: "a Dataproc Serverless runtime version 'major.minor' (or 'major.minor.subminor'), like '2.2'",
    });
  }
  ValidationError.throwIfAny(
    ErrorCode.INVALID_NAME,
    scope,
    Object.keys(o.properties ?? {})
      .filter((key) => !isUnresolved(key) && !/^[A-Za-z][\w.:-]*$/.test(key))
      .map((key) => ({
        prop: 'properties key',
        received: key,
        allowed: "a property name like 'spark.executor.instances' (letters, digits, '.', '_', ':', '-')",
      })),
  );
  const timeoutMinutes = o.timeoutMinutes ?? d.DEFAULT_TIMEOUT_MINUTES;
  validateIntegerRange(scope, 'timeoutMinutes', timeoutMinutes, d.TIMEOUT_MINUTES_RANGE);
  literalNumber(scope, 'timeoutMinutes', timeoutMinutes);
  if (o.stagingBucket !== undefined) {
    const violation = nameViolation(NameRules.GCS_BUCKET, 'stagingBucket', o.stagingBucket);
    if (violation) throw ValidationError.of(ErrorCode.INVALID_NAME, scope, violation);
  }
  const properties = o.properties && Object.keys(o.properties).length > 0 ? { ...o.properties } : undefined;
  return { driverKind, driver, runtimeVersion, properties, timeoutMinutes };
}

/**
 * Validates a role id given for a grant (`DPK_INVALID_NAME`): a predefined (`roles/…`) or custom
 * (`projects/<p>/roles/…`, `organizations/<n>/roles/…`) role, never a basic role. Tokens pass.
 */
export function validateRole(scope: IConstruct, prop: string, role: string): string {
  if (isUnresolved(role)) return role;
  if (typeof role !== 'string' || !ROLE.test(role) || BASIC_ROLES.includes(role)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop,
      received: role,
      allowed: `a predefined or custom role id ('roles/…', 'projects/<p>/roles/…'), not a basic role (${BASIC_ROLES.join(', ')})`,
    });
  }
  return role;
}
