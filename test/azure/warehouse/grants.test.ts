import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Principal } from '../../../src/azure/iam/principal';
import { Network } from '../../../src/azure/network/network';
import { ZONE_ROLES } from '../../../src/azure/storage/roles';
import { DEDICATED_POOL_SKUS, SynapseRole, WAREHOUSE_ZONE_ROLES } from '../../../src/azure/warehouse/roles';
import { Warehouse } from '../../../src/azure/warehouse/warehouse';
import { WarehouseSize, ZoneAccess } from '../../../src/core/blocks';
import { ErrorCode } from '../../../src/core/errors';
import { warningsOf } from '../../helpers/tf-template';
import { newAzureStack, RG, tokens } from '../azure-stack';
import { newWarehouse, OTHER_ID, ref } from './warehouse-fixtures';

const SYNAPSE_ROLE = 'azurerm_synapse_role_assignment';
const ASSIGNMENT = 'azurerm_role_assignment';
const ANALYSTS = '7b2e9d40-1c3f-4a85-b6d7-2e8f9a0b1c11';

/** A warehouse whose deployer reaches the workspace through a network's Dev endpoint. */
function reachable() {
  const stack = newAzureStack();
  const network = new Network(stack, 'Network', { platformName: 'sales', resourceGroup: RG });
  return newWarehouse({ network, deployerReachesWorkspace: true }, stack);
}

const code = (c: ErrorCode) => expect.objectContaining({ code: c });

describe('Warehouse permission tables', () => {
  test('zone access maps to Synapse roles: analysts, loaders, engineers', () => {
    expect(WAREHOUSE_ZONE_ROLES).toEqual({
      [ZoneAccess.READ]: SynapseRole.ARTIFACT_USER,
      [ZoneAccess.WRITE]: SynapseRole.COMPUTE_OPERATOR,
      [ZoneAccess.READ_WRITE]: SynapseRole.CONTRIBUTOR,
    });
    // No zone grant hands out administration of the workspace or its SQL.
    const granted: string[] = Object.values(WAREHOUSE_ZONE_ROLES);
    expect(granted).not.toContain(SynapseRole.ADMINISTRATOR);
    expect(granted).not.toContain(SynapseRole.SQL_ADMINISTRATOR);
  });

  test('warehouse sizes map to dedicated pool performance levels', () => {
    expect(DEDICATED_POOL_SKUS).toEqual({
      [WarehouseSize.SMALL]: 'DW100c',
      [WarehouseSize.MEDIUM]: 'DW500c',
      [WarehouseSize.LARGE]: 'DW1000c',
    });
  });
});

