import { azureTags } from '../../../src/azure/private/tags';
import { ErrorCode } from '../../../src/core/errors';
import { newScope } from '../../helpers/scope';
import { tokens } from '../azure-stack';

const tagsOf = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`tag${i}`, 'v']));
const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('azureTags', () => {
  test("the kit's tags come first and the user's follow", () => {
    expect(azureTags(newScope(), 'sales', { owner: 'team' }, 'raw')).toEqual({
      'data-platform': 'sales',
      'data-zone': 'raw',
      owner: 'team',
    });
  });

  test("50 tags in all, the kit's included, is the most Azure allows", () => {
    // GIVEN 49 user tags and the kit's one / THEN accepted; one more is rejected
    expect(Object.keys(azureTags(newScope(), 'sales', tagsOf(49)))).toHaveLength(50);
    expect(() => azureTags(newScope(), 'sales', tagsOf(50))).toThrow(code(ErrorCode.INVALID_TAGS));
    expect(() => azureTags(newScope(), 'sales', tagsOf(48), 'raw')).not.toThrow();
    expect(() => azureTags(newScope(), 'sales', tagsOf(49), 'raw')).toThrow(code(ErrorCode.INVALID_TAGS));
  });

  test("a user tag with exactly the kit's name replaces its value", () => {
    expect(azureTags(newScope(), 'sales', { 'data-platform': 'shared' })).toEqual({
      'data-platform': 'shared',
    });
  });

  test('names that differ only in letter case are one Azure tag, so they are rejected', () => {
    expect(() => azureTags(newScope(), 'sales', { Owner: 'a', owner: 'b' })).toThrow(
      expect.objectContaining({
        code: ErrorCode.INVALID_TAGS,
        prop: 'tags key',
        received: ['Owner', 'owner'],
      }),
    );
  });

  test('token names are skipped', () => {
    expect(() => azureTags(newScope(), 'sales', { [tokens.string()]: 'x', owner: 'y' })).not.toThrow();
  });
});
