import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import * as aws from '../../src/aws';
import * as azure from '../../src/azure';
import { ZoneAccess } from '../../src/core/blocks';
import * as gcp from '../../src/gcp';
import { planLakehouse } from '../../src/patterns';
import { synthesizeStack, type TerraformStack } from '../../src/terraform';
import { newAzureStack, notebookScripts, RG } from '../azure/azure-stack';
import { newGcpStack } from '../gcp/support';
import { newAwsStack } from '../helpers/aws-stack';

/**
 * The parity suite: one spec, synthesized on the three clouds; the same facts are read back
 * from each output (never from the props passed in) and must agree with each other and with
 * the spec's plan.
 */
type Matrix = Record<string, Record<string, ZoneAccess | undefined>>;

interface Facts {
  /** Zone names of the lake's storage. */
  readonly zones: string[];
  /** Zone → encrypted with a customer-managed key that rotates. */
  readonly encryptedWithRotatingCmk: Record<string, boolean>;
  readonly publicAccessBlocked: boolean;
  readonly tlsOnly: boolean;
  readonly recoverable: boolean;
  readonly retained: boolean;
  /** Persona → zone → access, read from the synthesized grants. */
  readonly matrix: Matrix;
}

const access = (read: boolean, write: boolean): ZoneAccess | undefined =>
  read && write ? ZoneAccess.READ_WRITE : write ? ZoneAccess.WRITE : read ? ZoneAccess.READ : undefined;

const refs = (value: unknown): string[] => {
  const text = JSON.stringify(value);
  return [...text.matchAll(/"(?:Ref|Fn::GetAtt)":\s*(?:\["|")([A-Za-z0-9]+)/g)].map((m) => m[1]);
};

function awsFacts(): Facts {
  const stack = newAwsStack();
  const jobs = path.resolve(__dirname, '../../examples/jobs');
  const lakehouse = new aws.Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    stepScripts: {
      'daily-orders/clean': aws.SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
      'daily-orders/publish': aws.SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
    },
  });
  const template = Template.fromStack(stack).toJSON();
  const resources = Object.entries<any>(template.Resources);
  const tag = (r: any, key: string) => (r.Properties?.Tags ?? []).find((t: any) => t.Key === key)?.Value;
  const zoneBuckets = resources.filter(([, r]) => r.Type === 'AWS::S3::Bucket' && tag(r, 'data-zone'));
  const zoneOf = new Map(zoneBuckets.map(([id, r]) => [id, tag(r, 'data-zone') as string]));
  const keys = new Map(resources.filter(([, r]) => r.Type === 'AWS::KMS::Key'));
  const policies = resources.filter(([, r]) => r.Type === 'AWS::S3::BucketPolicy');
  const matrix: Matrix = {};
  for (const [persona, role] of Object.entries<any>(lakehouse.personas)) {
    const roleId = stack.getLogicalId(role.node.defaultChild);
    const cells: Record<string, { read: boolean; write: boolean }> = {};
    for (const [, policy] of resources.filter(([, r]) => r.Type === 'AWS::IAM::Policy')) {
      if (!refs(policy.Properties.Roles).includes(roleId)) continue;
      for (const st of policy.Properties.PolicyDocument.Statement) {
        const actions = [st.Action].flat();
        for (const zone of refs(st.Resource)
          .map((id) => zoneOf.get(id))
          .filter((z): z is string => !!z)) {
          cells[zone] ??= { read: false, write: false };
          cells[zone].read ||= actions.some((a: string) => a.startsWith('s3:GetObject'));
          cells[zone].write ||= actions.some((a: string) => a.startsWith('s3:PutObject'));
        }
      }
    }
    matrix[persona] = Object.fromEntries(Object.entries(cells).map(([z, c]) => [z, access(c.read, c.write)]));
  }
  return {
    zones: [...zoneOf.values()].sort(),
    encryptedWithRotatingCmk: Object.fromEntries(
      zoneBuckets.map(([id, r]) => {
        const rule =
          r.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault;
        const key = keys.get(refs(rule.KMSMasterKeyID)[0]);
        return [
          zoneOf.get(id),
          rule.SSEAlgorithm === 'aws:kms' && key?.Properties.EnableKeyRotation === true,
        ];
      }),
    ),
    publicAccessBlocked: zoneBuckets.every(([, r]) =>
      Object.values(r.Properties.PublicAccessBlockConfiguration).every((v) => v === true),
    ),
    tlsOnly: zoneBuckets.every(([id]) =>
      policies.some(
        ([, p]) =>
          refs(p.Properties.Bucket).includes(id) &&
          JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
      ),
    ),
    recoverable: zoneBuckets.every(([, r]) => r.Properties.VersioningConfiguration?.Status === 'Enabled'),
    // RetainExceptOnCreate retains like Retain once created (only a rolled-back create is removed)
    retained: [...zoneBuckets, ...keys.entries()].every(([, r]) =>
      ['Retain', 'RetainExceptOnCreate'].includes(r.DeletionPolicy),
    ),
    matrix,
  };
}

