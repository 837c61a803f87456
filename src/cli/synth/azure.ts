/**
 * Renders a spec file on Azure: the kit's `Lakehouse` in one Terraform stack with its azurerm
 * provider (Entra ID storage auth, the kit's resource providers registered), its resource group
 * and outputs, or its `DataMesh` (which makes its own stacks and providers), as
 * examples/lakehouse-azure and examples/data-mesh-azure do. The kit's Azure modules and the
 * azurerm provider are loaded only here, when Azure is rendered.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a cloud's modules load only when it is rendered; under node16 resolution `import()` would stay an ES module import */
import type { RenderRequest, RenderResult } from './render';
import { DEFAULT_LAKEHOUSE_ID, DEFAULT_MESH_ID, sectionOf } from './render';
import { mapRecord, notebookScripts } from './step-scripts';
import { renderTerraformCloud } from './terraform';
import { constructIdFrom } from '../../core/zones';
import type { App, TerraformStack } from '../../terraform';
import type { AzureLakehouseSection, AzureMeshSection, AzureSqlAdministrator } from '../spec/sections';
import type { LakehouseSpecFile, MeshSpecFile } from '../spec/spec-file';

/** The output with the lake's storage account name. */
export const STORAGE_ACCOUNT_OUTPUT = 'StorageAccountName';

/** The output with a persona's identity client id: `AnalystIdentityClientId` for `analyst`. */
export function personaClientIdOutput(persona: string): string {
  return `${constructIdFrom(persona)}IdentityClientId`;
}

/** Renders the file's pattern on Azure into `request.outDir`. The section is required (synthesize.ts checks). */
export async function renderAzure(request: RenderRequest): Promise<RenderResult> {
  return renderTerraformCloud(request, {
    cloud: 'azure',
    buildLakehouse,
    buildMesh,
    loadCompliance: () => require('../../azure/compliance') as typeof import('../../azure/compliance'),
  });
}

/** The lakehouse in one stack, as examples/lakehouse-azure/app.ts builds it. */
async function buildLakehouse(app: App, file: LakehouseSpecFile): Promise<TerraformStack[]> {
  const { TerraformOutput, TerraformStack: Stack } =
    require('../../terraform') as typeof import('../../terraform');
  const { addAzurermProvider, addResourceGroup } =
    require('../../azure/provider') as typeof import('../../azure/provider');
  const { Lakehouse } =
    require('../../azure/patterns/lakehouse') as typeof import('../../azure/patterns/lakehouse');
  const { SparkJobScript } =
    require('../../azure/processing/spark-job-script') as typeof import('../../azure/processing/spark-job-script');
  const section = requiredSection<AzureLakehouseSection>(file);
  const stack = new Stack(app, section.stackName ?? file.spec.platformName);
  // As the example's provider: Entra ID storage auth, the kit's resource providers registered.
  addAzurermProvider(stack);
  const group = section.resourceGroup;
  const resourceGroup =
    group.create === false
      ? { name: group.name, location: group.location }
      : addResourceGroup(stack, group.name, group.location);
  const lakehouse = new Lakehouse(stack, section.id ?? DEFAULT_LAKEHOUSE_ID, {
    ...file.spec,
    resourceGroup,
    stepScripts: notebookScripts(section.stepScripts, (name) => SparkJobScript.fromNotebook(name)),
    keyVaultAllowedIpRanges: section.keyVaultAllowedIpRanges
      ? [...section.keyVaultAllowedIpRanges]
      : undefined,
    deployerInsideNetwork: section.deployerInsideNetwork,
    deployerReachesWorkspace: section.deployerReachesWorkspace,
    sqlAdministrator: section.sqlAdministrator ? await sqlAdministrator(section.sqlAdministrator) : undefined,
    network: section.network && {
      existingNetwork: section.network.existingNetwork,
      cidr: section.network.cidr,
      privateDnsZoneIds: section.network.privateDnsZoneIds as
        Partial<Record<import('../../azure/network/endpoints').PrivateDnsZoneName, string>> | undefined,
    },
  });
  const outputs = section.outputs ?? {};
  if (outputs.storageAccountName ?? true) {
    new TerraformOutput(stack, STORAGE_ACCOUNT_OUTPUT, { value: lakehouse.lake.storageAccountName });
  }
  for (const persona of outputs.personaClientIds ?? Object.keys(lakehouse.personas)) {
    const identity = lakehouse.personas[persona];
    if (identity === undefined) continue; // the loader's check of persona names reports it
    new TerraformOutput(stack, personaClientIdOutput(persona), { value: identity.clientId });
  }
  return [stack];
}

/** The mesh's stacks, as examples/data-mesh-azure/app.ts builds them. */
async function buildMesh(app: App, file: MeshSpecFile): Promise<TerraformStack[]> {
  const { DataMesh } = require('../../azure/mesh/data-mesh') as typeof import('../../azure/mesh/data-mesh');
  const { SparkJobScript } =
    require('../../azure/processing/spark-job-script') as typeof import('../../azure/processing/spark-job-script');
  const section = requiredSection<AzureMeshSection>(file);
  const mesh = new DataMesh(app, section.id ?? DEFAULT_MESH_ID, {
    ...file.spec,
    location: section.location,
    governanceSubscriptionId: section.governanceSubscriptionId,
    domainOptions: mapRecord(section.domainOptions, (options) => ({
      subscriptionId: options.subscriptionId,
      location: options.location,
      addressSpace: options.addressSpace,
      stepScripts: notebookScripts(options.stepScripts, (name) => SparkJobScript.fromNotebook(name)),
    })),
    hubAddressSpace: section.hubAddressSpace,
    purview: section.purview,
    keyVaultAllowedIpRanges: section.keyVaultAllowedIpRanges
      ? [...section.keyVaultAllowedIpRanges]
      : undefined,
    deployerInsideNetwork: section.deployerInsideNetwork,
    deployerReachesWorkspace: section.deployerReachesWorkspace,
    today: section.today,
  });
  return Object.values(mesh.stacks);
}

/** The SQL administrator's principal, by its kind. */
async function sqlAdministrator(
  admin: AzureSqlAdministrator,
): Promise<import('../../azure/warehouse/warehouse-props').SqlAdministrator> {
  const { Principal } = require('../../azure/iam/principal') as typeof import('../../azure/iam/principal');
  const principal =
    admin.principalType === 'group'
      ? Principal.group(admin.objectId)
      : admin.principalType === 'user'
        ? Principal.user(admin.objectId)
        : Principal.servicePrincipal(admin.objectId);
  return { login: admin.login, principal };
}

/** The file's Azure section; synthesize.ts rejects a file without one before calling the renderer. */
function requiredSection<T>(file: LakehouseSpecFile | MeshSpecFile): T {
  const section = sectionOf<T>(file, 'azure');
  if (section === undefined) throw new Error('renderAzure: the spec file has no azure section');
  return section;
}