describe('Warehouse grants with the data plane', () => {
  test.each([
    ['grantRead', ZoneAccess.READ, 'serving', 'Storage Blob Data Reader'],
    ['grantReadWrite', ZoneAccess.READ_WRITE, 'curated', 'Storage Blob Data Contributor'],
  ] as const)(
    '%s: the storage role on the zone and the Synapse role, after the Dev endpoint',
    (method, access, zone, storageRole) => {
      // GIVEN a reachable workspace
      const { warehouse, template } = reachable();
      // WHEN a group is granted
      const grant = warehouse[method](Principal.group(ANALYSTS), zone);
      // THEN the container role and the Synapse role of the table, both for the group
      expect(grant.storage).toBeDefined();
      expect(grant.synapse).toBeDefined();
      const t = template();
      const storage = t.hasResourceProperties(ASSIGNMENT, {
        principal_id: ANALYSTS,
        role_definition_name: storageRole,
      });
      expect(String(storage.config.scope)).toMatch(
        new RegExp(`Lake_${zone.charAt(0).toUpperCase()}${zone.slice(1)}Container_`),
      );
      const key = t.resources('azurerm_synapse_workspace_key')[0];
      const dev = t.resources('azurerm_private_endpoint', {
        private_service_connection: { subresource_names: ['Dev'] },
      })[0];
      t.hasResourceProperties(SYNAPSE_ROLE, {
        synapse_workspace_id: ref('azurerm_synapse_workspace', 'id'),
        role_name: WAREHOUSE_ZONE_ROLES[access],
        principal_id: ANALYSTS,
        principal_type: 'Group',
        depends_on: [key.address, dev.address],
      });
    },
  );

  test('grantWrite: the custom writer role on the zone and Synapse Compute Operator', () => {
    const { warehouse, template } = reachable();
    warehouse.grantWrite(Principal.servicePrincipal(OTHER_ID), 'raw');
    const t = template();
    t.hasResourceProperties(ASSIGNMENT, {
      principal_id: OTHER_ID,
      role_definition_id: ref('azurerm_role_definition', 'role_definition_resource_id'),
    });
    t.hasResourceProperties(SYNAPSE_ROLE, {
      principal_id: OTHER_ID,
      role_name: SynapseRole.COMPUTE_OPERATOR,
    });
    expect(ZONE_ROLES[ZoneAccess.WRITE].kind).toBe('custom');
  });

  test('granting the same principal twice makes one Synapse assignment per role', () => {
    const { warehouse, template } = reachable();
    const first = warehouse.grantRead(Principal.group(ANALYSTS), 'serving');
    const again = warehouse.grantRead(Principal.group(ANALYSTS), 'curated');
    expect(again.synapse).toBe(first.synapse);
    template().resourceCountIs(SYNAPSE_ROLE, 1);
  });

  test('grantSynapseRole assigns any role; identities by path, token ids numbered', () => {
    // GIVEN a reachable workspace and a managed identity
    const { warehouse, stack, template } = reachable();
    const identity = new UserAssignedIdentity(stack, 'Loader', {
      name: 'id-loader',
      location: RG.location,
      resourceGroupName: RG.name,
    });
    // WHEN roles are assigned
    const byIdentity = warehouse.grantSynapseRole(
      Principal.fromUserAssignedIdentity(identity),
      SynapseRole.CREDENTIAL_USER,
    );
    const byToken = warehouse.grantSynapseRole(
      Principal.servicePrincipal(tokens.string()),
      SynapseRole.MONITORING_OPERATOR,
    );
    // THEN stable ids and the roles in the output
    expect(byIdentity.node.id).toMatch(/^SynapseSynapseCredentialUser[0-9a-f]{8}$/);
    expect(byToken.node.id).toBe('SynapseSynapseMonitoringOperatorToken1');
    template().hasResourceProperties(SYNAPSE_ROLE, {
      role_name: 'Synapse Credential User',
      principal_id: ref('azurerm_user_assigned_identity', 'principal_id'),
      principal_type: 'ServicePrincipal',
    });
  });
});

describe('Warehouse grants without the data plane', () => {
  test('storage roles only, and a warning naming the Synapse role to assign', () => {
    // GIVEN the default (deployer outside the network)
    const { warehouse, template } = newWarehouse();
    // WHEN an analyst group is granted
    const grant = warehouse.grantRead(Principal.group(ANALYSTS), 'serving');
    // THEN the container role exists, no Synapse role, and the skipped role is named
    expect(grant.synapse).toBeUndefined();
    template().hasResourceProperties(ASSIGNMENT, {
      principal_id: ANALYSTS,
      role_definition_name: 'Storage Blob Data Reader',
    });
    template().resourceCountIs(SYNAPSE_ROLE, 0);
    expect(warningsOf(warehouse).join('\n')).toContain(`Synapse role '${SynapseRole.ARTIFACT_USER}'`);
  });

  test('grantSynapseRole is refused: it would fail at apply', () => {
    const { warehouse } = newWarehouse();
    expect(() => warehouse.grantSynapseRole(Principal.group(ANALYSTS), SynapseRole.USER)).toThrow(
      expect.objectContaining({ code: ErrorCode.CONFLICTING_PROPS, prop: 'deployerReachesWorkspace' }),
    );
  });

  test('an unknown zone or a malformed principal is rejected', () => {
    const { warehouse } = newWarehouse();
    expect(() => warehouse.grantRead(Principal.group(ANALYSTS), 'gold')).toThrow(
      code(ErrorCode.UNKNOWN_ZONE),
    );
    expect(() =>
      warehouse.grantRead(
        { principalId: 'analysts', principalType: Principal.group(ANALYSTS).principalType },
        'serving',
      ),
    ).toThrow(code(ErrorCode.INVALID_PRINCIPAL));
    expect(Warehouse.DATA_PLANE_SKIPPED_WARNING).toMatch(/^data-platform-kit:/);
  });
});
