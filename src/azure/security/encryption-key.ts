import type { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, type IConstruct } from 'constructs';
import { CommonDefaults, type EncryptionKeyCommonProps } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { ComplianceIntent, type IntentStatement } from '../../core/internal';
import { NameRules, physicalName, validateLiteralNamePart, validatePlatformName } from '../../core/naming';
import { validateIntegerRange, validateIpRanges } from '../../core/ranges';
import { decideRemoval, type RemovalDecision } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { Fn, Token, warn } from '../../terraform';
import { stateIntent } from '../compliance/intents';
import type { IPrincipal } from '../iam/principal';
import { azureDeploymentScope, stackClientConfig } from '../private/deployment-scope';
import { grantRole } from '../private/grants';
import { afterRolePropagation } from '../private/propagation';
import { retainData } from '../private/removal';
import type { ResourceGroupRef } from '../resource-group';
import { validateKeyAttributes } from './private/key-import';
import { validateRunnerRanges } from './private/runner-ranges';

/** Key Vault pricing tier; premium keeps keys in HSMs (`RSA-HSM`). */
export enum KeyVaultSku {
  /**
   * Software-protected keys (`RSA`). Cheaper, but the key exists outside an HSM: the pack's
   * CKV_AZURE_112 reports it, and a stack that chooses it acknowledges that with its reason.
   */
  STANDARD = 'standard',
  /** HSM-protected keys (`RSA-HSM`, FIPS 140 Level 3 HSMs). */
  PREMIUM = 'premium',
}

/** A Key Vault key the kit can encrypt with and grant on: created by the kit or imported. */
export interface IEncryptionKey extends IConstruct {
  /** Resource Manager id of the Key Vault. */
  readonly keyVaultId: string;
  /**
   * Versionless data-plane id of the key (`https://<vault>.vault.azure.net/keys/<name>`);
   * services given this id follow automatic rotation.
   */
  readonly keyId: string;
  /** Resource Manager id of the key (`<vault id>/keys/<name>`), the scope of key grants. */
  readonly keyResourceId: string;
  /**
   * Lets `principal` wrap and unwrap with the key: "Key Vault Crypto Service Encryption User"
   * scoped to the key alone. Returns the role assignment, so encrypted resources can depend on it.
   */
  grantEncryptDecrypt(principal: IPrincipal): RoleAssignment;
}

/** What identifies a key made in another stack or subscription, for {@link EncryptionKey.fromEncryptionKeyAttributes}. */
export interface EncryptionKeyAttributes {
  /** Resource Manager id of the vault. */
  readonly keyVaultId: string;
  /**
   * Versionless data-plane id of the key: `https://<vault>.vault.azure.net/keys/<name>`, in the
   * vault `keyVaultId` names. No version: services given a versioned id stop following rotation.
   */
  readonly keyVaultKeyId: string;
  /**
   * Resource Manager id of the key, the scope of key grants: `<keyVaultId>/keys/<name>` for the
   * key `keyVaultKeyId` names (letter case may differ).
   * @default - `<keyVaultId>/keys/<name from keyVaultKeyId>`
   */
  readonly keyResourceId?: string;
}

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps extends EncryptionKeyCommonProps {
  /** Resource group of the vault. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the vault.
   * @default - the resource group's location
   */
  readonly location?: string;
  /**
   * Vault name (globally unique, 3-24 of letters, digits and '-').
   * @default - `<platform>-<purpose>-<hash of the construct path>`
   */
  readonly keyVaultName?: string;
  /**
   * Key name inside the vault.
   * @default - `<platform>-<purpose>-<hash of the construct path>`
   */
  readonly keyName?: string;
  /**
   * Vault tier; `PREMIUM` makes the key `RSA-HSM`, `STANDARD` a software `RSA` key.
   * @default KeyVaultSku.PREMIUM
   */
  readonly sku?: KeyVaultSku;
  /**
   * Days a deleted vault or key stays recoverable (7-90). Purge protection is always on, so a
   * deleted vault's name stays taken for this long.
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * IPv4 ranges (the deployer's) allowed through the vault firewall. Keys are created on the
   * vault's data plane, so the machine running `terraform apply` needs network reach: an
   * allowed range here or a private endpoint. Without ranges the public endpoint is disabled
   * and a warning says so. With ranges the vault's public endpoint is on (firewall default
   * Deny, only these ranges and trusted Azure services), and the key states that intent on its
   * vault ({@link EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT}), which the compliance report
   * lists as acknowledged: the list is the explicit escape hatch until private endpoints.
   * Each range is an IPv4 address or CIDR from /8 to /32 (`0.0.0.0/0` is rejected), and must be
   * the runner's public egress range: documentation (192.0.2.0/24, 198.51.100.0/24,
   * 203.0.113.0/24), private and other unroutable ranges are rejected (`DPK_INVALID_IP_RANGE`).
   * @default - no public network access
   */
  readonly allowedIpRanges?: string[];
  /**
   * Whether `terraform apply` runs inside the virtual network that holds the vault's private
   * endpoint (a landing zone's, or a runner peered into it). Then no ranges are needed and the
   * vault keeps no public endpoint; without them and without this flag a warning says the
   * deployer cannot reach the vault.
   * @default false
   */
  readonly deployerInsideNetwork?: boolean;
  /**
   * Assign the deploying identity (`azurerm_client_config.object_id`) "Key Vault Crypto
   * Officer" on the vault, and create the key after it. The deployer then needs
   * `Microsoft.Authorization/roleAssignments/write` on the resource group (e.g. "Role Based
   * Access Control Administrator"). Turn off only when the deployer already holds a key-creating
   * data-plane role that covers the new vault.
   * @default true
   */
  readonly assignDeployerCryptoOfficer?: boolean;
}

