import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName, validatePlatformName } from '../../core/naming';
import { resourceTags, TagRules, type Tags } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { StreamNameRules, validateEmails } from '../private/streaming';
import type { ResourceGroupRef } from '../resource-group';

/** Where the kit's alerts notify: an Azure Monitor action group. */
export interface INotificationTarget extends IConstruct {
  /** Resource Manager id of the action group. */
  readonly actionGroupId: string;
}

/** What identifies an action group made in another stack or subscription. */
export interface NotificationTargetAttributes {
  /**
   * Resource Manager id of the action group:
   * `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name>`.
   */
  readonly actionGroupId: string;
}

/** Props of {@link NotificationTarget}. */
export interface NotificationTargetProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Resource group of the action group. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * E-mail addresses that receive every alert (`NotificationTarget.EMAIL_ADDRESSES_RANGE`: 1-1000,
   * no duplicates; a literal list, whose items may be tokens).
   */
  readonly emailAddresses: string[];
  /**
   * Action group name (unique in the resource group).
   * @default - `<platform>-alerts-<hash of the construct path>`
   */
  readonly actionGroupName?: string;
  /**
   * Short name shown in e-mails and SMS (1-12 characters).
   * @default - the platform name, cut to 12 characters
   */
  readonly shortName?: string;
  /**
   * Tags for the action group, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** A notification target's props, validated, with names derived. */
interface TargetSettings {
  readonly name: string;
  readonly shortName: string;
  readonly emailAddresses: string[];
  readonly tags: Tags;
  readonly resourceGroupName: string;
}

/**
 * An Azure Monitor action group that e-mails a team, for the kit's alerts to notify. Blocks
 * that raise alerts (e.g. `StreamIngestion`) take an {@link INotificationTarget}; make one here or
 * bring an existing group with {@link NotificationTarget.fromNotificationTargetAttributes}.
 *
 * Defaults: every receiver uses the common alert schema (one payload shape for every alert
 * type); the group lives in the `global` region (azurerm's default), so it outlives a regional
 * outage of the monitored resources.
 *
 * @see https://learn.microsoft.com/azure/azure-monitor/alerts/action-groups
 * @example
 * const alerts = new NotificationTarget(stack, 'Alerts', {
 *   platformName: 'sales',
 *   resourceGroup: rg,
 *   emailAddresses: ['data-oncall@example.com'],
 * });
 */
export class NotificationTarget extends Construct implements INotificationTarget {
  /** E-mail receivers of one action group: 1 to 1000, the most Azure Monitor takes. */
  public static readonly EMAIL_ADDRESSES_RANGE = { min: 1, max: 1000 } as const;
  /** Whether receivers get the common alert schema. */
  public static readonly USE_COMMON_ALERT_SCHEMA = true;

  /**
   * Imports an action group made in another stack or subscription, so the kit's alerts notify
   * it. Nothing is created for it. A literal id of another shape throws `DPK_INVALID_NAME`;
   * tokens pass.
   */
  public static fromNotificationTargetAttributes(
    scope: Construct,
    id: string,
    attrs: NotificationTargetAttributes,
  ): INotificationTarget {
    return new ImportedNotificationTarget(scope, id, attrs.actionGroupId);
  }

  /** Imports an action group by its Resource Manager id: {@link NotificationTarget.fromNotificationTargetAttributes}. */
  public static fromActionGroupId(scope: Construct, id: string, actionGroupId: string): INotificationTarget {
    return NotificationTarget.fromNotificationTargetAttributes(scope, id, { actionGroupId });
  }

  /** The action group. */
  public readonly actionGroup: MonitorActionGroup;
  public readonly actionGroupId: string;

  constructor(scope: Construct, id: string, props: NotificationTargetProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.actionGroup = this.createActionGroup(s);
    this.actionGroupId = this.actionGroup.id;
  }

  /** Validates the props and derives the names, before any resource exists. */
  private resolveSettings(props: NotificationTargetProps): TargetSettings {
    const platform = validatePlatformName(this, props.platformName);
    const emailAddresses = validateEmails(
      this,
      props.emailAddresses,
      'emailAddresses',
      NotificationTarget.EMAIL_ADDRESSES_RANGE,
    );
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const name = physicalName(this, StreamNameRules.MONITOR_RESOURCE, {
      platform,
      parts: ['alerts'],
      override: props.actionGroupName,
      overrideProp: 'actionGroupName',
    });
    const shortName = physicalShortName(this, platform, props.shortName);
    return { name, shortName, emailAddresses, tags, resourceGroupName: props.resourceGroup.name };
  }

  /** The enabled action group, one e-mail receiver per address with the common alert schema. */
  private createActionGroup(s: TargetSettings): MonitorActionGroup {
    return new MonitorActionGroup(this, 'ActionGroup', {
      name: s.name,
      resourceGroupName: s.resourceGroupName,
      shortName: s.shortName,
      enabled: true,
      emailReceiver: s.emailAddresses.map((emailAddress, i) => ({
        name: `email-${i + 1}`,
        emailAddress,
        useCommonAlertSchema: NotificationTarget.USE_COMMON_ALERT_SCHEMA,
      })),
      tags: s.tags,
    });
  }
}

/** An action group the stack does not manage. */
class ImportedNotificationTarget extends Construct implements INotificationTarget {
  public readonly actionGroupId: string;

  constructor(scope: Construct, id: string, actionGroupId: string) {
    super(scope, id);
    if (!isUnresolved(actionGroupId) && !ACTION_GROUP_ID.test(String(actionGroupId))) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'actionGroupId',
        received: actionGroupId,
        allowed:
          'an action group resource id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Insights/actionGroups/<name>',
      });
    }
    this.actionGroupId = actionGroupId;
  }
}

const ACTION_GROUP_ID =
  /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Insights\/actionGroups\/[^/]+$/i;

/** The short name: the override, validated, or the platform name cut to 12 characters. */
function physicalShortName(scope: IConstruct, platform: string, override: string | undefined): string {
  const rule = StreamNameRules.ACTION_GROUP_SHORT_NAME;
  if (override !== undefined) {
    return physicalName(scope, rule, { platform, override, overrideProp: 'shortName' });
  }
  return platform.slice(0, rule.maxLength).replace(/-+$/, '');
}
