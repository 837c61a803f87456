import type { Stack } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import { NagRuleCompliance } from 'cdk-nag';
import { AthenaWorkGroupEnforced } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const workGroup = (stack: Stack, config?: athena.CfnWorkGroup.WorkGroupConfigurationProperty) =>
  new athena.CfnWorkGroup(stack, 'WorkGroup', { name: 'analysts', workGroupConfiguration: config });

describe('DPK-AWS-AthenaWorkGroupEnforced', () => {
  test('compliant: EnforceWorkGroupConfiguration true', () => {
    const stack = fixtureStack();
    const node = workGroup(stack, { enforceWorkGroupConfiguration: true });
    expect(verdict(AthenaWorkGroupEnforced, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(AthenaWorkGroupEnforced, stack)).toEqual([]);
  });

  test.each([
    ['false', { enforceWorkGroupConfiguration: false }],
    ['unset', {}],
    ['no configuration', undefined],
  ])('non-compliant: %s', (_, config) => {
    const stack = fixtureStack();
    const node = workGroup(stack, config);
    expect(verdict(AthenaWorkGroupEnforced, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(AthenaWorkGroupEnforced, stack)).toEqual(['Test/WorkGroup']);
  });

  test('an override that turns enforcement off is reported', () => {
    const stack = fixtureStack();
    const node = workGroup(stack, { enforceWorkGroupConfiguration: true });
    node.addOverride('Properties.WorkGroupConfiguration.EnforceWorkGroupConfiguration', false);
    expect(reported(AthenaWorkGroupEnforced, stack)).toEqual(['Test/WorkGroup']);
  });

  test('not applicable to other resources', () => {
    const stack = fixtureStack();
    const db = new glue.CfnDatabase(stack, 'Db', { catalogId: stack.account, databaseInput: {} });
    expect(verdict(AthenaWorkGroupEnforced, db)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
