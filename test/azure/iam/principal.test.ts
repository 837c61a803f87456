import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import {
  Principal,
  PrincipalType,
  validatePrincipal,
  type IPrincipal,
} from '../../../src/azure/iam/principal';
import { ErrorCode } from '../../../src/core/errors';
import { isUnresolved } from '../../../src/core/tokens';
import { newAzureStack, OBJECT_ID, RG, tokens } from '../azure-stack';

const invalid = expect.objectContaining({ code: ErrorCode.INVALID_PRINCIPAL });

describe('Principal', () => {
  test.each([
    ['servicePrincipal', Principal.servicePrincipal, PrincipalType.SERVICE_PRINCIPAL],
    ['group', Principal.group, PrincipalType.GROUP],
    ['user', Principal.user, PrincipalType.USER],
  ])('%s carries the object id and its principal type', (_name, factory, type) => {
    // GIVEN a valid object id
    // WHEN a principal is made from it
    const principal = factory(OBJECT_ID);
    // THEN it carries the id and the type role assignments will set
    expect(principal).toEqual({ principalId: OBJECT_ID, principalType: type });
  });

  test.each([
    ['servicePrincipal', Principal.servicePrincipal],
    ['group', Principal.group],
    ['user', Principal.user],
  ])('%s rejects an object id that is not a GUID', (_name, factory) => {
    // GIVEN a malformed id / WHEN a principal is made / THEN DPK_INVALID_PRINCIPAL names the prop
    expect(() => factory('alice@example.com')).toThrow(invalid);
    expect(() => factory('alice@example.com')).toThrow(/'objectId' must be a Microsoft Entra object id/);
  });

  test('the error path names the factory method', () => {
    // GIVEN / WHEN a bad group id / THEN the message says where it came from
    expect(() => Principal.group('nope')).toThrow(/Principal\.group/);
  });

  test('an unresolved object id is accepted', () => {
    // GIVEN a token / WHEN a principal is made / THEN validation skips it
    const id = tokens.string();
    expect(Principal.servicePrincipal(id).principalId).toBe(id);
  });

  test('fromUserAssignedIdentity is a service principal keyed by the identity path', () => {
    // GIVEN a user-assigned identity
    const stack = newAzureStack();
    const identity = new UserAssignedIdentity(stack, 'Reader', {
      name: 'id-reader',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    // WHEN it becomes a principal
    const principal = Principal.fromUserAssignedIdentity(identity);
    // THEN its id is the identity's principal id and grants are named by its construct path
    expect(principal.principalType).toBe(PrincipalType.SERVICE_PRINCIPAL);
    expect(isUnresolved(principal.principalId)).toBe(true);
    expect(principal.grantKey).toBe(identity.node.path);
  });

  test('a hand-built principal with an unknown type is rejected where it is used', () => {
    // GIVEN a principal that bypassed the factory
    const stack = newAzureStack();
    const principal = { principalId: OBJECT_ID, principalType: 'Everyone' } as unknown as IPrincipal;
    // WHEN it is validated / THEN the type is the violated prop
    expect(() => validatePrincipal(stack, principal)).toThrow(invalid);
    expect(() => validatePrincipal(stack, principal)).toThrow(
      /'principal\.principalType' must be one of User, Group/,
    );
  });
});
