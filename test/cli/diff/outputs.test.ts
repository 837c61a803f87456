import * as fs from 'node:fs';
import * as path from 'node:path';
import { scratchDir } from './fixtures';
import { DiffInputError } from '../../../src/cli/diff/diff-input-error';
import { readSynthesizedOutput } from '../../../src/cli/diff/outputs';

let dir: string;
beforeEach(() => (dir = scratchDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes `document` as JSON at `file` under the scratch folder. */
function write(file: string, document: unknown): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), typeof document === 'string' ? document : JSON.stringify(document));
}

const TEMPLATE = { Resources: { Bucket: { Type: 'AWS::S3::Bucket' } } };
const GOOGLE = { provider: { google: [{}] }, resource: {} };
const AZURERM = { provider: { azurerm: [{}] }, resource: {} };

describe('readSynthesizedOutput', () => {
  test("reads a cloud assembly's stacks by stack name, through nested assemblies (stages)", () => {
    // GIVEN
    write('manifest.json', {
      artifacts: {
        Top: {
          type: 'aws:cloudformation:stack',
          properties: { templateFile: 'Top.template.json', stackName: 'top-stack' },
        },
        Tree: { type: 'cdk:tree' },
        Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } },
      },
    });
    write('Top.template.json', TEMPLATE);
    write('assembly-Stage/manifest.json', {
      artifacts: {
        Inner: { type: 'aws:cloudformation:stack', properties: { templateFile: 'Inner.template.json' } },
      },
    });
    write('assembly-Stage/Inner.template.json', TEMPLATE);
    // WHEN
    const stacks = readSynthesizedOutput(dir);
    // THEN
    expect(stacks.map((s) => [s.cloud, s.name, path.relative(dir, s.file)])).toEqual([
      ['aws', 'top-stack', 'Top.template.json'],
      ['aws', 'Inner', path.join('assembly-Stage', 'Inner.template.json')],
    ]);
  });

  test("reads cdktf's output, the cloud from its providers; without a manifest, from stacks/", () => {
    write('manifest.json', {
      stacks: {
        a: { name: 'a', synthesizedStackPath: 'stacks/a/cdk.tf.json' },
        b: { name: 'b', synthesizedStackPath: 'stacks/b/cdk.tf.json' },
      },
    });
    write('stacks/a/cdk.tf.json', GOOGLE);
    write('stacks/b/cdk.tf.json', AZURERM);
    expect(readSynthesizedOutput(dir).map((s) => [s.cloud, s.name])).toEqual([
      ['gcp', 'a'],
      ['azure', 'b'],
    ]);
    fs.rmSync(path.join(dir, 'manifest.json'));
    expect(readSynthesizedOutput(dir).map((s) => s.name)).toEqual(['a', 'b']);
  });

  test('reads aws/, gcp/ and azure/ subfolders, each cloud from its folder', () => {
    write('aws/Stack.template.json', TEMPLATE);
    write('gcp/stacks/g/cdk.tf.json', GOOGLE);
    write('azure/stacks/z/cdk.tf.json', { provider: {}, resource: {} });
    expect(readSynthesizedOutput(dir).map((s) => [s.cloud, s.name])).toEqual([
      ['aws', 'Stack'],
      ['gcp', 'g'],
      ['azure', 'z'],
    ]);
  });

  test.each([
    [
      'a missing folder',
      'missing',
      /missing: no such folder\. Expected a synthesized output: a cloud assembly/,
    ],
    [
      'an empty folder',
      '.',
      /: not a synthesized output \(no manifest\.json, stacks\/ or \*\.template\.json\)/,
    ],
  ])('rejects %s, naming it and what is expected', (_, sub, message) => {
    expect(() => readSynthesizedOutput(path.join(dir, sub))).toThrow(DiffInputError);
    expect(() => readSynthesizedOutput(path.join(dir, sub))).toThrow(message);
  });

  test('rejects a template that is not JSON, naming the file', () => {
    write('Broken.template.json', '{ "Resources": ');
    expect(() => readSynthesizedOutput(dir)).toThrow(/Broken\.template\.json: not valid JSON \(/);
  });

  test('rejects a Terraform stack of no known cloud outside a cloud folder, saying how to name it', () => {
    write('stacks/x/cdk.tf.json', { provider: { aws: [{}] }, resource: {} });
    expect(() => readSynthesizedOutput(dir)).toThrow(
      /cdk\.tf\.json: configures no google or azurerm provider \(providers: aws\).*gcp\/ or azure\/ subfolder/,
    );
  });
});
