import * as fs from 'node:fs';
import { CheckInputError } from './check-input-error';
import {
  CheckTool,
  type CheckFinding,
  type CheckRule,
  type CheckedStack,
  type FindingLevel,
} from './findings';
import { keyLines, keyPath } from './json-lines';
import type { TerraformOutput } from './outputs';
import {
  evaluateTerraform,
  RuleLevel,
  type TerraformDocument,
  type TerraformRule,
} from '../../core/compliance';
import type { CloudName } from '../spec/spec-file';

/** The cloud a Terraform provider belongs to: the provider names the kit's stacks configure. */
const PROVIDER_CLOUDS: Readonly<Record<string, CloudName>> = {
  google: 'gcp',
  'google-beta': 'gcp',
  azurerm: 'azure',
  azapi: 'azure',
};

/** The cloud of a cdk.tf.json, from the providers it configures; undefined when none is GCP or Azure. */
export function terraformCloud(doc: TerraformDocument): CloudName | undefined {
  const providers = Object.keys((doc.provider as Record<string, unknown> | undefined) ?? {});
  return providers.map((p) => PROVIDER_CLOUDS[p]).find(Boolean);
}

/** Loads a cloud's pack only when that cloud's output is checked (engine-free: rules over JSON). */
function packOf(cloud: CloudName): readonly TerraformRule[] {
  /* eslint-disable @typescript-eslint/no-require-imports */
  if (cloud === 'gcp') {
    return (require('../../gcp/compliance/pack') as typeof import('../../gcp/compliance/pack'))
      .DATA_PLATFORM_RULES;
  }
  return (require('../../azure/compliance/pack') as typeof import('../../azure/compliance/pack'))
    .DATA_PLATFORM_RULES;
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Where a cloud's rules are documented (in the kit's repository). */
const RULE_DOCS: Readonly<Record<CloudName, string>> = {
  aws: 'docs/rules/aws.md',
  gcp: 'docs/rules/gcp.md',
  azure: 'docs/rules/azure.md',
};

function levelOf(level: RuleLevel): FindingLevel {
  return level === RuleLevel.ERROR ? 'error' : 'warning';
}

/** A Terraform rule as `dpk check` describes it. */
function describe(rule: TerraformRule, cloud: CloudName): CheckRule {
  return {
    id: rule.id,
    tool: CheckTool.KIT,
    description: rule.description,
    help: `${rule.explanation} (data-platform-kit ${RULE_DOCS[cloud]})`,
    level: levelOf(rule.level),
  };
}

/** A cdk.tf.json read for checking: its text (for line numbers), document and cloud. */
export interface TerraformDocumentFile {
  readonly output: TerraformOutput;
  readonly text: string;
  readonly doc: TerraformDocument;
  /** Undefined when the document configures no GCP or Azure provider. */
  readonly cloud?: CloudName;
}

/** Reads a cdk.tf.json; throws {@link CheckInputError} when it is not JSON. */
export function readTerraformOutput(output: TerraformOutput): TerraformDocumentFile {
  const text = fs.readFileSync(output.file, 'utf8');
  let doc: TerraformDocument;
  try {
    doc = JSON.parse(text) as TerraformDocument;
  } catch (error) {
    throw new CheckInputError(`${output.file}: not readable as JSON (${(error as Error).message}).`);
  }
  return { output, text, doc, cloud: terraformCloud(doc) };
}

/** What one Terraform stack gave: the stack, its findings and the rules they cite. */
export interface StackCheckResult {
  readonly stack: CheckedStack;
  readonly findings: readonly CheckFinding[];
  readonly rules: readonly CheckRule[];
}

/**
 * Runs the kit's pack for the document's cloud (GCP or Azure) over every resource, with the
 * acknowledgements stamped in each resource's `//` block honoured (as `evaluateTerraform` does
 * for the synth job and the tests).
 */
export async function checkTerraformOutput(file: TerraformDocumentFile): Promise<StackCheckResult> {
  const { output, doc, cloud } = file;
  if (!cloud) {
    const providers = Object.keys((doc.provider as Record<string, unknown> | undefined) ?? {});
    throw new CheckInputError(
      `${output.file}: configures provider(s) ${providers.join(', ') || '(none)'}; ` +
        'dpk check has packs for google (GCP) and azurerm (Azure).',
    );
  }
  const pack = packOf(cloud);
  const report = evaluateTerraform(doc, pack);
  const lines = keyLines(file.text, 3);
  const byId = new Map(pack.map((r) => [r.id, r]));
  const toFinding = (f: (typeof report.findings)[number], reason?: string): CheckFinding => {
    const [type, ...name] = f.address.split('.');
    return {
      cloud,
      stack: output.stack,
      file: output.file,
      line: lines.get(keyPath(['resource', type, name.join('.')])) ?? 1,
      resource: f.address,
      constructPath: f.path,
      ruleId: f.ruleId,
      findingId: f.ruleId,
      level: levelOf(f.level),
      message: f.description,
      acknowledgedBecause: reason,
    };
  };
  const findings = [
    ...report.findings.map((f) => toFinding(f)),
    ...report.acknowledged.map((f) => toFinding(f, f.reason)),
  ];
  const resources = Object.values(doc.resource ?? {}).reduce(
    (n, byName) => n + Object.keys(byName).length,
    0,
  );
  return {
    stack: { cloud, stack: output.stack, file: output.file, resources },
    findings,
    rules: [...new Set(findings.map((f) => f.ruleId))].map((id) => describe(byId.get(id)!, cloud)),
  };
}
