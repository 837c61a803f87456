import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { Construct, type IConstruct } from 'constructs';
import { CommonDefaults, type EncryptionKeyCommonProps } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { NameRules, physicalName, validateLiteralNamePart, validatePlatformName } from '../../core/naming';
import { validateIntegerRange } from '../../core/ranges';
import { decideRemoval, type RemovalDecision } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import type { IPrincipal } from '../iam/principal';
import { kmsLocationFor, validateKmsLocation, validateLocation } from '../private/location';
import { grantSuffix } from '../private/members';
import { validateProject } from '../private/project';
import { dependsOnAll, enableApis, GoogleApi } from '../private/project-services';
import { retainData } from '../private/removal';
import { daysToSeconds } from '../private/units';

/** Where a key's material lives and is used. */
export enum KeyProtectionLevel {
  /** Software-backed key material (Cloud KMS default). */
  SOFTWARE = 'SOFTWARE',
  /** Key material in FIPS 140-2 Level 3 hardware security modules (higher cost). */
  HSM = 'HSM',
}

/** A Cloud KMS crypto key the kit can encrypt with and grant on. */
export interface IEncryptionKey extends IConstruct {
  /** Full resource id: `projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}`. */
  readonly cryptoKeyId: string;
  /** The Cloud KMS location (`europe-west1`, `europe`, `us`, `asia`, …). */
  readonly location: string;
  /**
   * Grants `principal` `roles/cloudkms.cryptoKeyEncrypterDecrypter` on this key (once per
   * principal) and returns the `google_kms_crypto_key_iam_member`.
   */
  grantEncryptDecrypt(principal: IPrincipal): KmsCryptoKeyIamMember;
}

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps extends EncryptionKeyCommonProps {
  /**
   * Project that owns the key ring.
   * @default - the provider's project
   */
  readonly project?: string;
  /**
   * Where the data the key protects lives: a region like `europe-west1`, or one of the
   * multi-regions `EU`, `US`, `ASIA` (the key ring goes to `europe`, `us`, `asia`).
   */
  readonly location: string;
  /**
   * Key ring name. Key rings can never be deleted nor renamed: choose once.
   * @default - `<platformName>-<purpose>-<hash of the construct path>`
   */
  readonly keyRingName?: string;
  /**
   * Crypto key name, unique in its ring. Keys can never be deleted nor renamed: choose once.
   * @default - `<platformName>-<purpose>-key-<hash of the construct path>`
   */
  readonly keyName?: string;
  /**
   * Days between automatic rotations, 1 to 90 (the kit caps Cloud KMS's range at 90: CKV_GCP_43).
   * @default 90
   */
  readonly rotationPeriodDays?: number;
  /**
   * Software or HSM key material.
   * @default KeyProtectionLevel.SOFTWARE
   */
  readonly protectionLevel?: KeyProtectionLevel;
  /**
   * Days a destroyed key version waits in DESTROY_SCHEDULED before its material is gone, 1-120.
   * @default 30
   */
  readonly destroyScheduledDays?: number;
  /**
   * Enable the Cloud KMS API on the project (`google_project_service`, never disabled on destroy).
   * @default true
   */
  readonly enableApis?: boolean;
}

/** Role that lets a principal (or a service agent) encrypt and decrypt with a key. */
export const ENCRYPT_DECRYPT_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

const CRYPTO_KEY_ID = /^projects\/[^/]+\/locations\/([^/]+)\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;

function grantOn(scope: Construct, cryptoKeyId: string, principal: IPrincipal): KmsCryptoKeyIamMember {
  const id = `EncryptDecrypt${grantSuffix(scope, principal)}`;
  return (
    (scope.node.tryFindChild(id) as KmsCryptoKeyIamMember | undefined) ??
    new KmsCryptoKeyIamMember(scope, id, {
      cryptoKeyId,
      role: ENCRYPT_DECRYPT_ROLE,
      member: principal.iamMember,
    })
  );
}