type TfResources = Record<string, Record<string, any>>;
const tfRefs = (value: unknown): string[] =>
  [...JSON.stringify(value).matchAll(/\$\{([a-z_]+\.[A-Za-z0-9_-]+)\./g)].map((m) => m[1]);
const blocksOf = (doc: any, type: string): [string, any][] =>
  Object.entries<any>((doc.resource as TfResources)[type] ?? {}).map(([name, r]) => [`${type}.${name}`, r]);
const pathOf = (r: any): string => r['//']?.metadata?.path ?? '';
const retainedTf = (r: any) => r.lifecycle?.prevent_destroy === true;

function gcpFacts(): Facts {
  const stack = newGcpStack();
  const jobs = path.resolve(__dirname, '../../examples/jobs');
  const lakehouse = new gcp.Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    project: 'acme-data-test',
    location: 'europe-west1',
    stepScripts: {
      'daily-orders/clean': gcp.SparkJobScript.fromAsset(path.join(jobs, 'clean_orders.py')),
      'daily-orders/publish': gcp.SparkJobScript.fromAsset(path.join(jobs, 'publish_orders.py')),
    },
  } as gcp.LakehouseProps);
  const doc = synthesizeStack(stack as TerraformStack);
  const buckets = blocksOf(doc, 'google_storage_bucket').filter(([, b]) => b.labels?.['data-zone']);
  const zoneOf = new Map(buckets.map(([address, b]) => [address, b.labels['data-zone'] as string]));
  const keys = new Map(blocksOf(doc, 'google_kms_crypto_key'));
  const personaOf = new Map(
    Object.entries<any>(lakehouse.personas).map(([persona, sa]) => [sa.node.path as string, persona]),
  );
  const accounts = new Map(
    blocksOf(doc, 'google_service_account').map(([address, r]) => [address, personaOf.get(pathOf(r))]),
  );
  const roleAccess: Record<string, [boolean, boolean]> = {
    'roles/storage.objectViewer': [true, false],
    'roles/storage.objectCreator': [false, true],
    'roles/storage.objectUser': [true, true],
  };
  const matrix: Matrix = Object.fromEntries([...personaOf.values()].map((p) => [p, {}]));
  for (const [, m] of blocksOf(doc, 'google_storage_bucket_iam_member')) {
    const persona = tfRefs(m.member)
      .map((a) => accounts.get(a))
      .find(Boolean);
    const zone = tfRefs(m.bucket)
      .map((a) => zoneOf.get(a))
      .find(Boolean);
    const rw = roleAccess[m.role];
    if (persona && zone && rw) matrix[persona][zone] = access(...rw);
  }
  return {
    zones: [...zoneOf.values()].sort(),
    encryptedWithRotatingCmk: Object.fromEntries(
      buckets.map(([address, b]) => {
        const key = keys.get(tfRefs(b.encryption?.default_kms_key_name)[0]);
        const seconds = Number(String(key?.rotation_period ?? '').replace(/s$/, ''));
        return [zoneOf.get(address), seconds > 0 && seconds <= 90 * 86400];
      }),
    ),
    publicAccessBlocked:
      buckets.every(
        ([, b]) => b.public_access_prevention === 'enforced' && b.uniform_bucket_level_access === true,
      ) && !JSON.stringify(doc.resource).match(/allUsers|allAuthenticatedUsers/),
    // Cloud Storage serves only HTTPS (no plain-HTTP endpoint exists to disable).
    tlsOnly: true,
    recoverable: buckets.every(
      ([, b]) => b.versioning?.enabled === true && b.soft_delete_policy?.retention_duration_seconds > 0,
    ),
    retained: [...buckets, ...keys.entries()].every(([, r]) => retainedTf(r)),
    matrix,
  };
}

