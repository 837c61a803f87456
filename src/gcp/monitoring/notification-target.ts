import { MonitoringNotificationChannel } from '@cdktf/provider-google/lib/monitoring-notification-channel';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { Construct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { stableHash, validatePlatformName } from '../../core/naming';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { validateProject } from '../private/project';
import { dependsOnAll, enableApis, GoogleApi } from '../private/project-services';

/** Where alerts go: Cloud Monitoring notification channels, by full resource name. */
export interface INotificationTarget {
  /** `projects/{project}/notificationChannels/{id}` of each channel, as alert policies take them. */
  readonly notificationChannelIds: readonly string[];
}

/** Props of {@link NotificationTarget}. */
export interface NotificationTargetProps {
  /** Platform name the channels' display names start with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /** Addresses to email, one channel each (`NotificationTarget.CHANNELS_RANGE`: 1 to 16; repeats are made once). */
  readonly emailAddresses: readonly string[];
  /**
   * Project that owns the channels; alert policies notifying them must be in the same project.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * User labels for the channels, on top of the kit's own.
   * @default - only the kit's `data-platform` label
   */
  readonly tags?: Tags;
  /**
   * Enable the Cloud Monitoring API on the project (`google_project_service`, never disabled on destroy).
   * @default true
   */
  readonly enableApis?: boolean;
}

const CHANNEL_ID = /^projects\/[^/]+\/notificationChannels\/[^/]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkCount(scope: Construct, prop: string, list: readonly unknown[]): void {
  const { min, max } = NotificationTarget.CHANNELS_RANGE;
  if (list.length >= min && list.length <= max) return;
  throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
    prop,
    received: list,
    allowed: `from ${min} to ${max} entries (an alert policy notifies at most ${max} channels)`,
  });
}

/** A target's props, validated, with defaults resolved. */
interface ChannelSettings {
  readonly platform: string;
  readonly project?: string;
  /** Whether the kit enables the Cloud Monitoring API. */
  readonly apis: boolean;
  /** The addresses, each once, in the order given. */
  readonly emails: readonly string[];
  readonly userLabels: Tags;
}

/** What identifies notification channels made in another stack or project. */
export interface NotificationTargetAttributes {
  /** Each channel's full name, `projects/{project}/notificationChannels/{id}` (see `CHANNELS_RANGE`). */
  readonly notificationChannelIds: readonly string[];
}

/** Channels that exist already, brought by id: nothing is created for them. */
class ImportedNotificationTarget extends Construct implements INotificationTarget {
  public readonly notificationChannelIds: readonly string[];

  constructor(scope: Construct, id: string, attrs: NotificationTargetAttributes) {
    super(scope, id);
    const channelIds = attrs.notificationChannelIds;
    if (!isUnresolved(channelIds)) {
      checkCount(this, 'notificationChannelIds', channelIds);
    }
    ValidationError.throwIfAny(
      ErrorCode.INVALID_NAME,
      this,
      (isUnresolved(channelIds) ? [] : channelIds).flatMap((channel, i) =>
        isUnresolved(channel) || (typeof channel === 'string' && CHANNEL_ID.test(channel))
          ? []
          : [
              {
                prop: `notificationChannelIds[${i}]`,
                received: channel,
                allowed: "a notification channel name 'projects/{project}/notificationChannels/{id}'",
              },
            ],
      ),
    );
    this.notificationChannelIds = isUnresolved(channelIds) ? channelIds : [...channelIds];
  }
}

