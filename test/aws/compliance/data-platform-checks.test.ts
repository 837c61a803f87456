import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LakeStorage } from '../../../src/aws';
import {
  acknowledgementsIn,
  ComplianceFramework,
  CURATED_RULES,
  DATA_PLATFORM_RULES,
  DataPlatformChecks,
  FRAMEWORK_ACKNOWLEDGEMENTS,
  KIT_RULES,
  RuleOrigin,
  ruleId,
} from '../../../src/aws/compliance';
import { useEngineValidation } from '../../helpers/aws-stack';

const PACKS_DIR = path.join(path.dirname(require.resolve('cdk-nag')), 'packs');
const PACK_FILES: Record<ComplianceFramework, string> = {
  [ComplianceFramework.HIPAA_SECURITY]: 'hipaa-security.js',
  [ComplianceFramework.NIST_800_53_R5]: 'nist-800-53-r5.js',
  [ComplianceFramework.PCI_DSS_321]: 'pci-dss-321.js',
};

/** The rule names a cdk-nag pack applies, read from its source (`rule: s3_1.S3BucketLoggingEnabled,`). */
function rulesOf(framework: ComplianceFramework): Set<string> {
  const source = fs.readFileSync(path.join(PACKS_DIR, PACK_FILES[framework]), 'utf8');
  return new Set([...source.matchAll(/rule: \w+_1\.(\w+),/g)].map((m) => m[1]));
}

/** Rules of the three packs the pack leaves out, each with its reason in the pack's JSDoc. */
const LEFT_OUT = {
  'flags every CDK grant': ['IAMNoInlinePolicy'],
  'IAM users and groups': ['IAMUserNoPolicies', 'IAMUserGroupMembership', 'IAMGroupHasUsers'],
  'replication is out of scope': ['S3BucketReplicationEnabled'],
  'replaced by DPK-AWS-S3DataBucketKMSEncrypted': ['S3DefaultEncryptionKMS'],
  'application Lambda rules that flag framework functions': [
    'LambdaConcurrency',
    'LambdaDLQ',
    'LambdaInsideVPC',
  ],
  'backup plans and capacity': [
    'DynamoDBInBackupPlan',
    'EC2EBSInBackupPlan',
    'EFSInBackupPlan',
    'RDSInBackupPlan',
    'DynamoDBAutoScalingEnabled',
  ],
};
const NOT_DATA_PLATFORM =
  /^(EC2(?!Restricted)|ECS|ElasticBeanstalk|AutoScaling|ALB|ELB|APIGW|WAFv2|CodeBuild|SageMaker|OpenSearch|ElastiCache|EFS|DMS|RDS)/;

describe('DataPlatformChecks: the table', () => {
  const framework = Object.fromEntries(
    Object.values(ComplianceFramework).map((f) => [f, rulesOf(f)]),
  ) as Record<ComplianceFramework, Set<string>>;

  test('every finding id is DPK-AWS-<name>, unique, and the pack lists them', () => {
    const ids = DATA_PLATFORM_RULES.map(ruleId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^DPK-AWS-[A-Z][A-Za-z0-9]+$/);
    expect(new DataPlatformChecks().ruleIds).toEqual(ids);
  });

  test('curated rules are cdk-nag rules, and each framework listed really holds the rule (and no other does)', () => {
    for (const rule of CURATED_RULES) {
      expect(rule.origin).toBe(RuleOrigin.CDK_NAG);
      const holders = Object.values(ComplianceFramework).filter((f) => framework[f].has(rule.name));
      expect({ rule: rule.name, frameworks: [...rule.frameworks].sort() }).toEqual({
        rule: rule.name,
        frameworks: holders.sort(),
      });
    }
  });

  test('every rule of the three packs is curated or documented as left out', () => {
    const all = new Set(Object.values(framework).flatMap((s) => [...s]));
    const curated = new Set(CURATED_RULES.map((r) => r.name));
    const documented = new Set(Object.values(LEFT_OUT).flat());
    const unaccounted = [...all].filter(
      (r) => !curated.has(r) && !documented.has(r) && !NOT_DATA_PLATFORM.test(r),
    );
    expect(unaccounted).toEqual([]);
    // AND nothing documented as left out sneaks into the pack
    expect([...documented].filter((r) => curated.has(r))).toEqual([]);
    expect(CURATED_RULES.filter((r) => NOT_DATA_PLATFORM.test(r.name)).map((r) => r.name)).toEqual([]);
  });

  test('the left-out rules are named in the pack documentation', () => {
    const doc = fs.readFileSync(
      path.join(__dirname, '../../../src/aws/compliance/data-platform-checks.ts'),
      'utf8',
    );
    for (const name of Object.values(LEFT_OUT).flat()) expect(doc).toContain(name);
  });

  test("the kit's own rules come from the kit (their files: test/architecture/compliance-layout.test.ts)", () => {
    for (const rule of KIT_RULES) expect(rule.origin).toBe(RuleOrigin.KIT);
  });
});

