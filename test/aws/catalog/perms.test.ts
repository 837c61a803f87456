import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Catalog, CATALOG_PERMISSIONS, CatalogPermissionModel, LakeStorage } from '../../../src/aws';
import { ZoneAccess } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';

const ACCESSES = Object.values(ZoneAccess);

describe('CATALOG_PERMISSIONS', () => {
  test('READ describes the database and selects from its tables, reads Glue metadata and decrypts it', () => {
    expect(CATALOG_PERMISSIONS[ZoneAccess.READ]).toMatchObject({
      databasePermissions: ['DESCRIBE'],
      tablePermissions: ['SELECT', 'DESCRIBE'],
      writesData: false,
      catalogKeyActions: ['kms:Decrypt'],
    });
    expect(
      CATALOG_PERMISSIONS[ZoneAccess.READ].glueActions.every((a) => /^glue:(Get|BatchGet)/.test(a)),
    ).toBe(true);
  });

  test('WRITE creates and alters tables and inserts, without SELECT; it writes data', () => {
    const write = CATALOG_PERMISSIONS[ZoneAccess.WRITE];
    expect(write.databasePermissions).toEqual(['DESCRIBE', 'CREATE_TABLE']);
    expect(write.tablePermissions).toEqual(['INSERT', 'ALTER', 'DESCRIBE']);
    expect(write.writesData).toBe(true);
    expect(write.catalogKeyActions).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Encrypt']));
  });

  test('READ_WRITE is the union plus deletes (DELETE, DROP, glue:Delete*)', () => {
    const rw = CATALOG_PERMISSIONS[ZoneAccess.READ_WRITE];
    expect(rw.tablePermissions).toEqual(['SELECT', 'DESCRIBE', 'INSERT', 'ALTER', 'DELETE', 'DROP']);
    expect(rw.glueActions).toEqual(
      expect.arrayContaining([...CATALOG_PERMISSIONS[ZoneAccess.READ].glueActions, 'glue:DeleteTable']),
    );
  });

  test.each(ACCESSES)('%s: no wildcard action, no ALL, no grant option, no database drop', (access) => {
    const perms = CATALOG_PERMISSIONS[access];
    expect(perms.glueActions.filter((a) => a.includes('*'))).toEqual([]);
    expect([...perms.databasePermissions, ...perms.tablePermissions]).not.toContain('ALL');
    expect(perms.databasePermissions).not.toContain('DROP');
    expect(perms.glueActions).not.toContain('glue:DeleteDatabase');
  });
});

describe.each([CatalogPermissionModel.LAKE_FORMATION, CatalogPermissionModel.IAM])(
  'grants under the %s model emit exactly the table',
  (model) => {
    test.each(ACCESSES)('%s', (access) => {
      // GIVEN
      const stack: Stack = newAwsStack();
      const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
      const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', lake, permissionModel: model });
      const role = new iam.Role(stack, 'Grantee', { assumedBy: new iam.AccountRootPrincipal() });
      // WHEN
      catalog.grant(role, 'curated', access);
      // THEN the Glue statement names exactly the table's actions on catalog, database and tables
      const template = Template.fromStack(stack);
      const statements = Object.values(template.findResources('AWS::IAM::Policy'))
        .filter((p: any) => JSON.stringify(p.Properties.Roles).includes('Grantee'))
        .flatMap((p: any) => p.Properties.PolicyDocument.Statement);
      const glue = statements.filter((s: any) =>
        [s.Action].flat().some((a: string) => a.startsWith('glue:')),
      );
      expect(glue).toHaveLength(1);
      expect([glue[0].Action].flat()).toEqual([...CATALOG_PERMISSIONS[access].glueActions]);
      expect(glue[0].Resource).toHaveLength(3);
      // AND Lake Formation permissions exist only in the Lake Formation model
      const lf = Object.values(template.findResources('AWS::LakeFormation::PrincipalPermissions')).filter(
        (p: any) => JSON.stringify(p.Properties.Principal).includes('Grantee'),
      );
      // one resource per permission (database, every table, and the data location for writers)
      const perms = CATALOG_PERMISSIONS[access];
      const expected =
        model === CatalogPermissionModel.IAM
          ? 0
          : perms.databasePermissions.length + perms.tablePermissions.length + (perms.writesData ? 1 : 0);
      expect(lf).toHaveLength(expected);
      for (const p of lf as any[]) expect(p.Properties.Permissions).toHaveLength(1);
    });
  },
);
