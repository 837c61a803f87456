import { Template } from 'aws-cdk-lib/assertions';
import * as aws from '../../src/aws';
import * as azure from '../../src/azure';
import { DataRemovalPolicy, REMOVE_DATA_ON_DESTROY_CONTEXT } from '../../src/core/removal';
import { DATA_DESTROYING_ARGUMENTS } from '../../src/core/stateful';
import * as gcp from '../../src/gcp';
import { newAzureStack, RG } from '../azure/azure-stack';
import { newGcpStack } from '../gcp/support';
import { newAwsStack } from '../helpers/aws-stack';
import { TfTemplate } from '../helpers/tf-template';

/**
 * The removal guard on every cloud: `removalPolicy: DESTROY` deletes data only when the app
 * context sets the flag to true; unset or false, everything stays retained.
 */
type Flag = 'unset' | false | true;
const FLAGS: [Flag, boolean][] = [
  ['unset', false],
  [false, false],
  [true, true],
];
const contextFor = (flag: Flag) => (flag === 'unset' ? {} : { [REMOVE_DATA_ON_DESTROY_CONTEXT]: flag });

/** Per cloud: build a DESTROY lake and report, for each stateful resource, whether it would be deleted. */
const clouds: Record<string, (flag: Flag) => { deletable: boolean[]; destroying: string[] }> = {
  aws: (flag) => {
    const stack = newAwsStack(contextFor(flag));
    new aws.LakeStorage(stack, 'Lake', { platformName: 'sales', removalPolicy: DataRemovalPolicy.DESTROY });
    const resources = Object.values<any>(Template.fromStack(stack).toJSON().Resources).filter((r) =>
      ['AWS::S3::Bucket', 'AWS::KMS::Key'].includes(r.Type),
    );
    const autoDelete = resources.some((r) => JSON.stringify(r).includes('auto-delete-objects'));
    return {
      deletable: resources.map((r) => r.DeletionPolicy === 'Delete'),
      destroying: autoDelete ? ['autoDeleteObjects'] : [],
    };
  },
  gcp: (flag) => {
    const stack = newGcpStack(contextFor(flag));
    new gcp.LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      location: 'europe-west1',
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    return terraformFacts(TfTemplate.fromStack(stack), ['google_storage_bucket', 'google_kms_crypto_key']);
  },
  azure: (flag) => {
    const stack = newAzureStack(contextFor(flag));
    new azure.LakeStorage(stack, 'Lake', {
      platformName: 'sales',
      resourceGroup: RG,
      removalPolicy: DataRemovalPolicy.DESTROY,
    });
    return terraformFacts(TfTemplate.fromStack(stack), [
      'azurerm_storage_account',
      'azurerm_storage_container',
    ]);
  },
};

function terraformFacts(template: TfTemplate, types: string[]) {
  const blocks = types.flatMap((t) => template.resources(t));
  const all = Object.values(template.doc.resource ?? {}).flatMap((byName) => Object.values(byName));
  return {
    deletable: blocks.map(
      (b) => (b.config.lifecycle as { prevent_destroy?: boolean }).prevent_destroy === false,
    ),
    destroying: all.flatMap((r) => DATA_DESTROYING_ARGUMENTS.filter((arg) => r[arg] === true)),
  };
}

describe.each(Object.keys(clouds))('%s', (cloud) => {
  test.each(FLAGS)('DESTROY with the flag %p: deletable = %p', (flag, expected) => {
    const { deletable, destroying } = clouds[cloud](flag);
    expect(deletable.length).toBeGreaterThan(1);
    expect(new Set(deletable)).toEqual(new Set([expected]));
    expect(destroying).toEqual([]);
  });
});
