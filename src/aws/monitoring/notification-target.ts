import { Annotations, Aws, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import {
  type DataRemovalPolicy,
  ErrorCode,
  isUnresolved,
  physicalName,
  resourceTags,
  TagRules,
  type Tags as KitTags,
  validateLiteralNamePart,
  validatePlatformName,
  ValidationError,
} from '../../core/internal';
import { validateEmailAddresses } from '../private/emails';
import { StreamNameRules } from '../private/stream-names';
import { applyTags } from '../private/tags';
import { EncryptionKey, type IEncryptionKey } from '../security/encryption-key';

/** Props of the AWS {@link NotificationTarget}. */
export interface NotificationTargetProps {
  /** Platform name that derived names start with (2-20 of a-z, 0-9, '-'). */
  readonly platformName: string;
  /**
   * What the target alerts about, part of the topic name and of the key alias.
   * @default 'alerts'
   */
  readonly purpose?: string;
  /**
   * The key the topic is encrypted with. The kit adds the statement that lets CloudWatch alarms
   * publish to it (`cloudwatch.amazonaws.com`: `kms:Decrypt`, `kms:GenerateDataKey*`); for an
   * imported key it warns with the statement to add instead.
   * @default - a new {@link EncryptionKey} (purpose as above) used for alerts only
   */
  readonly encryptionKey?: IEncryptionKey;
  /**
   * Email addresses subscribed to the topic. Each receives a confirmation mail from SNS and
   * gets alerts once it confirms.
   * @default - no subscriptions; subscribe endpoints to `topic` yourself
   */
  readonly emailAddresses?: readonly string[];
  /**
   * Display name of the topic (the sender name of email notifications).
   * @default - `<platformName> data platform alerts`
   */
  readonly displayName?: string;
  /**
   * What happens to the key the target creates when it leaves the stack (DESTROY also needs
   * the `data-platform-kit:removeDataOnDestroy` flag). The topic itself holds no data and is
   * deleted with the stack.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags for the topic and the key, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: KitTags;
}

/** Where the kit's alarms send their notifications: an SNS topic the kit made or a user brought. */
export interface INotificationTarget {
  /** The SNS topic alarms publish to. */
  readonly topic: sns.ITopic;
  /** ARN of the topic. */
  readonly topicArn: string;
  /** Sends `alarm`'s ALARM and OK transitions to the topic. */
  notifyOn(alarm: cloudwatch.AlarmBase): void;
}

/** Warning id: the topic key is imported, so CloudWatch could not be allowed on it. */
export const ALARMS_KEY_POLICY_NOT_ADDED_WARNING = 'data-platform-kit:alarmsKeyPolicyNotAdded';

/** A {@link NotificationTarget}'s props, checked and with every default resolved. */
interface TargetSettings {
  readonly platform: string;
  readonly purpose: string;
  readonly emailAddresses: readonly string[];
  readonly tags: KitTags;
  readonly topicName: string;
}

/** What identifies an SNS topic made in another stack or app. */
export interface NotificationTargetAttributes {
  /** ARN of the topic: `arn:<partition>:sns:<region>:<account>:<name>`. */
  readonly topicArn: string;
}

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** A topic a user brought: alarms publish to it as it is. */
class ExistingTopicTarget implements INotificationTarget {
  constructor(public readonly topic: sns.ITopic) {}

  public get topicArn(): string {
    return this.topic.topicArn;
  }

  public notifyOn(alarm: cloudwatch.AlarmBase): void {
    notify(this.topic, alarm);
  }
}

/** A topic made elsewhere, imported by ARN: nothing is created for it. */
class ImportedNotificationTarget extends Construct implements INotificationTarget {
  public readonly topic: sns.ITopic;

  constructor(scope: Construct, id: string, attrs: NotificationTargetAttributes) {
    super(scope, id);
    const arn = attrs.topicArn;
    if (!isUnresolved(arn) && !(typeof arn === 'string' && TOPIC_ARN.test(arn))) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'topicArn',
        received: arn,
        allowed: "an SNS topic ARN 'arn:<partition>:sns:<region>:<account>:<name>'",
      });
    }
    this.topic = sns.Topic.fromTopicArn(this, 'Topic', arn);
  }

  public get topicArn(): string {
    return this.topic.topicArn;
  }

  public notifyOn(alarm: cloudwatch.AlarmBase): void {
    notify(this.topic, alarm);
  }
}

function notify(topic: sns.ITopic, alarm: cloudwatch.AlarmBase): void {
  const action = new cwActions.SnsAction(topic);
  alarm.addAlarmAction(action);
  alarm.addOkAction(action);
}

/**
 * Where alerts go: an SNS topic encrypted with a customer-managed key, which the kit's
 * monitoring (stream ingestion now, pipelines later) sends its alarms to.
 *
 * Secure defaults: the topic is encrypted with the kit's {@link EncryptionKey} (a dedicated
 * alerts key unless one is given), whose policy lets CloudWatch alarms use it
 * (`cloudwatch.amazonaws.com`: `kms:Decrypt`, `kms:GenerateDataKey*`, as SNS documents for
 * encrypted topics); the topic policy denies publishing without TLS and lets only CloudWatch
 * alarms of this account publish as a service (`aws:SourceAccount`, `aws:SourceArn`); messages
 * are signed with SHA256 (signature version 2). The key is retained; the topic holds no data.
 *
 * @see https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
 * @example
 * const alerts = new NotificationTarget(stack, 'Alerts', {
 *   platformName: 'sales',
 *   emailAddresses: ['data-oncall@example.com'],
 * });
 * new StreamIngestion(stack, 'Clicks', { platformName: 'sales', streamName: 'clicks', lake: lake, notificationTarget: alerts });
 */
