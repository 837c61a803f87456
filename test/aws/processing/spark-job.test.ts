import { CfnParameter, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  actionsOf,
  arnOf,
  buildJob,
  CONNECTION,
  flat,
  HASH,
  idOf,
  JOB,
  LOG_GROUP,
  only,
  SECURITY_CONFIGURATION,
  statementsOf,
  synthJob,
} from './support';
import {
  EncryptionKey,
  Network,
  SPARK_JOB_PERMISSIONS,
  SparkJob,
  SparkJobLanguage,
  SparkJobScript,
} from '../../../src/aws';
import { acknowledgementsIn, acknowledgementsOnDataResources } from '../../../src/aws/compliance';
import { INHERENT_WILDCARD_REASONS } from '../../../src/aws/private/acknowledgements';
import {
  CommonDefaults,
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/internal';
import { newAwsStack, newRecommendedAwsStack } from '../../helpers/aws-stack';
import { logsStatementCovers } from '../support/logs-key';

const props = (template: Template) => only(template, JOB).Properties;
const args = (template: Template) => props(template).DefaultArguments;
const logGroupNames = (template: Template) =>
  Object.values(template.findResources(LOG_GROUP)).map((r) => r.Properties.LogGroupName as string);

describe('SparkJob defaults', () => {
  test('runs on DEFAULT_GLUE_VERSION (5.0), real-time logging: no continuous-logging argument', () => {
    expect(SparkJob.DEFAULT_GLUE_VERSION).toBe(glue.GlueVersion.V5_0);
    const { job, template } = synthJob();
    expect(job.glueVersion).toBe('5.0');
    expect(props(template).GlueVersion).toBe('5.0');
    expect(args(template)['--enable-continuous-cloudwatch-log']).toBeUndefined();
  });

  test('DEFAULT_WORKER_TYPE (G.1X) × DEFAULT_WORKER_COUNT (2), DEFAULT_TIMEOUT_MINUTES (240)', () => {
    expect(SparkJob.DEFAULT_WORKER_TYPE).toBe(glue.WorkerType.G_1X);
    expect(SparkJob.DEFAULT_WORKER_COUNT).toBe(2);
    expect(SparkJob.DEFAULT_TIMEOUT_MINUTES).toBe(240);
    expect(props(synthJob().template)).toMatchObject({
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
      Timeout: 240,
    });
  });

  test('DEFAULT_JOB_BOOKMARKS: bookmarks are on', () => {
    expect(SparkJob.DEFAULT_JOB_BOOKMARKS).toBe(true);
    expect(args(synthJob().template)['--job-bookmark-option']).toBe('job-bookmark-enable');
  });

  test('DEFAULT_LANGUAGE (Python 3): a glueetl command with the script from the asset', () => {
    expect(SparkJob.DEFAULT_LANGUAGE).toBe(SparkJobLanguage.PYTHON);
    const { job, template } = synthJob();
    expect(props(template).Command).toEqual({
      Name: 'glueetl',
      PythonVersion: '3',
      ScriptLocation: job.scriptLocation,
    });
    expect(job.scriptLocation).toMatch(
      /^s3:\/\/cdk-[a-z0-9]+-assets-111122223333-eu-west-1\/[0-9a-f]{64}\.py$/,
    );
    expect(args(template)['--job-language']).toBe('python');
    expect(args(template)['--class']).toBeUndefined();
  });

  test('one run at a time (MAX_CONCURRENT_RUNS) and no Glue-side retries', () => {
    expect(SparkJob.MAX_CONCURRENT_RUNS).toBe(1);
    expect(props(synthJob().template)).toMatchObject({
      ExecutionProperty: { MaxConcurrentRuns: 1 },
      MaxRetries: 0,
    });
  });

  test('derived names: job, security configuration and role <platform>-<job>-<hash>, stable per path', () => {
    const { job, template } = synthJob();
    expect(job.jobName).toMatch(new RegExp(`^sales-clean-${HASH}$`));
    expect(props(template).Name).toBe(job.jobName);
    expect(only(template, SECURITY_CONFIGURATION).Properties.Name).toBe(job.jobName);
    expect(only(template, 'AWS::IAM::Role').Properties.RoleName).toBe(job.jobName);
    expect(synthJob().job.jobName).toBe(job.jobName);
    const stack = newAwsStack();
    const other = buildJob({}, stack);
    const second = new SparkJob(stack, 'Other', { ...baseProps(other.lake), jobName: 'clean' });
    expect(second.jobName).not.toBe(other.job.jobName);
  });

  test('the script learns its zones from --source_path and --target_path (the zone buckets)', () => {
    const { lake, stack, template } = synthJob();
    expect(SparkJob.PATH_ARGUMENTS).toEqual({ SOURCE: 'source_path', TARGET: 'target_path' });
    expect(flat(args(template)['--source_path'])).toBe(`s3://<${idOf(stack, lake.bucketFor('raw'))}>/`);
    expect(flat(args(template)['--target_path'])).toBe(`s3://<${idOf(stack, lake.bucketFor('curated'))}>/`);
  });

  test("the security configuration: S3 SSE-KMS with the lake's key, logs SSE-KMS and bookmarks CSE-KMS with the job's key", () => {
    const { lake, job, stack, template } = synthJob();
    expect(job.encryptionKey).toBe(lake.encryptionKey);
    const key = arnOf(stack, lake.encryptionKey.key);
    expect(only(template, SECURITY_CONFIGURATION).Properties.EncryptionConfiguration).toEqual({
      S3Encryptions: [{ S3EncryptionMode: 'SSE-KMS', KmsKeyArn: key }],
      CloudWatchEncryption: { CloudWatchEncryptionMode: 'SSE-KMS', KmsKeyArn: key },
      JobBookmarksEncryption: { JobBookmarksEncryptionMode: 'CSE-KMS', KmsKeyArn: key },
    });
    expect(props(template).SecurityConfiguration).toEqual({ Ref: idOf(stack, job.securityConfiguration) });
  });

  test('log groups where Glue writes with a security configuration: error and output, encrypted, DEFAULT_LOG_RETENTION_DAYS (365), retained', () => {
    expect(SparkJob.DEFAULT_LOG_RETENTION_DAYS).toBe(CommonDefaults.ACCESS_LOG_RETENTION_DAYS);
    const { job, lake, stack, template } = synthJob();
    // the role is named like the job: <security configuration>-role/<role name>
    const base = `/aws-glue/jobs/${job.jobName}-role/${job.jobName}`;
    expect(logGroupNames(template).sort()).toEqual([`${base}/error`, `${base}/output`]);
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.Properties.KmsKeyId).toEqual(arnOf(stack, lake.encryptionKey.key));
      expect(group.Properties.RetentionInDays).toBe(365);
      expect(group.DeletionPolicy).toBe('RetainExceptOnCreate');
      expect(group.UpdateReplacePolicy).toBe('Retain');
    }
  });

  test('deployability: the logs service may use the key for exactly those log groups, in the key policy', () => {
    const { lake, stack, template } = synthJob();
    const keyPolicy = template.toJSON().Resources[idOf(stack, lake.encryptionKey.key)].Properties.KeyPolicy;
    const names = logGroupNames(template);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(logsStatementCovers(keyPolicy, n)).toBe(true);
    expect(logsStatementCovers(keyPolicy, '/aws-glue/jobs/other-platform-role/x/error')).toBe(false);
  });

  test('deployability: the job is created after its role, the role policy and its log groups', () => {
    const { job, stack, template } = synthJob();
    const dependsOn = only(template, JOB).DependsOn as string[];
    expect(dependsOn).toEqual(
      expect.arrayContaining([
        stack.getLogicalId(job.role.node.defaultChild as iam.CfnRole),
        stack.getLogicalId(job.role.node.findChild('DefaultPolicy').node.defaultChild as iam.CfnPolicy),
        ...job.logGroups.map((g) => idOf(stack, g)),
      ]),
    );
  });

  test('no network: no connection, no security group', () => {
    const { job, template } = synthJob();
    expect(job.connection).toBeUndefined();
    expect(job.securityGroup).toBeUndefined();
    expect(template.findResources(CONNECTION)).toEqual({});
    expect(props(template).Connections).toBeUndefined();
  });

  test('tags: the kit tag on the job and its role', () => {
    const { template } = synthJob();
    expect(props(template).Tags).toEqual({ 'data-platform': 'sales' });
    expect(only(template, 'AWS::IAM::Role').Properties.Tags).toEqual([
      { Key: 'data-platform', Value: 'sales' },
    ]);
  });
});

