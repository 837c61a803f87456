import { ErrorCode } from '../../../src/core/errors';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../../src/core/removal';
import { EncryptionKey } from '../../../src/gcp';
import { checkCompliance } from '../../../src/gcp/compliance';
import { synthesizeStack, type TerraformStack } from '../../../src/terraform';
import { DESTROY_ACKNOWLEDGEMENT_REASON } from '../../../src/terraform';
import { TfTemplate } from '../../helpers/tf-template';
import { expectValidationError, newGcpStack } from '../support';

/** A key with `removalPolicy`, under app context `flag`, synthesized. */
function synthKey(removalPolicy: DataRemovalPolicy | undefined, flag?: unknown) {
  const stack = newGcpStack(flag === undefined ? {} : { [REMOVE_DATA_ON_DESTROY_CONTEXT]: flag });
  new EncryptionKey(stack, 'Key', { location: 'europe-west1', removalPolicy });
  return { stack, template: TfTemplate.fromStack(stack) };
}

/** The acknowledgements stamped in the `//` block of the stack's one `type` resource, as `cdktf synth` writes it. */
const acksOf = (stack: TerraformStack, type: string): unknown =>
  Object.values<any>(synthesizeStack(stack).resource[type])[0]['//']?.acknowledgements;

describe('applyDataRemoval (GCP)', () => {
  test.each([
    ['RETAIN (default)', undefined, undefined],
    ['DESTROY without the flag', DataRemovalPolicy.DESTROY, undefined],
    ['DESTROY with the flag false', DataRemovalPolicy.DESTROY, false],
    ['RETAIN with the flag true', DataRemovalPolicy.RETAIN, true],
  ])('%s keeps prevent_destroy and acknowledges nothing', (_, policy, flag) => {
    // GIVEN / WHEN
    const { stack, template } = synthKey(policy, flag);
    // THEN
    template.allResourcesHave('google_kms_crypto_key', { lifecycle: { prevent_destroy: true } });
    template.allResourcesHave('google_kms_key_ring', { lifecycle: { prevent_destroy: true } });
    expect(acksOf(stack, 'google_kms_crypto_key')).toBeUndefined();
    expect(checkCompliance(stack).acknowledged).toEqual([]);
  });

  test('DESTROY with the flag lifts prevent_destroy and stamps the acknowledgement into the Terraform JSON', () => {
    // GIVEN / WHEN
    const { stack, template } = synthKey(DataRemovalPolicy.DESTROY, true);
    // THEN each resource carries only the rule on its own prevent_destroy, with the reason
    template.allResourcesHave('google_kms_crypto_key', { lifecycle: { prevent_destroy: false } });
    expect(acksOf(stack, 'google_kms_crypto_key')).toEqual([
      { ruleId: 'CKV_GCP_82', reason: DESTROY_ACKNOWLEDGEMENT_REASON },
    ]);
    expect(acksOf(stack, 'google_kms_key_ring')).toEqual([
      { ruleId: 'DPK_GCP_PREVENT_DESTROY', reason: DESTROY_ACKNOWLEDGEMENT_REASON },
    ]);
  });

  test("the flag given as the string 'true' (CLI context) counts too", () => {
    const { stack } = synthKey(DataRemovalPolicy.DESTROY, 'true');
    expect(
      checkCompliance(stack)
        .acknowledged.map((a) => a.ruleId)
        .sort(),
    ).toEqual(['CKV_GCP_82', 'DPK_GCP_PREVENT_DESTROY']);
  });
});

describe('literal name parts', () => {
  test.each([
    ['platformName', { platformName: '${TfToken[TOKEN.7]}' }],
    ['purpose', { purpose: '${TfToken[TOKEN.7]}' }],
  ])('a deploy-time %s is rejected: it would end up in physical names', (prop, props) => {
    expectValidationError(
      () => new EncryptionKey(newGcpStack(), 'Key', { location: 'europe-west1', ...props }),
      ErrorCode.INVALID_NAME,
      prop,
    );
  });
});
