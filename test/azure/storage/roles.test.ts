import { BLOB_WRITER_DATA_ACTIONS, ZONE_ROLES } from '../../../src/azure/storage/roles';
import { ZoneAccess } from '../../../src/core/blocks';

describe('ZONE_ROLES', () => {
  test('every zone access has exactly one role', () => {
    // GIVEN the table / WHEN its keys are listed / THEN they are the ZoneAccess values
    expect(Object.keys(ZONE_ROLES).sort()).toEqual(Object.values(ZoneAccess).sort());
  });

  test('READ and READ_WRITE map to the built-in blob data roles', () => {
    // GIVEN / WHEN / THEN least-privilege built-ins, never Owner or Contributor
    expect(ZONE_ROLES[ZoneAccess.READ]).toEqual({ kind: 'builtIn', roleName: 'Storage Blob Data Reader' });
    expect(ZONE_ROLES[ZoneAccess.READ_WRITE]).toEqual({
      kind: 'builtIn',
      roleName: 'Storage Blob Data Contributor',
    });
  });

  test('WRITE is a custom role with only blob write and add data actions', () => {
    // GIVEN / WHEN / THEN no read, list, delete or control-plane action
    expect(ZONE_ROLES[ZoneAccess.WRITE]).toEqual({ kind: 'custom', dataActions: BLOB_WRITER_DATA_ACTIONS });
    expect(BLOB_WRITER_DATA_ACTIONS).toEqual([
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
    ]);
    expect(BLOB_WRITER_DATA_ACTIONS.some((a) => /read|delete|\*/.test(a))).toBe(false);
  });
});
