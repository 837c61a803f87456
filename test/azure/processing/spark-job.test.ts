import { Principal } from '../../../src/azure/iam/principal';
import { SPARK_RUN_ROLES, SPARK_STEP_ZONE_ACCESS } from '../../../src/azure/processing/roles';
import { SparkJob, SparkNodeSize, SparkVersion } from '../../../src/azure/processing/spark-job';
import { SynapseRole } from '../../../src/azure/warehouse/roles';
import { ZoneAccess } from '../../../src/core/blocks';
import { TfTemplate } from '../../helpers/tf-template';
import { OBJECT_ID, tokens } from '../azure-stack';
import { newPlatform, newSparkJob, ref, TWO_STEPS } from './pipeline-fixtures';

const POOL = 'azurerm_synapse_spark_pool';
const ASSIGNMENT = 'azurerm_role_assignment';
const SYNAPSE_ROLE = 'azurerm_synapse_role_assignment';
const WORKSPACE_PRINCIPAL = ref('azurerm_synapse_workspace', 'identity[0].principal_id');

/** The workspace identity's role assignments, as `<role> <container reference>`. */
function workspaceGrants(template: TfTemplate): string[] {
  return template
    .resources(ASSIGNMENT, { principal_id: WORKSPACE_PRINCIPAL })
    .filter((b) => String(b.config.role_definition_name).startsWith('Storage '))
    .map(
      (b) =>
        `${b.config.role_definition_name} ${String(b.config.scope).replace(/^.*storage_container\.Lake_(\w+)Container.*$/, '$1')}`,
    )
    .sort();
}

describe('SparkJob pool defaults', () => {
  test('a Spark pool on the warehouse workspace, named for the platform and job', () => {
    // GIVEN / WHEN defaults
    const { template } = newSparkJob();
    // THEN one pool, on the workspace, with the derived name and the kit's tags
    template().resourceCountIs(POOL, 1);
    template().hasResourceProperties(POOL, {
      name: expect.stringMatching(/^salesor[0-9a-f]{8}$/),
      synapse_workspace_id: ref('azurerm_synapse_workspace', 'id'),
      node_size_family: SparkJob.NODE_SIZE_FAMILY,
      tags: { 'data-platform': 'sales' },
    });
  });

  test('DEFAULT_NODE_SIZE: Small memory-optimized nodes', () => {
    expect(SparkJob.DEFAULT_NODE_SIZE).toBe(SparkNodeSize.SMALL);
    newSparkJob()
      .template()
      .hasResourceProperties(POOL, { node_size: 'Small', node_size_family: 'MemoryOptimized' });
  });

  test('DEFAULT_MIN_NODES / DEFAULT_MAX_NODES: autoscale from 3 to 10 nodes', () => {
    expect([SparkJob.DEFAULT_MIN_NODES, SparkJob.DEFAULT_MAX_NODES]).toEqual([3, 10]);
    const config = newSparkJob()
      .template()
      .hasResourceProperties(POOL, {
        auto_scale: { min_node_count: 3, max_node_count: 10 },
      }).config;
    expect(config).not.toHaveProperty('node_count');
  });

  test('DEFAULT_AUTO_PAUSE_DELAY_MINUTES: the pool pauses after 15 idle minutes', () => {
    expect(SparkJob.DEFAULT_AUTO_PAUSE_DELAY_MINUTES).toBe(15);
    newSparkJob()
      .template()
      .hasResourceProperties(POOL, { auto_pause: { delay_in_minutes: 15 } });
  });

  test('DEFAULT_SPARK_VERSION: the Spark 3.5 runtime', () => {
    expect(SparkJob.DEFAULT_SPARK_VERSION).toBe(SparkVersion.V3_5);
    newSparkJob().template().hasResourceProperties(POOL, { spark_version: '3.5' });
  });

  test('DEFAULT_COMPUTE_ISOLATION: shared hardware', () => {
    expect(SparkJob.DEFAULT_COMPUTE_ISOLATION).toBe(false);
    newSparkJob().template().hasResourceProperties(POOL, { compute_isolation_enabled: false });
  });

  test('session-level packages are always off', () => {
    expect(SparkJob.SESSION_LEVEL_PACKAGES).toBe(false);
    newSparkJob().template().hasResourceProperties(POOL, { session_level_packages_enabled: false });
  });

  test('the pool waits for the workspace key activation (Synapse refuses pools before)', () => {
    // GIVEN / WHEN defaults / THEN depends_on holds the active workspace key
    const pool = newSparkJob().template().resources(POOL)[0];
    expect(pool.config.depends_on).toEqual([
      expect.stringMatching(/^azurerm_synapse_workspace_key\.Warehouse_WorkspaceKey_\w+$/),
    ]);
  });
});

