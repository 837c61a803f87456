import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { ErrorCode } from '../../../src/core/errors';
import { Principal } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

describe('Principal', () => {
  test('serviceAccount renders serviceAccount:<email>', () => {
    // GIVEN / WHEN
    const p = Principal.serviceAccount('etl@acme-data.iam.gserviceaccount.com');
    // THEN
    expect(p.iamMember).toBe('serviceAccount:etl@acme-data.iam.gserviceaccount.com');
  });

  test('group renders group:<email>', () => {
    expect(Principal.group('analysts@acme.com').iamMember).toBe('group:analysts@acme.com');
  });

  test('user renders user:<email>', () => {
    expect(Principal.user('ana@acme.com').iamMember).toBe('user:ana@acme.com');
  });

  test('fromMember keeps the member and the optional grant key', () => {
    // GIVEN / WHEN
    const p = Principal.fromMember('group:data@acme.com', 'data-team');
    // THEN
    expect(p).toEqual(expect.objectContaining({ iamMember: 'group:data@acme.com', grantKey: 'data-team' }));
  });

  test('fromServiceAccount uses the account member and keys grants by its construct path', () => {
    // GIVEN
    const stack = newGcpStack();
    const sa = new ServiceAccount(stack, 'Analyst', { accountId: 'analyst' });
    // WHEN
    const p = Principal.fromServiceAccount(sa);
    new TerraformOutput(stack, 'Member', { value: p.iamMember });
    // THEN
    expect(TfTemplate.fromStack(stack).doc.output).toEqual({
      Member: { value: '${google_service_account.Analyst.member}' },
    });
    expect(p.grantKey).toBe('serviceAccount:Test/Analyst');
  });

  test.each(['allUsers', 'allAuthenticatedUsers'])('rejects the public member %s', (member) => {
    expectValidationError(() => Principal.fromMember(member), ErrorCode.INVALID_PRINCIPAL, 'member');
  });

  test.each([
    ['a user without an email', () => Principal.user('ana')],
    ['a group with spaces', () => Principal.group('data team@acme.com')],
    ['a service account outside gserviceaccount.com', () => Principal.serviceAccount('bob@gmail.com')],
    ['an unsupported member type', () => Principal.fromMember('domain:acme.com')],
    ['a member without a type', () => Principal.fromMember('ana@acme.com')],
  ])('rejects %s', (_name, make) => {
    expectValidationError(make, ErrorCode.INVALID_PRINCIPAL);
  });

  test('the error names the received member and what is allowed', () => {
    expect(() => Principal.user('ana')).toThrow(
      /Principal: 'email' must be an IAM member .*Received: "user:ana"/,
    );
  });

  test('skips validation of deploy-time tokens', () => {
    // GIVEN
    const stack = newGcpStack();
    const email = new TerraformVariable(stack, 'Email', { type: 'string' }).stringValue;
    // WHEN
    const p = Principal.serviceAccount(email);
    // THEN
    expect(p.iamMember).toBe(`serviceAccount:${email}`);
  });
});
