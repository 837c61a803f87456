// @slow: synthesizes the three lakehouse examples once (as their main.ts runs), then runs `dpk diff`
// as a child process on copies of them for the exit codes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diffFolders } from '../../../src/cli/diff/run-diff';
import type { CloudName } from '../../../src/cli/spec/spec-file';
import { runDpk } from '../run-dpk';
import {
  copyOutput,
  editJson,
  firstOf,
  scratchDir,
  synthesizeLakehouseExamples,
  terraformFile,
} from './fixtures';

const AWS_STACK = 'LakehouseAws';
let dir: string;
let out: Record<CloudName, string>;
let fixtureCount = 0;
/** A fresh copy of a cloud's real output, to mutate. */
const copyOf = (cloud: CloudName) => copyOutput(out[cloud], path.join(dir, `${cloud}-${++fixtureCount}`));

beforeAll(() => {
  dir = scratchDir();
  out = synthesizeLakehouseExamples(dir, ['aws', 'gcp', 'azure']);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('dpk diff OLD_DIR NEW_DIR (child process)', () => {
  test('GCP: an unchanged copy exits 0', () => {
    // WHEN
    const run = runDpk(['diff', out.gcp, copyOf('gcp')]);
    // THEN
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gcp/lakehouse-gcp: unchanged');
    expect(run.stdout).toContain('No data would be lost.');
  });

  test('GCP: a renamed bucket and a dataset without prevent_destroy exit 1, each with why', () => {
    // GIVEN
    const next = copyOf('gcp');
    let bucket = '';
    let dataset = '';
    editJson(terraformFile(next, 'lakehouse-gcp'), (doc) => {
      bucket = firstOf(doc, 'google_storage_bucket');
      doc.resource.google_storage_bucket[bucket].name += '-v2';
      dataset = firstOf(doc, 'google_bigquery_dataset');
      delete doc.resource.google_bigquery_dataset[dataset].lifecycle;
    });
    // WHEN
    const run = runDpk(['diff', out.gcp, next]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `replaced +google_storage_bucket\\.${bucket}: replaced because name changed "[^"]+" → "[^"]+-v2"`,
      ),
    );
    expect(run.stdout).toMatch(
      new RegExp(
        `retention removed +google_bigquery_dataset\\.${dataset}: lifecycle\\.prevent_destroy true → absent`,
      ),
    );
    expect(run.stdout).toContain('Data would be lost: 2 stateful resources in 1 stack.');
  });

  test('AWS: a changed BucketName exits 1: CloudFormation replaces the bucket', () => {
    // GIVEN
    const next = copyOf('aws');
    let bucket = '';
    editJson(path.join(next, `${AWS_STACK}.template.json`), (doc) => {
      bucket = Object.keys(doc.Resources).find(
        (id) => doc.Resources[id].Type === 'AWS::S3::Bucket' && doc.Resources[id].Properties.BucketName,
      )!;
      doc.Resources[bucket].Properties.BucketName = 'sales-raw-renamed';
    });
    // WHEN
    const run = runDpk(['diff', out.aws, next]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `replaced  ${bucket} (AWS::S3::Bucket): replaced because BucketName changed`,
    );
    expect(run.stdout).toContain('→ "sales-raw-renamed"');
  });

  test('Azure: a stateless change only exits 0, summarized', () => {
    // GIVEN
    const next = copyOf('azure');
    editJson(terraformFile(next, 'lakehouse-azure'), (doc) => {
      const group = firstOf(doc, 'azurerm_monitor_action_group');
      doc.resource.azurerm_monitor_action_group[group].short_name = 'renamed';
    });
    // WHEN
    const run = runDpk(['diff', out.azure, next]);
    // THEN
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'azure/lakehouse-azure: no data lost\n  other changes: 0 added, 1 updated, 0 removed',
    );
  });

  test('Azure: a removed storage container exits 1 (destroyed)', () => {
    // GIVEN
    const next = copyOf('azure');
    let container = '';
    editJson(terraformFile(next, 'lakehouse-azure'), (doc) => {
      container = firstOf(doc, 'azurerm_storage_container');
      delete doc.resource.azurerm_storage_container[container];
    });
    // WHEN
    const run = runDpk(['diff', out.azure, next]);
    // THEN
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `destroyed  azurerm_storage_container.${container}: gone from the new output`,
    );
  });
});

describe('diffFolders on the real outputs (in process)', () => {
  test('every cloud at once (aws/, gcp/, azure/ subfolders): only the changed cloud loses data', () => {
    // GIVEN both sides hold the three clouds; the new side's GCP key ring is renamed
    const before = path.join(dir, 'all-before');
    const after = path.join(dir, 'all-after');
    for (const cloud of ['aws', 'gcp', 'azure'] as const) {
      copyOutput(out[cloud], path.join(before, cloud));
      copyOutput(out[cloud], path.join(after, cloud));
    }
    editJson(terraformFile(path.join(after, 'gcp'), 'lakehouse-gcp'), (doc) => {
      doc.resource.google_kms_key_ring[firstOf(doc, 'google_kms_key_ring')].name = 'another-ring';
    });
    // WHEN
    const report = diffFolders(before, after);
    // THEN
    expect(report.dataLoss).toBe(true);
    expect(report.stacks.map((s) => [s.cloud, s.stack, s.status, s.losses.map((l) => l.type)])).toEqual([
      ['aws', AWS_STACK, 'unchanged', []],
      ['gcp', 'lakehouse-gcp', 'changed', ['google_kms_key_ring']],
      ['azure', 'lakehouse-azure', 'unchanged', []],
    ]);
    // AND --cloud keeps one cloud's stacks
    expect(diffFolders(before, after, { cloud: 'azure' }).stacks.map((s) => s.cloud)).toEqual(['azure']);
  });

  test.each(['aws', 'gcp'] as const)(
    '%s: a removed stack keeps its retained resources and says why',
    (cloud) => {
      // GIVEN the new output has no stack at all (the kit retains every stateful resource)
      const next = copyOf(cloud);
      if (cloud === 'aws') {
        editJson(path.join(next, 'manifest.json'), (m) => delete m.artifacts[AWS_STACK]);
      } else {
        editJson(path.join(next, 'manifest.json'), (m) => delete m.stacks['lakehouse-gcp']);
      }
      // WHEN
      const [stack] = diffFolders(out[cloud], next).stacks;
      // THEN
      expect(stack.status).toBe('removed');
      expect(stack.losses).toEqual([]);
      expect(stack.retained.length).toBeGreaterThan(3);
      expect(new Set(stack.retained.map((r) => r.reason))).toEqual(
        new Set([
          cloud === 'aws'
            ? 'DeletionPolicy RetainExceptOnCreate keeps it when the stack is deleted'
            : 'lifecycle.prevent_destroy stops terraform destroy of the stack before it',
        ]),
      );
      expect(stack.other.removed).toBeGreaterThan(0);
    },
  );
});
