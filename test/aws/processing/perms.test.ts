import { PIPELINE_PERMISSIONS, SPARK_JOB_PERMISSIONS, SPARK_JOB_RUN_PERMISSIONS } from '../../../src/aws';

describe('SPARK_JOB_PERMISSIONS', () => {
  const all = Object.values(SPARK_JOB_PERMISSIONS).flat();

  test('names every action exactly: no service-wide or prefix wildcards', () => {
    expect(all.filter((a) => a.includes('*'))).toEqual([]);
  });

  test('no glue:* beyond reading its own connection; no S3 write beyond the zone grants', () => {
    expect(all.filter((a) => a.startsWith('glue:'))).toEqual(['glue:GetConnection']);
    expect(all.filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject', 's3:GetBucketLocation']);
  });

  test('the key actions are those CSE-KMS bookmarks need, and no key administration', () => {
    expect(SPARK_JOB_PERMISSIONS.keyActions).toEqual(['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey']);
  });

  test('the log actions let Glue create and encrypt its own log groups and write to them', () => {
    expect(SPARK_JOB_PERMISSIONS.logActions).toEqual([
      'logs:CreateLogGroup',
      'logs:AssociateKmsKey',
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
  });
});

describe('SPARK_JOB_RUN_PERMISSIONS and PIPELINE_PERMISSIONS', () => {
  test('running a job is starting, watching and stopping its runs', () => {
    expect(SPARK_JOB_RUN_PERMISSIONS).toEqual([
      'glue:StartJobRun',
      'glue:GetJobRun',
      'glue:GetJobRuns',
      'glue:BatchStopJobRun',
    ]);
  });

  test('starting a pipeline is StartExecution and the key actions of its encryption, named exactly', () => {
    expect(PIPELINE_PERMISSIONS).toEqual({
      startActions: ['states:StartExecution'],
      startKeyActions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      scheduleKeyActions: ['kms:Decrypt'],
      observeStateMachineActions: ['states:DescribeStateMachine', 'states:ListExecutions'],
      observeExecutionActions: [
        'states:DescribeExecution',
        'states:GetExecutionHistory',
        'states:StopExecution',
      ],
    });
  });
});