describe('SparkJob pool options', () => {
  test('node size, autoscale range, auto-pause delay, Spark version and isolated XXXLarge nodes', () => {
    // GIVEN every sizing option
    const { template } = newSparkJob({
      nodeSize: SparkNodeSize.XXXLARGE,
      minNodes: 4,
      maxNodes: 40,
      autoPauseDelayMinutes: 60,
      sparkVersion: SparkVersion.V3_4,
      computeIsolation: true,
    });
    // THEN the pool renders them
    template().hasResourceProperties(POOL, {
      node_size: 'XXXLarge',
      auto_scale: { min_node_count: 4, max_node_count: 40 },
      auto_pause: { delay_in_minutes: 60 },
      spark_version: '3.4',
      compute_isolation_enabled: true,
    });
  });

  test('without maxNodes, a minNodes above the default maximum is the maximum too', () => {
    newSparkJob({ minNodes: 12 })
      .template()
      .hasResourceProperties(POOL, {
        auto_scale: { min_node_count: 12, max_node_count: 12 },
      });
  });

  test('an explicit pool name and tags', () => {
    newSparkJob({ sparkPoolName: 'ordersPool', tags: { owner: 'etl' } })
      .template()
      .hasResourceProperties(POOL, { name: 'ordersPool', tags: { 'data-platform': 'sales', owner: 'etl' } });
  });

  test('unresolved sizes are passed through, not validated', () => {
    // GIVEN tokens for every number / WHEN built / THEN no error, and the tokens render
    const { template } = newSparkJob({
      minNodes: tokens.number(),
      maxNodes: tokens.number(),
      autoPauseDelayMinutes: tokens.number(),
    });
    template().hasResourceProperties(POOL, {
      auto_scale: { min_node_count: '${tonumber("30")}', max_node_count: '${tonumber("30")}' },
      auto_pause: { delay_in_minutes: '${tonumber("30")}' },
    });
  });
});

