import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  Catalog,
  EncryptionKey,
  LakeStorage,
  Network,
  NotificationTarget,
  SparkJob,
  SparkJobScript,
} from '../../src/aws';

// A domain consumes another domain's lake: the owner deployed it elsewhere; this stack knows
// only the values the owner's outputs give.
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const BUCKETS = { raw: 'sales-raw-1a2b3c4d', curated: 'sales-curated-1a2b3c4d' };

function consumerStack() {
  const app = new App();
  // The owner's stack sits in the same app: nothing of it may leak into the consumer.
  const owner = new Stack(app, 'Owner', { env: { account: '111122223333', region: 'eu-west-1' } });
  new LakeStorage(owner, 'Lake', { platformName: 'sales' });
  const stack = new Stack(app, 'Consumer', { env: { account: '111122223333', region: 'eu-west-1' } });
  const encryptionKey = EncryptionKey.fromKeyArn(stack, 'SalesKey', KEY_ARN);
  const lake = LakeStorage.fromLakeStorageAttributes(stack, 'SalesLake', {
    zones: Object.entries(BUCKETS).map(([name, bucketName]) => ({ name, bucketName })),
    encryptionKey,
  });
  const catalog = Catalog.fromCatalogAttributes(stack, 'SalesCatalog', {
    lake,
    databaseNames: { raw: 'sales_raw', curated: 'sales_curated' },
  });
  const network = Network.fromNetworkAttributes(stack, 'SalesNetwork', {
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    vpcCidr: '10.40.0.0/16',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    dataSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d', 'subnet-2a3b4c5d'],
  });
  NotificationTarget.fromTopicArn(stack, 'Ops', 'arn:aws:sns:eu-west-1:111122223333:ops');
  const job = new SparkJob(stack, 'Enrich', {
    platformName: 'marketing',
    jobName: 'enrich',
    lake,
    network,
    sourceZone: 'raw',
    targetZone: 'curated',
    script: SparkJobScript.fromAsset(path.join(__dirname, 'processing', 'fixtures', 'clean.py')),
  });
  const tables = catalog.grantReadWrite(job.role, 'curated');
  return { stack, job, tables, template: Template.fromStack(stack) };
}

function jobStatements(template: Template, stack: Stack, job: SparkJob): string {
  const roleId = stack.getLogicalId(job.role.node.defaultChild as any);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    JSON.stringify(p.Properties.Roles).includes(roleId),
  );
  return JSON.stringify(policies.map((p) => p.Properties.PolicyDocument.Statement));
}

describe('AWS blocks on an imported lake, key, catalog and network', () => {
  const built = consumerStack();

  test('nothing is created for the imported lake, key, catalog, network or topic', () => {
    for (const type of [
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
      'AWS::KMS::Key',
      'AWS::EC2::VPC',
      'AWS::EC2::Subnet',
      'AWS::SNS::Topic',
      'AWS::Glue::Database',
      'AWS::LakeFormation::Resource',
      'AWS::LakeFormation::DataLakeSettings',
      'AWS::Glue::DataCatalogEncryptionSettings',
    ]) {
      built.template.resourceCountIs(type, 0);
    }
  });

  test("the job's grants point at the imported buckets and key, zone by zone", () => {
    const statements = jobStatements(built.template, built.stack, built.job);
    expect(statements).toContain(`:s3:::${BUCKETS.raw}/*`);
    expect(statements).toContain(`:s3:::${BUCKETS.curated}/*`);
    expect(statements).toContain(KEY_ARN);
    expect(statements).toContain(':database/sales_curated');
    // Write actions only on the target zone.
    const writes = JSON.parse(statements)
      .flat()
      .filter((s: any) => [s.Action].flat().includes('s3:PutObject'));
    expect(JSON.stringify(writes)).not.toContain(BUCKETS.raw);
  });

  test('the job encrypts what it writes with the imported key and runs in the imported subnets', () => {
    built.template.hasResourceProperties('AWS::Glue::SecurityConfiguration', {
      EncryptionConfiguration: { S3Encryptions: [{ KmsKeyArn: KEY_ARN, S3EncryptionMode: 'SSE-KMS' }] },
    });
    built.template.hasResourceProperties('AWS::Glue::Connection', {
      ConnectionInput: { PhysicalConnectionRequirements: { SubnetId: 'subnet-0a1b2c3d' } },
    });
  });

  test('the catalog grant is Lake Formation permissions on the imported database', () => {
    expect(built.tables.lakeFormationPermissions.length).toBeGreaterThan(0);
    built.template.hasResourceProperties('AWS::LakeFormation::PrincipalPermissions', {
      Resource: { Database: { Name: 'sales_curated' } },
    });
    const locations = Object.values(built.template.findResources('AWS::LakeFormation::PrincipalPermissions'))
      .map((p) => p.Properties.Resource.DataLocation)
      .filter(Boolean);
    expect(locations).toHaveLength(1);
    expect(JSON.stringify(locations[0].ResourceArn)).toContain(`:s3:::${BUCKETS.curated}"`);
  });
});
