import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { Construct, type IConstruct } from 'constructs';
import { CommonDefaults, type EncryptionKeyCommonProps } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { NameRules, physicalName, validateLiteralNamePart, validatePlatformName } from '../../core/naming';
import { validateIntegerRange } from '../../core/ranges';
import { decideRemoval } from '../../core/removal';
import { resourceTags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { applyDataRemoval } from '../../terraform';
import type { IPrincipal } from '../iam/principal';
import { kmsLocationFor, validateKmsLocation, validateLocation } from '../private/location';
import { grantSuffix } from '../private/members';
import { validateProject } from '../private/project';
import { dependsOnAll, enableApis, GoogleApi } from '../private/project-services';
import { PreventDestroyRule } from '../private/removal';
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

/** An existing key, brought by the user. */
class ImportedEncryptionKey extends Construct implements IEncryptionKey {
  public readonly cryptoKeyId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, attrs: EncryptionKeyAttributes) {
    super(scope, id);
    this.location = validateKmsLocation(this, attrs.location, 'location');
    this.cryptoKeyId = attrs.cryptoKeyId;
    if (isUnresolved(attrs.cryptoKeyId)) return;
    const m = CRYPTO_KEY_ID.exec(attrs.cryptoKeyId);
    if (!m) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'cryptoKeyId',
        received: attrs.cryptoKeyId,
        allowed: "a crypto key id 'projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}'",
      });
    }
    if (!isUnresolved(this.location) && m[1] !== this.location) {
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

/** What identifies an existing key. */
export interface EncryptionKeyAttributes {
  /** `projects/{project}/locations/{location}/keyRings/{ring}/cryptoKeys/{key}`. */
  readonly cryptoKeyId: string;
  /** The key's Cloud KMS location (`europe-west1`, `europe`, `us`, `asia`, …), checked against buckets. */
  readonly location: string;
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
 * names or an import. Such a key ring and key acknowledge the compliance rules on
 * `prevent_destroy` (DPK_GCP_PREVENT_DESTROY, CKV_GCP_82) with that reason, so
 * `checkCompliance` lists them as acknowledged. Deployer prerequisite: `roles/cloudkms.admin`
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
  /** Longest rotation period the kit allows (CKV_GCP_43). */
  public static readonly MAX_ROTATION_PERIOD_DAYS = 90;
  /** Key material protection. */
  public static readonly DEFAULT_PROTECTION_LEVEL = KeyProtectionLevel.SOFTWARE;
  /** Days a destroyed version is recoverable. */
  public static readonly DEFAULT_DESTROY_SCHEDULED_DAYS = 30;
  /** Longest destroy-scheduled duration Cloud KMS allows. */
  public static readonly MAX_DESTROY_SCHEDULED_DAYS = 120;
  /** Whether the Cloud KMS API is enabled by the kit. */
  public static readonly DEFAULT_ENABLE_APIS = true;

  /** Imports an existing key so blocks can encrypt with it and grant on it. */
  public static fromCryptoKeyId(
    scope: Construct,
    id: string,
    attrs: EncryptionKeyAttributes,
  ): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, attrs);
  }

  /** The `google_kms_key_ring`. */
  public readonly keyRing: KmsKeyRing;
  /** The `google_kms_crypto_key`. */
  public readonly cryptoKey: KmsCryptoKey;
  public readonly cryptoKeyId: string;
  public readonly location: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const platform = validatePlatformName(this, props.platformName ?? CommonDefaults.PLATFORM_NAME);
    const purpose = validateLiteralNamePart(this, 'purpose', props.purpose ?? CommonDefaults.KEY_PURPOSE);
    const rotationDays = props.rotationPeriodDays ?? EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS;
    const protectionLevel = props.protectionLevel ?? EncryptionKey.DEFAULT_PROTECTION_LEVEL;
    const destroyDays = props.destroyScheduledDays ?? EncryptionKey.DEFAULT_DESTROY_SCHEDULED_DAYS;
    const apis = props.enableApis ?? EncryptionKey.DEFAULT_ENABLE_APIS;

    const project = validateProject(this, props.project);
    this.location = kmsLocationFor(validateLocation(this, props.location));
    validateIntegerRange(this, 'rotationPeriodDays', rotationDays, 1, EncryptionKey.MAX_ROTATION_PERIOD_DAYS);
    validateIntegerRange(
      this,
      'destroyScheduledDays',
      destroyDays,
      1,
      EncryptionKey.MAX_DESTROY_SCHEDULED_DAYS,
    );
    const labels = resourceTags(this, TagRules.GCP, platform, props.tags);

    this.keyRing = new KmsKeyRing(this, 'KeyRing', {
      project,
      location: this.location,
      name: physicalName(this, NameRules.GCP_KMS, {
        platform,
        parts: [purpose],
        override: props.keyRingName,
        overrideProp: 'keyRingName',
      }),
      dependsOn: dependsOnAll(enableApis(this, apis, project, GoogleApi.CLOUD_KMS)),
    });
    this.cryptoKey = new KmsCryptoKey(this, 'CryptoKey', {
      keyRing: this.keyRing.id,
      name: physicalName(this, NameRules.GCP_KMS, {
        platform,
        parts: [purpose, 'key'],
        override: props.keyName,
        overrideProp: 'keyName',
      }),
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: `${daysToSeconds(this, 'rotationPeriodDays', rotationDays)}s`,
      destroyScheduledDuration: `${daysToSeconds(this, 'destroyScheduledDays', destroyDays)}s`,
      versionTemplate: { algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION', protectionLevel },
      labels,
    });
    this.cryptoKeyId = this.cryptoKey.id;
    applyDataRemoval(this, decideRemoval(this, props.removalPolicy), [
      [this.keyRing, PreventDestroyRule.RETAINED],
      [this.cryptoKey, PreventDestroyRule.CRYPTO_KEY],
    ]);
  }

  public grantEncryptDecrypt(principal: IPrincipal): KmsCryptoKeyIamMember {
    return grantOn(this, this.cryptoKeyId, principal);
  }
}
