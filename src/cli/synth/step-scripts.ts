/** Turns the step scripts of a spec file's cloud section into the cloud's `SparkJobScript`s. */
import * as path from 'node:path';
import type { FileStepScript, NotebookStepScript } from '../spec/sections';

/** How a cloud makes a step script from a local file or a bucket object (its `SparkJobScript` factories). */
export interface FileScriptFactory<T> {
  fromAsset(absolutePath: string): T;
  fromBucket(bucket: string, object: string): T;
}

/**
 * The step scripts of an AWS or GCP section: a string is a file path relative to the spec file
 * (made absolute here, so the result does not depend on the working directory), an object names a
 * bucket object.
 */
export function fileScripts<T>(
  specPath: string,
  scripts: Readonly<Record<string, FileStepScript>> | undefined,
  factory: FileScriptFactory<T>,
): Record<string, T> | undefined {
  if (scripts === undefined) return undefined;
  const folder = path.dirname(specPath);
  return Object.fromEntries(
    Object.entries(scripts).map(([step, script]) => [
      step,
      typeof script === 'string'
        ? factory.fromAsset(path.resolve(folder, script))
        : factory.fromBucket(script.bucket, script.object),
    ]),
  );
}

/** The step scripts of an Azure section: each names a Synapse notebook. */
export function notebookScripts<T>(
  scripts: Readonly<Record<string, NotebookStepScript>> | undefined,
  fromNotebook: (name: string) => T,
): Record<string, T> | undefined {
  if (scripts === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(scripts).map(([step, script]) => [step, fromNotebook(script.notebook)]),
  );
}

/** Applies `render` to each value of an optional record (per-domain options of a mesh). */
export function mapRecord<A, B>(
  record: Readonly<Record<string, A>> | undefined,
  render: (value: A, key: string) => B,
): Record<string, B> | undefined {
  if (record === undefined) return undefined;
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, render(value, key)]));
}
