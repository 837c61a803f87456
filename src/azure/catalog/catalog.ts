import type { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { PurviewAccount } from '@cdktf/provider-azurerm/lib/purview-account';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct, type IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName, validatePlatformName } from '../../core/naming';
import { decideRemoval, type DataRemovalPolicy, type RemovalDecision } from '../../core/removal';
import { resourceTags, type Tags, TagRules } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { findZone } from '../../core/zones';
import { warn } from '../../terraform';
import { type IPrincipal, PrincipalType } from '../iam/principal';
import { PrivateEndpointSubresource } from '../network/endpoints';
import type { INetwork } from '../network/network';
import { ImportedCatalog, PURVIEW_ID } from './private/catalog-import';
import { azureDeploymentScope } from '../private/deployment-scope';
import { lakeFilesystem } from '../private/lake-filesystems';
import { retainData } from '../private/removal';
import { WarehouseNameRules } from '../private/warehouse-names';
import type { ResourceGroupRef } from '../resource-group';
import type { ILakeStorage } from '../storage/lake-storage';

/** The lake's catalog as the warehouse sees it: a database location per zone, and Purview. */
export interface ICatalog extends IConstruct {
  /** The lake zones the catalog has a database location for, in the lake's order. */
  readonly zoneNames: readonly string[];
  /** Resource Manager id of the Purview account, when the catalog has one. */
  readonly purviewAccountId?: string;
  /**
   * Where a zone's lake database lives: `abfss://<filesystem>@<account>.dfs.core.windows.net/`.
   * Throws `DPK_UNKNOWN_ZONE`.
   */
  databaseLocation(zone: string): string;
}

/** What identifies a catalog made in another stack or subscription. */
export interface CatalogAttributes {
  /** The lake the catalog describes (e.g. `LakeStorage.fromLakeStorageAttributes`). */
  readonly lake: ILakeStorage;
  /**
   * The lake zones the catalog has a database location for (each once, each of the lake).
   * @default - every zone of the lake
   */
  readonly zones?: readonly string[];
  /**
   * Resource Manager id of the catalog's Purview account.
   * @default - no Purview account
   */
  readonly purviewAccountId?: string;
}

/** Props of {@link Catalog}. */
export interface CatalogProps {
  /** Platform name that derived names start with. */
  readonly platformName: string;
  /** Resource group of the Purview account. */
  readonly resourceGroup: ResourceGroupRef;
  /**
   * Azure location of the Purview account.
   * @default - the resource group's location
   */
  readonly location?: string;
  /** The lake the catalog describes: one database location per zone. */
  readonly lake: ILakeStorage;
  /**
   * Create a Microsoft Purview account for the lake (scanning, lineage, glossary). Purview bills
   * by capacity around the clock, and a tenant may hold few accounts (often one): bring the
   * tenant's account with `existingPurviewAccountId` instead where there is one.
   * @default false
   */
  readonly purview?: boolean;
  /**
   * Name of the Purview account (globally unique, 3-63 of letters, digits and '-').
   * Only with `purview: true`.
   * @default - `<platform>-catalog-<hash of the construct path>`
   */
  readonly purviewAccountName?: string;
  /**
   * An existing Purview account to connect the warehouse to. Not allowed with `purview: true`.
   * Its identity is not known to the kit: grant it `lake.grantRead` on the zones it scans.
   * @default - no existing account
   */
  readonly existingPurviewAccountId?: string;
  /**
   * Where the Purview account's private endpoints (`account`, `portal`) go. Without a network the
   * account (public network access off) is reachable by no one, and a warning says so.
   * @default - no private endpoints
   */
  readonly network?: INetwork;
  /**
   * What happens to the Purview account (and its curated metadata) when it leaves the stack.
   * DESTROY also needs the `data-platform-kit:removeDataOnDestroy` context flag.
   * @default DataRemovalPolicy.RETAIN
   */
  readonly removalPolicy?: DataRemovalPolicy;
  /**
   * Tags for the Purview account, on top of the kit's own.
   * @default - only the kit's `data-platform` tag
   */
  readonly tags?: Tags;
}

/** A catalog's props, validated, with defaults resolved and names derived. */
interface CatalogSettings {
  readonly tags: Tags;
  readonly zoneNames: readonly string[];
  /** Each zone's database location (`abfss://`), by zone name. */
  readonly locations: Readonly<Record<string, string>>;
  /** The Purview account to create, when `purview`. */
  readonly purview?: { readonly accountName: string };
  readonly location: string;
  readonly resourceGroupName: string;
  readonly removal: RemovalDecision;
}

