import { TerraformVariable } from 'cdktf';
import { newJob, newLake } from './spark-job-fixtures';
import { ErrorCode } from '../../../src/core/errors';
import { EncryptionKey, LakeStorage, Network, type SparkJobProps } from '../../../src/gcp';
import type { TerraformStack } from '../../../src/terraform';
import { describeBadInput, tupleRows } from '../../helpers/bad-input';
import { expectValidationError, newGcpStack } from '../support';

/**
 * Bad input to SparkJob, one table: each row builds a job with one bad prop and names the
 * ErrorCode and prop it must fail with. The job's grants are fixed by its two zones, its workload
 * is always CMEK-encrypted in the network's subnet and no prop opens it up, so no row can ask for
 * weaker security; the one role a user may choose (`workerRole`) can never be a basic role.
 */

type Row = [description: string, build: (stack: TerraformStack) => unknown, code: ErrorCode, prop: string];

const job = (props: Partial<SparkJobProps>) => (stack: TerraformStack) => newJob(stack, props);
const jar = (props: Partial<SparkJobProps>) => job({ mainPythonFileUri: undefined, ...props });

const ROWS: Row[] = [
  // Names
  ['platformName in uppercase', job({ platformName: 'Sales' }), ErrorCode.INVALID_NAME, 'platformName'],
  ['jobName empty', job({ jobName: '' }), ErrorCode.INVALID_NAME, 'jobName'],
  ['jobName too long', job({ jobName: 'c'.repeat(21) }), ErrorCode.INVALID_NAME, 'jobName'],
  ['jobName in uppercase', job({ jobName: 'Clean' }), ErrorCode.INVALID_NAME, 'jobName'],
  ['jobName with _', job({ jobName: 'clean_up' }), ErrorCode.INVALID_NAME, 'jobName'],
  [
    'jobName as a deploy-time token',
    (stack) => newJob(stack, { jobName: new TerraformVariable(stack, 'J', { type: 'string' }).stringValue }),
    ErrorCode.INVALID_NAME,
    'jobName',
  ],
  [
    'serviceAccountId too short',
    job({ serviceAccountId: 'abc' }),
    ErrorCode.INVALID_NAME,
    'serviceAccountId',
  ],
  [
    'serviceAccountId in uppercase',
    job({ serviceAccountId: 'Sales-Clean' }),
    ErrorCode.INVALID_NAME,
    'serviceAccountId',
  ],
  [
    'serviceAccountId starting with a digit',
    job({ serviceAccountId: '1sales-clean' }),
    ErrorCode.INVALID_NAME,
    'serviceAccountId',
  ],
  ['project in uppercase', job({ project: 'Acme-Data' }), ErrorCode.INVALID_NAME, 'project'],
  ['a label key in uppercase', job({ tags: { Team: 'sales' } }), ErrorCode.INVALID_TAGS, 'tags key'],
  // Zones
  [
    'a source zone the lake does not have',
    job({ sourceZone: 'landing' }),
    ErrorCode.UNKNOWN_ZONE,
    'sourceZone',
  ],
  ['a target zone the lake does not have', job({ targetZone: 'gold' }), ErrorCode.UNKNOWN_ZONE, 'targetZone'],
  ['target zone = source zone', job({ targetZone: 'raw' }), ErrorCode.CONFLICTING_PROPS, 'targetZone'],
  // Network and key
  [
    'a kit Network without allowInternalIngress',
    (stack) =>
      newJob(stack, {
        network: new Network(stack, 'Closed', { platformName: 'sales', region: 'europe-west1' }),
      }),
    ErrorCode.CONFLICTING_PROPS,
    'network',
  ],
  [
    'a multi-region lake key for a regional job',
    (stack) => newJob(stack, { lake: newLake(stack, 'EU') }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  [
    'a key in another region',
    (stack) => newJob(stack, { encryptionKey: new EncryptionKey(stack, 'K', { location: 'us-central1' }) }),
    ErrorCode.INVALID_LOCATION,
    'encryptionKey',
  ],
  // Driver
  ['no main file nor class', jar({}), ErrorCode.CONFLICTING_PROPS, 'mainPythonFileUri'],
  [
    'a Python and a jar main file',
    job({ mainJarFileUri: 'gs://acme-code/clean.jar' }),
    ErrorCode.CONFLICTING_PROPS,
    'mainJarFileUri',
  ],
  [
    'a jar main file and a main class',
    jar({ mainJarFileUri: 'gs://acme-code/clean.jar', mainClass: 'com.acme.Clean' }),
    ErrorCode.CONFLICTING_PROPS,
    'mainClass',
  ],
  [
    'pythonFileUris on a JVM job',
    jar({ mainClass: 'com.acme.Clean', pythonFileUris: ['gs://acme-code/lib.zip'] }),
    ErrorCode.CONFLICTING_PROPS,
    'pythonFileUris',
  ],
  [
    'an https main file',
    job({ mainPythonFileUri: 'https://acme.com/clean.py' }),
    ErrorCode.INVALID_NAME,
    'mainPythonFileUri',
  ],
  [
    'a bucket without an object',
    job({ mainPythonFileUri: 'gs://acme-code' }),
    ErrorCode.INVALID_NAME,
    'mainPythonFileUri',
  ],
  ['a relative main jar', jar({ mainJarFileUri: 'clean.jar' }), ErrorCode.INVALID_NAME, 'mainJarFileUri'],
  [
    'a bad second jar',
    job({ jarFileUris: ['gs://acme-code/a.jar', 's3://acme/b.jar'] }),
    ErrorCode.INVALID_NAME,
    'jarFileUris[1]',
  ],
  ['a bad python file', job({ pythonFileUris: ['lib.zip'] }), ErrorCode.INVALID_NAME, 'pythonFileUris[0]'],
  ['a bad file', job({ fileUris: ['gs://Acme/conf.json'] }), ErrorCode.INVALID_NAME, 'fileUris[0]'],
  ['a bad archive', job({ archiveUris: ['/tmp/env.tar.gz'] }), ErrorCode.INVALID_NAME, 'archiveUris[0]'],
  ['a main class with a space', jar({ mainClass: 'com.acme Clean' }), ErrorCode.INVALID_NAME, 'mainClass'],
  // Runtime
  ['runtimeVersion without a minor', job({ runtimeVersion: '2' }), ErrorCode.INVALID_NAME, 'runtimeVersion'],
  ['runtimeVersion as a word', job({ runtimeVersion: 'latest' }), ErrorCode.INVALID_NAME, 'runtimeVersion'],
  [
    'a property name with a space',
    job({ properties: { 'spark executor': '2' } }),
    ErrorCode.INVALID_NAME,
    'properties key',
  ],
  ['timeoutMinutes below 10', job({ timeoutMinutes: 9 }), ErrorCode.OUT_OF_RANGE, 'timeoutMinutes'],
  ['timeoutMinutes above 14 days', job({ timeoutMinutes: 20_161 }), ErrorCode.OUT_OF_RANGE, 'timeoutMinutes'],
  ['timeoutMinutes not an integer', job({ timeoutMinutes: 30.5 }), ErrorCode.OUT_OF_RANGE, 'timeoutMinutes'],
  [
    'stagingBucket with uppercase',
    job({ stagingBucket: 'Acme_Staging' }),
    ErrorCode.INVALID_NAME,
    'stagingBucket',
  ],
  [
    'stagingBucket as a gs:// URI',
    job({ stagingBucket: 'gs://acme-staging' }),
    ErrorCode.INVALID_NAME,
    'stagingBucket',
  ],
  // Roles
  ['workerRole a basic role', job({ workerRole: 'roles/editor' }), ErrorCode.INVALID_NAME, 'workerRole'],
  ['workerRole without roles/', job({ workerRole: 'dataproc.worker' }), ErrorCode.INVALID_NAME, 'workerRole'],
];

describeBadInput(
  'SparkJob rejects bad input',
  tupleRows(ROWS),
  {
    newStack: () => newGcpStack(),
    expectError: expectValidationError,
  },
  () => {
    test('a lake from another stack is fine as long as the zones exist', () => {
      const stack = newGcpStack();
      const lake = new LakeStorage(stack, 'Other', {
        platformName: 'sales',
        location: 'europe-west1',
        zones: ['a', 'b'],
      });
      expect(() => newJob(stack, { lake, sourceZone: 'a', targetZone: 'b' })).not.toThrow();
    });
  },
);