function azureFacts(): Facts {
  const stack = newAzureStack();
  const lakehouse = new azure.Lakehouse(stack, 'Lakehouse', {
    ...SALES_LAKEHOUSE,
    resourceGroup: RG,
    keyVaultAllowedIpRanges: ['20.61.10.0/24'],
    stepScripts: notebookScripts(SALES_LAKEHOUSE),
  } as azure.LakehouseProps);
  const doc = synthesizeStack(stack as TerraformStack);
  const containers = blocksOf(doc, 'azurerm_storage_container');
  const zoneOf = new Map(
    containers.map(([address, c]) => [address, /^sales-(.+)-[0-9a-f]{8}$/.exec(c.name)?.[1] ?? c.name]),
  );
  const [account] = blocksOf(doc, 'azurerm_storage_account').filter(([, a]) => a.is_hns_enabled === true);
  const keys = new Map(blocksOf(doc, 'azurerm_key_vault_key'));
  const personaOf = new Map(
    Object.entries<any>(lakehouse.personas).map(([persona, id]) => [id.node.path as string, persona]),
  );
  const identities = new Map(
    blocksOf(doc, 'azurerm_user_assigned_identity').map(([address, r]) => [
      address,
      personaOf.get(pathOf(r)),
    ]),
  );
  const roleAccess = (a: any): [boolean, boolean] | undefined => {
    if (a.role_definition_name === 'Storage Blob Data Reader') return [true, false];
    if (a.role_definition_name === 'Storage Blob Data Contributor') return [true, true];
    if (a.role_definition_id) return [false, true];
    return undefined;
  };
  const matrix: Matrix = Object.fromEntries([...personaOf.values()].map((p) => [p, {}]));
  for (const [, a] of blocksOf(doc, 'azurerm_role_assignment')) {
    const persona = tfRefs(a.principal_id)
      .map((x) => identities.get(x))
      .find(Boolean);
    const zone =
      tfRefs(a.scope)
        .map((x) => zoneOf.get(x))
        .find(Boolean) ??
      [...zoneOf.values()].find((z) => String(a.scope).includes(`containers/sales-${z}-`));
    const rw = roleAccess(a);
    if (persona && zone && rw) matrix[persona][zone] = access(...rw);
  }
  const cmk = account[1].customer_managed_key;
  const key = keys.get(tfRefs(cmk?.key_vault_key_id)[0]);
  return {
    zones: [...zoneOf.values()].sort(),
    encryptedWithRotatingCmk: Object.fromEntries(
      [...zoneOf.values()].map((z) => [z, !!key?.rotation_policy?.automatic]),
    ),
    // The public endpoint may be on only for resource-instance rules (Event Hubs Capture): firewall
    // default Deny with no IP or subnet rules still blocks every public caller.
    publicAccessBlocked:
      (account[1].public_network_access_enabled === false ||
        (account[1].network_rules?.default_action === 'Deny' &&
          (account[1].network_rules?.ip_rules ?? []).length === 0 &&
          (account[1].network_rules?.virtual_network_subnet_ids ?? []).length === 0)) &&
      account[1].allow_nested_items_to_be_public === false,
    tlsOnly: account[1].https_traffic_only_enabled === true && account[1].min_tls_version === 'TLS1_2',
    recoverable:
      account[1].blob_properties?.delete_retention_policy?.days > 0 &&
      account[1].blob_properties?.container_delete_retention_policy?.days > 0,
    retained: [account, ...containers, ...keys.entries()].every(([, r]) => retainedTf(r)),
    matrix,
  };
}

const expectedMatrix = (): Matrix => {
  const plan = planLakehouse(new Stack(), SALES_LAKEHOUSE);
  return Object.fromEntries(
    Object.entries(plan.accessMatrix).map(([persona, row]) => [
      persona,
      Object.fromEntries(Object.entries(row).filter(([, a]) => a !== undefined)),
    ]),
  );
};

describe('lakehouse parity: one spec, three clouds, the same guarantees', () => {
  const facts: Record<string, Facts> = { aws: awsFacts(), gcp: gcpFacts(), azure: azureFacts() };

  test.each(Object.keys(facts))('%s: the zones of the spec', (cloud) => {
    expect(facts[cloud].zones).toEqual(['curated', 'raw', 'serving']);
  });

  test.each(Object.keys(facts))(
    '%s: every zone encrypted with a customer-managed key that rotates',
    (cloud) => {
      expect(facts[cloud].encryptedWithRotatingCmk).toEqual({ raw: true, curated: true, serving: true });
    },
  );

  test.each(Object.keys(facts))('%s: no public access, TLS only, recoverable, retained', (cloud) => {
    const f = facts[cloud];
    expect({
      public: f.publicAccessBlocked,
      tls: f.tlsOnly,
      recoverable: f.recoverable,
      retained: f.retained,
    }).toEqual({
      public: true,
      tls: true,
      recoverable: true,
      retained: true,
    });
  });

  test.each(Object.keys(facts))(
    '%s: the persona x zone matrix read back from the grants equals the spec',
    (cloud) => {
      expect(facts[cloud].matrix).toEqual(expectedMatrix());
    },
  );

  test('the three clouds agree with each other', () => {
    expect(facts.gcp).toEqual(facts.aws);
    expect(facts.azure).toEqual(facts.aws);
  });
});
