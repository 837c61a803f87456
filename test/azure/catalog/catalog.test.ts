import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { Catalog, type CatalogProps } from '../../../src/azure/catalog/catalog';
import { Network } from '../../../src/azure/network/network';
import { type ILakeStorage, LakeStorage } from '../../../src/azure/storage/lake-storage';
import { ErrorCode } from '../../../src/core/errors';
import {
  DataRemovalPolicy,
  REMOVAL_DOWNGRADED_WARNING,
  REMOVE_DATA_ON_DESTROY_CONTEXT,
} from '../../../src/core/removal';
import { TerraformOutput, type TerraformStack } from '../../../src/terraform';
import { TfTemplate, warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens } from '../azure-stack';

const PURVIEW = 'azurerm_purview_account';
const ASSIGNMENT = 'azurerm_role_assignment';
const ENDPOINT = 'azurerm_private_endpoint';
const PURVIEW_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-gov/providers/Microsoft.Purview/accounts/contoso';

const ACCOUNT_ID =
  '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/otherlake';

/** A lake the kit did not make: one zone, `gold`. */
class OtherLake extends Construct implements ILakeStorage {
  public readonly storageAccountId = ACCOUNT_ID;
  public readonly storageAccountName = 'otherlake';
  public readonly zoneNames = ['gold'];
  constructor(
    scope: Construct,
    id: string,
    private readonly containerId: () => string,
  ) {
    super(scope, id);
  }
  public containerResourceId(zone: string): string {
    if (zone !== 'gold') throw new Error(`no zone ${zone}`);
    return this.containerId();
  }
  public grant(): RoleAssignment {
    throw new Error('not used');
  }
  public grantRead(): RoleAssignment {
    throw new Error('not used');
  }
  public grantWrite(): RoleAssignment {
    throw new Error('not used');
  }
  public grantReadWrite(): RoleAssignment {
    throw new Error('not used');
  }
}

function newCatalog(props: Partial<CatalogProps> = {}, stack: TerraformStack = newAzureStack()) {
  const lake = new LakeStorage(stack, 'Lake', { platformName: 'sales', resourceGroup: RG });
  const catalog = new Catalog(stack, 'Catalog', { platformName: 'sales', resourceGroup: RG, lake, ...props });
  return { stack, lake, catalog, template: () => TfTemplate.fromStack(stack) };
}

const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('Catalog defaults', () => {
  test('no Purview account by default: the catalog only wires lake-database locations', () => {
    // GIVEN / WHEN defaults
    const { catalog, template } = newCatalog();
    // THEN DEFAULT_PURVIEW is off and nothing is created beyond the lake
    expect(Catalog.DEFAULT_PURVIEW).toBe(false);
    template().resourceCountIs(PURVIEW, 0);
    expect(catalog.purviewAccount).toBeUndefined();
    expect(catalog.purviewAccountId).toBeUndefined();
    expect(catalog.purviewLakeAccess).toEqual([]);
  });

  test('one abfss:// database location per lake zone, on the lake account', () => {
    // GIVEN / WHEN defaults, with each location rendered as an output
    const { catalog, stack } = newCatalog();
    for (const zone of catalog.zoneNames) {
      new TerraformOutput(stack, `${zone}Location`, { value: catalog.databaseLocation(zone) });
    }
    // THEN each zone's location names its container on the account's DFS host
    expect(catalog.zoneNames).toEqual(['raw', 'curated', 'serving']);
    const outputs = TfTemplate.fromStack(stack).doc.output as Record<string, { value: string }>;
    for (const zone of catalog.zoneNames) {
      expect(outputs[`${zone}Location`].value).toMatch(
        new RegExp(
          `^abfss://\\$\\{azurerm_storage_container\\.Lake_${zone.charAt(0).toUpperCase()}${zone.slice(1)}Container_\\w+\\.name\\}@\\$\\{azurerm_storage_account\\.Lake_Account_\\w+\\.primary_dfs_host\\}/$`,
        ),
      );
    }
  });

  test('a lake of another kind: locations derive from its ids on the public-cloud DFS host', () => {
    // GIVEN an ILakeStorage whose container ids are literal, and one whose ids are tokens
    const stack = newAzureStack();
    const literal = new Catalog(stack, 'Literal', {
      platformName: 'sales',
      resourceGroup: RG,
      lake: new OtherLake(stack, 'Other', () => `${ACCOUNT_ID}/blobServices/default/containers/sales-gold`),
    });
    const tokenized = new Catalog(stack, 'Tokenized', {
      platformName: 'sales',
      resourceGroup: RG,
      lake: new OtherLake(stack, 'Tokens', () => tokens.string()),
    });
    new TerraformOutput(stack, 'TokenLocation', { value: tokenized.databaseLocation('gold') });
    // THEN the literal name is used as is; a token's last path segment is taken at apply time
    expect(literal.databaseLocation('gold')).toBe('abfss://sales-gold@otherlake.dfs.core.windows.net/');
    const outputs = TfTemplate.fromStack(stack).doc.output as Record<string, { value: string }>;
    expect(outputs.TokenLocation.value).toBe(
      'abfss://${regex("[^/]+$", lower("NAME"))}@otherlake.dfs.core.windows.net/',
    );
  });

  test('an unknown zone has no database location', () => {
    const { catalog } = newCatalog();
    expect(() => catalog.databaseLocation('gold')).toThrow(code(ErrorCode.UNKNOWN_ZONE));
  });
});

