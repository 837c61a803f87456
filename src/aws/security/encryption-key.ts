import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  CommonDefaults,
  type EncryptionKeyCommonProps,
  isUnresolved,
  resourceTags,
  NameRules,
  physicalName,
  TagRules,
  validateIntegerRange,
  validateLiteralNamePart,
  validatePlatformName,
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

/** A key a user brought: wrapped, never modified (no tags, rotation or policy changes). */
class ImportedEncryptionKey extends EncryptionKeyBase {
  constructor(
    scope: Construct,
    id: string,
    public readonly key: kms.IKey,
  ) {
    super(scope, id);
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
  /** Shortest rotation period KMS allows. */
  public static readonly MIN_ROTATION_PERIOD_DAYS = 90;
  /** Longest rotation period KMS allows. */
  public static readonly MAX_ROTATION_PERIOD_DAYS = 2560;
  /** Deletion waiting period when none is given: the longest KMS allows, for the most time to cancel. */
  public static readonly DEFAULT_PENDING_WINDOW_DAYS = 30;
  /** Shortest deletion waiting period KMS allows. */
  public static readonly MIN_PENDING_WINDOW_DAYS = 7;
  /** Longest deletion waiting period KMS allows. */
  public static readonly MAX_PENDING_WINDOW_DAYS = 30;
  /** Platform name when none is given. */
  public static readonly DEFAULT_PLATFORM_NAME: string = CommonDefaults.PLATFORM_NAME;
  /** Purpose when none is given. */
  public static readonly DEFAULT_PURPOSE: string = CommonDefaults.KEY_PURPOSE;

  /**
   * Wraps a KMS key the user already has, so blocks can encrypt with it and grant on it.
   * The key is used as is: its rotation, policy and tags stay the owner's concern.
   */
  public static fromKey(scope: Construct, id: string, key: kms.IKey): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, key);
  }

  /** The KMS key (escape hatch). */
  public readonly key: kms.Key;
  /** The full alias name, `alias/…`. */
  public readonly aliasName: string;
  /** Days between automatic rotations. */
  public readonly rotationPeriodDays: number;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps = {}) {
    super(scope, id);
    const platform = props.platformName ?? EncryptionKey.DEFAULT_PLATFORM_NAME;
    const purpose = validateLiteralNamePart(this, 'purpose', props.purpose ?? EncryptionKey.DEFAULT_PURPOSE);
    const rotationPeriodDays = props.rotationPeriodDays ?? EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS;
    const pendingWindowDays = props.pendingWindowDays ?? EncryptionKey.DEFAULT_PENDING_WINDOW_DAYS;

    validatePlatformName(this, platform);
    validateIntegerRange(
      this,
      'rotationPeriodDays',
      rotationPeriodDays,
      EncryptionKey.MIN_ROTATION_PERIOD_DAYS,
      EncryptionKey.MAX_ROTATION_PERIOD_DAYS,
    );
    validateIntegerRange(
      this,
      'pendingWindowDays',
      pendingWindowDays,
      EncryptionKey.MIN_PENDING_WINDOW_DAYS,
      EncryptionKey.MAX_PENDING_WINDOW_DAYS,
    );
    const tags = resourceTags(this, TagRules.AWS, platform, props.tags);
    const aliasSuffix = physicalName(this, NameRules.KMS_ALIAS, {
      platform,
      parts: [purpose],
      override: props.aliasName?.replace(/^alias\//, ''),
      overrideProp: 'aliasName',
    });

    this.rotationPeriodDays = rotationPeriodDays;
    this.aliasName = `alias/${aliasSuffix}`;
    // aws-cdk-lib compares these durations with their limits, which fails on a token: a
    // token goes straight to the CloudFormation property instead (validated at deploy time).
    this.key = new kms.Key(this, 'Resource', {
      enableKeyRotation: true,
      rotationPeriod: isUnresolved(rotationPeriodDays) ? undefined : Duration.days(rotationPeriodDays),
      pendingWindow: isUnresolved(pendingWindowDays) ? undefined : Duration.days(pendingWindowDays),
      alias: this.aliasName,
      description: props.description ?? `data-platform-kit ${purpose} key for platform ${platform}`,
      removalPolicy: removalPolicyFor(this, props.removalPolicy),
    });
    // Control Tower CT.KMS.PR.3: grants only for AWS resources. The services the kit uses with
    // the key (Redshift Serverless, Secrets Manager, Kinesis, Firehose, Glue) create their grants
    // on the caller's behalf, with kms:GrantIsForAWSResource true; direct grants are denied.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'DenyGrantsNotForAwsResources',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['kms:CreateGrant'],
        resources: ['*'],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'false' } },
      }),
    );
    const cfnKey = this.key.node.defaultChild as kms.CfnKey;
    if (isUnresolved(rotationPeriodDays)) cfnKey.rotationPeriodInDays = rotationPeriodDays;
    if (isUnresolved(pendingWindowDays)) cfnKey.pendingWindowInDays = pendingWindowDays;

    applyTags(this.key, tags);
  }
}