/**
 * The lake's catalog on Azure: a Synapse lake-database location per lake zone, and optionally a
 * Microsoft Purview account that scans the lake.
 *
 * What azurerm 4.55 can and cannot create, and so what this block does:
 * - Synapse lake databases (and their tables) are workspace artifacts created in Synapse Studio,
 *   with database templates, or with Spark SQL (`CREATE DATABASE … LOCATION '<abfss url>'`);
 *   azurerm has no resource for them. The catalog therefore provides their storage wiring:
 *   {@link Catalog.databaseLocation} gives each zone's `abfss://` location, and the warehouse's
 *   workspace reaches every zone through its default linked service (`<workspace>-WorkspaceDefaultStorage`),
 *   which points at the lake account. azurerm does have `azurerm_synapse_linked_service`, but it
 *   is a workspace data-plane resource and no extra linked service is needed, so none is made.
 * - Purview (optional, `purview: true`): `azurerm_purview_account` with public network access
 *   off, a system-assigned identity, and no managed Event Hubs namespace (whose Kafka connection
 *   strings would land in Terraform state). Its identity is granted "Storage Blob Data Reader" on
 *   every zone so scans can read the lake. Data sources, scans, collections and Purview roles are
 *   Purview data-plane objects azurerm cannot create; register the lake as a source after deploy.
 *   Scanning a lake without public access needs a Purview managed virtual network integration
 *   runtime (managed private endpoints to the lake) or a self-hosted one in the network.
 * - Permissions: the catalog's permission model on Azure is the lake's data roles (who reads which
 *   zone) plus Synapse RBAC in the workspace; both are granted through `Warehouse.grant*`.
 *
 * Secure defaults: Purview without public network access, with private endpoints in `network`,
 * retained on destroy (`prevent_destroy`) unless the removal guard allows it.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/database-designer/concepts-lake-database
 * @see https://learn.microsoft.com/purview/concept-best-practices-network
 * @example
 * const catalog = new Catalog(stack, 'Catalog', {
 *   platformName: 'sales',
 *   resourceGroup: rg,
 *   lake,
 *   purview: true,
 *   network,
 * });
 * const servingLocation = catalog.databaseLocation('serving');
 */
export class Catalog extends Construct implements ICatalog {
  /** Whether a Purview account is created when `purview` is unset. */
  public static readonly DEFAULT_PURVIEW = false;
  /** Warning id: a Purview account without public access or private endpoints. */
  public static readonly PURVIEW_UNREACHABLE_WARNING = 'data-platform-kit:purviewUnreachable';

  /**
   * Imports a catalog made in another stack or subscription, for a warehouse that reads its
   * database locations. Nothing is created for it. Throws `DPK_NO_ZONES`, `DPK_UNKNOWN_ZONE`,
   * `DPK_DUPLICATE_ZONE`, or `DPK_INVALID_NAME` for a malformed Purview id; tokens pass.
   *
   * @example
   * const catalog = Catalog.fromCatalogAttributes(stack, 'SalesCatalog', { lake, zones: ['curated', 'serving'] });
   */
  public static fromCatalogAttributes(scope: Construct, id: string, attrs: CatalogAttributes): ICatalog {
    return new ImportedCatalog(scope, id, attrs);
  }

