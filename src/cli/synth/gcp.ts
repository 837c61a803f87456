/**
 * Renders a spec file on GCP: the kit's `Lakehouse` in one Terraform stack with its Google
 * provider, or its `DataMesh` (which makes its own stacks and providers), as
 * examples/lakehouse-gcp and examples/data-mesh-gcp do. The kit's GCP modules and the Google
 * provider are loaded only here, when GCP is rendered.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a cloud's modules load only when it is rendered; under node16 resolution `import()` would stay an ES module import */
import type { RenderRequest, RenderResult } from './render';
import { DEFAULT_LAKEHOUSE_ID, DEFAULT_MESH_ID, sectionOf } from './render';
import { fileScripts, mapRecord } from './step-scripts';
import { renderTerraformCloud } from './terraform';
import type { App, TerraformStack } from '../../terraform';
import type { FileStepScript, GcpLakehouseSection, GcpMeshSection } from '../spec/sections';
import type { LakehouseSpecFile, MeshSpecFile } from '../spec/spec-file';

/** Cloud Storage and BigQuery multi-regions: a location that is not a region. */
const MULTI_REGIONS = new Set(['EU', 'US', 'ASIA']);

/** Renders the file's pattern on GCP into `request.outDir`. The section is required (synthesize.ts checks). */
export async function renderGcp(request: RenderRequest): Promise<RenderResult> {
  return renderTerraformCloud(request, {
    cloud: 'gcp',
    buildLakehouse,
    buildMesh,
    loadCompliance: () => require('../../gcp/compliance') as typeof import('../../gcp/compliance'),
  });
}

/** The lakehouse in one stack with its Google provider, as examples/lakehouse-gcp/app.ts builds it. */
async function buildLakehouse(app: App, file: LakehouseSpecFile): Promise<TerraformStack[]> {
  const { TerraformStack: Stack } = require('../../terraform') as typeof import('../../terraform');
  const { addGoogleProvider } = require('../../gcp/provider') as typeof import('../../gcp/provider');
  const { Lakehouse } =
    require('../../gcp/patterns/lakehouse') as typeof import('../../gcp/patterns/lakehouse');
  const { Principal } = require('../../gcp/iam/principal') as typeof import('../../gcp/iam/principal');
  const section = requiredSection<GcpLakehouseSection>(file);
  const stack = new Stack(app, section.stackName ?? file.spec.platformName);
  const region = section.region ?? (MULTI_REGIONS.has(section.location) ? undefined : section.location);
  addGoogleProvider(stack, section.project, region);
  new Lakehouse(stack, section.id ?? DEFAULT_LAKEHOUSE_ID, {
    ...file.spec,
    project: section.project,
    location: section.location,
    region: section.region,
    stepScripts: await gcpScripts(file.path, section.stepScripts),
    stepRuntime: section.stepRuntime,
    warehouseReservation: section.warehouseReservation,
    dailyQueryLimitGib: section.dailyQueryLimitGib,
    personaServiceAccounts: mapRecord(section.personaServiceAccounts, (email) =>
      Principal.serviceAccount(email),
    ),
    ownsProjectSettings: section.ownsProjectSettings,
  });
  return [stack];
}

/** The mesh's stacks (each with its provider), as examples/data-mesh-gcp/app.ts builds them. */
async function buildMesh(app: App, file: MeshSpecFile): Promise<TerraformStack[]> {
  const { DataMesh } = require('../../gcp/mesh/data-mesh') as typeof import('../../gcp/mesh/data-mesh');
  const section = requiredSection<GcpMeshSection>(file);
  const domainOptions: Record<string, import('../../gcp/mesh/data-mesh-types').DataMeshDomainOptions> = {};
  for (const [domain, options] of Object.entries(section.domainOptions ?? {})) {
    domainOptions[domain] = {
      project: options.project,
      region: options.region,
      stepScripts: await gcpScripts(file.path, options.stepScripts),
    };
  }
  const mesh = new DataMesh(app, section.id ?? DEFAULT_MESH_ID, {
    ...file.spec,
    governanceProject: section.governanceProject,
    location: section.location,
    region: section.region,
    domainOptions: section.domainOptions ? domainOptions : undefined,
    // The section's literals are the enum's values.
    partitionedIcebergProducts: section.partitionedIcebergProducts as
      import('../../gcp/mesh/data-mesh-types').PartitionedIcebergProducts | undefined,
    today: section.today,
  });
  return Object.values(mesh.stacks);
}

/** GCP step scripts: a file is uploaded by the pipeline, a bucket object is named. */
async function gcpScripts(
  specPath: string,
  scripts: Readonly<Record<string, FileStepScript>> | undefined,
): Promise<Record<string, import('../../gcp/processing/spark-job-script').SparkJobScript> | undefined> {
  const { SparkJobScript } =
    require('../../gcp/processing/spark-job-script') as typeof import('../../gcp/processing/spark-job-script');
  return fileScripts(specPath, scripts, {
    fromAsset: (file) => SparkJobScript.fromAsset(file),
    fromBucket: (bucket, object) => SparkJobScript.fromBucket(bucket, object),
  });
}

/** The file's GCP section; synthesize.ts rejects a file without one before calling the renderer. */
function requiredSection<T>(file: LakehouseSpecFile | MeshSpecFile): T {
  const section = sectionOf<T>(file, 'gcp');
  if (section === undefined) throw new Error('renderGcp: the spec file has no gcp section');
  return section;
}