describe('DataPlatformChecks as a validation plugin (the form an app registers)', () => {
  // The report's plugin list includes the engine's own CloudFormation validation, as in an app.
  useEngineValidation();

  const ENV = { account: '111122223333', region: 'eu-west-1' };

  test.each([
    ['legacy', {}],
    ['recommended', cxapi.CURRENTLY_RECOMMENDED_FLAGS],
  ])('%s flags: a compliant app synthesizes, and the report lists no plugin', (_, context) => {
    // GIVEN the registration `main.ts` uses, and an S3 notification (a framework handler the kit acknowledges)
    const app = new App({ context });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
    const stack = new Stack(app, 'Lake', { env: ENV });
    const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales' });
    const deadLetters = new sqs.Queue(stack, 'DeadLetters', { enforceSSL: true });
    const queue = new sqs.Queue(stack, 'Queue', {
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
    });
    lake.bucketFor('raw').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.SqsDestination(queue));
    // WHEN
    const assembly = app.synth();
    // THEN
    const report = JSON.parse(
      fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf8'),
    );
    expect(report.pluginReports).toEqual([]);
    // AND the pack's aspect acknowledged the notification handler's finding during synthesis
    expect(acknowledgementsIn(app).map((a) => [a.path, a.ruleId])).toEqual([
      [
        `Lake/BucketNotificationsHandler050a0587b7544547bf325f094a3db834`,
        FRAMEWORK_ACKNOWLEDGEMENTS[0].ruleId,
      ],
    ]);
  });

  test('a finding fails synthesis and the report names the rule, the pack and the construct', () => {
    // GIVEN
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new DataPlatformChecks(app));
    const stack = new Stack(app, 'Lake', { env: ENV });
    new s3.Bucket(stack, 'Plain', { enforceSSL: true, versioned: true, serverAccessLogsPrefix: 'self/' });
    // WHEN / THEN (under jest the app runs "in memory": the exception carries the report)
    expect(() => app.synth()).toThrow(/DPK-AWS-S3DataBucketKMSEncrypted/);
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8'));
    const dpk = report.pluginReports.find((r: any) => r.pluginName === 'DPK-AWS');
    expect(dpk.conclusion).toBe('failure');
    expect(dpk.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleName: 'DPK-AWS-S3DataBucketKMSEncrypted',
          severity: 'error',
          violatingConstructs: [expect.objectContaining({ constructPath: 'Lake/Plain/Resource' })],
        }),
      ]),
    );
  });

  test('without a scope the pack is usable directly (validateScope), and registers nothing', () => {
    const app = new App();
    new LakeStorage(new Stack(app, 'Lake', { env: ENV }), 'Lake', { platformName: 'sales' });
    expect(new DataPlatformChecks().validateScope(app)).toEqual({ success: true, violations: [] });
  });
});
