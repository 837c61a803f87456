import { LakeStorage, type LakeZoneAttributes, Principal } from '../../../src/azure';
import { ErrorCode } from '../../../src/core';
import { Fn, Token } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack, OBJECT_ID } from '../azure-stack';

const GROUP = '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-sales';
const ACCOUNT = `${GROUP}/providers/Microsoft.Storage/storageAccounts/saleslake1a2b3c`;
const ZONES: LakeZoneAttributes[] = [
  { name: 'raw', containerName: 'sales-raw' },
  { name: 'curated', containerName: 'sales-curated' },
];

function importLake(
  zones: readonly LakeZoneAttributes[] = ZONES,
  storageAccountId = ACCOUNT,
  stack = newAzureStack(),
) {
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', { storageAccountId, zones });
  return { stack, lake };
}

describe('LakeStorage.fromLakeStorageAttributes', () => {
  test('exposes the account, its name and each zone container', () => {
    const { lake } = importLake();
    expect(lake.storageAccountName).toBe('saleslake1a2b3c');
    expect(lake.zoneNames).toEqual(['raw', 'curated']);
    expect(lake.containerResourceId('curated')).toBe(
      `${ACCOUNT}/blobServices/default/containers/sales-curated`,
    );
    expect(lake.admitResourceInstance).toBeUndefined();
  });

  test('grants are role assignments on the zone container; nothing is created for the lake', () => {
    const { stack, lake } = importLake();
    lake.grantRead(Principal.group(OBJECT_ID), 'raw');
    const template = TfTemplate.fromStack(stack);
    for (const type of ['azurerm_storage_account', 'azurerm_storage_container', 'azurerm_role_definition']) {
      template.resourceCountIs(type, 0);
    }
    template.hasResourceProperties('azurerm_role_assignment', {
      scope: `${ACCOUNT}/blobServices/default/containers/sales-raw`,
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: OBJECT_ID,
    });
  });

  test("a write grant defines the write-only role once, in the account's resource group", () => {
    const { stack, lake } = importLake();
    lake.grantWrite(Principal.group(OBJECT_ID), 'raw');
    lake.grantWrite(Principal.group(OBJECT_ID), 'curated');
    const template = TfTemplate.fromStack(stack);
    template.resourceCountIs('azurerm_role_definition', 1);
    template.hasResourceProperties('azurerm_role_definition', { scope: GROUP, assignable_scopes: [GROUP] });
    template.allResourcesHave('azurerm_role_assignment', {
      role_definition_id: expect.stringContaining('azurerm_role_definition.'),
    });
  });

  test('a zone it does not have throws DPK_UNKNOWN_ZONE', () => {
    const { lake } = importLake();
    expect(() => lake.grantRead(Principal.group(OBJECT_ID), 'serving')).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_ZONE }),
    );
  });

  test.each<[string, LakeZoneAttributes[], string, ErrorCode, string]>([
    [
      'a malformed account id',
      ZONES,
      `${GROUP}/providers/Microsoft.Storage/accounts/x`,
      ErrorCode.INVALID_NAME,
      'storageAccountId',
    ],
    ['no zones', [], ACCOUNT, ErrorCode.NO_ZONES, 'zones'],
    [
      'a malformed zone name',
      [{ name: 'Raw', containerName: 'raw' }],
      ACCOUNT,
      ErrorCode.INVALID_ZONE,
      'zones[0].name',
    ],
    [
      'a zone twice',
      [
        { name: 'raw', containerName: 'raw' },
        { name: 'raw', containerName: 'raw-2' },
      ],
      ACCOUNT,
      ErrorCode.DUPLICATE_ZONE,
      'zones[1].name',
    ],
    [
      'a malformed container name',
      [{ name: 'raw', containerName: 'Raw--Data' }],
      ACCOUNT,
      ErrorCode.INVALID_NAME,
      'zones[0].containerName',
    ],
    [
      'two zones in one container',
      [
        { name: 'raw', containerName: 'shared' },
        { name: 'curated', containerName: 'shared' },
      ],
      ACCOUNT,
      ErrorCode.INVALID_NAME,
      'zones[1].containerName',
    ],
  ])('%s throws its code with the prop path', (_, zones, accountId, code, prop) => {
    expect(() => importLake(zones, accountId)).toThrow(
      expect.objectContaining({ code, prop, constructPath: 'Test/SalesLake' }),
    );
  });

  test('a token account id passes; the name and group are read from it at plan time', () => {
    const stack = newAzureStack();
    const id = Token.asString(Fn.lower(ACCOUNT));
    const { lake } = importLake(ZONES, id, stack);
    lake.grantWrite(Principal.group(OBJECT_ID), 'raw');
    expect(Token.isUnresolved(lake.storageAccountName)).toBe(true);
    const definition = TfTemplate.fromStack(stack).resources('azurerm_role_definition')[0].config;
    expect(definition.scope).toContain('slice(split("/", lower(');
  });
});