describe('SparkJob role: exactly its zones, its script, its logs and its key', () => {
  test('assumed by Glue only, with no managed policy', () => {
    const role = only(synthJob().template, 'AWS::IAM::Role').Properties;
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' } },
    ]);
    expect(role.ManagedPolicyArns).toBeUndefined();
  });

  test("the lake's read grant on the source zone and read-write grant on the target zone; no other zone", () => {
    const { lake, job, stack, template } = synthJob();
    const statements = statementsOf(template, idOf(stack, job.role));
    const resources = statements.flatMap((s) => [s.Resource].flat().map(flat));
    const raw = `<${idOf(stack, lake.bucketFor('raw'))}.Arn>`;
    const curated = `<${idOf(stack, lake.bucketFor('curated'))}.Arn>`;
    const serving = `<${idOf(stack, lake.bucketFor('serving'))}.Arn>`;
    const on = (resource: string) =>
      statements.filter((s) => [s.Resource].flat().map(flat).includes(resource)).flatMap(actionsOf);
    expect(on(`${raw}/*`)).toEqual(['s3:GetObject']);
    expect(on(raw).sort()).toEqual(['s3:GetBucketLocation', 's3:ListBucket']);
    expect(on(`${curated}/*`).sort()).toEqual(
      [
        's3:AbortMultipartUpload',
        's3:DeleteObject',
        's3:GetObject',
        's3:ListMultipartUploadParts',
        's3:PutObject',
      ].sort(),
    );
    expect(resources.some((r) => r.includes(serving))).toBe(false);
    expect(job.sourceGrant.success && job.targetGrant.success).toBe(true);
  });

  test('reads its one script object; logs to its own log groups; bookmarks with its key; nothing else', () => {
    const { job, lake, stack, template } = synthJob();
    const statements = statementsOf(template, idOf(stack, job.role));
    const script = statements.find((s) => flat(s.Resource).includes('cdk-'));
    expect(actionsOf(script!)).toEqual(SPARK_JOB_PERMISSIONS.scriptActions);
    expect(flat(script!.Resource)).toMatch(
      /:s3:::cdk-[a-z0-9]+-assets-111122223333-eu-west-1\/[0-9a-f]{64}\.py$/,
    );
    const logs = statements.find((s) => actionsOf(s).includes('logs:AssociateKmsKey'))!;
    expect(actionsOf(logs)).toEqual(SPARK_JOB_PERMISSIONS.logActions);
    const groupArns = [logs.Resource].flat().map(flat);
    expect(groupArns).toHaveLength(4);
    for (const arn of groupArns) {
      expect(arn).toMatch(new RegExp(`log-group:/aws-glue/jobs/${job.jobName}-role/`));
    }
    const bookmarks = statements.find((s) => actionsOf(s).includes('kms:Encrypt'))!;
    expect(actionsOf(bookmarks)).toEqual(SPARK_JOB_PERMISSIONS.keyActions);
    expect(bookmarks.Resource).toEqual(arnOf(stack, lake.encryptionKey.key));
    // no wildcard actions, no glue or ec2 actions without a network
    const actions = statements.flatMap(actionsOf);
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    expect(actions.filter((a) => /^(glue|ec2):/.test(a))).toEqual([]);
  });

  test('the wildcards it inherently needs are acknowledged on the role, with the table reasons, never on data', () => {
    const { job, stack } = buildJob();
    const acks = acknowledgementsIn(stack);
    expect(acks.length).toBe(4);
    for (const ack of acks) {
      expect(ack.path).toBe(job.role.node.path);
      expect(ack.resourceTypes).toEqual(['AWS::IAM::Policy', 'AWS::IAM::Role']);
      expect([
        INHERENT_WILDCARD_REASONS.SPARK_JOB_ZONES,
        INHERENT_WILDCARD_REASONS.SPARK_JOB_LOG_STREAMS,
      ]).toContain(ack.reason);
    }
    expect(acknowledgementsOnDataResources(stack)).toEqual([]);
  });

  test('grantRun: start, watch and stop runs of this job only', () => {
    const { job, stack } = buildJob();
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    expect(job.grantRun(operator).success).toBe(true);
    const statements = statementsOf(Template.fromStack(stack), idOf(stack, operator));
    expect(statements).toHaveLength(1);
    expect(actionsOf(statements[0])).toEqual([
      'glue:StartJobRun',
      'glue:GetJobRun',
      'glue:GetJobRuns',
      'glue:BatchStopJobRun',
    ]);
    expect(flat(statements[0].Resource)).toBe(
      `arn:<AWS::Partition>:glue:eu-west-1:111122223333:job/${job.jobName}`,
    );
  });
});

