import type { NameRule } from '../../core/internal';

const startsAlnum = (n: string) => (/^[a-zA-Z0-9]/.test(n) ? undefined : 'start with a letter or digit');

/**
 * Naming rules of the AWS processing and orchestration resources (core's `NameRules` holds the
 * cross-cloud ones). Each lists the limits its service documents; derived names use the
 * narrower character set given here so they satisfy every place they appear in (log-group names,
 * ARNs, Glue's own log-group paths). Internal: not exported from the entry point.
 */
export const PipelineNameRules = {
  /**
   * Glue job, security configuration or connection: 1-255 characters on one line. Derived names
   * keep to letters, digits, '.', '_' and '-', which also fit CloudWatch log-group names (Glue
   * puts the security configuration's name into the job's log-group names).
   * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-common.html#aws-glue-api-regex-oneLine
   */
  GLUE: {
    target: 'Glue job, security configuration or connection name',
    minLength: 1,
    maxLength: 255,
    charset: /[a-zA-Z0-9._-]/,
    separator: '-',
    extraChecks: [startsAlnum],
    allowed: "1-255 characters of letters, digits, '.', '_' and '-', starting with a letter or digit",
  },
  /**
   * IAM role: 1-64 of letters, digits and `+=,.@_-`. Derived names keep to letters, digits, '.',
   * '_' and '-' (Glue puts the role name into the job's log-group names).
   * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html
   */
  IAM_ROLE: {
    target: 'IAM role name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9._-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-64 characters of letters, digits, '.', '_' and '-'",
  },
  /**
   * Step Functions state machine: 1-80 of letters, digits, '_' and '-'.
   * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html
   */
  STATE_MACHINE: {
    target: 'Step Functions state machine name',
    minLength: 1,
    maxLength: 80,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-80 characters of letters, digits, '_' and '-'",
  },
  /**
   * EventBridge Scheduler schedule or schedule group: 1-64 of letters, digits, '.', '_' and '-'.
   * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
   */
  SCHEDULE: {
    target: 'EventBridge Scheduler schedule or group name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9._-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-64 characters of letters, digits, '.', '_' and '-'",
  },
} satisfies Record<string, NameRule>;
