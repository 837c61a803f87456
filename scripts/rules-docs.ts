/**
 * Writes docs/rules/<cloud>.md from the compliance packs themselves: each rule's id, what it
 * checks, why, level and source, by the pack's sections, and which rules each intent a block
 * states answers. `npx projen docs:rules` runs it; test/docs/rules.test.ts fails when the
 * committed pages differ from what the packs generate.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NagMessageLevel } from 'cdk-nag';
import { FRAMEWORK_ACKNOWLEDGEMENTS } from '../src/aws/compliance/acknowledgements';
import { INTENT_FINDINGS } from '../src/aws/compliance/intents';
import { PACK_SECTIONS as AWS_SECTIONS } from '../src/aws/compliance/pack';
import { RECORDING_PACKS } from '../src/aws/compliance/private/recording';
import { type DataPlatformRule, ruleId, RuleOrigin } from '../src/aws/compliance/rule';
import { INTENT_RULES as AZURE_INTENTS } from '../src/azure/compliance/intents';
import { PACK_SECTIONS as AZURE_SECTIONS } from '../src/azure/compliance/pack';
import {
  ComplianceIntent,
  type IntentRules,
  type PackSection,
  type TerraformRule,
} from '../src/core/internal';
import { INTENT_RULES as GCP_INTENTS } from '../src/gcp/compliance/intents';
import { PACK_SECTIONS as GCP_SECTIONS } from '../src/gcp/compliance/pack';

const ROOT = path.resolve(__dirname, '..');
/** The folder the pages are written to. */
export const RULES_DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const TASK = 'npx projen docs:rules';

/** What each intent means, in the words docs/compliance.md uses. */
const INTENT_MEANING: Readonly<Record<ComplianceIntent, string>> = {
  [ComplianceIntent.DESTROY_CHOSEN]:
    'the user chose DESTROY for a data resource, with the `removeDataOnDestroy` app flag',
  [ComplianceIntent.ALLOW_LISTED_PUBLIC_ENDPOINT]:
    'a public endpoint is on for a deployer or a service, behind a default-deny firewall and an allow-list',
  [ComplianceIntent.INHERENT_WILDCARD_RESOURCES]:
    'a role the block made names wildcard resources its purpose needs (every object of a zone), or actions without resource-level permissions',
  [ComplianceIntent.CUSTOMER_MANAGED_KEY]:
    "encrypted with the platform's customer-managed key where a rule asks for the service's own key",
  [ComplianceIntent.NOTHING_AT_REST]:
    'stores nothing at rest: records stay in an encrypted source and land encrypted in the destination',
  [ComplianceIntent.ACCESS_LOGGED_ELSEWHERE]:
    "access is logged by a project-wide setting another stack owns (the project's one authoritative storage audit config)",
};

/** What each pack `checkCompliance` runs on AWS is, by its finding prefix. */
const AWS_PACKS: Readonly<Record<string, string>> = {
  AwsSolutions:
    "cdk-nag's `AwsSolutionsChecks`, unchanged; its rules are listed in " +
    "[cdk-nag's RULES.md](https://github.com/cdklabs/cdk-nag/blob/main/RULES.md#awssolutions), not here",
  'DPK-AWS': "the kit's `DataPlatformChecks`, every rule below",
};

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** A markdown table. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Where a Terraform rule comes from: its id's namespace, which the pack tests pin. */
function terraformSource(id: string): string {
  if (/^CKV2?_/.test(id)) return 'Checkov';
  if (/^AVD-/.test(id)) return 'Trivy (tfsec)';
  if (/^DPK_/.test(id)) return "data-platform-kit's own";
  throw new Error(`rule id ${id} is in no known namespace`);
}

/** The lines every page starts with. */
function header(title: string, source: string): string[] {
  return [
    `<!-- Generated from ${source} by \`${TASK}\`: edit the packs, not this page. -->`,
    '',
    `# ${title}`,
    '',
  ];
}

/** The page of a Terraform cloud's pack. */
function terraformPage(
  cloud: 'gcp' | 'azure',
  name: string,
  sections: readonly PackSection<TerraformRule>[],
  intents: IntentRules,
): string {
  const count = sections.reduce((n, s) => n + s.rules.length, 0);
  const lines = [
    ...header(`${name} compliance rules`, `src/${cloud}/compliance/pack.ts`),
    `The kit's ${name} pack (\`data-platform-kit/${cloud}/compliance\`): ${count} rules over the ` +
      'synthesized Terraform JSON, run by `checkCompliance(stackOrApp)`. An id mirrors the Checkov or ' +
      "Trivy check the rule implements; a `DPK_` id is the kit's own, where no public check fits " +
      '(its explanation says why). Level Error: a security or data-safety default is broken; Warning: a ' +
      'hardening recommendation is not met. See [../compliance.md](../compliance.md) for how findings ' +
      'are acknowledged.',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '');
    lines.push(
      table(
        ['id', 'checks', 'why', 'level', 'source'],
        section.rules.map((r) => [
          `\`${r.id}\``,
          r.description,
          r.explanation,
          r.level,
          terraformSource(r.id),
        ]),
      ),
      '',
    );
  }
  lines.push(
    '## Intents the blocks state',
    '',
    'Blocks never name a rule: they state an intent (`ComplianceIntent`) with a reason, and the pack ' +
      `acknowledges the rules below on the resource (\`src/${cloud}/compliance/intents.ts\`).`,
    '',
    table(
      ['intent', 'meaning', 'rules it answers'],
      Object.entries(intents).map(([intent, rules]) => [
        `\`${intent}\``,
        INTENT_MEANING[intent as ComplianceIntent],
        rules!
          .map(
            (r) =>
              `\`${r.id}\` (${r.resourceTypes.length === 1 ? r.resourceTypes[0] : 'its resource types'})`,
          )
          .join(', '),
      ]),
    ),
    '',
  );
  return lines.join('\n');
}

