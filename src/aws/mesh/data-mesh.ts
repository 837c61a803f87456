import { Annotations, Stack } from 'aws-cdk-lib';
import type * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as ssm from 'aws-cdk-lib/aws-ssm';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import type { DataMeshProps } from './data-mesh-types';
import {
  type AccountOwnerParts,
  createAccountOwner,
  MESH_CROSS_ACCOUNT_VERSION,
} from './private/account-owner';
import { createContractRegistry } from './private/contract-registry';
import { createFreshnessChecks } from './private/freshness';
import { createPersonaRoles } from './private/identity';
import { catalogKeyAlias, idPart, personaRoleName } from './private/mesh-names';
import { type DataMeshSettings, resolveDataMeshSettings } from './private/mesh-settings';
import { createColumnTags, createProductTables, type ProductTable } from './private/product-tables';
import { createConsumerAccess, createProducerGrants } from './private/subscriptions';
import {
  type DataMeshPlan,
  domainLakehouseSpec,
  type MeshResourceModel,
  MeshStackKind,
  type PlannedStack,
} from '../../patterns';
import { AccountDataSettings } from '../catalog/account-data-settings';
import { ADMIN_NOT_ADDED_WARNING, Lakehouse } from '../patterns/lakehouse';
import { acknowledgeWildcards } from '../private/acknowledgements';
import { EncryptionKey } from '../security/encryption-key';

const MESH_ADMIN_REASON =
  "In a data mesh, domains may share an account: a domain's admin persona administers its own zones through its grants, never every domain's tables as a Lake Formation administrator.";

const CATALOG_KEY_ALIAS_REASON =
  "Catalog grants name the account's catalog key by its alias (kms:ResourceAliases condition on key/*): the key is made in the stack owning the account's settings, and its id is never exported.";

/** Warning id: accounts outside one organization must accept AWS RAM invitations before consumer stacks deploy. */
export const RAM_INVITATIONS_WARNING = 'data-platform-kit:meshRamInvitations';

/**
 * A data mesh on AWS from one cloud-neutral {@link DataMeshSpec} (`planDataMesh`): one stack per
 * planned stack, each in its own account and region, named as planned and ordered governance →
 * identities → products, referring to each other by deterministic names, never by exports.
 *
 * - **governance** (`<mesh>-governance`): every product's contract (Open Data Contract Standard
 *   JSON) as an SSM parameter; and, like the first identity stack of every other account, the
 *   account-wide parts: a catalog key apart from every data key, the Lake Formation settings
 *   (cross-account version 4, no IAMAllowedPrincipals defaults) and the classification LF-tag.
 * - **identity** (`<mesh>-<domain>-identity`): the domain's persona roles, `<mesh>-<domain>-<persona>`.
 * - **products** (`<mesh>-<domain>-products`): the domain's {@link Lakehouse} on those roles, a
 *   Glue table per product (Iceberg by default) with LF-tags on its classified columns, a
 *   freshness alarm per product, Lake Formation grants to its subscribers' roles (classified
 *   columns above a consumer's clearance excluded), and, for its own subscriptions to other
 *   accounts, resource links and the IAM side of reading them.
 *
 * Consumers never get a data key or a bucket policy: Lake Formation vends credentials.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/cross-account-permissions.html
 * @example
 * new DataMesh(app, 'Mesh', {
 *   ...ACME_MESH,
 *   domainOptions: { sales: { env: { account: '111111111111', region: 'eu-west-1' } } },
 *   governanceEnv: { account: '111111111111', region: 'eu-west-1' },
 * });
 */
export class DataMesh extends Construct {
  /**
   * Resources each part of the mesh costs in this rendering's stacks, calibrated to what it
   * synthesizes (test/aws/mesh/resource-model.test.ts), so `DPK_STACK_TOO_LARGE` fires before
   * CloudFormation's limit of 500.
   */
  public static readonly RESOURCE_MODEL: MeshResourceModel = {
    // The catalog key and alias, both catalog settings, the classification LF-tag; a contract each.
    governance: { base: 5, perDomain: 0, perProduct: 1, perClassification: 0 },
    // A role per persona; base: the account-wide parts, when the stack owns its account's.
    identity: { base: 5, perPersona: 1 },
    products: {
      base: 16,
      perZone: 22,
      perStream: 8,
      perPipeline: 11,
      perPipelineStep: 21,
      warehouse: 42,
      // The table, its freshness alarm, up to one column LF-tag association per classified level.
      perProduct: 5,
      // Three Lake Formation permissions (DESCRIBE on the database and the table, SELECT), plus
      // one for the consumer's side (resource link, its DESCRIBE, the read policy).
      perGrant: 4,
    },
  };
  /** Whether the mesh's accounts are taken to be in one AWS Organization when not told. */
  public static readonly DEFAULT_SAME_ORGANIZATION = true;
  /** The Lake Formation cross-account version every account of the mesh is set to. */
  public static readonly CROSS_ACCOUNT_VERSION = MESH_CROSS_ACCOUNT_VERSION;

