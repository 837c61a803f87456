import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';

/** A project id (6-30 of a-z, 0-9, '-'), optionally domain-scoped (`example.com:my-project`). */
const PROJECT_ID = /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Validates an optional project id (`DPK_INVALID_NAME`); unset and tokens pass. Returns it. */
export function validateProject(
  scope: IConstruct,
  project: string | undefined,
  prop = 'project',
): string | undefined {
  if (project === undefined || isUnresolved(project)) return project;
  if (typeof project !== 'string' || !PROJECT_ID.test(project)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop,
      received: project,
      allowed:
        "a GCP project id: 6-30 characters of a-z, 0-9 and '-', starting with a letter and not ending with '-' (optionally 'domain:' scoped)",
    });
  }
  return project;
}
