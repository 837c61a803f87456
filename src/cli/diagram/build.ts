import { RootConstruct } from 'constructs';
import type { DiagramModel } from './model';
import { lakehouseDiagram } from './model-lakehouse';
import { meshDiagram } from './model-mesh';
import { serviceNames } from './services';
import { ValidationError } from '../../core/errors';
import { planDataMesh, planLakehouse } from '../../patterns';
import { problemsFromValidationError } from '../spec/locate';
import { SpecFileError } from '../spec/problems';
import { CLOUDS, type CloudName, type SpecFile } from '../spec/spec-file';

/** What Azure is called where it rejects a subscription to columns it cannot hide (as azure.DataMesh words it). */
const AZURE_STORAGE = 'Azure Storage';

/**
 * The day a mesh's subscriptions are checked against: the `today` of the drawn cloud's section,
 * else of the first section that has one (aws, gcp, azure), else today (UTC) — so a file that
 * pins the day draws the same every day.
 */
export function meshToday(file: SpecFile, cloud: CloudName | undefined): string | undefined {
  const sections = cloud === undefined ? CLOUDS : [cloud];
  for (const c of sections) {
    const today = (file.clouds[c] as { today?: unknown } | undefined)?.today;
    if (typeof today === 'string') return today;
  }
  return undefined;
}

/**
 * The diagram model of a loaded spec file, from the kit's own plan (`planLakehouse` or
 * `planDataMesh`), with `cloud`'s service names (neutral ones without). A mesh is planned as
 * `cloud` renders it (Azure cannot hide columns). A plan the cloud rejects becomes a
 * `SpecFileError` with positioned problems.
 */
export function diagramOfSpecFile(file: SpecFile, cloud?: CloudName): DiagramModel {
  const scope = new RootConstruct('');
  const services = serviceNames(cloud);
  try {
    if (file.pattern === 'lakehouse') return lakehouseDiagram(planLakehouse(scope, file.spec), services);
    const azure = cloud === 'azure';
    const plan = planDataMesh(scope, file.spec, {
      columnFiltering: !azure,
      ...(azure ? { cloud: AZURE_STORAGE } : {}),
      today: meshToday(file, cloud),
      // A picture of any size: stack sizes are `dpk synth`'s concern.
      maxResourcesPerStack: Number.MAX_SAFE_INTEGER,
    });
    return meshDiagram(plan, services);
  } catch (error) {
    if (!ValidationError.isValidationError(error)) throw error;
    throw new SpecFileError(problemsFromValidationError(file, cloud ?? 'aws', error));
  }
}