/** Where an AWS rule comes from. */
function awsSource(rule: DataPlatformRule): string {
  const packs = rule.frameworks.join(', ');
  if (rule.origin === RuleOrigin.CDK_NAG) return `cdk-nag \`${rule.name}\` (${packs})`;
  return packs ? `data-platform-kit's own (replaces a check of ${packs})` : "data-platform-kit's own";
}

/** The AWS page: the packs that run, the kit's pack, the intents and the framework-helper acknowledgements. */
function awsPage(): string {
  const packNames = RECORDING_PACKS.map((Pack) => new Pack().readPackName);
  const lines = [
    ...header('AWS compliance rules', 'src/aws/compliance/pack.ts'),
    'On AWS the packs are cdk-nag v3 packs, run as aws-cdk-lib validation plugins or by `checkCompliance(app)`, which runs, in order:',
    '',
    table(
      ['finding prefix', 'pack'],
      packNames.map((name) => {
        const what = AWS_PACKS[name];
        if (!what) {
          throw new Error(`checkCompliance runs pack ${name}, which scripts/rules-docs.ts does not describe`);
        }
        return [`\`${name}-\``, what];
      }),
    ),
    '',
    'Level Error: a security or data-safety default is broken; Warning: a hardening recommendation is not ' +
      "met. The rules cdk-nag's HIPAA, NIST and PCI packs hold that the kit leaves out, and why, are listed " +
      'on `DataPlatformChecks` (src/aws/compliance/data-platform-checks.ts). See ' +
      '[../compliance.md](../compliance.md) for how findings are acknowledged.',
    '',
  ];
  for (const section of AWS_SECTIONS) {
    lines.push(`## ${section.title}`, '');
    lines.push(
      table(
        ['id', 'checks (the finding)', 'why', 'level', 'source'],
        section.rules.map((r) => [
          `\`${ruleId(r)}\``,
          r.info,
          r.explanation,
          r.level === NagMessageLevel.ERROR ? 'Error' : 'Warning',
          awsSource(r),
        ]),
      ),
      '',
    );
  }
  lines.push(
    '## Intents the blocks state',
    '',
    'Blocks never name a rule: they state an intent (`ComplianceIntent`) with a reason, and ' +
      '`src/aws/compliance/intents.ts` acknowledges the finding ids below on the resource.',
    '',
    table(
      ['intent', 'meaning', 'findings it answers'],
      [
        ...Object.entries(INTENT_FINDINGS).map(([intent, byType]) => [
          `\`${intent}\``,
          INTENT_MEANING[intent as ComplianceIntent],
          Object.entries(byType!)
            .map(([type, ids]) => `${ids.map((id) => `\`${id}\``).join(', ')} on ${type}`)
            .join('; '),
        ]),
        [
          `\`${ComplianceIntent.INHERENT_WILDCARD_RESOURCES}\``,
          INTENT_MEANING[ComplianceIntent.INHERENT_WILDCARD_RESOURCES],
          '`AwsSolutions-IAM5[Resource::<ARN>]` for each wildcard ARN, on the role',
        ],
      ],
    ),
    '',
    '## Framework helpers',
    '',
    'Constructs aws-cdk-lib generates (never a data resource) get these acknowledgements ' +
      '(`FRAMEWORK_ACKNOWLEDGEMENTS`):',
    '',
    table(
      ['finding', 'helper', 'reason'],
      FRAMEWORK_ACKNOWLEDGEMENTS.map((a) => [`\`${a.ruleId}\``, a.helper, a.reason]),
    ),
    '',
  );
  return lines.join('\n');
}

/** Every page, by file name under docs/rules/, as the packs generate it. */
export function renderRulesDocs(): Record<string, string> {
  return {
    'aws.md': awsPage(),
    'gcp.md': terraformPage('gcp', 'GCP', GCP_SECTIONS, GCP_INTENTS),
    'azure.md': terraformPage('azure', 'Azure', AZURE_SECTIONS, AZURE_INTENTS),
  };
}

if (require.main === module) {
  fs.mkdirSync(RULES_DOCS_DIR, { recursive: true });
  for (const [file, text] of Object.entries(renderRulesDocs())) {
    fs.writeFileSync(path.join(RULES_DOCS_DIR, file), text);
    console.log(`wrote docs/rules/${file}`);
  }
}