  /** The Purview account, when `purview` is true. */
  public readonly purviewAccount?: PurviewAccount;
  /** The Purview identity's "Storage Blob Data Reader" grants, one per zone. */
  public readonly purviewLakeAccess: RoleAssignment[];
  /** The Purview account's private endpoints (`account`, `portal`), when `network` is given. */
  public readonly purviewEndpoints: PrivateEndpoint[];
  public readonly zoneNames: readonly string[];
  public readonly purviewAccountId?: string;
  private readonly locations: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: CatalogProps) {
    super(scope, id);
    const s = this.resolveSettings(props);
    this.zoneNames = s.zoneNames;
    this.locations = s.locations;
    this.purviewAccount = s.purview ? this.createPurviewAccount(s, s.purview.accountName) : undefined;
    this.purviewLakeAccess = this.purviewAccount
      ? this.createPurviewLakeAccess(this.purviewAccount, props.lake)
      : [];
    this.purviewEndpoints = this.purviewAccount
      ? this.createPurviewEndpoints(this.purviewAccount, props.network)
      : [];
    this.purviewAccountId = this.purviewAccount ? this.purviewAccount.id : props.existingPurviewAccountId;
  }

  public databaseLocation(zone: string): string {
    const name = findZone(
      this,
      this.zoneNames.map((z) => ({ name: z })),
      zone,
    ).name;
    return this.locations[name];
  }

  /** Validates the props and resolves their defaults and names, before any resource exists. */
  private resolveSettings(props: CatalogProps): CatalogSettings {
    const platform = validatePlatformName(this, props.platformName);
    const purview = props.purview ?? Catalog.DEFAULT_PURVIEW;
    this.checkConflicts(props, purview);
    const tags = resourceTags(this, TagRules.AZURE, platform, props.tags);
    const zoneNames = [...props.lake.zoneNames];
    const locations = Object.fromEntries(
      zoneNames.map((zone) => [zone, lakeFilesystem(props.lake, zone).abfss]),
    );
    const accountName = purview
      ? physicalName(this, WarehouseNameRules.PURVIEW_ACCOUNT, {
          platform,
          parts: ['catalog'],
          override: props.purviewAccountName,
          overrideProp: 'purviewAccountName',
          // Account names are global: subscription and resource group join the hash.
          deploymentScope: azureDeploymentScope(this, props.resourceGroup),
        })
      : undefined;
    return {
      tags,
      zoneNames,
      locations,
      purview: accountName === undefined ? undefined : { accountName },
      location: props.location ?? props.resourceGroup.location,
      resourceGroupName: props.resourceGroup.name,
      removal: decideRemoval(this, props.removalPolicy),
    };
  }

  /** The Purview account: no public network access, no managed Event Hubs, retained by default. */
  private createPurviewAccount(s: CatalogSettings, name: string): PurviewAccount {
    const account = new PurviewAccount(this, 'Purview', {
      name,
      location: s.location,
      resourceGroupName: s.resourceGroupName,
      identity: { type: 'SystemAssigned' },
      publicNetworkEnabled: false,
      managedEventHubEnabled: false,
      tags: s.tags,
    });
    retainData(this, s.removal, [account]);
    return account;
  }

  /** The Purview identity's read on every zone, so scans can read the lake. */
  private createPurviewLakeAccess(account: PurviewAccount, lake: ILakeStorage): RoleAssignment[] {
    const principal: IPrincipal = {
      principalId: account.identity.principalId,
      principalType: PrincipalType.SERVICE_PRINCIPAL,
      grantKey: account.node.path,
    };
    return this.zoneNames.map((zone) => lake.grantRead(principal, zone));
  }

  /** The account's `account` and `portal` endpoints in `network`; without one, a warning. */
  private createPurviewEndpoints(account: PurviewAccount, network: INetwork | undefined): PrivateEndpoint[] {
    if (!network) {
      warn(
        this,
        Catalog.PURVIEW_UNREACHABLE_WARNING,
        'The Purview account has public network access disabled and no private endpoints (no network): ' +
          "no one can reach its portal or API. Pass 'network' to add private endpoints.",
      );
      return [];
    }
    return [PrivateEndpointSubresource.PURVIEW_ACCOUNT, PrivateEndpointSubresource.PURVIEW_PORTAL].map(
      (sub) =>
        network.addPrivateEndpoint(`${this.node.id}Purview${sub === 'account' ? 'Account' : 'Portal'}`, {
          resourceId: account.id,
          subresource: sub,
        }),
    );
  }

  private checkConflicts(props: CatalogProps, purview: boolean): void {
    const conflict = (prop: string, received: unknown, allowed: string) => {
      throw ValidationError.of(ErrorCode.CONFLICTING_PROPS, this, { prop, received, allowed });
    };
    if (purview && props.existingPurviewAccountId !== undefined) {
      conflict('existingPurviewAccountId', props.existingPurviewAccountId, "unset when 'purview' is true");
    }
    if (!purview && props.purviewAccountName !== undefined) {
      conflict('purviewAccountName', props.purviewAccountName, "unset unless 'purview' is true");
    }
    const existing = props.existingPurviewAccountId;
    if (existing !== undefined && !isUnresolved(existing) && !PURVIEW_ID.test(existing)) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'existingPurviewAccountId',
        received: existing,
        allowed:
          'a Purview account id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Purview/accounts/<name>',
      });
    }
  }
}
