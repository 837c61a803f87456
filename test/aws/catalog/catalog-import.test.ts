import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Catalog, CatalogPermissionModel, EncryptionKey, LakeStorage } from '../../../src/aws';
import { ErrorCode } from '../../../src/core';
import { newAwsStack } from '../../helpers/aws-stack';

const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CATALOG_KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/99999999-12ab-34cd-56ef-1234567890ab';

function importedLake(stack = newAwsStack()) {
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    zones: [
      { name: 'raw', bucketName: 'sales-raw-1a2b3c4d' },
      { name: 'curated', bucketName: 'sales-curated-1a2b3c4d' },
    ],
    encryptionKey: EncryptionKey.fromKeyArn(stack, 'SalesKey', KEY_ARN),
  });
  return { stack, lake };
}

describe('Catalog.fromCatalogAttributes', () => {
  test('defaults: the lake key and the Lake Formation model; database names by zone', () => {
    const { stack, lake } = importedLake();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Catalog', {
      lake,
      databaseNames: { curated: 'sales_curated' },
    });
    expect(catalog.encryptionKey).toBe(lake.encryptionKey);
    expect(catalog.permissionModel).toBe(CatalogPermissionModel.LAKE_FORMATION);
    expect(catalog.databaseNameFor('curated')).toBe('sales_curated');
    expect(() => catalog.databaseNameFor('raw')).toThrow(
      expect.objectContaining({ code: ErrorCode.UNKNOWN_ZONE, prop: 'zone' }),
    );
  });

  test('a Lake Formation grant names the imported database and creates no catalog resource', () => {
    const { stack, lake } = importedLake();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Catalog', {
      lake,
      databaseNames: { curated: 'sales_curated' },
      encryptionKey: EncryptionKey.fromKeyArn(stack, 'CatalogKey', CATALOG_KEY_ARN),
    });
    const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    catalog.grantRead(role, 'curated');
    const template = Template.fromStack(stack);
    for (const type of [
      'AWS::Glue::Database',
      'AWS::LakeFormation::Resource',
      'AWS::LakeFormation::DataLakeSettings',
      'AWS::Glue::DataCatalogEncryptionSettings',
    ]) {
      template.resourceCountIs(type, 0);
    }
    template.hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
      Resource: { Database: { Name: 'sales_curated' } },
      Permissions: ['DESCRIBE'],
    });
    const statements = JSON.stringify(
      Object.values(template.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement,
    );
    expect(statements).toContain(':database/sales_curated');
    expect(statements).toContain(':table/sales_curated/*');
    expect(statements).toContain(CATALOG_KEY_ARN);
    // A Lake Formation reader reaches data through vended credentials, not S3 grants.
    expect(statements).not.toContain('sales-curated-1a2b3c4d');
  });

  test('the IAM model grants the zone bucket and lake key too', () => {
    const { stack, lake } = importedLake();
    const catalog = Catalog.fromCatalogAttributes(stack, 'Catalog', {
      lake,
      databaseNames: { raw: 'sales_raw' },
      permissionModel: CatalogPermissionModel.IAM,
    });
    const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    const grant = catalog.grantRead(role, 'raw');
    expect(grant.lakeFormationPermissions).toEqual([]);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::LakeFormation::PrincipalPermissions', 0);
    const statements = JSON.stringify(
      Object.values(template.findResources('AWS::IAM::Policy'))[0].Properties.PolicyDocument.Statement,
    );
    expect(statements).toContain(':s3:::sales-raw-1a2b3c4d/*');
    expect(statements).toContain(KEY_ARN);
  });

  test.each<[string, Record<string, string>, ErrorCode, string]>([
    ['no databases', {}, ErrorCode.NO_ZONES, 'databaseNames'],
    [
      'a zone the lake lacks',
      { serving: 'sales_serving' },
      ErrorCode.UNKNOWN_ZONE,
      'databaseNames["serving"]',
    ],
    ['a malformed database name', { raw: 'Sales-Raw' }, ErrorCode.INVALID_NAME, 'databaseNames["raw"]'],
    [
      'one database for two zones',
      { raw: 'sales', curated: 'sales' },
      ErrorCode.INVALID_NAME,
      'databaseNames["curated"]',
    ],
  ])('%s throws its code with the prop path', (_, databaseNames, code, prop) => {
    const { stack, lake } = importedLake();
    expect(() => Catalog.fromCatalogAttributes(stack, 'Catalog', { lake, databaseNames })).toThrow(
      expect.objectContaining({ code, prop, constructPath: 'Test/Catalog' }),
    );
  });
});
