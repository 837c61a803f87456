import { isUnresolved } from '../../../core/tokens';
import type { DataprocBatchRequest } from '../../processing/spark-job-types';

/** One step of the Workflows program: one Spark job, submitted as a Dataproc Serverless batch. */
export interface WorkflowStepSpec {
  /** The step name (a-z, 0-9, '-'). */
  readonly name: string;
  /** What the step's batch ids start with (the job's `batchIdPrefix`). */
  readonly batchIdPrefix: string;
  /** The batches API request body. */
  readonly body: DataprocBatchRequest;
  /** Seconds the program waits for one batch before it fails the step. */
  readonly timeoutSeconds: number;
}

/** What the Workflows program runs and how it retries. */
export interface WorkflowProgramSpec {
  readonly steps: readonly WorkflowStepSpec[];
  readonly maxAttempts: number;
  readonly retryDelaySeconds: number;
  readonly pollSeconds: number;
}

/** The subworkflow that runs one batch to the end. */
export const RUN_BATCH = 'run_batch';
/** The Dataproc connector methods the program calls. */
export const DATAPROC_CONNECTOR = {
  create: 'googleapis.dataproc.v1.projects.locations.batches.create',
  get: 'googleapis.dataproc.v1.projects.locations.batches.get',
} as const;

/** Workflows step name of a pipeline step (`run_<name>`, '-' as '_'). */
export function workflowStepName(step: string): string {
  return `run_${step.replace(/-/g, '_')}`;
}

/**
 * A user's literal string that Workflows would take for an expression (`${…}`) is wrapped in one
 * that yields it unchanged; everything else (deploy-time tokens included) is kept.
 */
function literal(value: unknown): unknown {
  if (typeof value === 'string') {
    return !isUnresolved(value) && value.startsWith('${') ? `\${${JSON.stringify(value)}}` : value;
  }
  if (Array.isArray(value)) return value.map(literal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literal(v)]));
  }
  return value;
}

/** The `run_batch` subworkflow: submit, poll until a final state, retry failed runs, fail on time-out. */
function runBatch(): Record<string, unknown> {
  return {
    params: [
      'parent',
      'step',
      'batchIdPrefix',
      'runId',
      'body',
      'maxAttempts',
      'retryDelaySeconds',
      'pollSeconds',
      'timeoutSeconds',
    ],
    steps: [
      { start: { assign: [{ attempt: 1 }] } },
      {
        submit: {
          assign: [
            { batchId: '${batchIdPrefix + "-" + runId + "-" + string(attempt)}' },
            { name: '${parent + "/batches/" + batchId}' },
            { waited: 0 },
          ],
        },
      },
      {
        create: {
          try: {
            call: DATAPROC_CONNECTOR.create,
            args: {
              parent: '${parent}',
              batchId: '${batchId}',
              body: '${body}',
              connector_params: { skip_polling: true },
            },
          },
          // Transient API errors are retried; a batch an earlier try created (409) is polled as is.
          retry: {
            predicate: '${http.default_retry_predicate}',
            max_retries: 5,
            backoff: { initial_delay: 10, max_delay: 300, multiplier: 2 },
          },
          except: {
            as: 'e',
            steps: [
              {
                alreadySubmitted: {
                  switch: [{ condition: '${"code" in e and e.code == 409}', next: 'wait' }],
                },
              },
              { submitFailed: { raise: '${e}' } },
            ],
          },
        },
      },
      { wait: { call: 'sys.sleep', args: { seconds: '${pollSeconds}' } } },
      {
        check: {
          try: { call: DATAPROC_CONNECTOR.get, args: { name: '${name}' }, result: 'batch' },
          retry: '${http.default_retry}',
        },
      },
      { count: { assign: [{ waited: '${waited + pollSeconds}' }] } },
      {
        decide: {
          switch: [
            { condition: '${batch.state == "SUCCEEDED"}', next: 'succeeded' },
            { condition: '${batch.state == "FAILED" or batch.state == "CANCELLED"}', next: 'failed' },
            { condition: '${waited >= timeoutSeconds}', next: 'timedOut' },
          ],
          next: 'wait',
        },
      },
      { failed: { switch: [{ condition: '${attempt < maxAttempts}', next: 'again' }], next: 'giveUp' } },
      {
        giveUp: {
          raise: {
            message:
              '${"Step " + step + " failed: batch " + name + " ended " + batch.state + " after " + string(attempt) + " attempt(s). " + default(map.get(batch, "stateMessage"), "")}',
            step: '${step}',
            batch: '${name}',
            state: '${batch.state}',
          },
        },
      },
      { again: { assign: [{ attempt: '${attempt + 1}' }] } },
      { pause: { call: 'sys.sleep', args: { seconds: '${retryDelaySeconds}' }, next: 'submit' } },
      {
        timedOut: {
          raise: {
            message:
              '${"Step " + step + " timed out: batch " + name + " still " + batch.state + " after " + string(waited) + " s"}',
            step: '${step}',
            batch: '${name}',
            state: 'TIMED_OUT',
          },
        },
      },
      {
        succeeded: {
          return: { step: '${step}', batch: '${name}', state: '${batch.state}', attempts: '${attempt}' },
        },
      },
    ],
  };
}

/**
 * The Workflows program of a pipeline: each step's batch is created (Dataproc connector), polled
 * until SUCCEEDED, and on FAILED or CANCELLED submitted again as a new batch up to `maxAttempts`;
 * a step that does not succeed raises, which ends the execution FAILED (and alerts). Steps run in
 * order; a step starts only after the one before it succeeded. Batch ids are
 * `<batchIdPrefix>-<execution id without '-'>-<attempt>`, unique per run and attempt.
 * Workflows expressions are written `${…}`; {@link renderWorkflowSource} escapes them for Terraform.
 */
export function workflowProgram(spec: WorkflowProgramSpec): Record<string, unknown> {
  const results = spec.steps.map((_, i) => `step${i + 1}`);
  return {
    main: {
      steps: [
        {
          init: {
            assign: [
              {
                parent:
                  '${"projects/" + sys.get_env("GOOGLE_CLOUD_PROJECT_ID") + "/locations/" + sys.get_env("GOOGLE_CLOUD_LOCATION")}',
              },
              { runId: '${text.replace_all(sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID"), "-", "")}' },
            ],
          },
        },
        ...spec.steps.map((step, i) => ({
          [workflowStepName(step.name)]: {
            call: RUN_BATCH,
            args: {
              parent: '${parent}',
              step: step.name,
              batchIdPrefix: step.batchIdPrefix,
              runId: '${runId}',
              body: literal(step.body),
              maxAttempts: spec.maxAttempts,
              retryDelaySeconds: spec.retryDelaySeconds,
              pollSeconds: spec.pollSeconds,
              timeoutSeconds: step.timeoutSeconds,
            },
            result: results[i],
          },
        })),
        { done: { return: results.map((r) => `\${${r}}`) } },
      ],
    },
    [RUN_BATCH]: runBatch(),
  };
}

/**
 * The program as workflow source: JSON (which Workflows reads as YAML), with Terraform's template
 * markers escaped (`${` → `$${`, `%{` → `%%{`) except the kit's own deploy-time references, which
 * Terraform fills in (the service accounts' emails, the key and subnet ids).
 */
export function renderWorkflowSource(program: Record<string, unknown>): string {
  return JSON.stringify(program)
    .replace(/\$\{(?!TfToken\[)/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}
