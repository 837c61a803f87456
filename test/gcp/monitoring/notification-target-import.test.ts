import { TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core';
import { NotificationTarget } from '../../../src/gcp';
import { expectValidationError, newGcpStack } from '../support';

const CHANNEL = 'projects/acme-ops/notificationChannels/42';

describe('NotificationTarget.fromNotificationTargetAttributes', () => {
  test('gives the channels as alert policies take them', () => {
    const target = NotificationTarget.fromNotificationTargetAttributes(newGcpStack(), 'OnCall', {
      notificationChannelIds: [CHANNEL, 'projects/acme-ops/notificationChannels/43'],
    });
    expect(target.notificationChannelIds).toEqual([CHANNEL, 'projects/acme-ops/notificationChannels/43']);
  });

  test.each<[string, string[], ErrorCode, string]>([
    ['no channels', [], ErrorCode.OUT_OF_RANGE, 'notificationChannelIds'],
    [
      'more channels than a policy notifies',
      Array.from(
        { length: NotificationTarget.CHANNELS_RANGE.max + 1 },
        (_, i) => `projects/p/notificationChannels/${i}`,
      ),
      ErrorCode.OUT_OF_RANGE,
      'notificationChannelIds',
    ],
    [
      'a channel without its project',
      ['notificationChannels/42'],
      ErrorCode.INVALID_NAME,
      'notificationChannelIds[0]',
    ],
  ])('%s throws its code with the prop path', (_, notificationChannelIds, code, prop) => {
    expectValidationError(
      () =>
        NotificationTarget.fromNotificationTargetAttributes(newGcpStack(), 'OnCall', {
          notificationChannelIds,
        }),
      code,
      prop,
    );
  });

  test('channel ids that are tokens pass unvalidated', () => {
    const stack = newGcpStack();
    const channel = new TerraformVariable(stack, 'Channel', { type: 'string' }).stringValue;
    const target = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
      notificationChannelIds: [channel],
    });
    expect(target.notificationChannelIds).toEqual([channel]);
  });
});