/** A key's props, validated, with defaults resolved and names derived. */
interface KeySettings {
  readonly location: string;
  readonly resourceGroupName: string;
  readonly sku: KeyVaultSku;
  readonly rotationDays: number;
  readonly softDeleteDays: number;
  /** The deployer's ranges: the vault's public endpoint is on only when there are some. */
  readonly ipRanges: string[];
  readonly assignDeployer: boolean;
  readonly tags: Tags;
  readonly vaultName: string;
  readonly keyName: string;
  readonly removal: RemovalDecision;
}

/**
 * A customer-managed key: an RBAC-authorized Key Vault and an RSA key that rotates itself.
 *
 * Secure defaults: RBAC authorization (no access policies), purge protection always on, soft
 * delete (90 days), firewall default Deny with only trusted Azure services bypassing, public
 * endpoint only for the deployer's `allowedIpRanges`, an HSM-protected RSA 3072 key
 * (`RSA-HSM` in a premium vault) limited to wrapKey/unwrapKey, automatic rotation every
 * `rotationPeriodDays` with expiry and notice, retained on destroy (`prevent_destroy`) unless
 * the removal guard allows it.
 *
 * HSM by default: the premium tier has no base fee and the same per-operation prices for
 * software keys; an HSM-protected key adds a monthly charge per key (see the pricing page),
 * small next to the data one lake key protects. In exchange the key never exists outside a
 * FIPS 140 Level 3 HSM, which many regulated platforms require (Checkov CKV_AZURE_112).
 * `sku: KeyVaultSku.STANDARD` keeps a software key for cost-sensitive, non-regulated stacks.
 *
 * Expiry: the rotation policy's `expire_after` gives each key version an expiry (the pack's
 * CKV_AZURE_40 accepts it); the key sets no fixed `expiration_date`, which would expire the
 * rotating key on a calendar date its rotation knows nothing about.
 *
 * Rotation: `rotationPeriodDays` may be 7-365. 7 is Key Vault's shortest rotation interval;
 * the kit caps at a year so that rotation really happens. Each version expires
 * {@link EncryptionKey.EXPIRY_GRACE_DAYS} days after its planned rotation and notifies
 * {@link EncryptionKey.NOTIFY_BEFORE_EXPIRY_DAYS} days before expiry, i.e. only if a rotation
 * was missed (Key Vault wants expiry ≥ 28 days and rotation ≥ 7 days before expiry).
 *
 * Deployability: keys in an RBAC vault are created on the data plane. By default the deployer
 * is assigned "Key Vault Crypto Officer" on the vault and the key depends on that assignment;
 * role assignments can take minutes to propagate, so a first apply that fails with 403 on the
 * key succeeds when re-run.
 *
 * @see https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation
 * @example
 * const key = new EncryptionKey(stack, 'Key', {
 *   resourceGroup: rg,
 *   platformName: 'sales',
 *   purpose: 'lake',
 *   allowedIpRanges: ['20.61.10.0/24'], // the runner's public egress range
 * });
 */
