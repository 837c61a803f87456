import type { CfnResource } from 'aws-cdk-lib';
import type { NagMessageLevel, NagRuleResult } from 'cdk-nag';

/** The compliance frameworks whose cdk-nag packs the kit's curated rules come from. */
export enum ComplianceFramework {
  /** cdk-nag `HIPAASecurityChecks`. */
  HIPAA_SECURITY = 'HIPAA Security',
  /** cdk-nag `NIST80053R5Checks`. */
  NIST_800_53_R5 = 'NIST 800-53 R5',
  /** cdk-nag `PCIDSS321Checks`. */
  PCI_DSS_321 = 'PCI DSS 3.2.1',
}

/** Where a rule's check comes from. */
export enum RuleOrigin {
  /** A rule function exported by cdk-nag (`rules.*`), curated into the pack unchanged. */
  CDK_NAG = 'cdk-nag',
  /** The kit's own data-platform rule, for a resource or setting cdk-nag does not check. */
  KIT = 'data-platform-kit',
}

/** Prefix of every finding id of {@link DataPlatformChecks}: `DPK-AWS-<rule name>`. */
export const DATA_PLATFORM_RULE_PREFIX = 'DPK-AWS';

/**
 * One rule of the kit's AWS pack, the cdk-nag way: a pure check over one CloudFormation
 * resource plus the texts a finding shows. Findings carry the id `DPK-AWS-<name>`.
 *
 * @example
 * const id = ruleId(GlueCatalogEncrypted); // 'DPK-AWS-GlueCatalogEncrypted'
 */
export interface DataPlatformRule {
  /** Rule name: cdk-nag's rule name for a curated rule, a PascalCase name for the kit's own. */
  readonly name: string;
  /** Why a resource was flagged: the finding's description. */
  readonly info: string;
  /** Why the rule exists. */
  readonly explanation: string;
  /** `ERROR` for security and data-safety defaults, `WARN` for hardening. */
  readonly level: NagMessageLevel;
  readonly origin: RuleOrigin;
  /**
   * The frameworks whose cdk-nag pack holds this check, or the check a kit rule replaces
   * (empty for a kit rule on a resource those packs do not cover).
   */
  readonly frameworks: readonly ComplianceFramework[];
  /** COMPLIANT, NON_COMPLIANT or NOT_APPLICABLE for one resource; pure. May throw when a value is a reference it cannot judge. */
  readonly rule: (node: CfnResource) => NagRuleResult;
}

/** The finding id of `rule`: `DPK-AWS-<name>`. */
export function ruleId(rule: Pick<DataPlatformRule, 'name'>): string {
  return `${DATA_PLATFORM_RULE_PREFIX}-${rule.name}`;
}
