import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  CommonDefaults,
  type EncryptionKeyCommonProps,
  ErrorCode,
  isUnresolved,
  resourceTags,
  NameRules,
  physicalName,
  TagRules,
  type Tags as KitTags,
  validateIntegerRange,
  validateLiteralNamePart,
  validatePlatformName,
  ValidationError,
} from '../../core/internal';
import { assertNotPublic } from '../private/principals';
import { removalPolicyFor } from '../private/removal';
import { applyTags } from '../private/tags';

/** Props of the AWS {@link EncryptionKey}. */
export interface EncryptionKeyProps extends EncryptionKeyCommonProps {
  /**
   * Alias name, with or without the `alias/` prefix (1-250 of letters, digits, '/', '_' and
   * '-', outside the reserved `aws/` namespace).
   * @default - `alias/<platformName>/<purpose>/<hash of the construct path>`
   */
  readonly aliasName?: string;
  /**
   * Key description, shown in the KMS console.
   * @default - `data-platform-kit <purpose> key for platform <platformName>`
   */
  readonly description?: string;
  /**
   * Days KMS waits before deleting the key once it leaves the stack (7-30). Applies only when
   * DESTROY takes effect; a retained key is never scheduled for deletion.
   * @default 30
   */
  readonly pendingWindowDays?: number;
}

/** A KMS key the kit can encrypt with and grant on: one it made or one a user brought. */
export interface IEncryptionKey {
  /** The KMS key. */
  readonly key: kms.IKey;
  /** ARN of the KMS key. */
  readonly keyArn: string;
  /**
   * Lets `grantee` encrypt and decrypt with the key. Every grant method throws
   * `DPK_INVALID_PRINCIPAL` for everyone (`*`) without conditions.
   */
  grantEncryptDecrypt(grantee: iam.IGrantable): iam.Grant;
  /** Lets `grantee` decrypt with the key. */
  grantDecrypt(grantee: iam.IGrantable): iam.Grant;
  /** Lets `grantee` encrypt with the key. */
  grantEncrypt(grantee: iam.IGrantable): iam.Grant;
}

/** Grant helpers shared by the kit's own key and an imported one. */
abstract class EncryptionKeyBase extends Construct implements IEncryptionKey {
  public abstract readonly key: kms.IKey;

  public get keyArn(): string {
    return this.key.keyArn;
  }

  public grantEncryptDecrypt(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return this.key.grantEncryptDecrypt(grantee);
  }

  public grantDecrypt(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return this.key.grantDecrypt(grantee);
  }

  public grantEncrypt(grantee: iam.IGrantable): iam.Grant {
    assertNotPublic(this, grantee, 'grantee');
    return this.key.grantEncrypt(grantee);
  }
}
// The public EncryptionKey extends it: exported as a type so the API can name it, not to subclass.
export type { EncryptionKeyBase };

/** What identifies a KMS key made elsewhere (another stack's output, or the console). */
export interface EncryptionKeyAttributes {
  /**
   * ARN of the key: `arn:<partition>:kms:<region>:<account>:key/<key id>`. Not an alias ARN:
   * IAM statements on an alias do not cover the key.
   */
  readonly keyArn: string;
}

/** An {@link EncryptionKey}'s props, checked and with every default resolved. */
interface KeySettings {
  readonly rotationPeriodDays: number;
  readonly pendingWindowDays: number;
  readonly aliasName: string;
  readonly description: string;
  readonly removalPolicy: RemovalPolicy;
  readonly tags: KitTags;
}

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * A key made elsewhere: wrapped, never modified (no tags, rotation or policy changes). Grants
 * go to the grantee's IAM policy; the key's own policy must allow IAM (the account root).
 */
class ImportedEncryptionKey extends EncryptionKeyBase {
  public readonly key: kms.IKey;

  constructor(scope: Construct, id: string, attrs: EncryptionKeyAttributes, key?: kms.IKey) {
    super(scope, id);
    const arn = attrs.keyArn;
    // Only an ARN given as a string is checked: a key object (a kms.Key, a lookup, or a kms.Alias,
    // whose grants aws-cdk-lib scopes to the key by kms:ResourceAliases) is used as it comes.
    if (key === undefined && !isUnresolved(arn) && !(typeof arn === 'string' && KEY_ARN.test(arn))) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'keyArn',
        received: arn,
        allowed: "a KMS key ARN 'arn:<partition>:kms:<region>:<account>:key/<key id>' (not an alias ARN)",
      });
    }
    this.key = key ?? kms.Key.fromKeyArn(this, 'Key', arn);
  }
}

/**
 * A customer-managed, symmetric AWS KMS key for a data platform.
 *
 * Secure defaults: automatic rotation every 90 days (`RotationPeriodInDays`), an alias derived
 * from the platform and purpose, the kit's `data-platform` tag, and `DeletionPolicy: RetainExceptOnCreate`
 * (DESTROY needs the `data-platform-kit:removeDataOnDestroy` context flag too). The key policy
 * is aws-cdk-lib's default for the app's feature flags; use the grant methods to let
 * principals use the key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
 * @example
 * const key = new EncryptionKey(stack, 'LakeKey', { platformName: 'sales', purpose: 'lake' });
 * key.grantDecrypt(analystRole);
 */
