import {
  DataRemovalPolicy,
  decideRemoval,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../src/core/removal';

import { newScope } from '../helpers/scope';

describe('removal guard', () => {
  test('the context key is the documented constant', () => {
    expect(REMOVE_DATA_ON_DESTROY_CONTEXT).toBe('data-platform-kit:removeDataOnDestroy');
  });

  test('retains by default, without a warning', () => {
    expect(decideRemoval(newScope({}), undefined)).toEqual({ policy: DataRemovalPolicy.RETAIN });
  });

  test('RETAIN stays RETAIN even with the flag', () => {
    const decision = decideRemoval(
      newScope({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true }),
      DataRemovalPolicy.RETAIN,
    );
    expect(decision).toEqual({ policy: DataRemovalPolicy.RETAIN });
  });

  test.each([
    ['unset', {}],
    ['false', { [REMOVE_DATA_ON_DESTROY_CONTEXT]: false }],
    ['"false"', { [REMOVE_DATA_ON_DESTROY_CONTEXT]: 'false' }],
  ])('DESTROY with the flag %s retains and warns', (_, context) => {
    const decision = decideRemoval(newScope(context), DataRemovalPolicy.DESTROY);
    expect(decision.policy).toBe(DataRemovalPolicy.RETAIN);
    expect(decision.warning?.id).toBe(REMOVAL_DOWNGRADED_WARNING);
    expect(decision.warning?.message).toContain(REMOVE_DATA_ON_DESTROY_CONTEXT);
  });

  test.each([
    ['true', true],
    ['"true" (from a CLI -c flag)', 'true'],
  ])('DESTROY with the flag %s destroys', (_, flag) => {
    const decision = decideRemoval(
      newScope({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: flag }),
      DataRemovalPolicy.DESTROY,
    );
    expect(decision).toEqual({ policy: DataRemovalPolicy.DESTROY });
  });
});
