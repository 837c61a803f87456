import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AccountDataSettings, Catalog, EncryptionKey, LakeStorage } from '../../../src/aws';
import { ErrorCode, ValidationError } from '../../../src/core/internal';
import { newAwsStack } from '../../helpers/aws-stack';

const SETTINGS = 'AWS::LakeFormation::DataLakeSettings';
const ENCRYPTION = 'AWS::Glue::DataCatalogEncryptionSettings';

function expectCode(fn: () => unknown, code: ErrorCode, prop: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe(code);
    expect((e as Error).message).toContain(prop);
    return;
  }
  throw new Error('expected a ValidationError');
}

describe('AccountDataSettings', () => {
  test('one owner per account and region: every catalog references it, none redeclares', () => {
    // GIVEN
    const stack = newAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const settings = new AccountDataSettings(stack, 'AccountSettings', { encryptionKey: lake.encryptionKey });
    // WHEN two catalogs use it
    const a = new Catalog(stack, 'A', { platformName: 'sales', lake, accountSettings: settings });
    new Catalog(stack, 'B', {
      platformName: 'sales',
      lake,
      accountSettings: settings,
      databaseNames: { raw: 'b_raw', curated: 'b_curated', serving: 'b_serving' },
    });
    // THEN the singletons exist once, and the databases are created after them
    const t = Template.fromStack(stack);
    t.resourceCountIs(SETTINGS, 1);
    t.resourceCountIs(ENCRYPTION, 1);
    const db = t.toJSON().Resources[stack.getLogicalId(a.databases.raw)];
    expect(db.DependsOn).toEqual(
      expect.arrayContaining([
        stack.getLogicalId(settings.dataLakeSettings!),
        stack.getLogicalId(settings.encryptionSettings),
      ]),
    );
  });

  test('a second owner in the same app for the same account and region is DPK_CONFLICTING_PROPS', () => {
    const app = new App();
    const env = { account: '111122223333', region: 'eu-west-1' };
    const one = new Stack(app, 'One', { env });
    const two = new Stack(app, 'Two', { env });
    new AccountDataSettings(one, 'Settings', { encryptionKey: new EncryptionKey(one, 'Key') });
    expectCode(
      () => new AccountDataSettings(two, 'Settings', { encryptionKey: new EncryptionKey(two, 'Key') }),
      ErrorCode.CONFLICTING_PROPS,
      'AccountDataSettings',
    );
  });

  test('two env-agnostic stacks clash; another literal region does not', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    new AccountDataSettings(a, 'Settings', { encryptionKey: new EncryptionKey(a, 'Key') });
    expectCode(
      () => new AccountDataSettings(b, 'Settings', { encryptionKey: new EncryptionKey(b, 'Key') }),
      ErrorCode.CONFLICTING_PROPS,
      'AccountDataSettings',
    );
    const app2 = new App();
    const eu = new Stack(app2, 'Eu', { env: { account: '111122223333', region: 'eu-west-1' } });
    const us = new Stack(app2, 'Us', { env: { account: '111122223333', region: 'us-east-1' } });
    new AccountDataSettings(eu, 'Settings', { encryptionKey: new EncryptionKey(eu, 'Key') });
    expect(
      () => new AccountDataSettings(us, 'Settings', { encryptionKey: new EncryptionKey(us, 'Key') }),
    ).not.toThrow();
  });

  test('existing admins are written back with the deployment role and added admins (kept on every deploy)', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Key');
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    const settings = new AccountDataSettings(stack, 'Settings', {
      encryptionKey: key,
      existingAdminArns: ['arn:aws:iam::111122223333:role/BreakGlass'],
    });
    expect(settings.addAdmin(admin)).toBe(true);
    expect(settings.addAdmin(admin)).toBe(true);
    const admins = Template.fromStack(stack).findResources(SETTINGS);
    const list = (Object.values(admins)[0] as any).Properties.Admins;
    expect(list).toHaveLength(3);
    expect(list[0]).toEqual({ DataLakePrincipalIdentifier: 'arn:aws:iam::111122223333:role/BreakGlass' });
    expect(JSON.stringify(list)).toContain('cfn-exec-role');
    expect(JSON.stringify(list)).toContain(stack.getLogicalId(admin.node.defaultChild as any));
  });

  test('fromOwnedElsewhere declares nothing; a catalog with it has no account-wide resource', () => {
    const stack = newAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const elsewhere = AccountDataSettings.fromOwnedElsewhere(stack, 'Settings');
    new Catalog(stack, 'Catalog', { platformName: 'sales', lake, accountSettings: elsewhere });
    const t = Template.fromStack(stack);
    t.resourceCountIs(SETTINGS, 0);
    t.resourceCountIs(ENCRYPTION, 0);
    expect(elsewhere.addAdmin(new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() }))).toBe(
      false,
    );
  });

  test('accountSettings with admins, deploymentRole or manageAccountSettings is DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const settings = AccountDataSettings.fromOwnedElsewhere(stack, 'Settings');
    expectCode(
      () =>
        new Catalog(stack, 'C1', {
          platformName: 'sales',
          lake,
          accountSettings: settings,
          manageAccountSettings: true,
        }),
      ErrorCode.CONFLICTING_PROPS,
      'manageAccountSettings',
    );
  });

  test('lakeFormation false with admins is DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    expectCode(
      () =>
        new AccountDataSettings(stack, 'Settings', {
          encryptionKey: new EncryptionKey(stack, 'Key'),
          lakeFormation: false,
          existingAdminArns: ['arn:aws:iam::111122223333:role/X'],
        }),
      ErrorCode.CONFLICTING_PROPS,
      'existingAdminArns',
    );
  });

  test('DEFAULT_LAKE_FORMATION: the data-lake settings are owned by default', () => {
    const stack = newAwsStack();
    new AccountDataSettings(stack, 'Settings', { encryptionKey: new EncryptionKey(stack, 'Key') });
    expect(AccountDataSettings.DEFAULT_LAKE_FORMATION).toBe(true);
    Template.fromStack(stack).resourceCountIs(SETTINGS, 1);
  });

  test('crossAccountVersion is written as the CROSS_ACCOUNT_VERSION parameter; unset writes none', () => {
    // GIVEN / WHEN
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Key');
    new AccountDataSettings(stack, 'Settings', { encryptionKey: key, crossAccountVersion: 4 });
    const other = newAwsStack();
    new AccountDataSettings(other, 'Settings', { encryptionKey: new EncryptionKey(other, 'Key') });
    // THEN
    Template.fromStack(stack).hasResourceProperties(SETTINGS, { Parameters: { CROSS_ACCOUNT_VERSION: '4' } });
    expect(
      Object.values(Template.fromStack(other).findResources(SETTINGS))[0].Properties.Parameters,
    ).toBeUndefined();
  });

  test('crossAccountVersion outside CROSS_ACCOUNT_VERSION_RANGE is DPK_OUT_OF_RANGE; without Lake Formation DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'Key');
    const { max } = AccountDataSettings.CROSS_ACCOUNT_VERSION_RANGE;
    expectCode(
      () => new AccountDataSettings(stack, 'A', { encryptionKey: key, crossAccountVersion: max + 1 }),
      ErrorCode.OUT_OF_RANGE,
      'crossAccountVersion',
    );
    expectCode(
      () =>
        new AccountDataSettings(newAwsStack(), 'B', {
          encryptionKey: key,
          lakeFormation: false,
          crossAccountVersion: 4,
        }),
      ErrorCode.CONFLICTING_PROPS,
      'crossAccountVersion',
    );
  });
});