  /** The plan the spec stands for. */
  public readonly plan: DataMeshPlan;
  /** Every stack, by its planned (and CloudFormation) name. */
  public readonly stacks: Readonly<Record<string, Stack>>;
  /** The account-wide settings per owning stack name (governance, or an account's first identity stack). */
  public readonly accountSettings: Readonly<Record<string, AccountDataSettings>>;
  /** The catalog key of each account and region, by owning stack name: never a data key. */
  public readonly catalogKeys: Readonly<Record<string, EncryptionKey>>;
  /** The contract registry: each product's SSM parameter, by product id (`<domain>.<product>`). */
  public readonly contracts: Readonly<Record<string, ssm.StringParameter>>;
  /** Each domain's persona roles (in its identity stack), by domain then persona. */
  public readonly personaRoles: Readonly<Record<string, Readonly<Record<string, iam.Role>>>>;
  /** Each domain's lakehouse (in its products stack), by domain. */
  public readonly lakehouses: Readonly<Record<string, Lakehouse>>;
  /** Each product's Glue table, by product id. */
  public readonly productTables: Readonly<Record<string, glue.CfnTable>>;
  /** Each product's freshness alarm, by product id. */
  public readonly freshnessAlarms: Readonly<Record<string, cloudwatch.Alarm>>;

  private readonly tables: Record<string, ProductTable> = {};

  constructor(scope: Construct, id: string, props: DataMeshProps) {
    super(scope, id);
    const settings = resolveDataMeshSettings(this, scope, props, DataMesh.RESOURCE_MODEL);
    this.plan = settings.plan;
    // The products stacks grant on each account's catalog key by its alias (kms:ResourceAliases).
    this.node.setContext(cxapi.KMS_APPLY_IMPORTED_ALIAS_PERMISSIONS_TO_PRINCIPAL, true);
    this.stacks = this.createStacks(settings);
    const owners = this.createAccountOwners(settings);
    this.accountSettings = mapValues(owners, (o) => o.settings);
    this.catalogKeys = mapValues(owners, (o) => o.catalogKey);
    this.contracts = createContractRegistry(this.stackOf(MeshStackKind.GOVERNANCE), this.plan);
    this.personaRoles = this.createIdentities(settings);
    this.lakehouses = this.createProducts(settings);
    this.productTables = mapValues(this.tables, (t) => t.table);
    this.freshnessAlarms = this.createFreshnessChecks();
    this.createSubscriptions(settings);
    if (!(props.sameOrganization ?? DataMesh.DEFAULT_SAME_ORGANIZATION)) this.warnAboutInvitations(settings);
  }

  /** One stack per planned stack, in its environment, after the stacks the plan puts before it. */
  private createStacks(settings: DataMeshSettings): Record<string, Stack> {
    const stacks: Record<string, Stack> = {};
    for (const planned of this.plan.stacks) {
      const env = settings.envs[planned.name];
      const stack = new Stack(this, stackId(planned), {
        stackName: planned.name,
        ...(env.account === undefined && env.region === undefined
          ? {}
          : { env: { account: env.account, region: env.region } }),
        description: `${planned.kind} stack of the ${this.plan.name} data mesh${planned.domain ? ` (${planned.domain} domain)` : ''}`,
      });
      for (const before of planned.dependsOn) {
        stack.addStackDependency(stacks[before], 'data mesh deploy order');
      }
      // Products need their account's catalog settings and LF-tag, wherever they are owned.
      const owner = settings.owners.get(env.key)!;
      if (planned.kind === MeshStackKind.PRODUCTS && !planned.dependsOn.includes(owner)) {
        stack.addStackDependency(stacks[owner], 'the account-wide catalog settings and classification tag');
      }
      stacks[planned.name] = stack;
    }
    return stacks;
  }

  /** The account-wide parts, once per account and region, in the stack that owns them. */
  private createAccountOwners(settings: DataMeshSettings): Record<string, AccountOwnerParts> {
    const owners: Record<string, AccountOwnerParts> = {};
    for (const [envKey, stackName] of settings.owners) {
      owners[stackName] = createAccountOwner(this.stacks[stackName], settings, envKey);
    }
    return owners;
  }

  /** Each domain's persona roles in its identity stack. */
  private createIdentities(settings: DataMeshSettings): Record<string, Record<string, iam.Role>> {
    const roles: Record<string, Record<string, iam.Role>> = {};
    for (const domain of this.plan.domains) {
      roles[domain.name] = createPersonaRoles(
        this.stackOf(MeshStackKind.IDENTITY, domain.name),
        settings,
        domain,
      );
    }
    return roles;
  }

