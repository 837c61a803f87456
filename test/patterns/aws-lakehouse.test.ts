import * as path from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SALES_LAKEHOUSE } from '../../examples/lakehouse-spec';
import { EncryptionKey, Lakehouse, type LakehouseProps, SparkJobScript } from '../../src/aws';
import { checkCompliance } from '../../src/aws/compliance';
import { ErrorCode, ZoneAccess } from '../../src/core/internal';
import { planLakehouse } from '../../src/patterns';
import { newAwsStack } from '../helpers/aws-stack';

/**
 * The AWS Lakehouse: snapshots of the default and a maximal spec (each with the properties that
 * matter asserted too), zero unacknowledged compliance findings, and the persona × zone access
 * read back from the synthesized IAM policies equal to the plan's matrix.
 */
const SCRIPT = SparkJobScript.fromAsset(path.join(__dirname, '../aws/processing/fixtures/clean.py'));
const DEFAULT_SPEC: LakehouseProps = { platformName: 'sales' };
const MAXIMAL_SPEC: LakehouseProps = {
  ...SALES_LAKEHOUSE,
  stepScripts: { 'daily-orders/clean': SCRIPT, 'daily-orders/publish': SCRIPT },
};

function build(props: LakehouseProps): { stack: Stack; lakehouse: Lakehouse; template: Template } {
  const stack = newAwsStack();
  const lakehouse = new Lakehouse(stack, 'Lakehouse', props);
  return { stack, lakehouse, template: Template.fromStack(stack) };
}

