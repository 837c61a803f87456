import * as kms from 'aws-cdk-lib/aws-kms';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import { NagRuleCompliance } from 'cdk-nag';
import { RedshiftServerlessNamespaceKMS } from '../../../../../src/aws/compliance';
import { fixtureStack, reported, verdict } from '../../support';

describe('DPK-AWS-RedshiftServerlessNamespaceKMS', () => {
  test('compliant: KmsKeyId names a customer-managed key', () => {
    const stack = fixtureStack();
    const key = new kms.Key(stack, 'Key');
    const node = new redshift.CfnNamespace(stack, 'Ns', { namespaceName: 'sales', kmsKeyId: key.keyId });
    expect(verdict(RedshiftServerlessNamespaceKMS, node)).toBe(NagRuleCompliance.COMPLIANT);
    expect(reported(RedshiftServerlessNamespaceKMS, stack)).toEqual([]);
  });

  test('non-compliant: no KmsKeyId (an AWS-owned key)', () => {
    const stack = fixtureStack();
    const node = new redshift.CfnNamespace(stack, 'Ns', { namespaceName: 'sales' });
    expect(verdict(RedshiftServerlessNamespaceKMS, node)).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(reported(RedshiftServerlessNamespaceKMS, stack)).toEqual(['Test/Ns']);
  });

  test('an override that removes the key is reported', () => {
    const stack = fixtureStack();
    const node = new redshift.CfnNamespace(stack, 'Ns', { namespaceName: 'sales', kmsKeyId: 'k' });
    node.addPropertyDeletionOverride('KmsKeyId');
    expect(reported(RedshiftServerlessNamespaceKMS, stack)).toEqual(['Test/Ns']);
  });

  test('not applicable to a workgroup', () => {
    const stack = fixtureStack();
    const wg = new redshift.CfnWorkgroup(stack, 'Wg', { workgroupName: 'sales' });
    expect(verdict(RedshiftServerlessNamespaceKMS, wg)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