describe('SparkJob options', () => {
  test('glueVersion 4.0: continuous logging on, and its logs-v2 log group made, encrypted and retained', () => {
    const { job, template } = synthJob({ glueVersion: glue.GlueVersion.V4_0 });
    expect(props(template).GlueVersion).toBe('4.0');
    expect(args(template)['--enable-continuous-cloudwatch-log']).toBe('true');
    expect(logGroupNames(template)).toContain(`/aws-glue/jobs/logs-v2-${job.jobName}`);
    expect(job.logGroups).toHaveLength(3);
  });

  test('glueVersion 5.1', () => {
    expect(props(synthJob({ glueVersion: glue.GlueVersion.V5_1 }).template).GlueVersion).toBe('5.1');
  });

  test('workerType, workerCount, timeoutMinutes, jobBookmarks off, description', () => {
    const { template } = synthJob({
      workerType: glue.WorkerType.R_2X,
      workerCount: 10,
      timeoutMinutes: 60,
      jobBookmarks: false,
      description: 'Cleans orders',
    });
    expect(props(template)).toMatchObject({
      WorkerType: 'R.2X',
      NumberOfWorkers: 10,
      Timeout: 60,
      Description: 'Cleans orders',
    });
    expect(args(template)['--job-bookmark-option']).toBe('job-bookmark-disable');
  });

  test('Scala: the job language and the main class, no Python version', () => {
    const { template } = synthJob({ language: SparkJobLanguage.SCALA, mainClass: 'com.example.CleanOrders' });
    expect(args(template)).toMatchObject({ '--job-language': 'scala', '--class': 'com.example.CleanOrders' });
    expect(props(template).Command.PythonVersion).toBeUndefined();
  });

  test('arguments are passed as --<name>, after the kit’s', () => {
    const { template } = synthJob({ arguments: { run_mode: 'full', 'datalake-formats': 'iceberg' } });
    expect(args(template)).toMatchObject({ '--run_mode': 'full', '--datalake-formats': 'iceberg' });
  });

  test("encryptionKey: the logs and bookmarks use it; S3 writes keep the lake's key", () => {
    const stack = newAwsStack();
    const key = new EncryptionKey(stack, 'JobKey', { platformName: 'sales', purpose: 'jobs' });
    const { lake, job, template } = synthJob({ encryptionKey: key }, stack);
    expect(job.encryptionKey).toBe(key);
    const settings = only(template, SECURITY_CONFIGURATION).Properties.EncryptionConfiguration;
    expect(settings.S3Encryptions[0].KmsKeyArn).toEqual(arnOf(stack, lake.encryptionKey.key));
    expect(settings.CloudWatchEncryption.KmsKeyArn).toEqual(arnOf(stack, key.key));
    expect(settings.JobBookmarksEncryption.KmsKeyArn).toEqual(arnOf(stack, key.key));
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.Properties.KmsKeyId).toEqual(arnOf(stack, key.key));
    }
  });

  test('logRetentionDays', () => {
    for (const group of Object.values(synthJob({ logRetentionDays: 90 }).template.findResources(LOG_GROUP))) {
      expect(group.Properties.RetentionInDays).toBe(90);
    }
  });

  test('script from a bucket: read of that one object, and decrypt with the bucket key', () => {
    const stack = newAwsStack();
    const scriptsKey = new kms.Key(stack, 'ScriptsKey', { enableKeyRotation: true });
    const bucket = new s3.Bucket(stack, 'Scripts', { encryptionKey: scriptsKey, enforceSSL: true });
    const { job, template } = synthJob({ script: SparkJobScript.fromBucket(bucket, 'jobs/clean.py') }, stack);
    expect(flat(props(template).Command.ScriptLocation)).toBe(`s3://<${idOf(stack, bucket)}>/jobs/clean.py`);
    const statements = statementsOf(template, idOf(stack, job.role));
    expect(
      statements.find((s) => flat(s.Resource) === `<${idOf(stack, bucket)}.Arn>/jobs/clean.py`),
    ).toMatchObject({ Action: 's3:GetObject' });
    expect(statements.find((s) => flat(s.Resource) === `<${idOf(stack, scriptsKey)}.Arn>`)).toMatchObject({
      Action: 'kms:Decrypt',
    });
  });

  test('network: a NETWORK connection in the first data subnet, a self-referencing security group, EC2 permissions', () => {
    const stack = newAwsStack();
    const network = new Network(stack, 'Network', { platformName: 'sales' });
    const { job, template } = synthJob({ network }, stack);
    const subnet = network.selectDataSubnets().subnets[0];
    expect(only(template, CONNECTION).Properties).toEqual({
      CatalogId: '111122223333',
      ConnectionInput: {
        Name: job.jobName,
        Description: `Network of Glue job ${job.jobName}`,
        ConnectionType: 'NETWORK',
        PhysicalConnectionRequirements: {
          SubnetId: stack.resolve(subnet.subnetId),
          AvailabilityZone: stack.resolve(subnet.availabilityZone),
          SecurityGroupIdList: [stack.resolve(job.securityGroup!.securityGroupId)],
        },
      },
      Tags: { 'data-platform': 'sales' },
    });
    expect(props(template).Connections).toEqual({ Connections: [{ Ref: idOf(stack, job.connection!) }] });
    template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      FromPort: 0,
      ToPort: 65535,
      GroupId: stack.resolve(job.securityGroup!.securityGroupId),
      SourceSecurityGroupId: stack.resolve(job.securityGroup!.securityGroupId),
    });
    const actions = statementsOf(template, idOf(stack, job.role)).flatMap(actionsOf);
    expect(actions).toEqual(
      expect.arrayContaining([
        ...SPARK_JOB_PERMISSIONS.connectionActions,
        ...SPARK_JOB_PERMISSIONS.networkDescribeActions,
        ...SPARK_JOB_PERMISSIONS.networkInterfaceCreateActions,
        ...SPARK_JOB_PERMISSIONS.networkInterfaceDeleteActions,
        ...SPARK_JOB_PERMISSIONS.networkTagActions,
      ]),
    );
    // the tags Glue may set are its own only
    const tagging = statementsOf(template, idOf(stack, job.role)).find((s) =>
      actionsOf(s).includes('ec2:CreateTags'),
    );
    expect(tagging!.Condition).toEqual({
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['aws-glue-service-resource'] },
    });
  });

  test('network: the interface and describe wildcards are acknowledged on the role only', () => {
    const stack = newAwsStack();
    const { job } = buildJob({ network: new Network(stack, 'Network', { platformName: 'sales' }) }, stack);
    const onRole = acknowledgementsIn(stack).filter((a) => a.path === job.role.node.path);
    expect(
      onRole.filter((a) => a.reason === INHERENT_WILDCARD_REASONS.SPARK_JOB_NETWORK).map((a) => a.ruleId),
    ).toEqual([
      'AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:eu-west-1:111122223333:network-interface/*]',
    ]);
  });

  test('tags: user tags next to the kit tag', () => {
    const { template } = synthJob({ tags: { team: 'data' } });
    expect(props(template).Tags).toEqual({ 'data-platform': 'sales', team: 'data' });
  });

  test('tokens for workerCount, timeoutMinutes and logRetentionDays go to the template', () => {
    const stack = newAwsStack();
    const number = (id: string) => Token.asNumber(new CfnParameter(stack, id, { type: 'Number' }).value);
    const { template } = synthJob(
      {
        workerCount: number('Workers'),
        timeoutMinutes: number('Timeout'),
        logRetentionDays: number('Retention'),
      },
      stack,
    );
    expect(props(template)).toMatchObject({
      NumberOfWorkers: { Ref: 'Workers' },
      Timeout: { Ref: 'Timeout' },
    });
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.Properties.RetentionInDays).toEqual({ Ref: 'Retention' });
    }
  });
});

