import * as cdk from 'aws-cdk-lib';
import { ErrorCode } from '../../src/core/errors';
import { kitTags, TagRules, validateTags } from '../../src/core/tags';
import { newScope } from '../helpers/scope';

const invalidTags = expect.objectContaining({ code: ErrorCode.INVALID_TAGS });

describe('validateTags', () => {
  test('returns valid tags unchanged and an empty set when none are given', () => {
    expect(validateTags(newScope(), TagRules.AWS, { team: 'Data Eng', 'cost:centre': '42' })).toEqual({
      team: 'Data Eng',
      'cost:centre': '42',
    });
    expect(validateTags(newScope(), TagRules.GCP, undefined)).toEqual({});
  });

  test.each([
    ['AWS reserved prefix', TagRules.AWS, { 'aws:owner': 'x' }],
    ['AWS key too long', TagRules.AWS, { ['k'.repeat(129)]: 'x' }],
    ['AWS value with a bad character', TagRules.AWS, { team: 'a*b' }],
    ['GCP uppercase key', TagRules.GCP, { Team: 'data' }],
    ['GCP key starting with a digit', TagRules.GCP, { '1team': 'data' }],
    ['GCP uppercase value', TagRules.GCP, { team: 'Data' }],
    ['GCP value with a space', TagRules.GCP, { team: 'data eng' }],
    ['GCP value too long', TagRules.GCP, { team: 'x'.repeat(64) }],
    ['Azure key with a slash', TagRules.AZURE, { 'a/b': 'x' }],
    ['Azure value too long', TagRules.AZURE, { team: 'x'.repeat(257) }],
  ])('rejects %s', (_, rule, tags) => {
    expect(() => validateTags(newScope(), rule, tags)).toThrow(invalidTags);
  });

  test('rejects more tags than the cloud allows', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    expect(() => validateTags(newScope(), TagRules.AWS, tags)).toThrow(invalidTags);
    expect(() => validateTags(newScope(), TagRules.GCP, tags)).not.toThrow();
  });

  test('collects every violation', () => {
    expect(() => validateTags(newScope(), TagRules.GCP, { Team: 'Data' })).toThrow(
      expect.objectContaining({ violations: [expect.anything(), expect.anything()] }),
    );
  });

  test('skips unresolved values', () => {
    const token = cdk.Token.asString({ resolve: () => 'X Y' });
    expect(() => validateTags(newScope(), TagRules.GCP, { team: token })).not.toThrow();
  });
});

describe('kitTags', () => {
  test('tags the platform, and the zone when there is one', () => {
    expect(kitTags('sales')).toEqual({ 'data-platform': 'sales' });
    expect(kitTags('sales', 'raw')).toEqual({ 'data-platform': 'sales', 'data-zone': 'raw' });
  });

  test.each(Object.entries(TagRules))('kit tags are valid %s tags', (_, rule) => {
    expect(() => validateTags(newScope(), rule, kitTags('sales-eu', 'curated'))).not.toThrow();
  });
});