describe('Catalog with Purview', () => {
  test('a private Purview account with a system identity and no managed Event Hubs', () => {
    // GIVEN / WHEN purview: true
    const { template, catalog } = newCatalog({ purview: true });
    // THEN public access off, no Kafka endpoint, named with a global hash, retained
    template().hasResourceProperties(PURVIEW, {
      name: expect.stringMatching(/^sales-catalog-[0-9a-f]{8}$/),
      identity: { type: 'SystemAssigned' },
      public_network_enabled: false,
      managed_event_hub_enabled: false,
      location: RG.location,
      tags: { 'data-platform': 'sales' },
      lifecycle: { prevent_destroy: true },
    });
    expect(catalog.purviewAccountId).toBeDefined();
  });

  test("Purview's identity may read every zone (scans), scoped to each container", () => {
    // GIVEN / WHEN purview: true
    const { template, catalog } = newCatalog({ purview: true });
    // THEN three reader grants, for the Purview principal, on containers
    expect(catalog.purviewLakeAccess).toHaveLength(3);
    const grants = template().resources(ASSIGNMENT, {
      role_definition_name: 'Storage Blob Data Reader',
      principal_id: expect.stringMatching(
        /^\$\{azurerm_purview_account\.\w+\.identity\[0\]\.principal_id\}$/,
      ),
      principal_type: 'ServicePrincipal',
    });
    expect(grants).toHaveLength(3);
    for (const g of grants) expect(g.config.scope).toContain('/blobServices/default/containers/');
  });

  test('with a network: account and portal private endpoints; without: a warning', () => {
    // GIVEN a network
    const stack = newAzureStack();
    const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
    const { template, catalog } = newCatalog({ purview: true, network }, stack);
    // THEN two endpoints to the account, in their zones
    expect(catalog.purviewEndpoints).toHaveLength(2);
    for (const sub of ['account', 'portal']) {
      template().hasResourceProperties(ENDPOINT, {
        private_service_connection: {
          private_connection_resource_id: expect.stringMatching(/^\$\{azurerm_purview_account\.\w+\.id\}$/),
          subresource_names: [sub],
        },
      });
    }
    template().hasResourceProperties('azurerm_private_dns_zone', {
      name: 'privatelink.purviewstudio.azure.com',
    });
    // AND without a network the account is unreachable, which the catalog says
    const alone = newCatalog({ purview: true });
    expect(warningsOf(alone.catalog).join('\n')).toContain(Catalog.PURVIEW_UNREACHABLE_WARNING);
    expect(warningsOf(catalog).join('\n')).not.toContain(Catalog.PURVIEW_UNREACHABLE_WARNING);
  });

  test('purviewAccountName overrides the derived name', () => {
    const { template } = newCatalog({ purview: true, purviewAccountName: 'contoso-catalog' });
    template().hasResourceProperties(PURVIEW, { name: 'contoso-catalog' });
  });

  test('an existing Purview account is connected, not created', () => {
    // GIVEN the tenant's account / WHEN / THEN its id is passed on and nothing is made
    const { template, catalog } = newCatalog({ existingPurviewAccountId: PURVIEW_ID });
    expect(catalog.purviewAccountId).toBe(PURVIEW_ID);
    template().resourceCountIs(PURVIEW, 0);
  });

  test('tokens are accepted for the existing account id', () => {
    expect(() => newCatalog({ existingPurviewAccountId: tokens.string() })).not.toThrow();
  });
});

describe('Catalog removal', () => {
  test('DESTROY without the context flag keeps the Purview account and warns', () => {
    // GIVEN / WHEN DESTROY alone / THEN retained with the guard's warning
    const { template, catalog } = newCatalog({ purview: true, removalPolicy: DataRemovalPolicy.DESTROY });
    template().hasResourceProperties(PURVIEW, { lifecycle: { prevent_destroy: true } });
    expect(warningsOf(catalog).join('\n')).toContain(REMOVAL_DOWNGRADED_WARNING);
  });

  test('DESTROY with the context flag lets the account go', () => {
    const stack = newAzureStack({ [REMOVE_DATA_ON_DESTROY_CONTEXT]: true });
    const { template } = newCatalog({ purview: true, removalPolicy: DataRemovalPolicy.DESTROY }, stack);
    template().hasResourceProperties(PURVIEW, { lifecycle: { prevent_destroy: false } });
  });
});
