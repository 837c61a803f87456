import { RootConstruct } from 'constructs';
import { problemsFromViolations } from './locate';
import type { SpecProblem } from './problems';
import type { SpecSource } from './source';
import type { PatternName } from './spec-file';
import { ValidationError } from '../../core/errors';
import {
  type DataMeshSpec,
  type LakehouseSpec,
  validateDataMeshSpec,
  validateLakehouseSpec,
} from '../../patterns';

/** What Azure is called in the mesh's rejections of columns it cannot hide (as azure.DataMesh words it). */
const AZURE_STORAGE = 'Azure Storage';

/** Runs one kit validator, returning its violations' problems (none when the spec is valid). */
function collect(source: SpecSource, pattern: PatternName, validate: () => void): SpecProblem[] {
  try {
    validate();
    return [];
  } catch (e) {
    if (!ValidationError.isValidationError(e)) throw e;
    return problemsFromViolations(source, e.violations, e.code, [[pattern]]);
  }
}

/**
 * The kit's own validation of the document's pattern (`validateLakehouseSpec` or
 * `validateDataMeshSpec`), as problems at the values' positions. A mesh with an `azure:` section
 * is also checked as Azure renders it (Azure Storage cannot hide columns), so what `dpk synth`
 * would reject there is found here too.
 */
export function kitProblems(source: SpecSource, pattern: PatternName): SpecProblem[] {
  const document = source.data as Record<string, unknown>;
  const scope = new RootConstruct('');
  if (pattern === 'lakehouse') {
    return collect(source, pattern, () => validateLakehouseSpec(scope, document.lakehouse as LakehouseSpec));
  }
  const spec = document.mesh as DataMeshSpec;
  const problems = collect(source, pattern, () => validateDataMeshSpec(scope, spec));
  if (document.azure === undefined) return problems;
  const seen = new Set(problems.map((p) => `${p.line}:${p.column}:${p.code}:${p.message}`));
  const azure = collect(source, pattern, () =>
    validateDataMeshSpec(scope, spec, { columnFiltering: false, cloud: AZURE_STORAGE }),
  ).filter((p) => !seen.has(`${p.line}:${p.column}:${p.code}:${p.message}`));
  return [...problems, ...azure.map((p) => ({ ...p, message: `${p.message} (on azure)` }))];
}
