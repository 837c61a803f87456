import type { Stack } from 'aws-cdk-lib';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import { NagRuleCompliance } from 'cdk-nag';
import { RedshiftServerlessWorkgroupNotPublic } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const workgroup = (stack: Stack, props: Partial<redshift.CfnWorkgroupProps> = {}) =>
  new redshift.CfnWorkgroup(stack, 'Workgroup', { workgroupName: 'sales', namespaceName: 'sales', ...props });

describe('DPK-AWS-RedshiftServerlessWorkgroupNotPublic', () => {
  test.each([
    ['PubliclyAccessible false', { publiclyAccessible: false }],
    ['PubliclyAccessible unset (the service default is private)', {}],
  ])('compliant: %s', (_, props) => {
    const stack = fixtureStack();
    const node = workgroup(stack, props);
    expect(verdict(RedshiftServerlessWorkgroupNotPublic, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(RedshiftServerlessWorkgroupNotPublic, stack)).toEqual([]);
  });

  test('non-compliant: PubliclyAccessible true', () => {
    const stack = fixtureStack();
    const node = workgroup(stack, { publiclyAccessible: true });
    expect(verdict(RedshiftServerlessWorkgroupNotPublic, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(RedshiftServerlessWorkgroupNotPublic, stack)).toEqual(['Test/Workgroup']);
  });

  test('an override that makes it public is reported', () => {
    const stack = fixtureStack();
    workgroup(stack).addPropertyOverride('PubliclyAccessible', 'true');
    expect(reported(RedshiftServerlessWorkgroupNotPublic, stack)).toEqual(['Test/Workgroup']);
  });

  test('not applicable to a namespace', () => {
    const stack = fixtureStack();
    const ns = new redshift.CfnNamespace(stack, 'Ns', { namespaceName: 'sales' });
    expect(verdict(RedshiftServerlessWorkgroupNotPublic, ns)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
