import { ErrorCode } from '../../src/core/errors';
import { Lakehouse, type LakehouseProps, Principal } from '../../src/gcp';
import { expectValidationError, newGcpStack } from '../gcp/support';
import { TfTemplate } from '../helpers/tf-template';

/** The GCP Lakehouse's options for a data mesh: `personaServiceAccounts` (personas made in an identity stack) and `ownsProjectSettings`. */
const BASE: LakehouseProps = { platformName: 'sales', project: 'acme-data-test', location: 'europe-west1' };
const email = (p: string) => `acme-sales-${p}@acme-data-test.iam.gserviceaccount.com`;

function synth(props: LakehouseProps) {
  const stack = newGcpStack();
  const lakehouse = new Lakehouse(stack, 'Lakehouse', props);
  return { lakehouse, doc: TfTemplate.fromStack(stack).doc as Record<string, any> };
}

describe('Lakehouse with personaServiceAccounts', () => {
  const personas = synth(BASE).lakehouse.plan.personas.map((p) => p.name);
  const given = Object.fromEntries(personas.map((p) => [p, Principal.serviceAccount(email(p))]));
  const { lakehouse, doc } = synth({ ...BASE, personaServiceAccounts: given });

  test('makes no service account and grants the access matrix to the given ones', () => {
    expect(doc.resource.google_service_account).toBeUndefined();
    expect(lakehouse.personas).toEqual({});
    expect(Object.keys(lakehouse.principals).sort()).toEqual([...personas].sort());
    const members = new Set(
      Object.values(doc.resource.google_storage_bucket_iam_member as Record<string, { member: string }>).map(
        (m) => m.member,
      ),
    );
    for (const p of personas) expect(members.has(`serviceAccount:${email(p)}`)).toBe(true);
  });

  test('a missing or unknown persona is DPK_CONFLICTING_PROPS', () => {
    const [first, ...rest] = personas;
    const missing = Object.fromEntries(rest.map((p) => [p, given[p]]));
    expectValidationError(
      () => synth({ ...BASE, personaServiceAccounts: missing }),
      ErrorCode.CONFLICTING_PROPS,
      `personaServiceAccounts[${JSON.stringify(first)}]`,
    );
    expectValidationError(
      () => synth({ ...BASE, personaServiceAccounts: { ...given, auditor: given[first] } }),
      ErrorCode.CONFLICTING_PROPS,
      'personaServiceAccounts["auditor"]',
    );
  });
});

describe('Lakehouse with ownsProjectSettings: false (a second lakehouse in the project)', () => {
  const owner = synth(BASE).doc.resource;
  const second = synth({ ...BASE, ownsProjectSettings: false }).doc.resource;

  test('sets neither the daily query quota nor the storage data-access audit config; the owner sets both', () => {
    expect(Object.keys(owner.google_cloud_quotas_quota_preference ?? {})).toHaveLength(1);
    expect(Object.keys(owner.google_project_iam_audit_config ?? {})).toHaveLength(1);
    expect(second.google_cloud_quotas_quota_preference).toBeUndefined();
    expect(second.google_project_iam_audit_config).toBeUndefined();
  });

  test('with dailyQueryLimitGib or warehouseReservation → DPK_CONFLICTING_PROPS', () => {
    expectValidationError(
      () => synth({ ...BASE, ownsProjectSettings: false, dailyQueryLimitGib: 100 }),
      ErrorCode.CONFLICTING_PROPS,
      'dailyQueryLimitGib',
    );
    expectValidationError(
      () => synth({ ...BASE, ownsProjectSettings: false, warehouseReservation: true }),
      ErrorCode.CONFLICTING_PROPS,
      'warehouseReservation',
    );
  });
});
