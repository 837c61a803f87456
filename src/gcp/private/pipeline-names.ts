import type { NameRule } from '../../core/naming';

const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');

/**
 * Naming rules of the GCP resources the processing and orchestration blocks make, in core's
 * `NameRule` shape so `physicalName` derives and validates them. Kept here until core's
 * `NameRules` holds them.
 */
export const PipelineNameRules = {
  /**
   * Service account id (the part before `@`): 6-30 of a-z 0-9 '-', starting with a letter and
   * ending with a letter or digit. Unique per project.
   * @see https://cloud.google.com/iam/docs/service-accounts-create#creating
   */
  SERVICE_ACCOUNT: {
    target: 'service account id',
    minLength: 6,
    maxLength: 30,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum],
    allowed: "6-30 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit",
  },
  /**
   * Workflows workflow: 1-64 of letters, digits, '_' and '-', starting with a letter and ending
   * with a letter or digit. The kit derives lowercase names.
   * @see https://cloud.google.com/workflows/docs/reference/rest/v1/projects.locations.workflows
   */
  WORKFLOW: {
    target: 'Workflows workflow name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum],
    allowed:
      "1-64 characters of letters, digits, '_' and '-', starting with a letter, ending with a letter or digit",
  },
  /**
   * Cloud Scheduler job: 1-500 of letters, digits, '_' and '-'.
   * @see https://cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs
   */
  SCHEDULER_JOB: {
    target: 'Cloud Scheduler job name',
    minLength: 1,
    maxLength: 500,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-500 characters of letters, digits, '_' and '-'",
  },
  /**
   * Cloud Logging bucket id or sink name: 1-100 of letters, digits, '_', '-' and '.', not starting
   * with '_' (reserved for `_Default` and `_Required`).
   * @see https://cloud.google.com/logging/docs/buckets#create_bucket
   */
  LOGGING: {
    target: 'Cloud Logging bucket id or sink name',
    minLength: 1,
    maxLength: 100,
    charset: /[a-zA-Z0-9_.-]/,
    separator: '-',
    extraChecks: [(n) => (n.startsWith('_') ? "not start with '_'" : undefined)],
    allowed: "1-100 characters of letters, digits, '_', '-' and '.', not starting with '_'",
  },
} satisfies Record<string, NameRule>;