/** An existing key, brought by the user: grants only, nothing is created for the key. */
class ImportedEncryptionKey extends Construct implements IEncryptionKey {
  public readonly cryptoKeyId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attrs: EncryptionKeyAttributes) {
    super(scope, id);
    this.cryptoKeyId = attrs.cryptoKeyId;
    const m = isUnresolved(attrs.cryptoKeyId) ? undefined : CRYPTO_KEY_ID.exec(String(attrs.cryptoKeyId));
    if (m === null) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'cryptoKeyId',
        received: attrs.cryptoKeyId,
        allowed: "a crypto key id 'projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}'",
      });
    }
    const location = attrs.location ?? m?.[1];
    if (location === undefined) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
        prop: 'location',
        received: undefined,
        allowed: "the key's Cloud KMS location, required when cryptoKeyId is a token",
      });
    }
    this.location = validateKmsLocation(this, location, 'location');
    if (m && !isUnresolved(this.location) && m[1] !== this.location) {
      throw ValidationError.of(ErrorCode.INVALID_LOCATION, this, {
        prop: 'location',
        received: this.location,
        allowed: `the location in cryptoKeyId (${JSON.stringify(m[1])})`,
      });
    }
  }

  public grantEncryptDecrypt(principal: IPrincipal): KmsCryptoKeyIamMember {
    return grantOn(this, this.cryptoKeyId, principal);
  }
}

/** What identifies an existing key (e.g. from another stack's outputs or a remote state). */
export interface EncryptionKeyAttributes {
  /** `projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}`. */
  readonly cryptoKeyId: string;
  /**
   * The key's Cloud KMS location (`europe-west1`, `europe`, `us`, `asia`, …), checked against buckets.
   * @default - the location in `cryptoKeyId` (required when it is a token)
   */
  readonly location?: string;
}

/** A key's props, validated, with defaults resolved and names derived. */
interface KeySettings {
  readonly project?: string;
  readonly location: string;
  readonly labels: Tags;
  readonly keyRingName: string;
  readonly keyName: string;
  readonly rotationSeconds: number;
  readonly destroySeconds: number;
  readonly protectionLevel: KeyProtectionLevel;
  readonly enableApis: boolean;
  readonly removal: RemovalDecision;
}

/**
 * A Cloud KMS key ring and a symmetric crypto key (`ENCRYPT_DECRYPT`) with automatic rotation.
 *
 * Secure defaults: rotation every 90 days (at most 90), software protection (HSM on request),
 * 30 days before a destroyed version's material is gone, labels, and the Cloud KMS API enabled.
 *
 * Key rings and keys can never be deleted in GCP. Both are `prevent_destroy` by default; with
 * `removalPolicy: DESTROY` and the `data-platform-kit:removeDataOnDestroy` flag, `terraform destroy`
 * only drops the key ring from state (it stays in GCP) and schedules the key's versions for
 * destruction after `destroyScheduledDays`; the names stay taken, so a re-deploy needs new
 * names or an import. Such a key ring and key state that choice, so `checkCompliance` lists
 * their prevent-destroy findings as acknowledged, with the reason. Deployer prerequisite: `roles/cloudkms.admin`
 * on the project (and `roles/serviceusage.serviceUsageAdmin` while `enableApis` is on).
 *
 * @see https://cloud.google.com/kms/docs/key-rotation
 * @example
 * const key = new EncryptionKey(stack, 'Key', { platformName: 'sales', purpose: 'lake', location: 'europe-west1' });
 * key.grantEncryptDecrypt(Principal.serviceAccount('etl@acme-data.iam.gserviceaccount.com'));
 */
export class EncryptionKey extends Construct implements IEncryptionKey {
  /** Days between rotations. */
  public static readonly DEFAULT_ROTATION_PERIOD_DAYS = CommonDefaults.ROTATION_PERIOD_DAYS;
  /** Rotation period, in days: 1 (Cloud KMS's least) to 90 (kit policy, CKV_GCP_43). */
  public static readonly ROTATION_PERIOD_DAYS_RANGE = { min: 1, max: 90 } as const;
  /** Key material protection. */
  public static readonly DEFAULT_PROTECTION_LEVEL = KeyProtectionLevel.SOFTWARE;
  /** Days a destroyed version is recoverable. */
  public static readonly DEFAULT_DESTROY_SCHEDULED_DAYS = 30;
  /** Destroy-scheduled duration, in days: 1 (Cloud KMS's least, 24 hours) to 120 (its most). */
  public static readonly DESTROY_SCHEDULED_DAYS_RANGE = { min: 1, max: 120 } as const;
  /** Whether the Cloud KMS API is enabled by the kit. */
  public static readonly DEFAULT_ENABLE_APIS = true;