const logicalId = (stack: Stack, c: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(c.node.defaultChild as CfnElement);

/** The logical ids a CloudFormation value references (Ref and Fn::GetAtt), anywhere in it. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.Ref === 'string') return [v.Ref];
    if (Array.isArray(v['Fn::GetAtt'])) return [v['Fn::GetAtt'][0] as string];
    return Object.values(v).flatMap(refsIn);
  }
  return [];
}

/** Persona → zone → access, read back from the object actions of each persona role's policies. */
function accessReadBack(stack: Stack, lakehouse: Lakehouse, template: Template) {
  const policies = Object.values(template.findResources('AWS::IAM::Policy'));
  const matrix: Record<string, Record<string, ZoneAccess | undefined>> = {};
  for (const [persona, role] of Object.entries(lakehouse.personas)) {
    const roleId = logicalId(stack, role);
    const statements = policies
      .filter((p) => refsIn(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<Record<string, unknown>>);
    matrix[persona] = {};
    for (const zone of lakehouse.lake.zoneNames) {
      const bucketId = logicalId(stack, lakehouse.lake.bucketFor(zone));
      const actions = new Set(
        statements
          .filter((s) => s.Effect === 'Allow' && refsIn(s.Resource).includes(bucketId))
          .flatMap((s) => [s.Action].flat() as string[]),
      );
      const read = actions.has('s3:GetObject');
      const write = actions.has('s3:PutObject');
      matrix[persona][zone] =
        read && write && actions.has('s3:DeleteObject')
          ? ZoneAccess.READ_WRITE
          : read
            ? ZoneAccess.READ
            : write
              ? ZoneAccess.WRITE
              : undefined;
    }
  }
  return matrix;
}

/** The properties that matter, whatever the spec: zones encrypted with the key, retained, grants present. */
function expectSecureLake(stack: Stack, lakehouse: Lakehouse, template: Template): void {
  const keyId = logicalId(stack, lakehouse.encryptionKey.key);
  template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  for (const zone of lakehouse.lake.zoneNames) {
    const bucketId = logicalId(stack, lakehouse.lake.bucketFor(zone));
    const bucket = template.toJSON().Resources[bucketId];
    expect(bucket.DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(bucket.UpdateReplacePolicy).toBe('Retain');
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: {
        KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] },
        SSEAlgorithm: 'aws:kms',
      },
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
  }
  expect(Object.keys(lakehouse.personas)).toEqual(lakehouse.plan.personas.map((p) => p.name));
  expect(accessReadBack(stack, lakehouse, template)).toEqual(lakehouse.plan.accessMatrix);
}

describe('aws.Lakehouse', () => {
  test('default spec: snapshot and the properties that matter', () => {
    // GIVEN / WHEN
    const { stack, lakehouse, template } = build(DEFAULT_SPEC);
    // THEN
    expect(template.toJSON()).toMatchSnapshot();
    expectSecureLake(stack, lakehouse, template);
    expect(lakehouse.lake.zoneNames).toEqual(['raw', 'curated', 'serving']);
    expect(Object.keys(lakehouse.personas)).toEqual(['ingest', 'engineer', 'analyst', 'admin']);
    expect(lakehouse.streams).toEqual({});
    expect(lakehouse.pipelines).toEqual({});
    expect(lakehouse.network).toBeDefined();
    expect(lakehouse.catalog).toBeDefined();
    expect(lakehouse.warehouse?.baseCapacityRpus).toBe(8);
    // no alert recipients: no topic and no alerts key (as on GCP and Azure), only the platform key
    expect(lakehouse.notifications).toBeUndefined();
    template.resourceCountIs('AWS::KMS::Key', 1);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::LakeFormation::DataLakeSettings', 1);
    template.resourceCountIs('AWS::Glue::DataCatalogEncryptionSettings', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { AWS: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':root$')])] } },
          }),
        ],
      },
      Description: 'analyst persona of the sales lakehouse',
    });
  });

  test('maximal spec (the shared SALES_LAKEHOUSE): snapshot and the properties that matter', () => {
    // GIVEN / WHEN
    const { stack, lakehouse, template } = build(MAXIMAL_SPEC);
    // THEN
    expect(template.toJSON()).toMatchSnapshot();
    expectSecureLake(stack, lakehouse, template);
    expect(Object.keys(lakehouse.streams)).toEqual(['clickstream']);
    expect(Object.keys(lakehouse.pipelines)).toEqual(['daily-orders']);
    template.resourceCountIs('AWS::KMS::Key', 2); // the platform key and the alert topic's own key
    expect(lakehouse.notifications).toBeDefined();
    // the step jobs read and write Iceberg tables through the catalog's databases
    template.hasResourceProperties('AWS::Glue::Job', {
      DefaultArguments: Match.objectLike({
        '--datalake-formats': 'iceberg',
        '--target_database': lakehouse.catalog.databaseNameFor('curated'),
      }),
    });
    template.hasResourceProperties('AWS::Kinesis::Stream', { RetentionPeriodHours: 48 });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'data-platform@example.com',
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Etc/UTC',
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      Tags: Match.arrayWith([{ Key: 'team', Value: 'sales-data' }]),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      Tags: Match.arrayWith([{ Key: 'team', Value: 'sales-data' }]),
      Description: 'ingest persona of the sales lakehouse',
    });
  });

  test.each([
    ['default', DEFAULT_SPEC],
    ['maximal', MAXIMAL_SPEC],
  ])('%s spec: zero unacknowledged compliance findings', (_name, spec) => {
    const { stack } = build(spec);
    expect(checkCompliance(stack).findings).toEqual([]);
  });

  test('the persona × zone grants equal the plan of a custom spec', () => {
    // GIVEN: custom zones and personas, no warehouse
    const spec: LakehouseProps = {
      platformName: 'ops',
      zones: ['landing', 'gold'],
      personas: [
        { name: 'loader', access: { landing: ZoneAccess.WRITE } },
        { name: 'auditor', access: { landing: ZoneAccess.READ, gold: ZoneAccess.READ } },
        { name: 'owner', admin: true },
      ],
      warehouse: { enabled: false },
    };
    // WHEN
    const { stack, lakehouse, template } = build(spec);
    // THEN
    expect(accessReadBack(stack, lakehouse, template)).toEqual(planLakehouse(stack, spec).accessMatrix);
    expect(lakehouse.network).toBeUndefined();
    // the catalog governs the zones even without a warehouse (tables are created by writers)
    expect(lakehouse.catalog.databaseNameFor('gold')).toMatch(/^ops_gold_/);
    expect(lakehouse.warehouse).toBeUndefined();
    template.resourceCountIs('AWS::EC2::VPC', 0);
  });

  test('accessLogsBucket: logs go to a central bucket (e.g. Control Tower Log Archive) and no SSE-S3 bucket is created', () => {
    // GIVEN a central log bucket in another account
    const stack = newAwsStack();
    const central = s3.Bucket.fromBucketName(stack, 'Central', 'org-log-archive-access-logs');
    // WHEN
    new Lakehouse(stack, 'Lakehouse', { ...DEFAULT_SPEC, accessLogsBucket: central });
    // THEN every bucket is SSE-KMS and logs to the central bucket
    const buckets = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket'));
    expect(buckets).toHaveLength(4);
    for (const bucket of buckets) {
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
          .SSEAlgorithm,
      ).toBe('aws:kms');
      expect(bucket.Properties.LoggingConfiguration.DestinationBucketName).toBe(
        'org-log-archive-access-logs',
      );
    }
  });

  test('renders a day-of-week schedule in EventBridge numbering', () => {
    const { template } = build({
      ...MAXIMAL_SPEC,
      pipelines: [
        { ...SALES_LAKEHOUSE.pipelines![0], schedule: { cron: '30 6 * * 1-5', timeZone: 'Europe/Brussels' } },
      ],
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 6 ? * 2-6 *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
    });
  });

  test('a missing or unknown step script is DPK_CONFLICTING_PROPS', () => {
    expect(() => build({ ...SALES_LAKEHOUSE })).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICTING_PROPS }),
    );
    expect(() => build({ platformName: 'sales', stepScripts: { 'x/y': SCRIPT } })).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICTING_PROPS }),
    );
  });

  test('a cron restricting both day of month and day of week is DPK_OUT_OF_RANGE', () => {
    expect(() =>
      build({
        ...MAXIMAL_SPEC,
        pipelines: [{ ...SALES_LAKEHOUSE.pipelines![0], schedule: { cron: '0 2 1 * 1' } }],
      }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.OUT_OF_RANGE }));
  });
});

