import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RootConstruct } from 'constructs';
import { loadSpecFile } from '../../../src/cli/spec/load';
import { problemsFromValidationError } from '../../../src/cli/spec/locate';
import { formatPath, parsePointer, parsePropPath } from '../../../src/cli/spec/paths';
import type { SpecFile } from '../../../src/cli/spec/spec-file';
import { ErrorCode, ValidationError, type Violation } from '../../../src/core/errors';

const SPEC = `lakehouse:
  platformName: sales
  zones: [raw, curated, serving]
  pipelines:
    - name: daily
      steps:
        - { name: clean, sourceZone: raw, targetZone: curated }
aws:
  stackName: sales
  stepScripts:
    daily/clean: jobs/clean.py
`;

/** A construct's error with `violations`, as a cloud construct throws it at synth. */
const constructError = (...violations: Violation[]) =>
  (() => {
    try {
      ValidationError.throwIfAny(ErrorCode.CONFLICTING_PROPS, new RootConstruct('Lakehouse'), violations);
    } catch (e) {
      return e as ValidationError;
    }
    throw new Error('no violations');
  })();

describe('problemsFromValidationError', () => {
  let file: SpecFile;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-locate-'));
    fs.writeFileSync(path.join(dir, 'spec.yaml'), SPEC);
    file = await loadSpecFile(path.join(dir, 'spec.yaml'));
  });

  test("a spec field points into the pattern's section, a cloud option into the cloud's", () => {
    const error = constructError(
      { prop: 'pipelines["daily"].steps["clean"].targetZone', received: 'curated', allowed: 'a zone' },
      { prop: 'stepScripts["daily/clean"]', received: 'jobs/clean.py', allowed: 'a file that exists' },
    );
    const problems = problemsFromValidationError(file, 'aws', error);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.path}`)).toEqual([
      '7:55 DPK_CONFLICTING_PROPS lakehouse.pipelines["daily"].steps["clean"].targetZone',
      '11:18 DPK_CONFLICTING_PROPS aws.stepScripts["daily/clean"]',
    ]);
    expect(problems[1].message).toBe('must be a file that exists. Received: "jobs/clean.py"');
  });

  test("a prop found nowhere is named under the cloud's section and points at it; without the section, at line 1", () => {
    const error = constructError({ prop: 'region', received: undefined, allowed: 'a region' });
    expect(problemsFromValidationError(file, 'aws', error)[0]).toMatchObject({
      line: 8,
      column: 1,
      path: 'aws.region',
    });
    expect(problemsFromValidationError(file, 'gcp', error)[0]).toMatchObject({
      line: 1,
      column: 1,
      path: 'gcp.region',
    });
  });

  test('a missing field points at its parent: the closest value that exists', () => {
    const error = constructError({
      prop: 'pipelines["daily"].schedule.cron',
      received: undefined,
      allowed: 'x',
    });
    expect(problemsFromValidationError(file, 'aws', error)[0]).toMatchObject({ line: 5, column: 7 });
  });

  test('a file loaded elsewhere (no parsed source) is read again for positions', () => {
    const { source, ...bare } = file;
    expect(source).toBeDefined();
    const error = constructError({ prop: 'stackName', received: 'sales', allowed: 'unique' });
    expect(problemsFromValidationError(bare as SpecFile, 'aws', error)[0]).toMatchObject({
      line: 9,
      column: 14,
      path: 'aws.stackName',
    });
  });
});

describe('paths', () => {
  test('kit props: indices, names, quoted keys and a wildcard that ends the path', () => {
    expect(parsePropPath('domains["sales"].products[2].schema["a.b"].type')).toEqual([
      'domains',
      { named: 'sales' },
      'products',
      2,
      'schema',
      { named: 'a.b' },
      'type',
    ]);
    expect(parsePropPath('domains[*].products[*].inputs')).toEqual(['domains']);
  });

  test('JSON pointers and how a path is shown', () => {
    expect(parsePointer('/aws/stepScripts/daily~1clean/0')).toEqual(['aws', 'stepScripts', 'daily/clean', 0]);
    expect(formatPath(['aws', 'stepScripts', 'daily/clean', 0, { named: 'x' }])).toBe(
      'aws.stepScripts["daily/clean"][0]["x"]',
    );
  });
});
