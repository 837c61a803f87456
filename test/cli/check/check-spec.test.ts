import { isSpecFilePath, specClouds } from '../../../src/cli/check/check-spec';
import { CLOUDS, type SpecFile } from '../../../src/cli/spec/spec-file';
import type { LakehouseSpec } from '../../../src/patterns';

/** A loaded lakehouse spec file with sections for `clouds` (the spec itself is not read here). */
function specWith(...clouds: string[]): SpecFile {
  return {
    pattern: 'lakehouse',
    path: '/specs/lakehouse.yaml',
    spec: {} as LakehouseSpec,
    clouds: Object.fromEntries(clouds.map((c) => [c, {}])),
  };
}

describe('which clouds a spec file is checked on', () => {
  test('--cloud all: the clouds the file has a section for', () => {
    expect(specClouds(specWith('gcp', 'aws'), CLOUDS)).toEqual(['aws', 'gcp']);
  });

  test('--cloud all on a file without sections: every cloud, so missing sections are reported', () => {
    expect(specClouds(specWith(), CLOUDS)).toEqual(CLOUDS);
  });

  test('one cloud asked for: that cloud, section or not', () => {
    expect(specClouds(specWith('aws'), ['azure'])).toEqual(['azure']);
  });
});

describe('spec file or folder', () => {
  test.each([
    ['lakehouse.yaml', true],
    ['specs/mesh.YML', true],
    ['mesh.json', true],
    ['out', false],
    ['out/lakehouse-aws', false],
    ['out/stacks/lake/cdk.tf.json', false],
    ['out/LakehouseAws.template.json', false],
  ])('%s → spec file: %s', (target, expected) => {
    expect(isSpecFilePath(target)).toBe(expected);
  });
});