export class EncryptionKey extends Construct implements IEncryptionKey {
  /** Vault tier when `sku` is unset: HSM-protected keys. */
  public static readonly DEFAULT_SKU = KeyVaultSku.PREMIUM;
  /** Soft-delete retention when `softDeleteRetentionDays` is unset (Key Vault's maximum). */
  public static readonly DEFAULT_SOFT_DELETE_RETENTION_DAYS = 90;
  /** Soft-delete retention Key Vault allows, in days: 7 to 90. */
  public static readonly SOFT_DELETE_RETENTION_DAYS_RANGE = { min: 7, max: 90 } as const;
  /** Rotation period when `rotationPeriodDays` is unset. */
  public static readonly DEFAULT_ROTATION_PERIOD_DAYS = CommonDefaults.ROTATION_PERIOD_DAYS;
  /** Rotation period, in days: 7 (Key Vault's shortest) to 365 (kit policy, so rotation really happens). */
  public static readonly ROTATION_PERIOD_DAYS_RANGE = { min: 7, max: 365 } as const;
  /** Days a key version lives past its planned rotation before it expires. */
  public static readonly EXPIRY_GRACE_DAYS = 30;
  /** Days before expiry that Key Vault sends the near-expiry event. */
  public static readonly NOTIFY_BEFORE_EXPIRY_DAYS = 15;
  /** RSA key size. */
  public static readonly KEY_SIZE = 3072;
  /** Whether the runner is inside the network when `deployerInsideNetwork` is unset. */
  public static readonly DEFAULT_DEPLOYER_INSIDE_NETWORK = false;
  /** Whether the deployer is made Crypto Officer when `assignDeployerCryptoOfficer` is unset. */
  public static readonly DEFAULT_ASSIGN_DEPLOYER_CRYPTO_OFFICER = true;
  /** Built-in role the deployer gets on the vault to create the key. */
  public static readonly DEPLOYER_ROLE = 'Key Vault Crypto Officer';
  /** Built-in role that `grantEncryptDecrypt` assigns on the key. */
  public static readonly ENCRYPT_DECRYPT_ROLE = 'Key Vault Crypto Service Encryption User';
  /** Warning id: the vault has no public endpoint, so the deployer needs a private path. */
  public static readonly NO_NETWORK_REACH_WARNING = 'data-platform-kit:keyVaultNoPublicAccess';
  /**
   * What the key states on its vault when `allowedIpRanges` opens the public endpoint: an
   * allow-listed public endpoint. The compliance report lists the finding it answers (Azure
   * pack: public network access on a Key Vault) under `acknowledged`, with this reason.
   */
  public static readonly ALLOWED_IP_RANGES_ACKNOWLEDGEMENT: IntentStatement = {
    intent: ComplianceIntent.ALLOW_LISTED_PUBLIC_ENDPOINT,
    reason:
      "Public endpoint open only to the deployer's explicit 'allowedIpRanges' (firewall default Deny, " +
      'trusted Azure services, RBAC): keys are created on the vault data plane, so the deployer needs ' +
      'network reach until the vault gets a private endpoint.',
  };

  /**
   * Imports a key made in another stack or subscription, so blocks can encrypt with it and grant
   * on it. Nothing is created for the key or its vault (rotation, firewall and access policy stay
   * their owner's); grants add role assignments scoped to the key. Throws `DPK_INVALID_NAME` for
   * malformed ids and `DPK_CONFLICTING_PROPS` for ids of different keys; tokens pass.
   *
   * @example
   * const key = EncryptionKey.fromEncryptionKeyAttributes(stack, 'SalesKey', {
   *   keyVaultId: salesVaultId,
   *   keyVaultKeyId: 'https://sales-lake-1a2b3c.vault.azure.net/keys/lake',
   * });
   */
  public static fromEncryptionKeyAttributes(
    scope: Construct,
    id: string,
    attrs: EncryptionKeyAttributes,
  ): IEncryptionKey {
    return new ImportedEncryptionKey(scope, id, attrs);
  }

