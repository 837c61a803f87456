import {
  type Acknowledgement,
  type AcknowledgedFinding,
  type ComplianceReport,
  type Finding,
  RuleResult,
  type TerraformRule,
  type TfDocumentView,
  type TfResource,
} from './rule';

/** A synthesized Terraform JSON document (`cdk.tf.json`), as far as the rules read it. */
export interface TerraformDocument {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly [key: string]: unknown;
}

/**
 * Lists the resources of a document, keeping cdktf's construct path and the acknowledgements
 * stamped in each resource's `//` block, and dropping the rest of that block.
 */
export function terraformResources(doc: TerraformDocument): TfResource[] {
  return Object.entries(doc.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, raw]) => {
      const { ['//']: meta, ...config } = raw as Record<string, any>;
      const path: string | undefined = meta?.metadata?.path;
      const acknowledgements: Acknowledgement[] = meta?.acknowledgements ?? [];
      return { type, name, address: `${type}.${name}`, path, config, acknowledgements };
    }),
  );
}

/**
 * Runs `rules` over every resource of `doc` and splits the failures into findings and
 * acknowledged findings (those whose resource carries an acknowledgement of the rule).
 */
export function evaluateTerraform(doc: TerraformDocument, rules: readonly TerraformRule[]): ComplianceReport {
  const resources = terraformResources(doc);
  const byType = new Map<string, TfResource[]>();
  for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
  const view: TfDocumentView = { resources: (type) => byType.get(type) ?? [] };

  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  let checks = 0;
  for (const rule of rules) {
    for (const resource of rule.resourceTypes.flatMap((t) => view.resources(t))) {
      const result = rule.check(resource, view);
      if (result === RuleResult.NOT_APPLICABLE) continue;
      checks++;
      if (result === RuleResult.COMPLIANT) continue;
      const finding: Finding = {
        ruleId: rule.id,
        description: rule.description,
        level: rule.level,
        address: resource.address,
        path: resource.path,
      };
      const ack = resource.acknowledgements.find((a) => a.ruleId === rule.id);
      if (ack) acknowledged.push({ ...finding, reason: ack.reason });
      else findings.push(finding);
    }
  }
  return { findings, acknowledged, checks };
}

/** One line per finding, for test failures and the synth job. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.level} ${f.ruleId} ${f.address}${f.path ? ` (${f.path})` : ''}: ${f.description}`)
    .join('\n');
}
