import { Catalog, LakeStorage } from '../../../src/azure';
import { ErrorCode } from '../../../src/core';
import { TfTemplate } from '../../helpers/tf-template';
import { newAzureStack } from '../azure-stack';

const ACCOUNT =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-sales/providers/Microsoft.Storage/storageAccounts/saleslake1a2b3c';
const PURVIEW =
  '/subscriptions/22222222-3333-4444-8555-666666666666/resourceGroups/rg-gov/providers/Microsoft.Purview/accounts/acme';

function importedLake(stack = newAzureStack()) {
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    storageAccountId: ACCOUNT,
    zones: [
      { name: 'raw', containerName: 'sales-raw' },
      { name: 'curated', containerName: 'sales-curated' },
    ],
  });
  return { stack, lake };
}

describe('Catalog.fromCatalogAttributes', () => {
  test("every zone of the lake by default, with the lake's abfss locations; nothing is created", () => {
    const { stack, lake } = importedLake();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Catalog', { lake, purviewAccountId: PURVIEW });
    expect(catalog.zoneNames).toEqual(['raw', 'curated']);
    expect(catalog.purviewAccountId).toBe(PURVIEW);
    expect(catalog.databaseLocation('raw')).toBe('abfss://sales-raw@saleslake1a2b3c.dfs.core.windows.net/');
    expect(TfTemplate.fromStack(stack).resourceCount()).toBe(0);
  });

  test('a subset of zones; a zone outside it throws DPK_UNKNOWN_ZONE', () => {
    const { stack, lake } = importedLake();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Catalog', { lake, zones: ['curated'] });
    expect(() => catalog.databaseLocation('raw')).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_ZONE }),
    );
  });

  test.each<[string, { zones?: string[]; purviewAccountId?: string }, ErrorCode, string]>([
    ['no zones', { zones: [] }, ErrorCode.NO_ZONES, 'zones'],
    ['a zone the lake lacks', { zones: ['serving'] }, ErrorCode.UNKNOWN_ZONE, 'zones[0]'],
    ['a zone twice', { zones: ['raw', 'raw'] }, ErrorCode.DUPLICATE_ZONE, 'zones[1]'],
    ['a malformed Purview id', { purviewAccountId: 'acme' }, ErrorCode.INVALID_NAME, 'purviewAccountId'],
  ])('%s throws its code with the prop path', (_, attrs, code, prop) => {
    const { stack, lake } = importedLake();
    expect(() => Catalog.fromCatalogAttributes(stack, 'Catalog', { lake, ...attrs })).toThrow(
      expect.objectContaining({ code, prop, constructPath: 'Test/Catalog' }),
    );
  });
});