  /**
   * Imports a key made in another stack or project, so blocks can encrypt with it and grant on
   * it. Nothing is created for the key (its rotation and IAM policy stay its owner's); grants
   * add `google_kms_crypto_key_iam_member`s. Throws `DPK_INVALID_NAME` for a malformed id and
   * `DPK_INVALID_LOCATION` for a location that is not the id's; tokens pass.
   *
   * @example
   * const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SalesKey', {
   *   cryptoKeyId: 'projects/acme-sales/locations/europe-west1/keyRings/sales/cryptoKeys/lake',
   * });
   */
  public static fromEncryptionKeyAttributes(
    scope: Construct,
    id: string,
    attrs: EncryptionKeyAttributes,
  ): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, attrs);
  }

  /** Imports a key by its id, the handle Cloud KMS gives: {@link EncryptionKey.fromEncryptionKeyAttributes}. */
  public static fromCryptoKeyId(scope: Construct, id: string, cryptoKeyId: string): IEncryptionKey {
    return EncryptionKey.fromEncryptionKeyAttributes(scope, id, { cryptoKeyId });
  }

  /** The `google_kms_key_ring`. */
  public readonly keyRing: KmsKeyRing;
  /** The `google_kms_crypto_key`. */
  public readonly cryptoKey: KmsCryptoKey;
  public readonly cryptoKeyId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const settings = this.resolveSettings(props);
    this.location = settings.location;
    this.keyRing = this.createKeyRing(settings);
    this.cryptoKey = this.createCryptoKey(settings, this.keyRing);
    this.cryptoKeyId = this.cryptoKey.id;
    retainData(this, settings.removal, [this.keyRing, this.cryptoKey]);
  }

  public grantEncryptDecrypt(principal: IPrincipal): KmsCryptoKeyIamMember {
    return grantOn(this, this.cryptoKeyId, principal);
  }

  /** Validates the props and resolves their defaults, before any resource exists. */
  private resolveSettings(props: EncryptionKeyProps): KeySettings {
    const platform = validatePlatformName(this, props.platformName ?? CommonDefaults.PLATFORM_NAME);
    const purpose = validateLiteralNamePart(this, 'purpose', props.purpose ?? CommonDefaults.KEY_PURPOSE);
    const rotationDays = props.rotationPeriodDays ?? EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS;
    const destroyDays = props.destroyScheduledDays ?? EncryptionKey.DEFAULT_DESTROY_SCHEDULED_DAYS;
    const project = validateProject(this, props.project);
    const location = kmsLocationFor(validateLocation(this, props.location));
    validateIntegerRange(this, 'rotationPeriodDays', rotationDays, EncryptionKey.ROTATION_PERIOD_DAYS_RANGE);
    validateIntegerRange(
      this,
      'destroyScheduledDays',
      destroyDays,
      EncryptionKey.DESTROY_SCHEDULED_DAYS_RANGE,
    );
    return {
      project,
      location,
      labels: resourceTags(this, TagRules.GCP, platform, props.tags),
      keyRingName: physicalName(this, NameRules.GCP_KMS, {
        platform,
        parts: [purpose],
        override: props.keyRingName,
        overrideProp: 'keyRingName',
      }),
      keyName: physicalName(this, NameRules.GCP_KMS, {
        platform,
        parts: [purpose, 'key'],
        override: props.keyName,
        overrideProp: 'keyName',
      }),
      rotationSeconds: daysToSeconds(this, 'rotationPeriodDays', rotationDays),
      destroySeconds: daysToSeconds(this, 'destroyScheduledDays', destroyDays),
      protectionLevel: props.protectionLevel ?? EncryptionKey.DEFAULT_PROTECTION_LEVEL,
      enableApis: props.enableApis ?? EncryptionKey.DEFAULT_ENABLE_APIS,
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The key ring, after the Cloud KMS API. */
  private createKeyRing(s: KeySettings): KmsKeyRing {
    return new KmsKeyRing(this, 'KeyRing', {
      project: s.project,
      location: s.location,
      name: s.keyRingName,
      dependsOn: dependsOnAll(enableApis(this, s.enableApis, s.project, GoogleApi.CLOUD_KMS)),
    });
  }

  /** The rotating symmetric key in `keyRing`. */
  private createCryptoKey(s: KeySettings, keyRing: KmsKeyRing): KmsCryptoKey {
    return new KmsCryptoKey(this, 'CryptoKey', {
      keyRing: keyRing.id,
      name: s.keyName,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: `${s.rotationSeconds}s`,
      destroyScheduledDuration: `${s.destroySeconds}s`,
      versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protectionLevel: s.protectionLevel },
      labels: s.labels,
    });
  }
}
