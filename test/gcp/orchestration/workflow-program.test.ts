import { newPipeline, WORKFLOW } from './pipeline-fixtures';
import {
  type Connector,
  programFromSource,
  WorkflowError,
  WorkflowInterpreter,
} from './workflow-interpreter';
import type { PipelineProps } from '../../../src/gcp';
import {
  renderWorkflowSource,
  workflowProgram,
} from '../../../src/gcp/orchestration/private/workflow-source';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

/**
 * The pipeline's Workflows program, run by a small interpreter against a fake Dataproc batches API:
 * steps in order, polling until SUCCEEDED, a failed batch submitted again up to maxAttempts, a
 * timed-out step failing the run, transient API errors retried. What Workflows itself does is
 * assumed, not tested; the interpreter covers only the language subset the program uses.
 */

const CREATE = 'googleapis.dataproc.v1.projects.locations.batches.create';
const GET = 'googleapis.dataproc.v1.projects.locations.batches.get';
const EXECUTION_ID = '0f8c2d4e-1a2b-4c3d-9e8f-0123456789ab';
const ENV = {
  GOOGLE_CLOUD_PROJECT_ID: 'acme-data',
  GOOGLE_CLOUD_LOCATION: 'europe-west1',
  GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID: EXECUTION_ID,
};
const PARENT = 'projects/acme-data/locations/europe-west1';
const RUN_ID = EXECUTION_ID.replace(/-/g, '');

/** The synthesized program of a two-step pipeline, as Workflows gets it after Terraform. */
function program(props: Partial<PipelineProps> = {}) {
  const stack = newGcpStack();
  const pipeline = newPipeline(stack, props);
  const source = TfTemplate.fromStack(stack).resources(WORKFLOW)[0].config.source_contents as string;
  const [clean, publish] = pipeline.jobs.map((j) => j.batchIdPrefix);
  return { program: programFromSource(source, (ref) => `<${ref}>`), clean, publish };
}

/**
 * A fake batches API: each created batch goes through the states `script(batchId)` lists, one per
 * `get` (the last one repeats). `createErrors` are thrown by the first creates, in order.
 */
function fakeDataproc(script: (batchId: string) => string[], createErrors: object[] = []) {
  const polls = new Map<string, number>();
  const created: string[] = [];
  const connectors: Record<string, Connector> = {
    [CREATE]: (args) => {
      const error = createErrors.shift();
      if (error) throw new WorkflowError(error);
      if (args.parent !== PARENT) throw new Error(`parent ${args.parent}`);
      created.push(args.batchId);
      return { name: `${PARENT}/operations/${args.batchId}` };
    },
    [GET]: (args) => {
      const id = String(args.name).split('/').pop()!;
      if (!created.includes(id)) throw new WorkflowError({ code: 404, message: `no batch ${id}` });
      const states = script(id);
      const n = polls.get(id) ?? 0;
      polls.set(id, n + 1);
      return {
        name: args.name,
        state: states[Math.min(n, states.length - 1)],
        stateMessage: 'driver exited with 1',
      };
    },
  };
  return { connectors, created };
}

const run = (p: Record<string, any>, connectors: Record<string, Connector>) =>
  new WorkflowInterpreter(p, connectors, ENV).execute();