describe('aws.Lakehouse persona trust and personas in effect', () => {
  const ANALYSTS_SSO_ROLE =
    'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Analysts_0123456789abcdef';

  test('personaPrincipals narrows who may assume a persona; the others keep the account', () => {
    const { stack, lakehouse, template } = build({
      ...DEFAULT_SPEC,
      personaPrincipals: { analyst: new iam.ArnPrincipal(ANALYSTS_SSO_ROLE) },
    });
    const trustOf = (persona: string) =>
      template.toJSON().Resources[logicalId(stack, lakehouse.personas[persona])].Properties
        .AssumeRolePolicyDocument.Statement;
    expect(trustOf('analyst')).toEqual([
      expect.objectContaining({ Action: 'sts:AssumeRole', Principal: { AWS: ANALYSTS_SSO_ROLE } }),
    ]);
    expect(JSON.stringify(trustOf('engineer'))).toContain(':root');
  });

  test('a principal for a persona the spec does not have → DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    expect(
      () =>
        new Lakehouse(stack, 'Lakehouse', {
          ...DEFAULT_SPEC,
          personaPrincipals: { auditor: new iam.ArnPrincipal(ANALYSTS_SSO_ROLE) },
        }),
    ).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICTING_PROPS, prop: 'personaPrincipals["auditor"]' }),
    );
  });

  test('an info message lists the personas in effect, added personas with the defaults', () => {
    const { lakehouse } = build({
      ...DEFAULT_SPEC,
      additionalPersonas: [{ name: 'auditor', access: { curated: ZoneAccess.READ } }],
    });
    const infos = lakehouse.node.metadata.filter((m) => m.type === 'aws:cdk:info').map((m) => String(m.data));
    expect(infos).toEqual([expect.stringMatching(/personas in effect: ingest .*auditor \(curated: read\)$/)]);
  });

  test('personaRoles: no role is made, the grants go to the given roles', () => {
    // GIVEN roles made elsewhere (a mesh's identity stack), imported by name
    const stack = newAwsStack();
    const personaRoles = Object.fromEntries(
      ['ingest', 'engineer', 'analyst', 'admin'].map((p) => [
        p,
        iam.Role.fromRoleName(stack, `Imported${p}`, `mesh-sales-${p}`),
      ]),
    );
    // WHEN
    const lakehouse = new Lakehouse(stack, 'Lakehouse', { ...DEFAULT_SPEC, personaRoles });
    // THEN no persona role in the template; the analyst's policy is attached to the given role by name
    const template = Template.fromStack(stack);
    expect(lakehouse.personas.analyst).toBe(personaRoles.analyst);
    const roles = Object.values(template.findResources('AWS::IAM::Role')).map(
      (r) => r.Properties.Description,
    );
    expect(roles.filter((d) => /persona/.test(String(d)))).toEqual([]);
    template.hasResourceProperties('AWS::IAM::Policy', { Roles: ['mesh-sales-analyst'] });
  });

  test('personaRoles missing a persona, naming an unknown one, or with personaPrincipals → DPK_CONFLICTING_PROPS', () => {
    const stack = newAwsStack();
    const role = iam.Role.fromRoleName(stack, 'R', 'r');
    expect(() => new Lakehouse(stack, 'A', { ...DEFAULT_SPEC, personaRoles: { analyst: role } })).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICTING_PROPS, prop: 'personaRoles["ingest"]' }),
    );
    const all = { ingest: role, engineer: role, analyst: role, admin: role };
    expect(
      () => new Lakehouse(stack, 'B', { ...DEFAULT_SPEC, personaRoles: { ...all, auditor: role } }),
    ).toThrow(expect.objectContaining({ prop: 'personaRoles["auditor"]' }));
    expect(
      () =>
        new Lakehouse(stack, 'C', {
          ...DEFAULT_SPEC,
          personaRoles: all,
          personaPrincipals: { analyst: new iam.ArnPrincipal(ANALYSTS_SSO_ROLE) },
        }),
    ).toThrow(expect.objectContaining({ prop: 'personaPrincipals' }));
  });

  test('catalogEncryptionKey: catalog grants and the owned catalog encryption use it, not the platform key', () => {
    // GIVEN
    const stack = newAwsStack();
    const catalogKey = new EncryptionKey(stack, 'CatalogKey', { purpose: 'catalog' });
    // WHEN
    const lakehouse = new Lakehouse(stack, 'Lakehouse', {
      ...DEFAULT_SPEC,
      catalogEncryptionKey: catalogKey,
    });
    // THEN
    const template = Template.fromStack(stack);
    const catalogKeyArn = { 'Fn::GetAtt': [logicalId(stack, catalogKey.key), 'Arn'] };
    template.hasResourceProperties('AWS::Glue::DataCatalogEncryptionSettings', {
      DataCatalogEncryptionSettings: { EncryptionAtRest: { SseAwsKmsKeyId: catalogKeyArn } },
    });
    expect(lakehouse.catalog.encryptionKey).toBe(catalogKey);
    expect(lakehouse.encryptionKey).not.toBe(catalogKey);
  });
});
