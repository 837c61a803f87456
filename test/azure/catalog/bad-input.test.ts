import { Catalog, type CatalogProps } from '../../../src/azure/catalog/catalog';
import { LakeStorage } from '../../../src/azure/storage/lake-storage';
import { ErrorCode, ValidationError } from '../../../src/core/errors';
import { describeBadInput, expectThrownInstance, tupleRows } from '../../helpers/bad-input';
import { newAzureStack, RG } from '../azure-stack';

/**
 * Bad input to `Catalog`, table-driven: each row builds one catalog with one bad prop and names
 * the code and the prop the ValidationError must carry.
 */
const PURVIEW_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Purview/accounts/contoso';

function catalog(props: Partial<CatalogProps> = {}): Catalog {
  const stack = newAzureStack();
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  return new Catalog(stack, 'Catalog', { platformName: 'sales', resourceGroup: RG, lake, ...props });
}

/** [what, build, code, prop]. */
type Row = [string, () => unknown, ErrorCode, string];

const ROWS: Row[] = [
  [
    'a platform name too long',
    () => catalog({ platformName: 's'.repeat(21) }),
    ErrorCode.INVALID_NAME,
    'platformName',
  ],
  [
    'a Purview name too short',
    () => catalog({ purview: true, purviewAccountName: 'ab' }),
    ErrorCode.INVALID_NAME,
    'purviewAccountName',
  ],
  [
    'a Purview name ending with a hyphen',
    () => catalog({ purview: true, purviewAccountName: 'contoso-' }),
    ErrorCode.INVALID_NAME,
    'purviewAccountName',
  ],
  [
    'a Purview name with an underscore',
    () => catalog({ purview: true, purviewAccountName: 'contoso_catalog' }),
    ErrorCode.INVALID_NAME,
    'purviewAccountName',
  ],
  [
    'a Purview name without a Purview account',
    () => catalog({ purviewAccountName: 'contoso-catalog' }),
    ErrorCode.CONFLICTING_PROPS,
    'purviewAccountName',
  ],
  [
    'a new and an existing Purview account',
    () => catalog({ purview: true, existingPurviewAccountId: PURVIEW_ID }),
    ErrorCode.CONFLICTING_PROPS,
    'existingPurviewAccountId',
  ],
  [
    'an existing Purview account given by name',
    () => catalog({ existingPurviewAccountId: 'contoso' }),
    ErrorCode.INVALID_NAME,
    'existingPurviewAccountId',
  ],
  [
    'a tag value of 257 characters',
    () => catalog({ tags: { owner: 'v'.repeat(257) } }),
    ErrorCode.INVALID_TAGS,
    'tags["owner"]',
  ],
  [
    'a database location for an undeclared zone',
    () => catalog().databaseLocation('gold'),
    ErrorCode.UNKNOWN_ZONE,
    'zone',
  ],
];

describeBadInput('Catalog bad input', tupleRows(ROWS), {
  newStack: () => undefined,
  expectError: expectThrownInstance(ValidationError),
});
