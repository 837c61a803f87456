import { NotificationTarget } from '../../../src/azure';
import { ErrorCode } from '../../../src/core';
import { Fn, Token } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack } from '../azure-stack';

const GROUP_ID =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/data-oncall';

describe('NotificationTarget.fromNotificationTargetAttributes', () => {
  test('gives the action group id; nothing is created', () => {
    const stack = newAzureStack();
    const target = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
      actionGroupId: GROUP_ID,
    });
    expect(target.actionGroupId).toBe(GROUP_ID);
    expect(NotificationTarget.fromActionGroupId(stack, 'Same', GROUP_ID).actionGroupId).toBe(GROUP_ID);
    TfTemplate.fromStack(stack).resourceCountIs('azurerm_monitor_action_group', 0);
  });

  test('a malformed id throws DPK_INVALID_NAME; a token passes', () => {
    const stack = newAzureStack();
    expect(() =>
      NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', { actionGroupId: 'data-oncall' }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_NAME, prop: 'actionGroupId' }));
    const actionGroupId = Token.asString(Fn.lower(GROUP_ID));
    expect(
      NotificationTarget.fromNotificationTargetAttributes(stack, 'Token', { actionGroupId }).actionGroupId,
    ).toBe(actionGroupId);
  });
});
