/**
 * The subscription matrix rendered: Lake Formation grants in the producer's products stack to the
 * consumers' persona roles (by name, never by export), and in the consumer's products stack the
 * resource links to other accounts' databases and the IAM side of reading them. Consumers never
 * get the data key or a bucket policy: Lake Formation vends credentials through the producer's
 * registered location. Internal: not exported from the entry point.
 */
import { Aws, type Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lf from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { catalogKeyAlias, idPart, personaRoleArn, resourceLinkName } from './mesh-names';
import type { DataMeshSettings, ResolvedEnv } from './mesh-settings';
import type { ProductTable } from './product-tables';
import { stableHash, ZoneAccess } from '../../../core/internal';
import type { PlannedSubscriptionGrant } from '../../../patterns';
import { CATALOG_PERMISSIONS, LAKE_FORMATION_DATA_ACCESS_ACTION } from '../../catalog/perms';
import type { Lakehouse } from '../../patterns/lakehouse';
import { acknowledgeWildcards } from '../../private/acknowledgements';
import { removalPolicyFor } from '../../private/removal';

const CONSUMER_WILDCARD_REASON =
  "lakeformation:GetDataAccess has no resource-level permissions; a producer's catalog key is named by its alias (kms:ResourceAliases), the key id being unknown to the consumer's stack.";

/**
 * The producer's grants for each subscription of `producer`: DESCRIBE on the product's database,
 * DESCRIBE on its table, and SELECT on the table — on every column but the consumer's hidden
 * ones (`ColumnWildcard.ExcludedColumnNames`) when it has any. Never a grant option, never write.
 * Each is created after the table and carries the table's generation in its id, so a replaced
 * table gets its grants again; the SELECT's id also carries the hidden columns.
 */
export function createProducerGrants(
  stack: Stack,
  settings: DataMeshSettings,
  producer: string,
  lakehouse: Lakehouse,
  tables: Readonly<Record<string, ProductTable>>,
): lf.CfnPrincipalPermissions[] {
  const own = settings.plan.subscriptions.filter((g) => g.producer === producer);
  if (own.length === 0) return [];
  const scope = new Construct(stack, 'Subscribers');
  const made = new Map<string, lf.CfnPrincipalPermissions>();
  const catalogId = Aws.ACCOUNT_ID;
  const grant = (
    id: string,
    g: PlannedSubscriptionGrant,
    resource: lf.CfnPrincipalPermissions.ResourceProperty,
    permission: string,
    after: Construct,
  ) => {
    if (made.has(id)) return;
    const consumer = settings.domainEnvs[g.consumer];
    const p = new lf.CfnPrincipalPermissions(scope, id, {
      principal: {
        dataLakePrincipalIdentifier: personaRoleArn(
          settings.plan.name,
          g.consumer,
          g.persona,
          consumer.arnAccount,
        ),
      },
      resource,
      permissions: [permission],
      permissionsWithGrantOption: [],
    });
    p.node.addDependency(after);
    made.set(id, p);
  };
  for (const g of own) {
    const t = tables[g.product];
    const who = `${idPart(g.consumer)}${idPart(g.persona)}`;
    const what = `${idPart(t.product.name)}${t.generation}`;
    const table = { catalogId, databaseName: t.databaseName, name: t.product.table };
    grant(
      `${who}${idPart(t.databaseName)}Describe`,
      g,
      { database: { catalogId, name: t.databaseName } },
      'DESCRIBE',
      lakehouse.catalog.databases[t.product.zone],
    );
    grant(`${who}${what}Describe`, g, { table }, 'DESCRIBE', t.table);
    if (g.hiddenColumns.length === 0) {
      grant(`${who}${what}Select`, g, { table }, 'SELECT', t.table);
    } else {
      grant(
        `${who}${what}Select${stableHash(g.hiddenColumns.join(','))}`,
        g,
        { tableWithColumns: { ...table, columnWildcard: { excludedColumnNames: [...g.hiddenColumns] } } },
        'SELECT',
        t.table,
      );
    }
  }
  return [...made.values()];
}

/** What a consumer's stack made for its subscriptions. */
export interface ConsumerAccess {
  /** Resource links to other accounts' databases, by `<producer>/<database>`. */
  readonly resourceLinks: Record<string, glue.CfnDatabase>;
  /** The IAM side of reading the subscribed products, per consumer persona. */
  readonly policies: Record<string, iam.Policy>;
}

/**
 * The consumer's side of its subscriptions, in its own products stack (deployed after every
 * identity stack): a resource link per producer database in another account (with DESCRIBE on
 * it for the subscribing personas), and per subscribing persona one IAM policy to read the
 * products' catalog entries (and the links), to ask Lake Formation for data access and, across
 * accounts, to decrypt the producer's catalog metadata. No S3 and no data-key permission.
 */
export function createConsumerAccess(
  stack: Stack,
  settings: DataMeshSettings,
  consumer: string,
  lakehouse: Lakehouse,
  tables: Readonly<Record<string, ProductTable>>,
): ConsumerAccess {
  const own = settings.plan.subscriptions.filter((g) => g.consumer === consumer);
  const resourceLinks: Record<string, glue.CfnDatabase> = {};
  const policies: Record<string, iam.Policy> = {};
  if (own.length === 0) return { resourceLinks, policies };
  const here = settings.domainEnvs[consumer];
  const statements = new Map<string, iam.PolicyStatement[]>();
  const linkGrants = new Set<string>();
  for (const g of own) {
    const t = tables[g.product];
    const there = settings.domainEnvs[g.producer];
    const glueArn = (env: ResolvedEnv, resource: string) =>
      `arn:${Aws.PARTITION}:glue:${env.region ?? Aws.REGION}:${env.arnAccount}:${resource}`;
    const resources = [
      glueArn(there, 'catalog'),
      glueArn(there, `database/${t.databaseName}`),
      glueArn(there, `table/${t.databaseName}/${t.product.table}`),
    ];
    const list = statements.get(g.persona) ?? [];
    statements.set(g.persona, list);
    if (there.account !== here.account) {
      const linkKey = `${g.producer}/${t.databaseName}`;
      const link = (resourceLinks[linkKey] ??= createResourceLink(stack, lakehouse, g.producer, t, there));
      const linkName = resourceLinkName(t.databaseName);
      resources.push(
        glueArn(here, 'catalog'),
        glueArn(here, `database/${linkName}`),
        glueArn(here, `table/${linkName}/${t.product.table}`),
      );
      if (!linkGrants.has(`${linkKey}|${g.persona}`)) {
        linkGrants.add(`${linkKey}|${g.persona}`);
        const p = new lf.CfnPrincipalPermissions(stack, `${idPart(g.persona)}${idPart(linkName)}Describe`, {
          principal: { dataLakePrincipalIdentifier: lakehouse.personas[g.persona].roleArn },
          resource: { database: { catalogId: Aws.ACCOUNT_ID, name: linkName } },
          permissions: ['DESCRIBE'],
          permissionsWithGrantOption: [],
        });
        p.node.addDependency(link);
      }
      list.push(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [`arn:${Aws.PARTITION}:kms:${there.region ?? Aws.REGION}:${there.arnAccount}:key/*`],
          conditions: {
            'ForAnyValue:StringEquals': { 'kms:ResourceAliases': catalogKeyAlias(settings.plan.name) },
          },
        }),
      );
    }
    list.push(
      new iam.PolicyStatement({ actions: [...CATALOG_PERMISSIONS[ZoneAccess.READ].glueActions], resources }),
    );
  }
  for (const [persona, list] of statements) {
    const role = lakehouse.personas[persona];
    const policy = new iam.Policy(stack, `Subscriptions${idPart(persona)}`, {
      roles: [role],
      statements: [
        ...list,
        new iam.PolicyStatement({ actions: [LAKE_FORMATION_DATA_ACCESS_ACTION], resources: ['*'] }),
      ],
    });
    acknowledgeWildcards(
      policy,
      ['*', ...list.flatMap((s) => s.resources.filter((r) => r.endsWith(':key/*')))],
      CONSUMER_WILDCARD_REASON,
    );
    policies[persona] = policy;
  }
  return { resourceLinks, policies };
}

/** A resource link in this account's catalog to the producer's database in its account and region. */
function createResourceLink(
  stack: Stack,
  lakehouse: Lakehouse,
  producer: string,
  t: ProductTable,
  there: ResolvedEnv,
): glue.CfnDatabase {
  const link = new glue.CfnDatabase(stack, `Link${idPart(producer)}${idPart(t.product.zone)}`, {
    catalogId: Aws.ACCOUNT_ID,
    databaseInput: {
      name: resourceLinkName(t.databaseName),
      targetDatabase: {
        catalogId: there.arnAccount,
        databaseName: t.databaseName,
        ...(there.region === undefined ? {} : { region: there.region }),
      },
    },
  });
  // A link holds no data, but it is a named catalog entry: kept like the lake's own databases.
  link.applyRemovalPolicy(removalPolicyFor(link, lakehouse.plan.removalPolicy));
  return link;
}
