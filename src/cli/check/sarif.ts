import { CheckTool, type CheckFinding, type CheckReport, type CheckRule } from './findings';

/** The SARIF version `dpk check --format sarif` writes, and its schema. */
export const SARIF_VERSION = '2.1.0';
/** The JSON Schema of SARIF 2.1.0 (OASIS), as code-scanning tools expect it in `$schema`. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Where a finding points in the SARIF log: a file relative to the upload's root, and a line. */
export interface SarifLocation {
  readonly uri: string;
  readonly startLine: number;
}

/** What the SARIF writer needs besides the report. */
export interface SarifOptions {
  /** Where each finding points (the checked file and line, or the spec file's cloud section). */
  readonly locate: (finding: CheckFinding) => SarifLocation;
  /** The tools' versions, by tool, when known. */
  readonly versions: Readonly<Partial<Record<CheckTool, string>>>;
}

const INFORMATION_URIS: Readonly<Partial<Record<CheckTool, string>>> = {
  [CheckTool.CDK_NAG]: 'https://github.com/cdklabs/cdk-nag',
};

function descriptor(rule: CheckRule) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: rule.help },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: rule.level },
  };
}

function result(finding: CheckFinding, ruleIndex: number, location: SarifLocation) {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    message: { text: `${finding.message} [${finding.stack} ${finding.resource}]` },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: location.uri },
          region: { startLine: location.startLine },
        },
        logicalLocations: [
          {
            name: finding.resource,
            fullyQualifiedName: `${finding.stack}/${finding.resource}`,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: {
      'dpkFinding/v1': `${finding.cloud}/${finding.stack}/${finding.resource}/${finding.findingId}`,
    },
    properties: {
      cloud: finding.cloud,
      stack: finding.stack,
      findingId: finding.findingId,
      ...(finding.constructPath ? { constructPath: finding.constructPath } : {}),
    },
    ...(finding.acknowledgedBecause !== undefined
      ? { suppressions: [{ kind: 'inSource', justification: finding.acknowledgedBecause }] }
      : {}),
  };
}

/** The tools that ran: cdk-nag when an AWS stack was checked, the kit's packs always. */
function toolsThatRan(report: CheckReport): CheckTool[] {
  return report.stacks.some((s) => s.cloud === 'aws') ? [CheckTool.CDK_NAG, CheckTool.KIT] : [CheckTool.KIT];
}

/**
 * The report as a SARIF 2.1.0 log: one run per tool (cdk-nag's AwsSolutions, the kit's packs),
 * each with the rules that produced a finding and one result per finding; acknowledged findings
 * are results with an `inSource` suppression whose justification is the reason given.
 */
export function toSarif(report: CheckReport, options: SarifOptions): Record<string, unknown> {
  const runs = toolsThatRan(report).map((tool) => {
    const rules = [...report.rules.values()]
      .filter((r) => r.tool === tool)
      .sort((a, b) => a.id.localeCompare(b.id));
    const index = new Map(rules.map((r, i) => [r.id, i]));
    const version = options.versions[tool];
    const informationUri = INFORMATION_URIS[tool];
    return {
      tool: {
        driver: {
          name: tool,
          ...(version ? { version } : {}),
          ...(informationUri ? { informationUri } : {}),
          rules: rules.map(descriptor),
        },
      },
      results: report.findings
        .filter((f) => index.has(f.ruleId))
        .map((f) => result(f, index.get(f.ruleId)!, options.locate(f))),
    };
  });
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs };
}
