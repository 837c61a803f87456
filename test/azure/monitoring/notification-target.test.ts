import {
  NotificationTarget,
  type NotificationTargetProps,
} from '../../../src/azure/monitoring/notification-target';
import { ErrorCode } from '../../../src/core/errors';
import type { TerraformStack } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens } from '../azure-stack';

const ACTION_GROUP = 'azurerm_monitor_action_group';
const ACTION_GROUP_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/oncall';

function synthTarget(props: Partial<NotificationTargetProps> = {}, stack: TerraformStack = newAzureStack()) {
  const target = new NotificationTarget(stack, 'Alerts', {
    platformName: 'sales',
    resourceGroup: RG,
    emailAddresses: ['oncall@example.com'],
    ...props,
  });
  return { target, template: TfTemplate.fromStack(stack) };
}

const code = (c: ErrorCode, prop?: string) =>
  expect.objectContaining(prop === undefined ? { code: c } : { code: c, prop });

describe('NotificationTarget', () => {
  test('an enabled action group e-mailing each address with the common alert schema', () => {
    // GIVEN / WHEN two addresses
    const { template, target } = synthTarget({ emailAddresses: ['oncall@example.com', 'lead@example.com'] });
    // THEN one group, one receiver each
    expect(NotificationTarget.USE_COMMON_ALERT_SCHEMA).toBe(true);
    template.resourceCountIs(ACTION_GROUP, 1);
    const group = template.hasResourceProperties(ACTION_GROUP, {
      resource_group_name: RG.name,
      enabled: true,
      email_receiver: [
        { name: 'email-1', email_address: 'oncall@example.com', use_common_alert_schema: true },
        { name: 'email-2', email_address: 'lead@example.com', use_common_alert_schema: true },
      ],
      tags: { 'data-platform': 'sales' },
    });
    expect(group.config).not.toHaveProperty('location'); // azurerm's default: global
    expect(target.actionGroup.node.id).toBe('ActionGroup');
  });

  test('name and short name derive from the platform', () => {
    const { template } = synthTarget({ platformName: 'customer-analytics' });
    template.hasResourceProperties(ACTION_GROUP, {
      name: expect.stringMatching(/^customer-analytics-alerts-[0-9a-f]{8}$/),
      short_name: 'customer-ana',
    });
  });

  test('a short name never ends with a hyphen once cut', () => {
    const { template } = synthTarget({ platformName: 'sales-europe-west' });
    template.hasResourceProperties(ACTION_GROUP, { short_name: 'sales-europe' });
    const cut = synthTarget({ platformName: 'abcdefghijk-lm' }).template;
    cut.hasResourceProperties(ACTION_GROUP, { short_name: 'abcdefghijk' });
  });

  test('actionGroupName, shortName and tags', () => {
    const { template } = synthTarget({
      actionGroupName: 'ag-sales-oncall',
      shortName: 'Sales OnCall',
      tags: { team: 'data' },
    });
    template.hasResourceProperties(ACTION_GROUP, {
      name: 'ag-sales-oncall',
      short_name: 'Sales OnCall',
      tags: { 'data-platform': 'sales', team: 'data' },
    });
  });

  test('fromActionGroupId brings an existing group', () => {
    const target = NotificationTarget.fromActionGroupId(newAzureStack(), 'OnCall', ACTION_GROUP_ID);
    expect(target.actionGroupId).toBe(ACTION_GROUP_ID);
  });

  test('fromActionGroupId accepts a token and rejects a malformed id', () => {
    expect(
      NotificationTarget.fromActionGroupId(newAzureStack(), 'OnCall', tokens.string()).actionGroupId,
    ).toContain('TfToken');
    expect(() => NotificationTarget.fromActionGroupId(newAzureStack(), 'OnCall', 'oncall')).toThrow(
      code(ErrorCode.INVALID_NAME, 'actionGroupId'),
    );
  });

  test.each([
    ['no address', { emailAddresses: [] }, ErrorCode.OUT_OF_RANGE, 'emailAddresses'],
    [
      'too many addresses',
      { emailAddresses: Array.from({ length: 1001 }, (_, i) => `a${i}@example.com`) },
      ErrorCode.OUT_OF_RANGE,
      'emailAddresses',
    ],
    ['a malformed address', { emailAddresses: ['oncall'] }, ErrorCode.INVALID_PRINCIPAL, 'emailAddresses[0]'],
    [
      'an address with a space',
      { emailAddresses: ['on call@example.com'] },
      ErrorCode.INVALID_PRINCIPAL,
      'emailAddresses[0]',
    ],
    [
      'a duplicate address',
      { emailAddresses: ['a@example.com', 'A@example.com'] },
      ErrorCode.INVALID_PRINCIPAL,
      'emailAddresses[1]',
    ],
    ['a short name over 12 characters', { shortName: 'sales-oncall-x' }, ErrorCode.INVALID_NAME, 'shortName'],
    [
      'an action group name ending with a dot',
      { actionGroupName: 'alerts.' },
      ErrorCode.INVALID_NAME,
      'actionGroupName',
    ],
    ['a bad platform name', { platformName: 'Sales' }, ErrorCode.INVALID_NAME, 'platformName'],
    ['a bad tag', { tags: { 'a<b': 'x' } }, ErrorCode.INVALID_TAGS, undefined],
  ] as const)('%s is rejected', (_, props, expected, prop) => {
    expect(() => synthTarget(props as Partial<NotificationTargetProps>)).toThrow(code(expected, prop));
  });

  test('unresolved addresses and names are not validated', () => {
    const { template } = synthTarget({ emailAddresses: [tokens.string()], actionGroupName: tokens.string() });
    template.hasResourceProperties(ACTION_GROUP, {
      name: '${lower("NAME")}',
      email_receiver: [{ email_address: '${lower("NAME")}' }],
    });
  });

  test('a list token cannot become receivers', () => {
    expect(() => synthTarget({ emailAddresses: tokens.list() })).toThrow(
      code(ErrorCode.INVALID_PRINCIPAL, 'emailAddresses'),
    );
  });
});
