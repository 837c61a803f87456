import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CheckInputError } from '../../../src/cli/check/check-input-error';
import { keyLines, keyPath } from '../../../src/cli/check/json-lines';
import { findOutputs } from '../../../src/cli/check/outputs';
import { missingPeers, missingPeersMessage } from '../../../src/cli/check/peers';

const FIXTURES = path.join(__dirname, 'fixtures');

/** A fresh temporary folder holding copies of the named fixtures at the given relative paths. */
function layout(copies: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpk-check-layout-'));
  for (const [target, fixture] of Object.entries(copies)) {
    fs.cpSync(path.join(FIXTURES, fixture), path.join(dir, target), { recursive: true });
  }
  return dir;
}

/** Each output as `engine stack → file relative to dir`. */
function listOutputs(dir: string): string[] {
  return findOutputs(dir).map((o) => `${o.engine} ${o.stack} → ${path.relative(dir, o.file)}`);
}

describe('findOutputs', () => {
  test('reads an AWS cloud assembly from its manifest', () => {
    const dir = layout({ '.': 'aws-plain-bucket' });
    expect(listOutputs(dir)).toEqual(['cloudformation BrokenAws → BrokenAws.template.json']);
    expect(findOutputs(dir)[0]).toMatchObject({ metadataFile: path.join(dir, 'BrokenAws.metadata.json') });
  });

  test('follows a nested assembly (a stage)', () => {
    const dir = layout({ 'assembly-Prod': 'aws-plain-bucket' });
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({
        version: '55.0.0',
        artifacts: {
          'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
        },
      }),
    );
    expect(listOutputs(dir)).toEqual([
      `cloudformation BrokenAws → ${path.join('assembly-Prod', 'BrokenAws.template.json')}`,
    ]);
  });

  test('reads a single cdk.tf.json, named after its folder', () => {
    const dir = layout({ 'lake-gcp': 'gcp-public-bucket' });
    expect(listOutputs(path.join(dir, 'lake-gcp'))).toEqual(['terraform lake-gcp → cdk.tf.json']);
  });

  test("reads cdktf's stacks/<stack>/cdk.tf.json, with or without its manifest", () => {
    const dir = layout({ 'stacks/one': 'gcp-public-bucket', 'stacks/two': 'azure-open-storage' });
    expect(listOutputs(dir)).toEqual([
      `terraform one → ${path.join('stacks', 'one', 'cdk.tf.json')}`,
      `terraform two → ${path.join('stacks', 'two', 'cdk.tf.json')}`,
    ]);
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ stacks: { two: { name: 'two', synthesizedStackPath: 'stacks/two/cdk.tf.json' } } }),
    );
    expect(listOutputs(dir)).toEqual([`terraform two → ${path.join('stacks', 'two', 'cdk.tf.json')}`]);
  });

  test("reads 'dpk synth --cloud all' folders and out/<example>/ folders, in name order", () => {
    const dir = layout({
      gcp: 'gcp-public-bucket',
      aws: 'aws-plain-bucket',
      'examples/azure-x': 'azure-open-storage',
    });
    expect(listOutputs(dir)).toEqual([
      `cloudformation BrokenAws → ${path.join('aws', 'BrokenAws.template.json')}`,
      `terraform azure-x → ${path.join('examples', 'azure-x', 'cdk.tf.json')}`,
      `terraform gcp → ${path.join('gcp', 'cdk.tf.json')}`,
    ]);
  });

  test('a folder with nothing to check is rejected, naming what it looked for', () => {
    const dir = layout({});
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => findOutputs(dir)).toThrow(CheckInputError);
    expect(() => findOutputs(dir)).toThrow(/nothing to check.*cloud assembly.*cdk\.tf\.json/);
  });

  test('reads one template (with its metadata beside it) or one cdk.tf.json given by itself', () => {
    const dir = layout({ aws: 'aws-plain-bucket', 'stacks/lake': 'gcp-public-bucket' });
    const template = path.join(dir, 'aws', 'BrokenAws.template.json');
    expect(findOutputs(template)).toEqual([
      {
        engine: 'cloudformation',
        stack: 'BrokenAws',
        file: template,
        metadataFile: path.join(dir, 'aws', 'BrokenAws.metadata.json'),
      },
    ]);
    const tf = path.join(dir, 'stacks', 'lake', 'cdk.tf.json');
    expect(findOutputs(tf)).toEqual([{ engine: 'terraform', stack: 'lake', file: tf }]);
  });

  test('a missing folder and a file that is neither output nor spec are rejected', () => {
    const dir = layout({});
    expect(() => findOutputs(path.join(dir, 'absent'))).toThrow(/no such file or folder/);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    expect(() => findOutputs(path.join(dir, 'notes.txt'))).toThrow(
      /notes\.txt: not a folder of synthesized output, a \*\.template\.json, a cdk\.tf\.json, nor a spec file/,
    );
  });

  test('a manifest that is not JSON is rejected with its path', () => {
    const dir = layout({});
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    expect(() => findOutputs(dir)).toThrow(new RegExp(`${dir}.*manifest\\.json: not readable as JSON`));
  });
});

describe('keyLines', () => {
  test('gives the line of each key down to the depth asked, ignoring keys inside strings and arrays', () => {
    const text = [
      '{',
      '  "Resources": {',
      '    "A": { "Type": "x", "Note": "\\"B\\": {" },',
      '    "List": [{ "C": 1 }],',
      '    "B": {}',
      '  }',
      '}',
    ].join('\n');
    const lines = keyLines(text, 2);
    expect(lines.get(keyPath(['Resources']))).toBe(2);
    expect(lines.get(keyPath(['Resources', 'A']))).toBe(3);
    expect(lines.get(keyPath(['Resources', 'B']))).toBe(5);
    expect(lines.has(keyPath(['Resources', 'A', 'Type']))).toBe(false);
    expect(lines.has(keyPath(['Resources', 'List', 'C']))).toBe(false);
  });
});

describe('missingPeers', () => {
  test('names the peers that do not resolve, and the message says how to install them', () => {
    const resolve = (name: string) => {
      if (name === 'cdk-nag') throw new Error('Cannot find module');
      return `/node_modules/${name}`;
    };
    const missing = missingPeers(['aws-cdk-lib', 'cdk-nag'], resolve);
    expect(missing).toEqual(['cdk-nag']);
    expect(missingPeersMessage(missing, 'Checking AWS output')).toMatch(
      /^Checking AWS output needs cdk-nag, .*npm install --save-dev cdk-nag$/,
    );
  });
});