describe('SparkJob removal guard', () => {
  test('DESTROY without the context flag keeps the log groups and warns', () => {
    const { stack, template } = synthJob({ removalPolicy: DataRemovalPolicy.DESTROY });
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.DeletionPolicy).toBe('RetainExceptOnCreate');
    }
    Annotations.fromStack(stack).hasWarning(
      '/Test/Clean',
      Match.stringLikeRegexp(`${REMOVE_DATA_ON_DESTROY_CONTEXT}.*\\[ack: ${REMOVAL_DOWNGRADED_WARNING}\\]`),
    );
  });

  test('DESTROY with the context flag deletes the log groups', () => {
    const stack = newAwsStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = synthJob({ removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    for (const group of Object.values(template.findResources(LOG_GROUP))) {
      expect(group.DeletionPolicy).toBe('Delete');
    }
  });
});

describe('SparkJob under the recommended feature flags', () => {
  test('the same job, security configuration, log groups and role grants', () => {
    const { job, stack, template } = synthJob({}, newRecommendedAwsStack());
    expect(props(template).SecurityConfiguration).toEqual({ Ref: idOf(stack, job.securityConfiguration) });
    expect(logGroupNames(template)).toHaveLength(2);
    const actions = statementsOf(template, idOf(stack, job.role)).flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining([...SPARK_JOB_PERMISSIONS.logActions, 's3:PutObject']));
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
  });
});

function baseProps(lake: ReturnType<typeof buildJob>['lake']) {
  return {
    platformName: 'sales',
    jobName: 'clean',
    lake,
    sourceZone: 'raw',
    targetZone: 'curated',
    script: SparkJobScript.fromAsset(`${__dirname}/fixtures/clean.py`),
  };
}