/**
 * Cloud Monitoring notification channels that the kit's alert policies notify: email channels
 * made from `emailAddresses`, or channels that already exist ({@link NotificationTarget.fromNotificationTargetAttributes}).
 *
 * Secure defaults: channels are enabled, never force-deleted while a policy still uses them
 * (`force_delete = false`), labelled, and the Cloud Monitoring API is enabled first. Email
 * addresses are not secrets; sensitive channel types (Slack, PagerDuty, webhooks with tokens) are
 * better made outside the stack and brought by id, so their tokens stay out of Terraform state.
 * Deployer prerequisite: `roles/monitoring.notificationChannelEditor` on the project (and
 * `roles/serviceusage.serviceUsageAdmin` while `enableApis` is on).
 *
 * @see https://cloud.google.com/monitoring/support/notification-options
 * @example
 * const alerts = new NotificationTarget(stack, 'Alerts', { platformName: 'sales', emailAddresses: ['data-oncall@acme.com'] });
 * const existing = NotificationTarget.fromNotificationTargetAttributes(stack, 'OnCall', {
 *   notificationChannelIds: ['projects/acme-data/notificationChannels/1234567890'],
 * });
 */
export class NotificationTarget extends Construct implements INotificationTarget {
  /** Channels one target holds: 1 to 16, the most one alert policy may notify. */
  public static readonly CHANNELS_RANGE = { min: 1, max: 16 } as const;
  /** Whether the kit enables the Cloud Monitoring API. */
  public static readonly DEFAULT_ENABLE_APIS = true;

  /**
   * Imports channels made in another stack or project, by full name
   * (`projects/{project}/notificationChannels/{id}`), so the kit's alert policies notify them.
   * Nothing is created for them. Throws `DPK_INVALID_NAME` for a malformed name and
   * `DPK_OUT_OF_RANGE` for none or too many; tokens pass.
   */
  public static fromNotificationTargetAttributes(
    scope: Construct,
    id: string,
    attrs: NotificationTargetAttributes,
  ): INotificationTarget {
    return new ImportedNotificationTarget(scope, id, attrs);
  }

  /** The `google_monitoring_notification_channel` of each address, in the order given. */
  public readonly channels: readonly MonitoringNotificationChannel[];
  public readonly notificationChannelIds: readonly string[];
  /** The `google_project_service` the channels wait for (shared in the stack). */
  public readonly apiServices: readonly ProjectService[];

  constructor(scope: Construct, id: string, props: NotificationTargetProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.apiServices = enableApis(this, settings.apis, settings.project, GoogleApi.MONITORING);
    this.channels = settings.emails.map((email, i) => this.createEmailChannel(settings, email, i));
    this.notificationChannelIds = this.channels.map((c) => c.name);
  }

  /** Validates the props (every address, the count, the labels) before any resource exists. */
  private resolveSettings(props: NotificationTargetProps): ChannelSettings {
    const platform = validatePlatformName(this, props.platformName);
    const project = validateProject(this, props.project);
    const apis = props.enableApis ?? NotificationTarget.DEFAULT_ENABLE_APIS;
    const emails = [...new Set(props.emailAddresses)];
    checkCount(this, 'emailAddresses', emails);
    ValidationError.throwIfAny(
      ErrorCode.INVALID_NAME,
      this,
      props.emailAddresses.flatMap((email, i) =>
        isUnresolved(email) || (typeof email === 'string' && EMAIL.test(email))
          ? []
          : [
              {
                prop: `emailAddresses[${i}]`,
                received: email,
                allowed: "an email address 'name@domain.tld'",
              },
            ],
      ),
    );
    const userLabels = resourceTags(this, TagRules.GCP, platform, props.tags);
    return { platform, project, apis, emails, userLabels };
  }

  /** The email channel of `email`, the `i`th address (after the Cloud Monitoring API). */
  private createEmailChannel(s: ChannelSettings, email: string, i: number): MonitoringNotificationChannel {
    // Ids follow the address, not its position, so reordering the list replaces nothing.
    return new MonitoringNotificationChannel(this, `Email${isUnresolved(email) ? i : stableHash(email)}`, {
      project: s.project,
      type: 'email',
      displayName: `${s.platform} data platform alerts (${isUnresolved(email) ? `email ${i + 1}` : email})`,
      description: `Alerts of the ${s.platform} data platform, by email.`,
      labels: { email_address: email },
      enabled: true,
      forceDelete: false,
      userLabels: s.userLabels,
      dependsOn: dependsOnAll(this.apiServices),
    });
  }
}
