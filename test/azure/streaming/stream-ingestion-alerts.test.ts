import { NotificationTarget } from '../../../src/azure/monitoring/notification-target';
import { STREAM_ALERT_SCHEDULE } from '../../../src/azure/streaming/private/stream-monitoring';
import { StreamIngestion } from '../../../src/azure/streaming/stream-ingestion';
import { ErrorCode } from '../../../src/core/errors';
import { warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG } from '../azure-stack';
import { ACTION_GROUP, ALERT, failsWith, NAMESPACE, ref, synthStream } from './support';

const ACTION_GROUP_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/oncall';

describe('StreamIngestion alerts', () => {
  test('throttled requests: any in 15 minutes, evaluated every 5, on the namespace', () => {
    const { template, stream } = synthStream();
    template.resourceCountIs(ALERT, 2);
    template.hasResourceProperties(ALERT, {
      name: expect.stringMatching(/^sales-clicks-throttled-[0-9a-f]{8}$/),
      scopes: [ref(NAMESPACE, 'id')],
      frequency: STREAM_ALERT_SCHEDULE.frequency,
      window_size: STREAM_ALERT_SCHEDULE.windowSize,
      auto_mitigate: true,
      severity: 2,
      criteria: [
        {
          metric_namespace: 'Microsoft.EventHub/namespaces',
          metric_name: 'ThrottledRequests',
          aggregation: 'Total',
          operator: 'GreaterThan',
          threshold: 0,
        },
      ],
    });
    expect(stream.throttledRequestsAlert).toBeDefined();
  });

  test('capture backlog above 10000 events', () => {
    const { template, stream } = synthStream();
    expect(StreamIngestion.DEFAULT_CAPTURE_BACKLOG_THRESHOLD).toBe(10000);
    template.hasResourceProperties(ALERT, {
      name: expect.stringMatching(/^sales-clicks-capture-backlog-[0-9a-f]{8}$/),
      scopes: [ref(NAMESPACE, 'id')],
      severity: 1,
      criteria: [{ metric_name: 'CaptureBacklog', operator: 'GreaterThan', threshold: 10000 }],
    });
    expect(stream.captureBacklogAlert).toBeDefined();
  });

  test('captureBacklogThreshold sets the threshold', () => {
    const { template } = synthStream({ captureBacklogThreshold: 500 });
    template.hasResourceProperties(ALERT, { criteria: [{ metric_name: 'CaptureBacklog', threshold: 500 }] });
  });

  test('without a target the alerts have no action, and the stream warns', () => {
    const { template, stream } = synthStream();
    for (const alert of template.resources(ALERT)) expect(alert.config).not.toHaveProperty('action');
    expect(stream.notificationTarget).toBeUndefined();
    expect(warningsOf(stream).join('\n')).toContain(StreamIngestion.NO_NOTIFICATION_WARNING);
  });

  test('notificationTarget: both alerts notify the given action group', () => {
    const stack = newAzureStack();
    const target = NotificationTarget.fromActionGroupId(stack, 'OnCall', ACTION_GROUP_ID);
    const { template, stream } = synthStream({ notificationTarget: target }, stack);
    template.allResourcesHave(ALERT, { action: [{ action_group_id: ACTION_GROUP_ID }] });
    expect(warningsOf(stream).join('\n')).not.toContain(StreamIngestion.NO_NOTIFICATION_WARNING);
  });

  test('alertEmailAddresses: the stream makes an action group for them', () => {
    const { template, stream } = synthStream({ alertEmailAddresses: ['oncall@example.com'] });
    template.hasResourceProperties(ACTION_GROUP, {
      resource_group_name: RG.name,
      email_receiver: [{ email_address: 'oncall@example.com' }],
    });
    template.allResourcesHave(ALERT, { action: [{ action_group_id: ref(ACTION_GROUP, 'id') }] });
    expect(stream.notificationTarget).toBeInstanceOf(NotificationTarget);
  });

  test('notificationTarget and alertEmailAddresses together conflict', () => {
    const stack = newAzureStack();
    const target = NotificationTarget.fromActionGroupId(stack, 'OnCall', ACTION_GROUP_ID);
    expect(() =>
      synthStream({ notificationTarget: target, alertEmailAddresses: ['oncall@example.com'] }, stack),
    ).toThrow(failsWith(ErrorCode.CONFLICTING_PROPS, 'alertEmailAddresses'));
  });
});
