import { TerraformVariable } from 'cdktf';
import { NotificationTarget } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { newGcpStack } from '../support';

const CHANNEL = 'google_monitoring_notification_channel';
const SERVICE = 'google_project_service';

function synthTarget(props: Partial<ConstructorParameters<typeof NotificationTarget>[2]> = {}) {
  const stack = newGcpStack();
  const target = new NotificationTarget(stack, 'Alerts', {
    platformName: 'data',
    emailAddresses: ['oncall@acme.com'],
    ...props,
  });
  return { stack, target, template: TfTemplate.fromStack(stack) };
}

describe('NotificationTarget defaults', () => {
  test('one enabled email channel per address, never force-deleted, labelled', () => {
    // GIVEN / WHEN
    const { target, template } = synthTarget({ emailAddresses: ['oncall@acme.com', 'lead@acme.com'] });
    // THEN
    template.resourceCountIs(CHANNEL, 2);
    template.allResourcesHave(CHANNEL, {
      type: 'email',
      enabled: true,
      force_delete: false,
      user_labels: { 'data-platform': 'data' },
    });
    expect(
      template.resources(CHANNEL).map((c) => (c.config.labels as Record<string, string>).email_address),
    ).toEqual(expect.arrayContaining(['oncall@acme.com', 'lead@acme.com']));
    expect(target.notificationChannelIds).toHaveLength(2);
    expect(target.notificationChannelIds[0]).toMatch(/^\$\{TfToken\[/);
  });

  test("display names start with the platform name (default 'data')", () => {
    const { template } = synthTarget();
    template.hasResourceProperties(CHANNEL, { display_name: 'data data platform alerts (oncall@acme.com)' });
  });

  test('enables the Cloud Monitoring API (DEFAULT_ENABLE_APIS) and waits for it', () => {
    const { template } = synthTarget();
    expect(NotificationTarget.DEFAULT_ENABLE_APIS).toBe(true);
    const api = template.hasResourceProperties(SERVICE, {
      service: 'monitoring.googleapis.com',
      disable_on_destroy: false,
    });
    template.allResourcesHave(CHANNEL, { depends_on: [api.address] });
  });

  test('an alert policy notifies at most CHANNELS_RANGE.max (16)', () => {
    expect(NotificationTarget.CHANNELS_RANGE).toEqual({ min: 1, max: 16 });
    const emails = Array.from({ length: 16 }, (_, i) => `oncall${i}@acme.com`);
    synthTarget({ emailAddresses: emails }).template.resourceCountIs(CHANNEL, 16);
  });
});

describe('NotificationTarget options', () => {
  test('platformName, project and tags', () => {
    const { template } = synthTarget({ platformName: 'sales', project: 'acme-ops', tags: { team: 'data' } });
    template.allResourcesHave(CHANNEL, {
      project: 'acme-ops',
      display_name: 'sales data platform alerts (oncall@acme.com)',
      user_labels: { 'data-platform': 'sales', team: 'data' },
    });
  });

  test('enableApis false enables nothing and waits for nothing', () => {
    const { template } = synthTarget({ enableApis: false });
    template.resourceCountIs(SERVICE, 0);
    expect(template.resources(CHANNEL)[0].config.depends_on).toBeUndefined();
  });

  test('a repeated address is made once', () => {
    synthTarget({ emailAddresses: ['oncall@acme.com', 'oncall@acme.com'] }).template.resourceCountIs(
      CHANNEL,
      1,
    );
  });

  test('channel ids follow the address, so reordering the list replaces nothing', () => {
    const names = (emails: string[]) =>
      synthTarget({ emailAddresses: emails })
        .template.resources(CHANNEL)
        .map((c) => c.name)
        .sort();
    expect(names(['a@acme.com', 'b@acme.com'])).toEqual(names(['b@acme.com', 'a@acme.com']));
  });

  test('fromNotificationTargetAttributes brings existing channels', () => {
    const id = 'projects/acme-ops/notificationChannels/42';
    const target = NotificationTarget.fromNotificationTargetAttributes(newGcpStack(), 'OnCall', {
      notificationChannelIds: [id],
    });
    expect(target.notificationChannelIds).toEqual([id]);
  });
});

describe('NotificationTarget tokens', () => {
  test('deploy-time addresses and channel ids pass validation', () => {
    const stack = newGcpStack();
    const email = new TerraformVariable(stack, 'Email', { type: 'string' }).stringValue;
    const channel = new TerraformVariable(stack, 'Channel', { type: 'string' }).stringValue;
    const target = new NotificationTarget(stack, 'Alerts', { platformName: 'data', emailAddresses: [email] });
    expect(target.channels).toHaveLength(1);
    const existing = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
      notificationChannelIds: [channel],
    });
    expect(existing.notificationChannelIds).toEqual([channel]);
    TfTemplate.fromStack(stack).hasResourceProperties(CHANNEL, {
      display_name: 'data data platform alerts (email 1)',
    });
  });
});
