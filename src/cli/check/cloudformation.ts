import * as fs from 'node:fs';
import { readStackAcknowledgements, type StackAcknowledgements } from './aws-acknowledgements';
import { CheckInputError } from './check-input-error';
import { CheckTool, type CheckFinding, type CheckRule, type FindingLevel } from './findings';
import { keyLines, keyPath } from './json-lines';
import type { CloudFormationOutput } from './outputs';
import { AWS_CHECK_PEERS, missingPeers, missingPeersMessage } from './peers';
import type { StackCheckResult } from './terraform';
import { type Finding, RuleLevel } from '../../core/compliance';

/** cdk-nag's rules documentation, for the AwsSolutions rules' help. */
const CDK_NAG_RULES_URI = 'https://github.com/cdklabs/cdk-nag/blob/main/RULES.md#awssolutions';
/** The rule id of a finding id: `AwsSolutions-IAM5[Resource::*]` → `AwsSolutions-IAM5`. */
const RULE_OF_FINDING = /^([^[]+)/;

interface CloudFormationTemplate {
  readonly Resources?: Record<
    string,
    { readonly Type?: string; readonly Properties?: any; readonly Metadata?: any }
  >;
}

/**
 * The engines AWS checking needs, required only when an AWS template is checked (so checking
 * GCP or Azure output never loads aws-cdk-lib). `require`, not `import()`: under node16 module
 * resolution an `import()` in a CommonJS file stays an ES module import.
 */
function loadEngines() {
  const missing = missingPeers(AWS_CHECK_PEERS);
  if (missing.length > 0) throw new CheckInputError(missingPeersMessage(missing, 'Checking AWS output'));
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    cdk: require('aws-cdk-lib') as typeof import('aws-cdk-lib'),
    include:
      require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include'),
    compliance: require('../../aws/compliance') as typeof import('../../aws/compliance'),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

type Engines = ReturnType<typeof loadEngines>;
let engines: Engines | undefined;

/**
 * cdk-nag's `VPCDefaultSecurityGroupClosed` reads the construct tree (the VPC L2's
 * `RestrictDefaultSecurityGroupCustomResource` child), which a template does not keep. Its
 * template equivalent: a `Custom::VpcRestrictDefaultSG` resource restricting the VPC's default
 * security group (`Fn::GetAtt: [<vpc>, DefaultSecurityGroup]`).
 */
function defaultSecurityGroupRestricted(template: CloudFormationTemplate, vpcLogicalId: string): boolean {
  return Object.values(template.Resources ?? {}).some((r) => {
    const target = r.Properties?.DefaultSecurityGroupId?.['Fn::GetAtt'];
    return (
      r.Type === 'Custom::VpcRestrictDefaultSG' &&
      Array.isArray(target) &&
      target[0] === vpcLogicalId &&
      target[1] === 'DefaultSecurityGroup'
    );
  });
}

/** Rules that read the construct tree, with what the template says in their place. */
const TREE_RULE_EQUIVALENTS: Readonly<
  Record<string, (template: CloudFormationTemplate, logicalId: string) => boolean>
> = {
  'DPK-AWS-VPCDefaultSecurityGroupClosed': defaultSecurityGroupRestricted,
};

function levelOf(level: RuleLevel): FindingLevel {
  return level === RuleLevel.ERROR ? 'error' : 'warning';
}

/**
 * The reason a finding on a resource of aws-cdk-lib's own custom-resource providers is accepted:
 * the kit's acknowledgement of the same finding on the framework helpers it knows. At synth,
 * those providers are plain `CfnResource`s that cdk-nag's typed rules skip; loaded back from
 * the template they are typed, so the rules see them.
 */
function frameworkReason(e: Engines, findingId: string): string | undefined {
  const ack = e.compliance.FRAMEWORK_ACKNOWLEDGEMENTS.find((a) => a.ruleId === findingId);
  return ack && `aws-cdk-lib's custom-resource provider (a framework helper): ${ack.reason}`;
}

/** The rules behind `findings`: the kit's from its pack table, cdk-nag's from the finding. */
function describeRules(e: Engines, findings: readonly Finding[]): CheckRule[] {
  const kitRules = new Map(e.compliance.DATA_PLATFORM_RULES.map((r) => [e.compliance.ruleId(r), r]));
  const rules = new Map<string, CheckRule>();
  for (const f of findings) {
    const id = ruleOf(f.ruleId);
    if (rules.has(id)) continue;
    const kit = kitRules.get(id);
    const level = levelOf(f.level);
    rules.set(
      id,
      kit
        ? {
            id,
            tool: CheckTool.KIT,
            description: kit.info,
            help: `${kit.explanation} (data-platform-kit docs/rules/aws.md)`,
            level,
          }
        : {
            id,
            tool: CheckTool.CDK_NAG,
            description: f.description,
            help: `cdk-nag AwsSolutions rule ${id}: see cdk-nag's RULES.md for what it checks and why.`,
            helpUri: CDK_NAG_RULES_URI,
            level,
          },
    );
  }
  return [...rules.values()];
}

/** The rule id of a finding id: `AwsSolutions-IAM5[Resource::*]` → `AwsSolutions-IAM5`. */
function ruleOf(findingId: string): string {
  return RULE_OF_FINDING.exec(findingId)?.[1] ?? findingId;
}

/**
 * Checks one CloudFormation template with cdk-nag's `AwsSolutions` pack and the kit's
 * `DataPlatformChecks`: the template is loaded with `CfnInclude` into a fresh App and Stack, so
 * the rules see typed L1 resources, and acknowledgements are read back from the assembly's
 * metadata and the template (see `readStackAcknowledgements`).
 */
export async function checkCloudFormationOutput(output: CloudFormationOutput): Promise<StackCheckResult> {
  const text = fs.readFileSync(output.file, 'utf8');
  let template: CloudFormationTemplate;
  try {
    template = JSON.parse(text) as CloudFormationTemplate;
  } catch (error) {
    throw new CheckInputError(`${output.file}: not readable as JSON (${(error as Error).message}).`);
  }
  const e = (engines ??= loadEngines());
  const app = new e.cdk.App({ autoSynth: false, analyticsReporting: false });
  const stack = new e.cdk.Stack(app, 'Checked');
  try {
    new e.include.CfnInclude(stack, 'Template', { templateFile: output.file });
  } catch (error) {
    throw new CheckInputError(
      `${output.file}: aws-cdk-lib's CfnInclude could not load the template: ${(error as Error).message}`,
    );
  }
  const report = e.compliance.checkCompliance(stack);
  const acks = readStackAcknowledgements(output, template);
  const lines = keyLines(text, 2);
  const raw = [...report.findings, ...report.acknowledged].filter(
    (f) => !TREE_RULE_EQUIVALENTS[f.ruleId]?.(template, f.address),
  );
  const findings = raw.map((f) => toFinding(f, output, acks, lines, e));
  return {
    stack: {
      cloud: 'aws',
      stack: output.stack,
      file: output.file,
      resources: Object.keys(template.Resources ?? {}).length,
    },
    findings,
    rules: describeRules(e, raw),
  };
}

function toFinding(
  f: Finding & { readonly reason?: string },
  output: CloudFormationOutput,
  acks: StackAcknowledgements,
  lines: ReadonlyMap<string, number>,
  e: Engines,
): CheckFinding {
  const ruleId = ruleOf(f.ruleId);
  const reason =
    f.reason ??
    acks.reasonFor(f.address, f.ruleId) ??
    (acks.isFrameworkProvider(f.address) ? frameworkReason(e, f.ruleId) : undefined);
  return {
    cloud: 'aws',
    stack: output.stack,
    file: output.file,
    line: lines.get(keyPath(['Resources', f.address])) ?? 1,
    resource: f.address,
    constructPath: acks.paths.get(f.address),
    ruleId,
    findingId: f.ruleId,
    level: levelOf(f.level),
    message: f.ruleId === ruleId ? f.description : `${f.description} (${f.ruleId.slice(ruleId.length)})`,
    acknowledgedBecause: reason,
  };
}
