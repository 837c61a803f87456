import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { Construct } from 'constructs';
import { ZoneAccess } from '../../../core/blocks';
import { ErrorCode, ValidationError } from '../../../core/errors';
import { NameRules, nameViolation } from '../../../core/naming';
import { isUnresolved } from '../../../core/tokens';
import { constructIdFrom, findZone, validateImportedZones, type ZoneRef } from '../../../core/zones';
import { Fn, Token } from '../../../terraform';
import type { IPrincipal } from '../../iam/principal';
import { customRoleName } from '../../private/deployment-scope';
import { grantRole } from '../../private/grants';
import type { ILakeStorage, LakeStorageAttributes } from '../lake-storage';
import { LakeStorageBase } from '../lake-storage-base';
import { ZONE_ROLES } from '../roles';

const GRANT_ID: Readonly<Record<ZoneAccess, string>> = {
  [ZoneAccess.READ]: 'Reader',
  [ZoneAccess.WRITE]: 'Writer',
  [ZoneAccess.READ_WRITE]: 'Contributor',
};

/**
 * Assigns the role of `ZONE_ROLES[access]` on one zone's container (`containerScope`), a child of
 * `scope`: a built-in role by name, or the custom write-only role `writerRole` gives. Shared by
 * the kit's lake and an imported one, so both make the same assignments.
 */
export function grantZoneRole(
  scope: Construct,
  zone: string,
  containerScope: string,
  access: ZoneAccess,
  principal: IPrincipal,
  writerRole: (dataActions: readonly string[]) => RoleDefinition,
): RoleAssignment {
  const role = ZONE_ROLES[access];
  const prefix = `${GRANT_ID[access]}${constructIdFrom(zone)}`;
  const description = `data-platform-kit: ${access} on zone ${zone}`;
  if (role.kind === 'builtIn') {
    return grantRole(scope, prefix, principal, {
      scope: containerScope,
      roleDefinitionName: role.roleName,
      description,
    });
  }
  return grantRole(scope, prefix, principal, {
    scope: containerScope,
    roleDefinitionId: writerRole(role.dataActions).roleDefinitionResourceId,
    description,
  });
}

/** `/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>`. */
const STORAGE_ACCOUNT_ID =
  /^(\/subscriptions\/[^/]+\/resourceGroups\/([^/]+))\/providers\/Microsoft\.Storage\/storageAccounts\/([a-z0-9]{3,24})$/i;

/**
 * A lake made in another stack or subscription: its storage account by id, its containers by
 * zone. Grants add role assignments on the containers; nothing is created for the lake itself.
 * A write grant defines the kit's write-only role once, in the account's resource group (Azure
 * has no write-only built-in role). It cannot admit resources through the account's firewall:
 * that stays the owner's (a stream into it warns).
 */
export class ImportedLakeStorage extends LakeStorageBase implements ILakeStorage {
  public readonly storageAccountId: string;
  public readonly storageAccountName: string;
  public readonly zoneNames: readonly string[];
  private readonly zones: readonly ZoneRef[];
  private readonly containerNames: Readonly<Record<string, string>>;
  private readonly resourceGroupId: string;
  private readonly resourceGroupName: string;
  private writerRole?: RoleDefinition;

  constructor(scope: Construct, id: string, attrs: LakeStorageAttributes) {
    super(scope, id);
    const accountId = attrs.storageAccountId;
    const m = isUnresolved(accountId) ? undefined : STORAGE_ACCOUNT_ID.exec(String(accountId));
    if (m === null) {
      throw ValidationError.of(ErrorCode.INVALID_NAME, this, {
        prop: 'storageAccountId',
        received: accountId,
        allowed:
          'a storage account id: /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Storage/storageAccounts/<name>',
      });
    }
    this.zones = validateImportedZones(this, attrs.zones, 'containerName', (prop, name) =>
      nameViolation(NameRules.AZURE_CONTAINER, prop, name),
    );
    this.zoneNames = this.zones.map((z) => z.name);
    this.containerNames = Object.fromEntries(attrs.zones.map((z) => [z.name, z.containerName]));
    this.storageAccountId = accountId;
    // /subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.Storage/storageAccounts/<a>: after a split on '/', <g> is element 4 and <a> element 8.
    const part = (i: number) => Token.asString(Fn.element(Fn.split('/', accountId), i));
    this.storageAccountName = m ? m[3] : part(8);
    this.resourceGroupName = m ? m[2] : part(4);
    this.resourceGroupId = m
      ? m[1]
      : Token.asString(Fn.join('/', Fn.slice(Fn.split('/', accountId), 0, 5) as unknown as string[]));
  }

  public containerResourceId(zone: string): string {
    const name = findZone(this, this.zones, zone).name;
    return `${this.storageAccountId}/blobServices/default/containers/${this.containerNames[name]}`;
  }

  public grant(principal: IPrincipal, zone: string, access: ZoneAccess): RoleAssignment {
    const name = findZone(this, this.zones, zone).name;
    return grantZoneRole(this, name, this.containerResourceId(name), access, principal, (actions) =>
      this.ensureWriterRole(actions),
    );
  }

  private ensureWriterRole(dataActions: readonly string[]): RoleDefinition {
    this.writerRole ??= new RoleDefinition(this, 'BlobWriterRole', {
      // Role definition names are tenant-wide: construct path, subscription and group keep them apart.
      name: customRoleName(this, 'lake-blob-writer', { name: this.resourceGroupName, location: '' }),
      scope: this.resourceGroupId,
      assignableScopes: [this.resourceGroupId],
      description: 'data-platform-kit: create and overwrite blobs, without reading, listing or deleting.',
      permissions: [{ actions: [], dataActions: [...dataActions] }],
    });
    return this.writerRole;
  }
}