  /**
   * Imports a key by its versionless Key Vault key id (what services take as a customer-managed
   * key) and its vault's resource id: {@link EncryptionKey.fromEncryptionKeyAttributes}.
   */
  public static fromKeyVaultKeyId(
    scope: Construct,
    id: string,
    keyVaultKeyId: string,
    keyVaultId: string,
  ): IEncryptionKey {
    return EncryptionKey.fromEncryptionKeyAttributes(scope, id, { keyVaultId, keyVaultKeyId });
  }

  /** The deploying identity (`tenant_id`, `object_id`). */
  public readonly clientConfig: DataAzurermClientConfig;
  /** The vault. */
  public readonly keyVault: KeyVault;
  /** The key. */
  public readonly key: KeyVaultKey;
  /** The deployer's "Key Vault Crypto Officer" assignment, when `assignDeployerCryptoOfficer`. */
  public readonly deployerCryptoOfficer?: RoleAssignment;
  public readonly keyVaultId: string;
  public readonly keyId: string;
  public readonly keyResourceId: string;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.clientConfig = stackClientConfig(this);
    this.keyVault = this.createKeyVault(s);
    if (s.ipRanges.length > 0) stateIntent(this.keyVault, EncryptionKey.ALLOWED_IP_RANGES_ACKNOWLEDGEMENT);
    this.deployerCryptoOfficer = s.assignDeployer ? this.createDeployerCryptoOfficer() : undefined;
    this.key = this.createKey(s);
    retainData(this, s.removal, [this.keyVault, this.key]);

    this.keyVaultId = this.keyVault.id;
    this.keyId = this.key.versionlessId;
    this.keyResourceId = this.key.resourceVersionlessId;
  }

  public grantEncryptDecrypt(principal: IPrincipal): RoleAssignment {
    return grantKeyUse(this, this.keyResourceId, principal);
  }

  /**
   * Validates the props and resolves their defaults and names, before any resource exists; warns
   * when the deployer has no network reach to the vault.
   */
  private resolveSettings(props: EncryptionKeyProps): KeySettings {
    const platform = validatePlatformName(this, props.platformName ?? CommonDefaults.PLATFORM_NAME);
    const purpose = validateLiteralNamePart(this, 'purpose', props.purpose ?? CommonDefaults.KEY_PURPOSE);
    const rotationDays = props.rotationPeriodDays ?? EncryptionKey.DEFAULT_ROTATION_PERIOD_DAYS;
    const softDeleteDays = props.softDeleteRetentionDays ?? EncryptionKey.DEFAULT_SOFT_DELETE_RETENTION_DAYS;
    validateIntegerRange(this, 'rotationPeriodDays', rotationDays, EncryptionKey.ROTATION_PERIOD_DAYS_RANGE);
    validateIntegerRange(
      this,
      'softDeleteRetentionDays',
      softDeleteDays,
      EncryptionKey.SOFT_DELETE_RETENTION_DAYS_RANGE,
    );
    const ipRanges = validateIpRanges(this, 'allowedIpRanges', props.allowedIpRanges);
    const insideNetwork = props.deployerInsideNetwork ?? EncryptionKey.DEFAULT_DEPLOYER_INSIDE_NETWORK;
    if (insideNetwork && ipRanges.length > 0) {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, {
        prop: 'allowedIpRanges',
        received: ipRanges,
        allowed: "unset when 'deployerInsideNetwork' is true (the runner reaches the vault privately)",
      });
    }
    validateRunnerRanges(this, 'allowedIpRanges', ipRanges);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const vaultName = physicalName(this, NameRules.AZURE_KEY_VAULT, {
      platform,
      parts: [purpose],
      override: props.keyVaultName,
      overrideProp: 'keyVaultName',
      // Vault names are global: subscription and resource group join the hash.
      deploymentScope: azureDeploymentScope(this, props.resourceGroup),
    });
    const keyName = physicalName(this, NameRules.AZURE_KEY, {
      platform,
      parts: [purpose],
      override: props.keyName,
      overrideProp: 'keyName',
    });
    if (ipRanges.length === 0 && !insideNetwork) {
      warn(
        this,
        EncryptionKey.NO_NETWORK_REACH_WARNING,
        'The Key Vault has no public network access (no allowedIpRanges). Keys are created on the ' +
          "vault's data plane, so the deployer needs network reach: pass the deployer's IP range in " +
          "'allowedIpRanges' or deploy from a network with a private endpoint to the vault.",
      );
    }
    return {
      location: props.location ?? props.resourceGroup.location,
      resourceGroupName: props.resourceGroup.name,
      sku: props.sku ?? EncryptionKey.DEFAULT_SKU,
      rotationDays,
      softDeleteDays,
      ipRanges,
      assignDeployer:
        props.assignDeployerCryptoOfficer ?? EncryptionKey.DEFAULT_ASSIGN_DEPLOYER_CRYPTO_OFFICER,
      tags,
      vaultName,
      keyName,
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The RBAC vault, firewall default Deny; its public endpoint only for `allowedIpRanges`. */
  private createKeyVault(s: KeySettings): KeyVault {
    return new KeyVault(this, 'Vault', {
      name: s.vaultName,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      tenantId: this.clientConfig.tenantId,
      skuName: s.sku,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: s.softDeleteDays,
      publicNetworkAccessEnabled: s.ipRanges.length > 0,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices', ipRules: s.ipRanges },
      tags: s.tags,
    });
  }

  /** The deployer's "Key Vault Crypto Officer" on the vault, so it can create the key. */
  private createDeployerCryptoOfficer(): RoleAssignment {
    return new RoleAssignment(this, 'DeployerCryptoOfficer', {
      scope: this.keyVault.id,
      roleDefinitionName: EncryptionKey.DEPLOYER_ROLE,
      // The deployer may be a user or a service principal: Azure resolves the type.
      principalId: this.clientConfig.objectId,
      description: 'Lets the deployer create and rotate keys in this vault (data plane).',
    });
  }

  /** The rotating RSA key, after the deployer's role has propagated. */
  private createKey(s: KeySettings): KeyVaultKey {
    return new KeyVaultKey(this, 'Key', {
      name: s.keyName,
      keyVaultId: this.keyVault.id,
      keyType: s.sku === KeyVaultSku.PREMIUM ? 'RSA-HSM' : 'RSA',
      keySize: EncryptionKey.KEY_SIZE,
      keyOpts: ['wrapKey', 'unwrapKey'],
      rotationPolicy: {
        automatic: { timeAfterCreation: isoDays(s.rotationDays) },
        expireAfter: isoDays(addDays(s.rotationDays, EncryptionKey.EXPIRY_GRACE_DAYS)),
        notifyBeforeExpiry: isoDays(EncryptionKey.NOTIFY_BEFORE_EXPIRY_DAYS),
      },
      tags: s.tags,
      // The deployer's role must reach Key Vault before the key is created on its data plane.
      dependsOn: this.deployerCryptoOfficer
        ? [afterRolePropagation(this, 'DeployerRolePropagation', [this.deployerCryptoOfficer])]
        : undefined,
      // Each automatic rotation sets the new version's expiry: without this, the next plan would
      // replace the key (which prevent_destroy turns into a failing plan). The policy owns expiry.
      lifecycle: { ignoreChanges: ['expiration_date'] },
    });
  }
}

