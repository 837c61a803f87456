/**
 * What each built-in role the Azure kit assigns allows: Azure RBAC roles by their `actions` and
 * `dataActions` (copied from the role definitions in Microsoft's built-in roles reference), and
 * Synapse RBAC roles by the workspace capabilities the kit's journeys rely on (from the Synapse
 * RBAC roles reference). The journey suite evaluates synthesized assignments against this table
 * only; custom roles are read from the synthesized `azurerm_role_definition`.
 */

/** An Azure RBAC role definition's permissions. */
export interface AzureRolePermissions {
  readonly actions: readonly string[];
  readonly dataActions: readonly string[];
  /** Where the definition was copied from. */
  readonly source: string;
}

const STORAGE = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/storage';
const INTEGRATION = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/integration';
const SECURITY = 'https://learn.microsoft.com/azure/role-based-access-control/built-in-roles/security';

/** Built-in Azure RBAC roles the kit assigns, by role name. */
export const AZURE_BUILT_IN_ROLES: Readonly<Record<string, AzureRolePermissions>> = {
  'Storage Blob Data Reader': {
    actions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action',
    ],
    dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'],
    source: `${STORAGE}#storage-blob-data-reader`,
  },
  'Storage Blob Data Contributor': {
    actions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action',
    ],
    dataActions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
    ],
    source: `${STORAGE}#storage-blob-data-contributor`,
  },
  'Azure Event Hubs Data Sender': {
    actions: ['Microsoft.EventHub/*/eventhubs/read'],
    dataActions: ['Microsoft.EventHub/*/send/action'],
    source: `${INTEGRATION}#azure-event-hubs-data-sender`,
  },
  'Azure Event Hubs Data Receiver': {
    actions: ['Microsoft.EventHub/*/eventhubs/consumergroups/read'],
    dataActions: ['Microsoft.EventHub/*/receive/action'],
    source: `${INTEGRATION}#azure-event-hubs-data-receiver`,
  },
  'Key Vault Crypto Service Encryption User': {
    actions: [
      'Microsoft.EventGrid/eventSubscriptions/write',
      'Microsoft.EventGrid/eventSubscriptions/read',
      'Microsoft.EventGrid/eventSubscriptions/delete',
    ],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action',
    ],
    source: `${SECURITY}#key-vault-crypto-service-encryption-user`,
  },
  'Key Vault Crypto Officer': {
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Support/*',
      'Microsoft.KeyVault/checkNameAvailability/read',
      'Microsoft.KeyVault/deletedVaults/read',
      'Microsoft.KeyVault/locations/*/read',
      'Microsoft.KeyVault/vaults/*/read',
      'Microsoft.KeyVault/operations/read',
    ],
    dataActions: ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'],
    source: `${SECURITY}#key-vault-crypto-officer`,
  },
};

/** What a Synapse RBAC role lets its holder do in the workspace, as the journeys need it. */
export interface SynapseRoleCapabilities {
  /** Read published artifacts and run them (notebooks, SQL scripts) with the holder's identity. */
  readonly useArtifacts: boolean;
  /** Create, update and publish artifacts, lake databases and their tables included. */
  readonly publishArtifacts: boolean;
  /** Administer the workspace: every Synapse permission, assigning Synapse roles included. */
  readonly administer: boolean;
  readonly source: string;
}

const SYNAPSE =
  'https://learn.microsoft.com/azure/synapse-analytics/security/synapse-workspace-synapse-rbac-roles';

/** Synapse RBAC roles the kit assigns, by role name. */
export const SYNAPSE_ROLES: Readonly<Record<string, SynapseRoleCapabilities>> = {
  'Synapse Administrator': { useArtifacts: true, publishArtifacts: true, administer: true, source: SYNAPSE },
  'Synapse Contributor': { useArtifacts: true, publishArtifacts: true, administer: false, source: SYNAPSE },
  'Synapse Artifact User': {
    useArtifacts: true,
    publishArtifacts: false,
    administer: false,
    source: SYNAPSE,
  },
  'Synapse Compute Operator': {
    useArtifacts: false,
    publishArtifacts: false,
    administer: false,
    source: SYNAPSE,
  },
};

/** Whether an RBAC action pattern (`*` matches any run of characters) covers `action`, case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}