  /**
   * Each domain's lakehouse in its products stack, on its identity stack's roles (by name) and
   * its account's catalog key (by alias), the account settings owned elsewhere; then its
   * products' tables and their column LF-tags.
   */
  private createProducts(settings: DataMeshSettings): Record<string, Lakehouse> {
    const lakehouses: Record<string, Lakehouse> = {};
    for (const domain of this.plan.domains) {
      const stack = this.stackOf(MeshStackKind.PRODUCTS, domain.name);
      const spec = settings.spec.domains[this.plan.domains.indexOf(domain)];
      const personaRoles = Object.fromEntries(
        domain.lakehouse.personas.map((p) => [
          p.name,
          iam.Role.fromRoleName(
            stack,
            `Persona${idPart(p.name)}`,
            personaRoleName(this.plan.name, domain.name, p.name),
          ),
        ]),
      );
      const alias = kms.Alias.fromAliasName(stack, 'CatalogKeyAlias', catalogKeyAlias(this.plan.name));
      const lakehouse = new Lakehouse(stack, 'Lakehouse', {
        ...domainLakehouseSpec(settings.spec, spec),
        stepScripts: settings.domainOptions[domain.name]?.stepScripts,
        personaRoles,
        catalogEncryptionKey: EncryptionKey.fromKey(stack, 'CatalogKey', alias),
        accountSettings: AccountDataSettings.fromOwnedElsewhere(stack, 'AccountSettings'),
      });
      // A domain's admin persona is not made an account-wide Lake Formation administrator: other
      // domains may share the account, and an administrator sees every one of their tables.
      Annotations.of(lakehouse).acknowledgeWarning(ADMIN_NOT_ADDED_WARNING, MESH_ADMIN_REASON);
      acknowledgeWildcards(
        stack,
        [stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' })],
        CATALOG_KEY_ALIAS_REASON,
      );
      for (const t of createProductTables(stack, lakehouse, domain.products)) this.tables[t.product.id] = t;
      createColumnTags(
        stack,
        this.plan.name,
        this.plan.classifications,
        domain.products.map((p) => this.tables[p.id]),
      );
      lakehouses[domain.name] = lakehouse;
    }
    return lakehouses;
  }

  /** Each product's freshness alarm, in its products stack, to its domain's alert target. */
  private createFreshnessChecks(): Record<string, cloudwatch.Alarm> {
    const alarms: Record<string, cloudwatch.Alarm> = {};
    for (const domain of this.plan.domains) {
      const stack = this.stackOf(MeshStackKind.PRODUCTS, domain.name);
      Object.assign(alarms, createFreshnessChecks(stack, this.lakehouses[domain.name], domain.products));
    }
    return alarms;
  }

  /** Producers' grants, then consumers' links and read policies, each in its domain's products stack. */
  private createSubscriptions(settings: DataMeshSettings): void {
    for (const domain of this.plan.domains) {
      const stack = this.stackOf(MeshStackKind.PRODUCTS, domain.name);
      createProducerGrants(stack, settings, domain.name, this.lakehouses[domain.name], this.tables);
      createConsumerAccess(stack, settings, domain.name, this.lakehouses[domain.name], this.tables);
    }
  }

  /** Across organizations, each consumer account accepts RAM invitations before its products stack deploys. */
  private warnAboutInvitations(settings: DataMeshSettings): void {
    for (const domain of this.plan.domains) {
      const here = settings.domainEnvs[domain.name].account;
      const producers = [
        ...new Set(
          this.plan.subscriptions
            .filter((g) => g.consumer === domain.name && settings.domainEnvs[g.producer].account !== here)
            .map((g) => `${g.producer} (${settings.domainEnvs[g.producer].account})`),
        ),
      ];
      if (producers.length === 0) continue;
      Annotations.of(this.stackOf(MeshStackKind.PRODUCTS, domain.name)).addWarningV2(
        RAM_INVITATIONS_WARNING,
        `sameOrganization is false: before deploying this stack, accept in account ${here} the AWS RAM invitations of ${producers.join(', ')} (AWS RAM console or 'aws ram accept-resource-share-invitation'), sent when the producers' products stacks deploy.`,
      );
    }
  }

  private stackOf(kind: MeshStackKind, domain?: string): Stack {
    return this.stacks[this.plan.stacks.find((s) => s.kind === kind && s.domain === domain)!.name];
  }
}

/** A planned stack's construct id: stable, PascalCase, from its kind and domain. */
function stackId(planned: PlannedStack): string {
  return `${planned.domain === undefined ? '' : idPart(planned.domain)}${idPart(planned.kind)}`;
}

function mapValues<T, U>(record: Readonly<Record<string, T>>, f: (t: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));
}