export class EncryptionKey extends EncryptionKeyBase {
  /** Rotation period when none is given: the kit-wide 90 days. */
  public static readonly DEFAULT_ROTATION_PERIOD_DAYS: number = CommonDefaults.ROTATION_PERIOD_DAYS;
  /** Rotation period KMS allows, in days: 90 to 2560. */
  public static readonly ROTATION_PERIOD_DAYS_RANGE = { min: 90, max: 2560 } as const;
  /** Deletion waiting period when none is given: the longest KMS allows, for the most time to cancel. */
  public static readonly DEFAULT_PENDING_WINDOW_DAYS = 30;
  /** Deletion waiting period KMS allows, in days: 7 to 30. */
  public static readonly PENDING_WINDOW_DAYS_RANGE = { min: 7, max: 30 } as const;
  /** Platform name when none is given. */
  public static readonly DEFAULT_PLATFORM_NAME: string = CommonDefaults.PLATFORM_NAME;
  /** Purpose when none is given. */
  public static readonly DEFAULT_PURPOSE: string = CommonDefaults.KEY_PURPOSE;

  /**
   * Imports a key made elsewhere (another stack, another app), so blocks can encrypt with it and
   * grant on it. Nothing is created for the key: its rotation, policy and tags stay its owner's.
   * Throws `DPK_INVALID_NAME` for a literal `keyArn` that is not a key ARN; tokens pass.
   *
   * @example
   * const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'LakeKey', { keyArn: lakeKeyArnOutput });
   */
  public static fromEncryptionKeyAttributes(
    scope: Construct,
    id: string,
    attrs: EncryptionKeyAttributes,
  ): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, attrs);
  }

  /** Imports a key by ARN, as `kms.Key.fromKeyArn` does: {@link EncryptionKey.fromEncryptionKeyAttributes}. */
  public static fromKeyArn(scope: Construct, id: string, keyArn: string): IEncryptionKey {
    return EncryptionKey.fromEncryptionKeyAttributes(scope, id, { keyArn });
  }

  /**
   * Wraps an aws-cdk-lib key object (`kms.Key` of this app, or `kms.Key.fromLookup`), so blocks
   * can encrypt with it and grant on it. A `kms.Key` of this app keeps its policy editable, so
   * the statements blocks add (e.g. for alarms and log groups) land in it. The key is used as is:
   * an imported `kms.Alias` is accepted too (grants on it need aws-cdk-lib's
   * `@aws-cdk/aws-kms:applyImportedAliasPermissionsToPrincipal` flag, which scopes them to the
   * key by `kms:ResourceAliases`; without it aws-cdk-lib drops them).
   */
  public static fromKey(scope: Construct, id: string, key: kms.IKey): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, { keyArn: key.keyArn }, key);
  }

  /** The KMS key (escape hatch). */
  public readonly key: kms.Key;
  /** The full alias name, `alias/…`. */
  public readonly aliasName: string;
  /** Days between automatic rotations. */
  public readonly rotationPeriodDays: number;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps = {}) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.rotationPeriodDays = settings.rotationPeriodDays;
    this.aliasName = settings.aliasName;
    this.key = this.createKey(settings);
  }

  /** Every prop checked and every default resolved, before anything is made. */
  private resolveSettings(props: EncryptionKeyProps): KeySettings {
    const platform = props.platformName ?? EncryptionKey.DEFAULT_PLATFORM_NAME;
    const purpose = validateLiteralNamePart(this, 'purpose', props.purpose ?? EncryptionKey.DEFAULT_PURPOSE);
    const rotationPeriodDays = props.rotationPeriodDays ?? EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS;
    const pendingWindowDays = props.pendingWindowDays ?? EncryptionKey.DEFAULT_PENDING_WINDOW_DAYS;

    validatePlatformName(this, platform);
    validateIntegerRange(
      this,
      'rotationPeriodDays',
      rotationPeriodDays,
      EncryptionKey.ROTATION_PERIOD_DAYS_RANGE,
    );
    validateIntegerRange(
      this,
      'pendingWindowDays',
      pendingWindowDays,
      EncryptionKey.PENDING_WINDOW_DAYS_RANGE,
    );
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const aliasSuffix = physicalName(this, NameRules.KMS_ALIAS, {
      platform,
      parts: [purpose],
      override: props.aliasName?.replace(/^alias\//, ''),
      overrideProp: 'aliasName',
    });
    return {
      rotationPeriodDays,
      pendingWindowDays,
      aliasName: `alias/${aliasSuffix}`,
      description: props.description ?? `data-platform-kit ${purpose} key for platform ${platform}`,
      removalPolicy: removalPolicyFor(this, props.removalPolicy),
      tags,
    };
  }

  /** The rotating key with its alias, its grant guard and the kit's tags. */
  private createKey(settings: KeySettings): kms.Key {
    const { rotationPeriodDays, pendingWindowDays } = settings;
    // aws-cdk-lib compares these durations with their limits, which fails on a token: a
    // token goes straight to the CloudFormation property instead (validated at deploy time).
    const key = new kms.Key(this, 'Resource', {
      enableKeyRotation: true,
      rotationPeriod: isUnresolved(rotationPeriodDays) ? undefined : Duration.days(rotationPeriodDays),
      pendingWindow: isUnresolved(pendingWindowDays) ? undefined : Duration.days(pendingWindowDays),
      alias: settings.aliasName,
      description: settings.description,
      removalPolicy: settings.removalPolicy,
    });
    // Control Tower CT.KMS.PR.3: grants only for AWS resources. The services the kit uses with
    // the key (Redshift Serverless, Secrets Manager, Kinesis, Firehose, Glue) create their grants
    // on the caller's behalf, with kms:GrantIsForAWSResource true; direct grants are denied.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsNotForAwsResources',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'false' } },
      }),
    );
    const cfnKey = key.node.defaultChild as kms.CfnKey;
    if (isUnresolved(rotationPeriodDays)) cfnKey.rotationPeriodInDays = rotationPeriodDays;
    if (isUnresolved(pendingWindowDays)) cfnKey.pendingWindowInDays = pendingWindowDays;

    applyTags(key, settings.tags);
    return key;
  }
}
