/**
 * What a data mesh owns once per account and region, in the first of its stacks to deploy there
 * (governance, else the first identity stack): the catalog key (apart from every domain's data
 * key), the Lake Formation and catalog-encryption settings, and the classification LF-tag.
 * Internal: not exported from the entry point.
 */
import { Aws, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { catalogKeyAlias, classificationTagKey, personaRoleArn } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import { AccountDataSettings } from '../../catalog/account-data-settings';
import { applyTags } from '../../private/tags';
import { EncryptionKey } from '../../security/encryption-key';

/** Lake Formation's cross-account version the mesh sets: grants to other accounts' IAM roles, hybrid access. */
export const MESH_CROSS_ACCOUNT_VERSION = 4;

/** What one account's owner made. */
export interface AccountOwnerParts {
  readonly catalogKey: EncryptionKey;
  readonly settings: AccountDataSettings;
  readonly classificationTag: lf.CfnTag;
}

/**
 * The account-wide parts in `stack` for the environment `envKey`. The catalog key lets the
 * consumer roles of other accounts that read this account's products decrypt catalog metadata
 * (never data: that key stays in the products stack), named by ARN under a condition so the
 * key policy does not need the roles to exist yet.
 */
export function createAccountOwner(
  stack: Stack,
  settings: DataMeshSettings,
  envKey: string,
): AccountOwnerParts {
  const { plan } = settings;
  const catalogKey = new EncryptionKey(stack, 'CatalogKey', {
    platformName: plan.name,
    purpose: 'catalog',
    aliasName: catalogKeyAlias(plan.name),
    tags: plan.tags,
  });
  const readers = foreignReaderArns(settings, envKey);
  if (readers.accounts.length > 0) {
    catalogKey.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'MeshConsumersReadCatalogMetadata',
        actions: ['kms:Decrypt', 'kms:DescribeKey'],
        principals: readers.accounts.map((a) => new iam.AccountPrincipal(a)),
        resources: ['*'],
        conditions: { ArnLike: { 'aws:PrincipalArn': readers.roles } },
      }),
    );
  }
  const account = settings.envs[stack.stackName]?.account;
  const accountSettings = new AccountDataSettings(stack, 'AccountSettings', {
    encryptionKey: catalogKey,
    existingAdminArns: account === undefined ? undefined : settings.existingAdmins[account],
    crossAccountVersion: MESH_CROSS_ACCOUNT_VERSION,
  });
  const classificationTag = new lf.CfnTag(stack, 'ClassificationTag', {
    catalogId: Aws.ACCOUNT_ID,
    tagKey: classificationTagKey(plan.name),
    tagValues: [...plan.classifications],
  });
  classificationTag.node.addDependency(accountSettings.dependable);
  applyTags(classificationTag, plan.tags);
  return { catalogKey, settings: accountSettings, classificationTag };
}

/**
 * The consumer roles in other accounts that read products of domains in `envKey`, and their
 * accounts: they need `kms:Decrypt` on this account's catalog key to read table metadata.
 */
function foreignReaderArns(
  settings: DataMeshSettings,
  envKey: string,
): { accounts: string[]; roles: string[] } {
  const { plan, domainEnvs } = settings;
  const roles = new Set<string>();
  const accounts = new Set<string>();
  for (const grant of plan.subscriptions) {
    const producer = domainEnvs[grant.producer];
    const consumer = domainEnvs[grant.consumer];
    if (producer.key !== envKey || consumer.account === producer.account || consumer.account === undefined) {
      continue;
    }
    accounts.add(consumer.account);
    roles.add(personaRoleArn(plan.name, grant.consumer, grant.persona, consumer.account));
  }
  return { accounts: [...accounts].sort(), roles: [...roles].sort() };
}
