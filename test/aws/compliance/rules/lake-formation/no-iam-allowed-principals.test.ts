import type { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { NagRuleCompliance } from 'cdk-nag';
import { LakeFormationNoIAMAllowedPrincipals } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const IAM_ALLOWED = [
  { principal: { dataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, permissions: ['ALL'] },
];

const settings = (stack: Stack, props: Partial<lf.CfnDataLakeSettingsProps>) =>
  new lf.CfnDataLakeSettings(stack, 'Settings', {
    admins: [{ dataLakePrincipalIdentifier: 'arn:aws:iam::111122223333:role/cfn-exec' }],
    ...props,
  });

describe('DPK-AWS-LakeFormationNoIAMAllowedPrincipals', () => {
  test('compliant: both default-permission lists set and empty', () => {
    const stack = fixtureStack();
    const node = settings(stack, { createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [] });
    expect(verdict(LakeFormationNoIAMAllowedPrincipals, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(LakeFormationNoIAMAllowedPrincipals, stack)).toEqual([]);
  });

  test.each([
    [
      'IAMAllowedPrincipals for new databases',
      { createDatabaseDefaultPermissions: IAM_ALLOWED, createTableDefaultPermissions: [] },
    ],
    [
      'IAMAllowedPrincipals for new tables',
      { createDatabaseDefaultPermissions: [], createTableDefaultPermissions: IAM_ALLOWED },
    ],
    ['table defaults unset (the account default stays)', { createDatabaseDefaultPermissions: [] }],
    ['both unset', {}],
  ])('non-compliant: %s', (_, props) => {
    const stack = fixtureStack();
    const node = settings(stack, props);
    expect(verdict(LakeFormationNoIAMAllowedPrincipals, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(LakeFormationNoIAMAllowedPrincipals, stack)).toEqual(['Test/Settings']);
  });

  test('an override that restores IAMAllowedPrincipals is reported', () => {
    const stack = fixtureStack();
    const node = settings(stack, { createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [] });
    node.addPropertyOverride('CreateTableDefaultPermissions', [
      { Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] },
    ]);
    expect(reported(LakeFormationNoIAMAllowedPrincipals, stack)).toEqual(['Test/Settings']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    expect(verdict(LakeFormationNoIAMAllowedPrincipals, new kms.CfnKey(stack, 'Key', {}))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
