import type { Stack } from 'aws-cdk-lib';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import { NagRuleCompliance } from 'cdk-nag';
import { RedshiftServerlessEnhancedVpcRouting } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

const workgroup = (stack: Stack, props: Partial<redshift.CfnWorkgroupProps> = {}) =>
  new redshift.CfnWorkgroup(stack, 'Workgroup', { workgroupName: 'sales', namespaceName: 'sales', ...props });

describe('DPK-AWS-RedshiftServerlessEnhancedVpcRouting', () => {
  test('compliant: EnhancedVpcRouting true', () => {
    const stack = fixtureStack();
    const node = workgroup(stack, { enhancedVpcRouting: true });
    expect(verdict(RedshiftServerlessEnhancedVpcRouting, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(RedshiftServerlessEnhancedVpcRouting, stack)).toEqual([]);
  });

  test.each([
    ['false', { enhancedVpcRouting: false }],
    ['unset (the service default is off)', {}],
  ])('non-compliant: %s', (_, props) => {
    const stack = fixtureStack();
    const node = workgroup(stack, props);
    expect(verdict(RedshiftServerlessEnhancedVpcRouting, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(RedshiftServerlessEnhancedVpcRouting, stack)).toEqual(['Test/Workgroup']);
  });

  test('not applicable to a namespace', () => {
    const stack = fixtureStack();
    const ns = new redshift.CfnNamespace(stack, 'Ns', { namespaceName: 'sales' });
    expect(verdict(RedshiftServerlessEnhancedVpcRouting, ns)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