/** An existing key, known by its ids. */
class ImportedEncryptionKey extends Construct implements IEncryptionKey {
  public readonly keyVaultId: string;
  public readonly keyId: string;
  public readonly keyResourceId: string;

  constructor(scope: Construct, id: string, attrs: EncryptionKeyAttributes) {
    super(scope, id);
    const keyName = validateKeyAttributes(this, attrs);
    this.keyVaultId = attrs.keyVaultId;
    this.keyId = attrs.keyVaultKeyId;
    this.keyResourceId = attrs.keyResourceId ?? `${attrs.keyVaultId}/keys/${keyName}`;
  }

  public grantEncryptDecrypt(principal: IPrincipal): RoleAssignment {
    return grantKeyUse(this, this.keyResourceId, principal);
  }
}

function grantKeyUse(key: Construct, keyResourceId: string, principal: IPrincipal): RoleAssignment {
  return grantRole(key, 'EncryptDecrypt', principal, {
    scope: keyResourceId,
    roleDefinitionName: EncryptionKey.ENCRYPT_DECRYPT_ROLE,
    description: 'Wrap and unwrap with this key only.',
  });
}

/** An ISO 8601 duration of whole days, `P<days>D`; number tokens become Terraform expressions. */
function isoDays(days: number): string {
  return `P${isUnresolved(days) ? Token.asString(days) : days}D`;
}

function addDays(days: number, more: number): number {
  return isUnresolved(days) ? (Fn.sum([days, more]) as number) : days + more;
}
