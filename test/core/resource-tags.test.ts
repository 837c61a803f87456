import { ErrorCode } from '../../src/core/errors';
import { resourceTags, TagRules, validateResourceTags } from '../../src/core/tags';
import { tokens } from '../azure/azure-stack';
import { newScope } from '../helpers/scope';

const tagsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));
const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('resourceTags (Azure rules: case-insensitive names, 50 tags)', () => {
  test("the kit's tags come first and the user's follow", () => {
    expect(resourceTags(newScope(), TagRules.AZURE, 'sales', { owner: 'team' }, 'raw')).toEqual({
      'data-platform': 'sales',
      'data-zone': 'raw',
      owner: 'team',
    });
  });

  test("50 tags in all, the kit's included, is the most Azure allows", () => {
    // GIVEN 49 user tags and the kit's one / THEN accepted; one more is rejected
    expect(Object.keys(resourceTags(newScope(), TagRules.AZURE, 'sales', tagsOf(49)))).toHaveLength(50);
    expect(() => resourceTags(newScope(), TagRules.AZURE, 'sales', tagsOf(50))).toThrow(
      code(ErrorCode.INVALID_TAGS),
    );
    expect(() => resourceTags(newScope(), TagRules.AZURE, 'sales', tagsOf(48), 'raw')).not.toThrow();
    expect(() => resourceTags(newScope(), TagRules.AZURE, 'sales', tagsOf(49), 'raw')).toThrow(
      code(ErrorCode.INVALID_TAGS),
    );
  });

  test("a user tag with exactly the kit's name replaces its value", () => {
    expect(resourceTags(newScope(), TagRules.AZURE, 'sales', { 'data-platform': 'shared' })).toEqual({
      'data-platform': 'shared',
    });
  });

  test('names that differ only in letter case are one Azure tag, so they are rejected', () => {
    expect(() => resourceTags(newScope(), TagRules.AZURE, 'sales', { Owner: 'a', owner: 'b' })).toThrow(
      expect.objectContaining({
        code: ErrorCode.INVALID_TAGS,
        prop: 'tags key',
        received: ['Owner', 'owner'],
      }),
    );
  });

  test('token names are skipped', () => {
    expect(() =>
      resourceTags(newScope(), TagRules.AZURE, 'sales', { [tokens.string()]: 'x', owner: 'y' }),
    ).not.toThrow();
  });
});

describe('resourceTags (AWS and GCP rules)', () => {
  test.each([
    ['AWS', TagRules.AWS, 49],
    ['GCP', TagRules.GCP, 63],
  ])("%s counts the kit's tag against the limit", (_, rule, most) => {
    expect(Object.keys(resourceTags(newScope(), rule, 'sales', tagsOf(most)))).toHaveLength(most + 1);
    expect(() => resourceTags(newScope(), rule, 'sales', tagsOf(most + 1))).toThrow(
      code(ErrorCode.INVALID_TAGS),
    );
  });

  test('AWS and GCP keys are case-sensitive: Env and env are two tags', () => {
    expect(() => resourceTags(newScope(), TagRules.AWS, 'sales', { Env: 'a', env: 'b' })).not.toThrow();
  });
});

describe('validateResourceTags (the up-front check blocks run before they tag anything)', () => {
  test("accepts what fits beside the kit's tags and rejects what does not, with DPK_INVALID_TAGS", () => {
    expect(() =>
      validateResourceTags(newScope(), TagRules.GCP, 'sales', { team: 'sales-data' }),
    ).not.toThrow();
    expect(() => validateResourceTags(newScope(), TagRules.GCP, 'sales', { Team: 'x' })).toThrow(
      code(ErrorCode.INVALID_TAGS),
    );
    expect(() => validateResourceTags(newScope(), TagRules.AZURE, 'sales', tagsOf(50))).toThrow(
      code(ErrorCode.INVALID_TAGS),
    );
  });
});
