/**
 * Naming rules of the Azure resources the network, catalog and warehouse blocks make, in core's
 * `NameRule` shape so `physicalName` derives and validates them. Internal: nothing here is
 * exported from the entry point (candidates for core's `NameRules`).
 */
import type { NameRule } from '../../core/naming';

const startsAlnum = (n: string) => (/^[a-zA-Z0-9]/.test(n) ? undefined : 'start with a letter or digit');
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');
const endsWordChar = (n: string) => (/[a-zA-Z0-9_]$/.test(n) ? undefined : "end with a letter, digit or '_'");

/** Naming rules of the network, catalog and warehouse resources, with the limits Azure documents. */
export const WarehouseNameRules = {
  /**
   * Synapse workspace: 1-50 of lowercase letters, digits and '-', alphanumeric at both ends, not
   * containing `-ondemand` (the serverless endpoint's suffix); globally unique
   * (`<name>.sql.azuresynapse.net`).
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftsynapse
   */
  SYNAPSE_WORKSPACE: {
    target: 'Synapse workspace name',
    minLength: 1,
    maxLength: 50,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [
      startsAlnum,
      endsAlnum,
      (n) => (n.includes('-ondemand') ? "not contain '-ondemand'" : undefined),
    ],
    allowed:
      "1-50 characters of lowercase letters, digits and '-', starting and ending with a letter or digit, not containing '-ondemand'",
  },
  /**
   * Dedicated SQL pool: 1-60 of letters, digits and '_' (the kit's subset of what Synapse allows:
   * no '-', which T-SQL would need quoted).
   */
  SYNAPSE_SQL_POOL: {
    target: 'Synapse dedicated SQL pool name',
    minLength: 1,
    maxLength: 60,
    charset: /[a-zA-Z0-9_]/,
    separator: '_',
    extraChecks: [startsAlnum],
    allowed: "1-60 characters of letters, digits and '_', starting with a letter or digit",
  },
  /**
   * Microsoft Purview account: 3-63 of letters, digits and '-', alphanumeric at both ends;
   * globally unique (`<name>.purview.azure.com`).
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftpurview
   */
  PURVIEW_ACCOUNT: {
    target: 'Purview account name',
    minLength: 3,
    maxLength: 63,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [startsAlnum, endsAlnum],
    allowed: "3-63 characters of letters, digits and '-', starting and ending with a letter or digit",
  },
  /**
   * Network resources (virtual network, network security group, private endpoint, DNS zone link,
   * Synapse managed private endpoint): 2-64 of letters, digits, '_', '.' and '-', starting with a
   * letter or digit, ending with a letter, digit or '_' (the strictest of the five).
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftnetwork
   */
  NETWORK_RESOURCE: {
    target: 'Azure network resource name',
    minLength: 2,
    maxLength: 64,
    charset: /[a-zA-Z0-9_.-]/,
    separator: '-',
    extraChecks: [startsAlnum, endsWordChar],
    allowed:
      "2-64 characters of letters, digits, '_', '.' and '-', starting with a letter or digit, ending with a letter, digit or '_'",
  },
} satisfies Record<string, NameRule>;

/**
 * The Entra login shown for a SQL administrator: 1-128 characters, no control characters.
 * @internal
 */
export const SQL_ADMIN_LOGIN = /^[^\p{Cc}]{1,128}$/u;
