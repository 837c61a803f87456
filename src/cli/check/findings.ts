import type { CloudName } from '../spec/spec-file';

/** The tools whose rules `dpk check` runs: one SARIF run each. */
export enum CheckTool {
  /** cdk-nag's own `AwsSolutions` pack, on AWS templates. */
  CDK_NAG = 'cdk-nag',
  /** The kit's packs: `DataPlatformChecks` on AWS, the GCP and Azure Terraform packs. */
  KIT = 'data-platform-kit',
}

/** How serious a finding is (the packs' ERROR and WARNING levels). */
export type FindingLevel = 'error' | 'warning';

/** One rule as `dpk check` describes it (SARIF `reportingDescriptor`). */
export interface CheckRule {
  /** The rule id without a finding suffix: `AwsSolutions-IAM5`, `CKV_GCP_29`, `DPK-AWS-…`. */
  readonly id: string;
  readonly tool: CheckTool;
  /** What the rule requires (or what a failing resource does), in one sentence. */
  readonly description: string;
  /** Why the rule exists, or where to read more. */
  readonly help: string;
  /** Where the rule is documented, if online. */
  readonly helpUri?: string;
  readonly level: FindingLevel;
}

/** A rule failing on one resource of one stack. */
export interface CheckFinding {
  readonly cloud: CloudName;
  /** The stack (AWS) or cdktf stack (GCP, Azure) the resource belongs to. */
  readonly stack: string;
  /** The checked file: a `*.template.json` or a `cdk.tf.json` (absolute). */
  readonly file: string;
  /** 1-based line of the resource's key in {@link file}. */
  readonly line: number;
  /** The logical id (AWS) or the Terraform address `type.name` (GCP, Azure). */
  readonly resource: string;
  /** The construct path that made the resource, when the output records it. */
  readonly constructPath?: string;
  /** The rule id without a finding suffix (see {@link CheckRule.id}). */
  readonly ruleId: string;
  /** The id exactly as the pack reports it, e.g. `AwsSolutions-IAM5[Resource::*]`. */
  readonly findingId: string;
  readonly level: FindingLevel;
  readonly message: string;
  /** Set when the finding is acknowledged in the output: the reason given. */
  readonly acknowledgedBecause?: string;
}

/** What was checked in one stack. */
export interface CheckedStack {
  readonly cloud: CloudName;
  readonly stack: string;
  readonly file: string;
  readonly resources: number;
}

/** Everything one `dpk check` found. */
export interface CheckReport {
  /** The folder that was checked (absolute). */
  readonly root: string;
  readonly stacks: readonly CheckedStack[];
  /** Unacknowledged and acknowledged findings, in stack order. */
  readonly findings: readonly CheckFinding[];
  /** The rules that produced a finding, by id. */
  readonly rules: ReadonlyMap<string, CheckRule>;
}

/** The findings nobody acknowledged: the ones that fail the check. */
export function openFindings(report: CheckReport): CheckFinding[] {
  return report.findings.filter((f) => f.acknowledgedBecause === undefined);
}

/** The findings acknowledged in the output, each with its reason. */
export function acknowledgedFindings(report: CheckReport): CheckFinding[] {
  return report.findings.filter((f) => f.acknowledgedBecause !== undefined);
}
