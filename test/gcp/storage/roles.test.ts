import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { TerraformVariable } from 'cdktf';
import { ZoneAccess } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import { LakeStorage, Principal, ZONE_ROLES } from '../../../src/gcp';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

const BUCKET_IAM = 'google_storage_bucket_iam_member';
const ANALYSTS = Principal.group('analysts@acme.com');

function newLake() {
  const stack = newGcpStack();
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
  return { stack, lake };
}

/** Grants other than the kit's own log-writer grant. */
function userGrants(template: TfTemplate) {
  return template
    .resources(BUCKET_IAM)
    .filter((b) => b.config.member !== 'group:cloud-storage-analytics@google.com');
}

describe('ZONE_ROLES', () => {
  test('maps each intent to a predefined Cloud Storage object role', () => {
    expect(ZONE_ROLES).toEqual({
      [ZoneAccess.READ]: 'roles/storage.objectViewer',
      [ZoneAccess.WRITE]: 'roles/storage.objectCreator',
      [ZoneAccess.READ_WRITE]: 'roles/storage.objectUser',
    });
  });
});

describe('LakeStorage grants', () => {
  test.each([
    ['grantRead', ZoneAccess.READ],
    ['grantWrite', ZoneAccess.WRITE],
    ['grantReadWrite', ZoneAccess.READ_WRITE],
  ] as const)('%s grants the role on that zone bucket only', (method, access) => {
    // GIVEN
    const { stack, lake } = newLake();
    // WHEN
    const grant = lake[method](ANALYSTS, 'curated');
    // THEN
    const template = TfTemplate.fromStack(stack);
    const curated = template
      .resources('google_storage_bucket')
      .find((b) => b.name === lake.buckets.curated.friendlyUniqueId);
    expect(userGrants(template).map((b) => ({ name: b.name, config: b.config }))).toEqual([
      {
        name: grant.friendlyUniqueId,
        config: {
          bucket: `\${${curated?.address}.name}`,
          role: ZONE_ROLES[access],
          member: 'group:analysts@acme.com',
        },
      },
    ]);
  });

  test('grant(principal, zone, access) is what the named grants use', () => {
    // GIVEN
    const { lake } = newLake();
    // WHEN
    const viaGrant = lake.grant(ANALYSTS, 'raw', ZoneAccess.READ);
    // THEN
    expect(lake.grantRead(ANALYSTS, 'raw')).toBe(viaGrant);
  });

  test('granting the same access twice returns the first grant; other access adds a grant', () => {
    // GIVEN
    const { stack, lake } = newLake();
    // WHEN
    const first = lake.grantRead(ANALYSTS, 'raw');
    const again = lake.grantRead(Principal.group('analysts@acme.com'), 'raw');
    lake.grantReadWrite(ANALYSTS, 'raw');
    // THEN
    expect(again).toBe(first);
    expect(userGrants(TfTemplate.fromStack(stack))).toHaveLength(2);
  });

  test('grants no Cloud KMS role to the caller (the service agent encrypts)', () => {
    // GIVEN
    const { stack, lake } = newLake();
    // WHEN
    lake.grantReadWrite(ANALYSTS, 'serving');
    // THEN
    const keyMembers = TfTemplate.fromStack(stack)
      .resources('google_kms_crypto_key_iam_member')
      .map((b) => b.config.member);
    expect(keyMembers).toEqual([
      expect.stringMatching(/^serviceAccount:\$\{data\.google_storage_project_service_account\./),
    ]);
  });

  test('a managed service account grant keeps its id whatever the token numbering', () => {
    // GIVEN: the same grant, once after unrelated tokens were minted
    const addresses = [0, 5].map((extraTokens) => {
      const stack = newGcpStack();
      for (let i = 0; i < extraTokens; i++) new TerraformVariable(stack, `V${i}`, {}).stringValue;
      const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', location: 'europe-west1' });
      const analyst = new ServiceAccount(stack, 'Analyst', { accountId: 'analyst' });
      // WHEN
      lake.grantRead(Principal.fromServiceAccount(analyst), 'serving');
      return userGrants(TfTemplate.fromStack(stack)).map((b) => [b.address, b.config.member]);
    });
    // THEN
    expect(addresses[1]).toEqual(addresses[0]);
    expect(addresses[0][0][1]).toBe('${google_service_account.Analyst.member}');
  });

  test('rejects an unknown zone', () => {
    const { lake } = newLake();
    expectValidationError(() => lake.grantRead(ANALYSTS, 'gold'), ErrorCode.UNKNOWN_ZONE, 'zone');
  });

  test('bucketFor rejects an unknown zone', () => {
    const { lake } = newLake();
    expectValidationError(() => lake.bucketFor('gold'), ErrorCode.UNKNOWN_ZONE, 'zone');
  });

  test.each(['allUsers', 'allAuthenticatedUsers'])(
    'rejects the public member %s even when hand-made',
    (member) => {
      const { lake } = newLake();
      expectValidationError(
        () => lake.grantRead({ iamMember: member }, 'serving'),
        ErrorCode.INVALID_PRINCIPAL,
      );
    },
  );

  test('rejects a deploy-time member without a grantKey, accepts it with one', () => {
    // GIVEN
    const { stack, lake } = newLake();
    const member = new TerraformVariable(stack, 'Member', { type: 'string' }).stringValue;
    // WHEN / THEN
    expectValidationError(() => lake.grantRead({ iamMember: member }, 'raw'), ErrorCode.INVALID_PRINCIPAL);
    lake.grantRead(Principal.fromMember(member, 'etl'), 'raw');
    TfTemplate.fromStack(stack).hasResourceProperties(BUCKET_IAM, { member: '${var.Member}' });
  });
});
