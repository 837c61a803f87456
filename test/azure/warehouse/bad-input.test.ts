import { Principal, PrincipalType } from '../../../src/azure/iam/principal';
import { EncryptionKey } from '../../../src/azure/security/encryption-key';
import { SynapseRole } from '../../../src/azure/warehouse/roles';
import type { WarehouseProps } from '../../../src/azure/warehouse/warehouse-props';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import { newAzureStack } from '../azure-stack';
import { newWarehouse } from './warehouse-fixtures';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';

/**
 * Bad input to `Warehouse`, table-driven: each row builds one warehouse (or grant) with one bad
 * prop and names the code and the prop the ValidationError must carry. No prop can turn on public
 * access, SQL passwords or an unencrypted pool: those are fixed, so they have no rows.
 */
const warehouse = (props: Partial<WarehouseProps> = {}) => newWarehouse(props).warehouse;
const admin = (login: string, principalId = '8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f') => ({
  sqlAdministrator: { login, principal: { principalId, principalType: PrincipalType.GROUP } },
});

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  [
    'a platform name with an underscore',
    () => warehouse({ platformName: 'sales_eu' }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'a workspace name with capitals',
    () => warehouse({ workspaceName: 'SalesDW' }),
    ErrorCode.INVALID_NAME,
    'workspaceName',
  ],
  [
    "a workspace name with Synapse's reserved '-ondemand'",
    () => warehouse({ workspaceName: 'sales-ondemand' }),
    ErrorCode.INVALID_NAME,
    'workspaceName',
  ],
  [
    'a workspace name of 51 characters',
    () => warehouse({ workspaceName: 'w'.repeat(51) }),
    ErrorCode.INVALID_NAME,
    'workspaceName',
  ],
  [
    'a workspace name ending with a hyphen',
    () => warehouse({ workspaceName: 'sales-' }),
    ErrorCode.INVALID_NAME,
    'workspaceName',
  ],
  [
    'an undeclared workspace zone',
    () => warehouse({ workspaceZone: 'gold' }),
    ErrorCode.UNKNOWN_ZONE,
    'workspaceZone',
  ],
  [
    'an undeclared read zone',
    () => warehouse({ readZones: ['serving', 'gold'] }),
    ErrorCode.UNKNOWN_ZONE,
    'readZones[1]',
  ],
  [
    'an empty administrator login',
    () => warehouse(admin('')),
    ErrorCode.INVALID_NAME,
    'sqlAdministrator.login',
  ],
  [
    'an administrator login of 129 characters',
    () => warehouse(admin('a'.repeat(129))),
    ErrorCode.INVALID_NAME,
    'sqlAdministrator.login',
  ],
  [
    'an administrator login with a newline',
    () => warehouse(admin('admins\n')),
    ErrorCode.INVALID_NAME,
    'sqlAdministrator.login',
  ],
  [
    'an administrator that is not a GUID',
    () => warehouse(admin('admins', 'sql-admins')),
    ErrorCode.INVALID_PRINCIPAL,
    'sqlAdministrator.principal.principalId',
  ],
  [
    'the whole internet on the warehouse vault',
    () => warehouse({ keyVaultAllowedIpRanges: ['0.0.0.0/0'] }),
    ErrorCode.INVALID_IP_RANGE,
    'keyVaultAllowedIpRanges[0]',
  ],
  [
    'an existing key with vault ranges',
    () => {
      const stack = newAzureStack();
      const key = new EncryptionKey(stack, 'Key', { resourceGroup: { name: 'rg', location: 'westeurope' } });
      return newWarehouse({ encryptionKey: key, keyVaultAllowedIpRanges: ['20.61.10.0/24'] }, stack);
    },
    ErrorCode.CONFLICTING_PROPS,
    'keyVaultAllowedIpRanges',
  ],
  ['a tag name with ?', () => warehouse({ tags: { 'why?': 'x' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  [
    'a grant on an undeclared zone',
    () => warehouse().grantReadWrite(Principal.group('8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f'), 'gold'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
  [
    'a Synapse role without reaching the workspace',
    () =>
      warehouse().grantSynapseRole(Principal.group('8d1f3c1e-2a4b-4c6d-8e0f-1a2b3c4d5e6f'), SynapseRole.USER),
    ErrorCode.CONFLICTING_PROPS,
    'deployerReachesWorkspace',
  ],
];

describeBadInput('Warehouse bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
});