export class NotificationTarget extends Construct implements INotificationTarget {
  /** Purpose when none is given. */
  public static readonly DEFAULT_PURPOSE = 'alerts';
  /** Signature version of the topic's messages: 2 is SHA256. */
  public static readonly SIGNATURE_VERSION = '2';

  /**
   * Imports a topic made in another stack or app, so the kit's alarms notify it. Nothing is
   * created for it; if it is encrypted, its key policy must let `cloudwatch.amazonaws.com` use
   * the key. Throws `DPK_INVALID_NAME` for a literal `topicArn` that is not a topic ARN.
   *
   * @example
   * const alerts = NotificationTarget.fromNotificationTargetAttributes(stack, 'Alerts', { topicArn: opsTopicArn });
   */
  public static fromNotificationTargetAttributes(
    scope: Construct,
    id: string,
    attrs: NotificationTargetAttributes,
  ): INotificationTarget {
    return new ImportedNotificationTarget(scope, id, attrs);
  }

  /** Imports a topic by ARN, as `sns.Topic.fromTopicArn` does: {@link NotificationTarget.fromNotificationTargetAttributes}. */
  public static fromTopicArn(scope: Construct, id: string, topicArn: string): INotificationTarget {
    return NotificationTarget.fromNotificationTargetAttributes(scope, id, { topicArn });
  }

  /**
   * Sends alarms to an aws-cdk-lib topic object (an `sns.Topic` of this app, or one imported
   * with aws-cdk-lib). The topic is used as is: if it is encrypted, its key policy must let
   * `cloudwatch.amazonaws.com` use the key.
   */
  public static fromTopic(topic: sns.ITopic): INotificationTarget {
    return new ExistingTopicTarget(topic);
  }

  /** The SNS topic (escape hatch). */
  public readonly topic: sns.Topic;
  /** The key the topic is encrypted with (created or brought). */
  public readonly encryptionKey: IEncryptionKey;
  /** The email addresses subscribed by the kit. */
  public readonly emailAddresses: readonly string[];

  constructor(scope: Construct, id: string, props: NotificationTargetProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.emailAddresses = settings.emailAddresses;
    this.encryptionKey = props.encryptionKey ?? this.createKey(props, settings);
    this.allowAlarmsOnKey();
    this.topic = this.createTopic(props, settings);
  }

  /** ARN of the topic. */
  public get topicArn(): string {
    return this.topic.topicArn;
  }

  /** Sends `alarm`'s ALARM and OK transitions to the topic. */
  public notifyOn(alarm: cloudwatch.AlarmBase): void {
    notify(this.topic, alarm);
  }

  /** Every prop checked and every default resolved, before anything is made. */
  private resolveSettings(props: NotificationTargetProps): TargetSettings {
    const platform = validatePlatformName(this, props.platformName);
    const purpose = validateLiteralNamePart(
      this,
      'purpose',
      props.purpose ?? NotificationTarget.DEFAULT_PURPOSE,
    );
    const emailAddresses = validateEmailAddresses(this, 'emailAddresses', props.emailAddresses ?? []);
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const topicName = physicalName(this, StreamNameRules.SNS_TOPIC, { platform, parts: [purpose] });
    return { platform, purpose, emailAddresses, tags, topicName };
  }

  /** The alerts key, when none is brought. */
  private createKey(props: NotificationTargetProps, settings: TargetSettings): EncryptionKey {
    return new EncryptionKey(this, 'Key', {
      platformName: settings.platform,
      purpose: settings.purpose,
      removalPolicy: props.removalPolicy,
      tags: props.tags,
    });
  }

  /** The encrypted topic, open to this account's CloudWatch alarms, with the email subscriptions. */
  private createTopic(props: NotificationTargetProps, settings: TargetSettings): sns.Topic {
    const topic = new sns.Topic(this, 'Topic', {
      topicName: settings.topicName,
      displayName: props.displayName ?? `${settings.platform} data platform alerts`,
      masterKey: this.encryptionKey.key,
      enforceSSL: true,
      signatureVersion: NotificationTarget.SIGNATURE_VERSION,
    });
    topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        effect: iam.Effect.ALLOW,
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
        conditions: {
          ArnLike: {
            'aws:SourceArn': `arn:${Aws.PARTITION}:cloudwatch:${Stack.of(this).region}:${Stack.of(this).account}:alarm:*`,
          },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
    for (const email of settings.emailAddresses) {
      topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    applyTags(topic, settings.tags);
    return topic;
  }

  /**
   * CloudWatch publishes to an encrypted topic only when the key policy lets its service
   * principal use the key. The statement is part of the key's own policy, so the key allows it
   * before the topic (which references the key) exists.
   */
  private allowAlarmsOnKey(): void {
    const statement = new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    });
    if (!this.encryptionKey.key.addToResourcePolicy(statement, true).statementAdded) {
      Annotations.of(this).addWarningV2(
        ALARMS_KEY_POLICY_NOT_ADDED_WARNING,
        'The topic key is imported, so CloudWatch alarms cannot be allowed to use it from here; until you add ' +
          `this statement to its key policy, alarm notifications are dropped: ${JSON.stringify(
            Stack.of(this).resolve(statement.toStatementJson()),
          )}`,
      );
    }
  }
}