describe('SparkJob lake grants', () => {
  test('the workspace identity reads raw and reads/writes curated and serving, nothing more', () => {
    // GIVEN the warehouse (workspace zone curated, no read zones) / WHEN the two steps are added
    const { template, job } = newSparkJob();
    // THEN exactly the steps' zones: curated's read/write is the warehouse's own assignment, shared
    expect(workspaceGrants(template())).toEqual([
      'Storage Blob Data Contributor Curated',
      'Storage Blob Data Contributor Serving',
      'Storage Blob Data Reader Raw',
    ]);
    expect(job.lakeAccess).toHaveLength(3);
  });

  test('SPARK_STEP_ZONE_ACCESS: sources read, targets read and write', () => {
    expect(SPARK_STEP_ZONE_ACCESS).toEqual({ SOURCE: ZoneAccess.READ, TARGET: ZoneAccess.READ_WRITE });
  });

  test("a zone one step writes and the next reads gets read/write only; the warehouse's zone is not granted again", () => {
    // GIVEN a lake whose workspace zone is raw, so curated is only the job's
    const platform = newPlatform({ warehouse: { workspaceZone: 'raw' } });
    new SparkJob(platform.stack, 'Job', {
      platformName: 'sales',
      jobName: 'orders',
      warehouse: platform.warehouse,
      lake: platform.lake,
      steps: TWO_STEPS,
    });
    // WHEN synthesized / THEN curated has one Contributor assignment and no Reader one
    expect(workspaceGrants(TfTemplate.fromStack(platform.stack))).toEqual([
      'Storage Blob Data Contributor Curated',
      'Storage Blob Data Contributor Raw',
      'Storage Blob Data Contributor Serving',
    ]);
  });

  test('grants are scoped to zone containers, never the account', () => {
    const { template } = newSparkJob();
    const storage = template()
      .resources(ASSIGNMENT, { principal_id: WORKSPACE_PRINCIPAL })
      .filter((b) => b.config.role_definition_name !== 'Key Vault Crypto Service Encryption User');
    expect(storage).toHaveLength(3);
    for (const b of storage) {
      expect(b.config.scope).toMatch(/\/blobServices\/default\/containers\/\$\{azurerm_storage_container\./);
    }
  });

  test('a Spark job definition step grants the same way', () => {
    const { template } = newSparkJob({
      steps: [{ name: 'load', sourceZone: 'raw', targetZone: 'serving', sparkJobDefinition: 'load-orders' }],
    });
    expect(workspaceGrants(template())).toEqual([
      'Storage Blob Data Contributor Curated',
      'Storage Blob Data Contributor Serving',
      'Storage Blob Data Reader Raw',
    ]);
  });
});

describe('SparkJob.grantRun', () => {
  test('SPARK_RUN_ROLES: Artifact User on the workspace, Compute Operator on the pool only', () => {
    // GIVEN a warehouse the deployer reaches
    const { job, template } = newSparkJob({}, { dataPlane: true });
    expect(job.deployerReachesWorkspace).toBe(true);
    // WHEN a principal may run the job
    const grants = job.grantRun(Principal.servicePrincipal(OBJECT_ID));
    // THEN two Synapse roles, each at its narrowest scope
    expect(grants).toHaveLength(2);
    expect(SPARK_RUN_ROLES.map((r) => r.role)).toEqual([
      SynapseRole.ARTIFACT_USER,
      SynapseRole.COMPUTE_OPERATOR,
    ]);
    const artifact = template().hasResourceProperties(SYNAPSE_ROLE, {
      role_name: 'Synapse Artifact User',
      principal_id: OBJECT_ID,
      principal_type: 'ServicePrincipal',
      synapse_workspace_id: ref('azurerm_synapse_workspace', 'id'),
    });
    expect(artifact.config).not.toHaveProperty('synapse_spark_pool_id');
    const operator = template().hasResourceProperties(SYNAPSE_ROLE, {
      role_name: 'Synapse Compute Operator',
      synapse_spark_pool_id: ref(POOL, 'id'),
    });
    expect(operator.config).not.toHaveProperty('synapse_workspace_id');
  });

  test('the roles wait for the workspace key, its private endpoints and the pool', () => {
    const { job, template } = newSparkJob({}, { dataPlane: true });
    job.grantRun(Principal.servicePrincipal(OBJECT_ID));
    for (const b of template()
      .resources(SYNAPSE_ROLE)
      .filter((r) => r.config.principal_id === OBJECT_ID)) {
      const deps = b.config.depends_on as string[];
      expect(deps).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^azurerm_synapse_workspace_key\./),
          expect.stringMatching(/^azurerm_private_endpoint\.Network_WarehouseDev/),
          expect.stringMatching(/^azurerm_synapse_spark_pool\./),
        ]),
      );
    }
  });

  test('granting the same principal twice returns the same assignments', () => {
    const { job, template } = newSparkJob({}, { dataPlane: true });
    const first = job.grantRun(Principal.servicePrincipal(OBJECT_ID));
    const second = job.grantRun(Principal.servicePrincipal(OBJECT_ID));
    expect(second).toEqual(first);
    expect(
      template()
        .resources(SYNAPSE_ROLE)
        .filter((r) => r.config.principal_id === OBJECT_ID),
    ).toHaveLength(2);
  });

  test('a principal known only by a token gets numbered, stable ids', () => {
    const { job } = newSparkJob({}, { dataPlane: true });
    const grants = job.grantRun({
      principalId: tokens.string(),
      principalType: Principal.group(OBJECT_ID).principalType,
    });
    expect(grants.map((g) => g.node.id)).toEqual([
      'RunSynapseArtifactUserWorkspaceToken1',
      'RunSynapseComputeOperatorPoolToken1',
    ]);
  });

  test('without data-plane reach the job says so', () => {
    expect(newSparkJob().job.deployerReachesWorkspace).toBe(false);
  });

  test('the pool lives where the workspace does: no location or resource group of its own', () => {
    const pool = newSparkJob().template().resources(POOL)[0];
    expect(pool.config).not.toHaveProperty('location');
    expect(pool.config).not.toHaveProperty('resource_group_name');
  });
});