describe('the pipeline program', () => {
  test('runs the steps in order, polling each batch until SUCCEEDED', () => {
    // GIVEN
    const { program: p, clean, publish } = program();
    const api = fakeDataproc(() => ['PENDING', 'RUNNING', 'RUNNING', 'SUCCEEDED']);
    // WHEN
    const trace = run(p, api.connectors);
    // THEN
    expect(trace.error).toBeUndefined();
    expect(api.created).toEqual([`${clean}-${RUN_ID}-1`, `${publish}-${RUN_ID}-1`]);
    expect(trace.result).toEqual([
      { step: 'clean', batch: `${PARENT}/batches/${clean}-${RUN_ID}-1`, state: 'SUCCEEDED', attempts: 1 },
      { step: 'publish', batch: `${PARENT}/batches/${publish}-${RUN_ID}-1`, state: 'SUCCEEDED', attempts: 1 },
    ]);
    expect(trace.sleptSeconds).toBe(2 * 4 * 60);
  });

  test('creates each batch with the job request, Terraform references filled in', () => {
    const { program: p } = program();
    const api = fakeDataproc(() => ['SUCCEEDED']);
    const creates = run(p, api.connectors).calls.filter((c) => c.method === CREATE);
    expect(creates[0].args).toMatchObject({
      parent: PARENT,
      connector_params: { skip_polling: true },
      body: {
        pysparkBatch: { mainPythonFileUri: 'gs://acme-code/sales/clean.py' },
        environmentConfig: {
          executionConfig: { serviceAccount: expect.stringMatching(/^<google_service_account\..+\.email>$/) },
        },
      },
    });
  });

  test('a FAILED batch is submitted again as a new batch, after the retry delay', () => {
    // GIVEN clean fails on its first two attempts
    const { program: p, clean, publish } = program();
    const api = fakeDataproc((id) =>
      id.startsWith(clean) && !id.endsWith('-3') ? ['RUNNING', 'FAILED'] : ['SUCCEEDED'],
    );
    // WHEN
    const trace = run(p, api.connectors);
    // THEN the third attempt succeeds and publish runs
    expect(trace.error).toBeUndefined();
    expect(api.created).toEqual([
      `${clean}-${RUN_ID}-1`,
      `${clean}-${RUN_ID}-2`,
      `${clean}-${RUN_ID}-3`,
      `${publish}-${RUN_ID}-1`,
    ]);
    expect(trace.result[0]).toMatchObject({ state: 'SUCCEEDED', attempts: 3 });
    expect(trace.sleptSeconds).toBe(2 * 2 * 60 + 2 * 300 + 60 + 60);
  });

  test('a step that fails every attempt fails the execution, and later steps never run', () => {
    // GIVEN
    const { program: p, clean } = program({ maxAttempts: 2 });
    const api = fakeDataproc(() => ['CANCELLED']);
    // WHEN
    const trace = run(p, api.connectors);
    // THEN
    expect(api.created).toEqual([`${clean}-${RUN_ID}-1`, `${clean}-${RUN_ID}-2`]);
    expect(trace.error).toEqual({
      message: `Step clean failed: batch ${PARENT}/batches/${clean}-${RUN_ID}-2 ended CANCELLED after 2 attempt(s). driver exited with 1`,
      step: 'clean',
      batch: `${PARENT}/batches/${clean}-${RUN_ID}-2`,
      state: 'CANCELLED',
    });
  });

  test('a batch still running past the job timeout plus margin fails the execution (no retry)', () => {
    // GIVEN a 10-minute job polled every 60 s: it may run 25 minutes
    const { program: p, clean } = program({
      steps: [
        {
          name: 'clean',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainPythonFileUri: 'gs://a-b/c.py',
          timeoutMinutes: 10,
        },
      ],
    });
    const api = fakeDataproc(() => ['RUNNING']);
    // WHEN
    const trace = run(p, api.connectors);
    // THEN
    expect(api.created).toEqual([`${clean}-${RUN_ID}-1`]);
    expect(trace.error).toMatchObject({ step: 'clean', state: 'TIMED_OUT' });
    expect(trace.sleptSeconds).toBe(25 * 60);
  });

  test('transient API errors on create are retried; a batch an earlier try created (409) is polled', () => {
    const { program: p, clean } = program();
    const api = fakeDataproc(
      () => ['SUCCEEDED'],
      [
        { code: 503, message: 'unavailable' },
        { code: 429, message: 'slow down' },
      ],
    );
    const trace = run(p, api.connectors);
    expect(trace.error).toBeUndefined();
    expect(api.created[0]).toBe(`${clean}-${RUN_ID}-1`);

    const again = fakeDataproc(() => ['SUCCEEDED']);
    const conflict: Connector = (args) => {
      again.connectors[CREATE](args);
      throw new WorkflowError({ code: 409, message: 'already exists' });
    };
    const replayed = run(p, { ...again.connectors, [CREATE]: conflict });
    expect(replayed.error).toBeUndefined();
    expect(replayed.result).toHaveLength(2);
  });

  test('a permanent API error on create fails the execution', () => {
    const { program: p } = program();
    const api = fakeDataproc(() => ['SUCCEEDED'], [{ code: 403, message: 'permission denied' }]);
    expect(run(p, api.connectors).error).toEqual({ code: 403, message: 'permission denied' });
  });

  test("a user's argument that looks like a Workflows expression reaches the batch unchanged", () => {
    const { program: p } = program({
      steps: [
        {
          name: 'clean',
          sourceZone: 'raw',
          targetZone: 'curated',
          mainPythonFileUri: 'gs://a-b/c.py',
          args: ['${date}', '%{x}', 'a ${b}'],
        },
      ],
    });
    const api = fakeDataproc(() => ['SUCCEEDED']);
    const create = run(p, api.connectors).calls.find((c) => c.method === CREATE)!;
    expect(create.args.body.pysparkBatch.args).toEqual(['${date}', '%{x}', 'a ${b}']);
  });
});

describe('renderWorkflowSource', () => {
  test("escapes Terraform's template markers but keeps the kit's references", () => {
    const source = renderWorkflowSource({ a: '${x}', b: '%{if}', c: '${TfToken[TOKEN.1]}' });
    expect(source).toBe('{"a":"$${x}","b":"%%{if}","c":"${TfToken[TOKEN.1]}"}');
  });

  test('a program renders to JSON that parses back to itself once unescaped', () => {
    const p = workflowProgram({
      steps: [
        {
          name: 'my-step',
          batchIdPrefix: 'my-step-abcdef',
          timeoutSeconds: 900,
          body: {
            runtimeConfig: { version: '2.2' },
            environmentConfig: {
              executionConfig: {
                serviceAccount: 'a',
                subnetworkUri: 'b',
                kmsKey: 'c',
                stagingBucket: 'd',
                ttl: '600s',
              },
            },
            labels: {},
          },
        },
      ],
      maxAttempts: 1,
      retryDelaySeconds: 0,
      pollSeconds: 10,
    });
    expect(programFromSource(renderWorkflowSource(p), () => '')).toEqual(p);
    expect(Object.keys((p.main as any).steps[1])).toEqual(['run_my_step']);
  });
});
